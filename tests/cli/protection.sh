#!/bin/sh
# Data protection on the command line: the retention rule shown and
# applied, an insight file, the audit log with its filters, and a
# database others could read made private at start. Prints TAP.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	for f in "$tmp/out" "$tmp/err"; do [ -f "$f" ] && sed 's/^/# /' "$f"; done
}
# expect STATUS DESCRIPTION -- command...; output in $tmp/out, $tmp/err
expect() {
	want=$1 desc=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc (exit $got)"; else not_ok "$desc (exit $got, expected $want)"; fi
}
contains() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok "$3"; else not_ok "$3: '$2' not in $(basename "$1")"; fi
}
lacks() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then not_ok "$3: '$2' in $(basename "$1")"; else ok "$3"; fi
}
sql() { # DB QUERY: one value
	python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2"
}

db=$tmp/demo.db
"$bin" demo --db "$db" --citizens 60 --seed 5 >/dev/null 2>&1

expect 0 "retention shows what it would do" -- "$bin" --db "$db" retention
contains "$tmp/out" "Opbevaringsreglen ville i dag udføre:" "in Danish"
contains "$tmp/out" "anonymisering af 5 borgere" "five citizens would be anonymised"
contains "$tmp/out" "Intet er ændret" "and says nothing was changed"
if [ "$(sql "$db" "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL")" = 0 ]; then
	ok "nothing was changed"; else not_ok "the preview anonymised someone"; fi
expect 0 "retention --apply" -- "$bin" --db "$db" retention --apply
contains "$tmp/out" "Opbevaringsreglen har i dag udført:" "says what it did"
if [ "$(sql "$db" "SELECT count(*) FROM citizens WHERE anonymised_on IS NOT NULL")" = 5 ]; then
	ok "five citizens are anonymised"; else not_ok "not five anonymised"; fi
expect 0 "and again" -- "$bin" --db "$db" retention --apply
contains "$tmp/out" "anonymisering af 0 borgere" "nothing left to do"
expect 2 "retention takes no argument" -- "$bin" --db "$db" retention nu
expect 1 "retention on a missing database" -- "$bin" --db "$tmp/none.db" retention
contains "$tmp/err" "ingen database" "says there is none"
if [ ! -e "$tmp/none.db" ]; then ok "and makes none"; else not_ok "a database was made"; fi

expect 0 "insight to the terminal" -- "$bin" --db "$db" insight 3
contains "$tmp/out" "Rikke Damgaard" "the person"
contains "$tmp/out" "Samtykker" "her consents"
contains "$tmp/out" "Hvem har set eller ændret oplysningerne" "and the log about her"
expect 0 "insight to a file" -- "$bin" --db "$db" insight 3 --output "$tmp/indsigt.txt"
contains "$tmp/out" "indsigt.txt" "says where"
mode=$(stat -c %a "$tmp/indsigt.txt")
if [ "$mode" = 600 ]; then ok "the file is mode 600"; else not_ok "the file is mode $mode"; fi
contains "$tmp/indsigt.txt" "eksporterede" "it lists the first insight among who used her data"
expect 1 "never over a file that is there" -- "$bin" --db "$db" insight 3 --output "$tmp/indsigt.txt"
contains "$tmp/err" "findes allerede" "and says so"
expect 1 "insight into nobody" -- "$bin" --db "$db" insight 9999
contains "$tmp/err" "ingen borger med nummer 9999" "says who is missing"
expect 2 "insight needs a citizen number" -- "$bin" --db "$db" insight Rikke
expect 2 "insight needs an argument" -- "$bin" --db "$db" insight

expect 0 "the audit log" -- "$bin" --db "$db" audit
contains "$tmp/out" "eksporterede borger 3" "the insight export is in it"
contains "$tmp/out" "efter opbevaringsreglen" "so is the retention rule's run"
expect 0 "the audit log about one citizen" -- "$bin" --db "$db" audit --citizen 3
lacks "$tmp/out" "borger 7 " "only hers"
expect 0 "by a user nobody is" -- "$bin" --db "$db" audit --user "Ingen Sådan"
contains "$tmp/out" "Ingen poster i adgangsloggen passer." "nothing matches"
expect 0 "between two days" -- "$bin" --db "$db" audit --from 01-01-2020 --to 31-12-2020
contains "$tmp/out" "Ingen poster" "none then"
expect 2 "a day that is none" -- "$bin" --db "$db" audit --from 31-02-2026
contains "$tmp/err" "--from" "names the option"
expect 2 "a citizen that is no number" -- "$bin" --db "$db" audit --citizen Rikke
if [ "$(sql "$db" "SELECT count(*) FROM audit_log WHERE entity = 'audit_log'")" -ge 4 ]; then
	ok "every look at the log is itself logged"; else not_ok "looks at the log are not logged"; fi

# A database copied in by hand, readable by everyone.
cp "$db" "$tmp/shared.db"
chmod 644 "$tmp/shared.db"
expect 0 "check on a database others can read" -- "$bin" --db "$tmp/shared.db" check
contains "$tmp/err" "nu kan kun du læse den" "says it was made private"
mode=$(stat -c %a "$tmp/shared.db")
if [ "$mode" = 600 ]; then ok "a 0644 database is 0600 after start"; else not_ok "the database is mode $mode"; fi
expect 0 "the next start" -- "$bin" --db "$tmp/shared.db" check
lacks "$tmp/err" "kun du" "says nothing: it is private already"

echo "1..$n"
[ "$failed" -eq 0 ]
