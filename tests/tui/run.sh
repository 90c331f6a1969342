#!/bin/sh
# Headless TUI test: runs the real program with keys from a script (tig's
# way: newterm() on /dev/null, no pty, no sleeps) and compares the screens
# it dumps with the expected text.
#
# usage: run.sh BROBYGGER SCRIPT
# The script sits next to SCRIPT.expected. Header lines in the script:
#   #size COLS ROWS       terminal size at start (default 80 24)
#   #env NAME=VALUE       extra environment, e.g. LANGUAGE=en
#   #setup ARGS...        run `brobygger --db DB ARGS` first (e.g. demo)
#   #status N             expected exit status (default 0)
# Set BROBYGGER_UPDATE_EXPECTED=1 to rewrite the expected file.
set -u
bin=$1
script=$2
expected=${script%.keys}.expected
name=$(basename "${script%.keys}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/test.db

cols=80 rows=24 want_status=0
envs=""
while IFS= read -r line; do
	case $line in
	"#size "*) set -- ${line#\#size }; cols=$1 rows=$2 ;;
	"#env "*) envs="$envs ${line#\#env }" ;;
	"#status "*) want_status=${line#\#status } ;;
	"#setup "*)
		# shellcheck disable=SC2086
		if ! "$bin" --db "$db" ${line#\#setup } >"$tmp/setup.out" 2>&1; then
			echo "not ok 1 - $name: setup '${line#\#setup }' failed"
			sed 's/^/# /' "$tmp/setup.out"
			echo "1..1"
			exit 1
		fi ;;
	esac
done <"$script"

# From inside the folder, so a message naming the database reads the same
# on every run.
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
script=$(cd "$(dirname "$script")" && pwd)/$(basename "$script")
# For `exec` lines: a second desk on the same database.
export BB_TEST_BIN="$bin" BB_TEST_DB="$db" BB_TEST_DIR="$(dirname "$script")"
# shellcheck disable=SC2086
(cd "$tmp" && env COLUMNS="$cols" LINES="$rows" BROBYGGER_SCRIPT="$script" $envs \
	"$bin" --db test.db --create >"$tmp/actual" 2>"$tmp/stderr")
status=$?

if [ "${BROBYGGER_UPDATE_EXPECTED:-}" = 1 ]; then
	cp "$tmp/actual" "$expected"
fi

fail=0
if [ "$status" -eq "$want_status" ]; then
	echo "ok 1 - $name: exit status $status"
else
	echo "not ok 1 - $name: exit status $status, expected $want_status"
	sed 's/^/# /' "$tmp/stderr"
	fail=1
fi
if diff -u "$expected" "$tmp/actual" >"$tmp/diff" 2>&1; then
	echo "ok 2 - $name: screens match"
else
	echo "not ok 2 - $name: screens differ from $expected"
	sed 's/^/# /' "$tmp/diff"
	fail=1
fi
echo "1..2"
exit $fail
