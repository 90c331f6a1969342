#!/bin/sh
# Kills Brobygger with SIGKILL in the middle of a roll call and checks that
# every mark confirmed on the screen is in the database, and that the
# database is sound. The kill comes from the script itself (`exec kill -KILL
# $PPID`: the shell's parent is the program), after the last key it handled.
#
# usage: attendance-kill.sh BROBYGGER ATTENDANCE_MARKS DIR
set -u
bin=$1
marks=$2
dir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/test.db

if ! "$bin" --db "$db" demo --citizens 400 --seed 3 >"$tmp/setup" 2>&1; then
	echo "not ok 1 - demo data"
	sed 's/^/# /' "$tmp/setup"
	echo "1..1"
	exit 1
fi
env COLUMNS=80 LINES=24 BROBYGGER_SCRIPT="$dir/attendance-kill.keys" "$bin" --db "$db" \
	>"$tmp/screen" 2>"$tmp/stderr"
status=$?
fail=0
if [ "$status" -eq 137 ]; then
	echo "ok 1 - killed by SIGKILL mid roll call (status $status)"
else
	echo "not ok 1 - exit status $status, expected 137 (SIGKILL)"
	sed 's/^/# /' "$tmp/stderr"
	fail=1
fi
if grep -q "Mødt 5 · Afbud 1 · Udeblevet 1 · Mangler 13" "$tmp/screen"; then
	echo "ok 2 - the screen confirmed seven marks before the kill"
else
	echo "not ok 2 - the screen before the kill is not as expected"
	sed 's/^/# /' "$tmp/screen"
	fail=1
fi
if "$marks" "$db" 2026-11-26 >"$tmp/marks" 2>"$tmp/marks.err" \
	&& diff -u "$dir/attendance-kill.marks" "$tmp/marks" >"$tmp/diff"; then
	echo "ok 3 - every confirmed mark is in the database, nothing more"
else
	echo "not ok 3 - the marks in the database differ"
	sed 's/^/# /' "$tmp/marks.err" "$tmp/diff"
	fail=1
fi
if "$bin" --db "$db" check >"$tmp/check" 2>&1; then
	echo "ok 4 - the database is sound after the kill"
else
	echo "not ok 4 - brobygger check after the kill"
	sed 's/^/# /' "$tmp/check"
	fail=1
fi
echo "1..4"
exit $fail
