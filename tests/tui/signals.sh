#!/bin/sh
# Signals at the desk: Ctrl-\ (SIGQUIT) ends the program like SIGTERM,
# keeping a half-filled intake as a draft and giving the terminal back;
# Ctrl-Z (SIGTSTP) does not suspend it with the data on screen.
# usage: signals.sh BROBYGGER
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
check() { # OK DESCRIPTION
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
run() { # SCRIPT-TEXT: runs the program on it, output in $tmp/out, status in $st
	printf '%s\n' "$1" >"$tmp/keys"
	env COLUMNS=80 LINES=24 BROBYGGER_SCRIPT="$tmp/keys" "$bin" --db "$tmp/t.db" --create >"$tmp/out" 2>"$tmp/err"
	st=$?
}

run "key 1
key <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>
type Jens Kærgård
signal QUIT"
[ "$st" = 131 ]; check $? "SIGQUIT ends the program as a stop signal (exit $st)"
run "key k
dump
key <Esc> q"
grep -q "Jens Kærgård" "$tmp/out"; check $? "the intake typed before SIGQUIT is kept as a draft"

run "key 2
signal TSTP
dump
key <Esc> <Esc> <Esc>
key q"
[ "$st" = 0 ]; check $? "SIGTSTP does not stop the program (exit $st)"
grep -q "Borgere" "$tmp/out"; check $? "and the screen goes on where it was"
echo "1..$n"
exit $fail
