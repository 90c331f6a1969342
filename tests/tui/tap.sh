# tap.sh — sourced by the TUI shell tests: a private folder $tmp, TAP
# checks, and `run` of the program on a script of keys.
# The sourcing test sets $bin to the program first.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
check() { # OK DESCRIPTION
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
run() { # SCRIPT-TEXT: runs the program on $tmp/t.db, screens in $tmp/out, status in $st
	printf '%s\n' "$1" >"$tmp/keys"
	env COLUMNS=80 LINES=24 BROBYGGER_SCRIPT="$tmp/keys" "$bin" --db "$tmp/t.db" --create >"$tmp/out" 2>"$tmp/err"
	st=$?
}
finish() {
	echo "1..$n"
	exit $fail
}
