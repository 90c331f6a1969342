#!/bin/sh
# `brobygger export` and `brobygger import` end to end: the usage errors,
# the bytes Danish Excel wants (mark, ; and CRLF, Windows-1252), a name
# Windows-1252 cannot hold, a centre's spreadsheet refused with its
# problems and imported once fixed, and the audit lines. Prints TAP.
# usage: exchange.sh BROBYGGER FIXTURE_DIR
set -u
bin=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	for f in "$tmp/out" "$tmp/err"; do [ -f "$f" ] && head -c 2000 "$f" | sed 's/^/# /'; done
}
expect() {
	want=$1 desc=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc (exit $got)"; else not_ok "$desc (exit $got, expected $want)"; fi
}
contains() { # FILE TEXT DESCRIPTION
	if grep -qF -- "$2" "$1"; then ok "$3"; else not_ok "$3: '$2' not in $(basename "$1")"; fi
}
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$@"; }

expect 0 "--help" -- "$bin" --help
contains "$tmp/out" "export TABEL" "help lists export"
contains "$tmp/out" "import TABEL FIL" "help lists import, its words in Danish"

db=$tmp/demo.db
"$bin" --db "$db" demo --citizens 60 --seed 5 >/dev/null 2>&1
printf 'Navn;Telefon;Samtykke givet den\r\nŁukasz Wiśniewski;20 11 22 33;02-11-2026\r\n' >"$tmp/polish.csv"
expect 0 "a citizen with a Polish name" -- "$bin" --db "$db" import citizens "$tmp/polish.csv"
contains "$tmp/out" "1 række læst: 1 tilføjet" "is imported"

expect 2 "an unknown table" -- "$bin" --db "$db" export clients
contains "$tmp/err" "ukendt tabel 'clients'" "names it, in Danish"
contains "$tmp/err" "citizens, volunteers, activities, sessions, attendance, calls, measures" "and lists the tables"
expect 2 "an unknown encoding" -- "$bin" --db "$db" export citizens --encoding latin1
expect 2 "a --from that is no date" -- "$bin" --db "$db" export sessions --from igår
expect 2 "a --from that is not in the calendar" -- "$bin" --db "$db" export sessions --from 31-02-2026
contains "$tmp/err" "findes ikke i kalenderen" "says so, as the screens do (the format was right)"
expect 2 "--from for volunteers" -- "$bin" --db "$db" export volunteers --from 01-01-2026
expect 2 "--from after --to" -- "$bin" --db "$db" export sessions --from 01-02-2026 --to 01-01-2026
expect 2 "importing sessions" -- "$bin" --db "$db" import sessions "$fixtures/bom.csv"
contains "$tmp/err" "kan ikke importeres" "says only some tables can be imported"
expect 2 "import without a file" -- "$bin" --db "$db" import citizens
expect 1 "a mistyped --db" -- "$bin" --db "$tmp/typo.db" export citizens
if [ ! -e "$tmp/typo.db" ]; then ok "is not made into a new database"; else not_ok "a database was made"; fi

expect 0 "citizens to the screen" -- "$bin" --db "$db" export citizens
if [ "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok "UTF-8 with a byte-order mark"; else not_ok "no byte-order mark"; fi
if head -n 1 "$tmp/out" | grep -q "Navn;Fødselsår;Telefon"; then ok "Danish headers, ; between"; else not_ok "headers"; fi
crlf=$(tr -cd '\r' <"$tmp/out" | wc -c); lines=$(wc -l <"$tmp/out")
if [ "$crlf" -eq "$lines" ] && [ "$lines" -eq 62 ]; then ok "CRLF after each of 62 rows"; else not_ok "$crlf CR for $lines lines"; fi

expect 1 "citizens in Windows-1252, Łukasz among them" -- "$bin" --db "$db" export citizens --encoding cp1252 --output "$tmp/c1252.csv"
contains "$tmp/err" "kan ikke skrives i Windows-1252" "says which character cannot be written"
contains "$tmp/err" "kolonne A (Navn)" "names the column"
contains "$tmp/err" "Vælg UTF-8" "and the way out"
if [ ! -e "$tmp/c1252.csv" ] && ! ls "$tmp"/c1252.csv.* >/dev/null 2>&1; then ok "no file, not even half of one"; else not_ok "a file was left"; fi

expect 0 "activities in Windows-1252" -- "$bin" --db "$db" export activities --encoding cp1252 --output "$tmp/a.csv"
contains "$tmp/out" "skrevet til $tmp/a.csv (Windows-1252)" "says how many and where"
if [ "$(head -c 4 "$tmp/a.csv")" = "Navn" ]; then ok "no byte-order mark in Windows-1252"; else not_ok "a mark in Windows-1252"; fi
if grep -q "$(printf 'F\346llesskab')" "$tmp/a.csv"; then ok "æ is the one byte 0xE6"; else not_ok "æ not written as 0xE6"; fi
mode=$(stat -c %a "$tmp/a.csv")
if [ "$mode" = 600 ]; then ok "the file is readable by its owner only"; else not_ok "the file is mode $mode"; fi
expect 0 "sessions of a period" -- "$bin" --db "$db" export sessions --from 01-11-2026 --to 2026-11-30 --output "$tmp/s.csv"
if tail -n +2 "$tmp/s.csv" | cut -d';' -f1 | grep -qv -- '-11-2026'; then not_ok "a session outside November"; else ok "only November's sessions"; fi

new=$tmp/new.db
expect 1 "import needs a database, or --create" -- "$bin" --db "$new" import citizens "$fixtures/centre-citizens.csv"
expect 1 "the centre's own spreadsheet" -- "$bin" --db "$new" --create import citizens "$fixtures/centre-citizens.csv"
contains "$tmp/err" "Række 6, kolonne C (Født): Skriv et helt tal fra 1900 til 2100." "a birthday where the year belongs"
contains "$tmp/err" "Række 15, kolonne K (Henviser): Det ligner et CPR-nummer." "a CPR number"
contains "$tmp/err" "Intet er importeret: filen har 9 problemer" "nothing imported, and how much to fix"
contains "$tmp/out" "Række 22: den samme som række 4" "the duplicate is said on the way"
if [ "$(sql "$new" 'SELECT count(*) FROM citizens')" = 0 ]; then ok "nobody was imported"; else not_ok "citizens were imported"; fi
expect 0 "the fixed spreadsheet, as a trial run" -- "$bin" --db "$new" import citizens "$fixtures/centre-citizens-fixed.csv" --dry-run
contains "$tmp/out" "21 ville blive tilføjet" "says what it would do"
expect 0 "the fixed spreadsheet" -- "$bin" --db "$new" import citizens "$fixtures/centre-citizens-fixed.csv" --encoding cp1252
contains "$tmp/out" "22 rækker læst: 21 tilføjet, 1 sprunget over" "21 added, 1 skipped"
expect 0 "the same file again" -- "$bin" --db "$new" import citizens "$fixtures/centre-citizens-fixed.csv"
contains "$tmp/out" "0 tilføjet, 22 sprunget over" "adds nobody twice"
expect 1 "a UTF-8 file read as Windows-1252" -- "$bin" --db "$new" import citizens "$fixtures/bom.csv" --encoding cp1252
contains "$tmp/err" "mærke" "the byte-order mark says otherwise"
expect 1 "a Windows-1252 file read as UTF-8" -- "$bin" --db "$new" import citizens "$fixtures/cp1252.csv" --encoding utf-8
contains "$tmp/err" "Række 1, kolonne B: byten 0xF8 er ikke UTF-8" "names the row, column and byte"
expect 1 "a file that is not there" -- "$bin" --db "$new" import citizens "$tmp/none.csv"

exports=$(sql "$db" "SELECT count(*) FROM audit_log WHERE action = 'export'")
if [ "$exports" = 3 ]; then ok "three exports written, three audit lines (none for the one refused)"; else not_ok "$exports export audit lines"; fi
expect 0 "a table by its Danish name" -- "$bin" --db "$db" export mødegange --output "$tmp/m.csv"
contains "$tmp/out" "skrevet til $tmp/m.csv" "as the help names it"
printf 'Rettet i Excel\r\n' >"$tmp/m.csv"
expect 1 "not over a file that is there" -- "$bin" --db "$db" export mødegange --output "$tmp/m.csv"
contains "$tmp/err" "findes allerede; intet er skrevet. Tilføj --replace" "says so, and how"
contains "$tmp/m.csv" "Rettet i Excel" "the file is as it was"
expect 0 "with --replace" -- "$bin" --db "$db" export mødegange --output "$tmp/m.csv" --replace
if grep -q "Rettet i Excel" "$tmp/m.csv"; then not_ok "the file is written over"; else ok "the file is written over"; fi
mkdir "$tmp/mappe"
expect 1 "not over a folder" -- "$bin" --db "$db" export mødegange --output "$tmp/mappe" --replace
contains "$tmp/err" "er ikke en fil; intet er skrevet" "says so"
imports=$(sql "$new" "SELECT count(*) FROM audit_log WHERE action = 'import'")
if [ "$imports" = 4 ]; then ok "every import and trial run that looked at the database is audited"; else not_ok "$imports import audit lines"; fi

echo "1..$n"
[ "$failed" -eq 0 ]
