#!/bin/sh
# Signals at the desk: Ctrl-\ (SIGQUIT) ends the program like SIGTERM,
# keeping a half-filled intake as a draft and giving the terminal back;
# Ctrl-Z (SIGTSTP) does not suspend it with the data on screen.
# usage: signals.sh BROBYGGER
set -u
bin=$1
. "$(dirname "$0")/tap.sh"

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
finish
