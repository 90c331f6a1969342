#!/bin/sh
# How many keys does a roll call take? Counts the key presses in the real
# TUI script attendance-rollcall.keys between "# roll call starts" and
# "# roll call ends" (from the home screen to the last mark: each name
# after `key` is one press, each character after `type` one), checks that
# its screens show 15 came, 3 sent notice and 2 did not come, of 20, and
# that it took fewer than 30 keys. tui-attendance-rollcall checks that
# the program really shows those screens.
#
# usage: attendance-keystrokes.sh DIR
set -u
dir=$1
keys=$dir/attendance-rollcall.keys
expected=$dir/attendance-rollcall.expected
count=$(awk '
	/^# roll call starts/ { on = 1; next }
	/^# roll call ends/ { on = 0; next }
	on && $1 == "key" { n += NF - 1 }
	on && $1 == "type" { sub(/^type /, ""); n += length($0) }
	END { print n + 0 }' "$keys")
fail=0
if grep -q "Mødt 15 · Afbud 3 · Udeblevet 2 · Mangler 0" "$expected"; then
	echo "ok 1 - the roll call records 15 came, 3 notice, 2 away, none left"
else
	echo "not ok 1 - the roll call's summary line is not 15/3/2/0"
	fail=1
fi
if [ "$count" -lt 30 ]; then
	echo "ok 2 - a 20-person roll call takes $count keys (fewer than 30)"
else
	echo "not ok 2 - a 20-person roll call takes $count keys, 30 or more"
	fail=1
fi
echo "# keystrokes: $count"
echo "1..2"
exit $fail
