#!/bin/sh
# Command-line tests, end to end: every subcommand and its error paths,
# exit codes, and that errors are in Danish on stderr. Prints TAP.
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
empty() { # FILE DESCRIPTION
	if [ ! -s "$1" ]; then ok "$2"; else not_ok "$2: $(basename "$1") not empty"; fi
}

expect 0 "--help" -- "$bin" --help
contains "$tmp/out" "Brug: brobygger" "help is in Danish"
contains "$tmp/out" "demo" "help lists demo"
empty "$tmp/err" "help writes nothing to stderr"
LANGUAGE=en expect 0 "--help in English" -- env LANGUAGE=en "$bin" --help
contains "$tmp/out" "Usage: brobygger" "English on request"
LANG=da_DK.UTF-8 expect 0 "--help with an ungenerated da_DK locale" -- env -u LANGUAGE LANG=da_DK.UTF-8 "$bin" --help
contains "$tmp/out" "Brug: brobygger" "Danish without the da_DK locale installed"

expect 0 "--version" -- "$bin" --version
contains "$tmp/out" "brobygger 0." "version printed"

expect 2 "unknown command" -- "$bin" frobnicate
contains "$tmp/err" "Ukendt kommando: frobnicate" "unknown command named in Danish"
contains "$tmp/err" "brobygger --help" "points to --help"
empty "$tmp/out" "usage errors write nothing to stdout"
expect 2 "unknown option" -- "$bin" --frobnicate
expect 2 "--db without a path" -- "$bin" --db
expect 2 "demo --citizens not a number" -- "$bin" demo --citizens mange
contains "$tmp/err" "--citizens" "names the bad option"
# Numbers the Danish way (issue 14): 1.689, 0,3.
expect 2 "demo --citizens too many" -- "$bin" demo --citizens 100000000
contains "$tmp/err" "fra 0 til 10.000.000" "the limit has thousands points"
expect 2 "backup without a path" -- "$bin" backup

db=$tmp/demo.db
expect 0 "demo creates a database" -- "$bin" demo --db "$db" --citizens 40 --seed 3
contains "$tmp/out" "40 opdigtede borgere" "demo reports what it made"
contains "$tmp/out" "Tid:" "demo prints the time"
if grep -Eq "Tid: [0-9]+,[0-9] s\. Filstørrelse: [0-9]+,[0-9] MiB" "$tmp/out"; then
	ok "time and size with a decimal comma"
else
	not_ok "time and size with a decimal comma: $(grep Tid "$tmp/out")"
fi
mode=$(stat -c %a "$db")
if [ "$mode" = 600 ]; then ok "demo database is mode 600"; else not_ok "demo database is mode $mode"; fi
expect 1 "demo refuses a database with data" -- "$bin" demo --db "$db" --citizens 5
contains "$tmp/err" "indeholder allerede data" "and says why"

expect 0 "check on a sound database" -- "$bin" --db "$db" check
contains "$tmp/out" "databasen er i orden" "check says it is sound"

expect 0 "backup" -- "$bin" --db "$db" backup "$tmp/backup.db"
expect 0 "check on the backup" -- "$bin" --db "$tmp/backup.db" check
expect 1 "backup never overwrites" -- "$bin" --db "$db" backup "$tmp/backup.db"
contains "$tmp/err" "findes allerede" "backup explains"
# A server is backed up by pg_dump: the line to run holds no password
# (not even ***), so it can be copied as it is; pg_dump reads ~/.pgpass.
expect 1 "backup of a server database" -- "$bin" --db "postgresql://bb:hemmelig@db.example/centre?sslmode=require" backup "$tmp/centre 1.dump"
contains "$tmp/err" "  pg_dump --format=custom --file='$tmp/centre 1.dump' 'postgresql://bb@db.example/centre?sslmode=require'" "says the pg_dump line to run, quoted for the shell"
contains "$tmp/err" "~/.pgpass" "and where the password goes"
if grep -qe "hemmelig" -e '\*\*\*' "$tmp/err"; then not_ok "the line holds the password or ***"; else ok "the line holds no password and no ***"; fi
expect 1 "backup of a server database given as key=value" -- "$bin" --db "host=db.example password='hem mel' dbname=centre" backup "$tmp/c.dump"
contains "$tmp/err" "  pg_dump --format=custom --file=$tmp/c.dump 'host=db.example dbname=centre'" "without its password too"

printf 'mælk, rugbrød, æbler\n' >"$tmp/list.txt"
expect 1 "check on a text file" -- "$bin" --db "$tmp/list.txt" check
contains "$tmp/err" "ikke en Brobygger-database" "not a database, in Danish"
expect 1 "the screen program on a text file" -- "$bin" --db "$tmp/list.txt"
contains "$tmp/err" "ikke en Brobygger-database" "refuses before the screen starts"
empty "$tmp/out" "the terminal is not touched"
if [ "$(cat "$tmp/list.txt")" = "mælk, rugbrød, æbler" ]; then ok "the text file is unchanged"; else not_ok "the text file was changed"; fi

expect 1 "check on a missing file" -- "$bin" --db "$tmp/none.db" check
contains "$tmp/err" "ingen database i $tmp/none.db" "says there is no database there"
if [ ! -e "$tmp/none.db" ]; then ok "check makes no file"; else not_ok "check made a file"; fi
# A row pointing at nothing: check counts it, in Danish.
python3 - "$db" "$tmp/dangling.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[2])
sqlite3.connect(sys.argv[1]).backup(c)
c.execute("PRAGMA foreign_keys = OFF")
c.execute("UPDATE attendance SET citizen_id = 999999 WHERE (session_id, citizen_id) = (SELECT session_id, citizen_id FROM attendance LIMIT 1)")
c.commit()
PY
expect 1 "check on a row pointing at nothing" -- "$bin" --db "$tmp/dangling.db" check
contains "$tmp/err" "Databasen er beskadiget." "says the database is damaged"
contains "$tmp/err" "1 række henviser til en række, der ikke findes." "counts the row, in the singular"
expect 1 "a folder that cannot be made" -- "$bin" --db /proc/none/brobygger.db --create
contains "$tmp/err" "mappen /proc/none til databasen kan ikke oprettes: en del af stien findes ikke" \
	"names the folder and why, in Danish"
contains "$tmp/err" "Bed koordinatoren" "and what to do"
expect 1 "a folder under a file" -- "$bin" --db "$tmp/list.txt/brobygger.db" --create
contains "$tmp/err" "en del af stien er en fil og ikke en mappe" "says a file is in the way"
expect 1 "no folder for a mistyped --db" -- "$bin" --db "$tmp/nowhere/typo.db"
contains "$tmp/err" "og mappen $tmp/nowhere findes heller ikke" "says the folder is missing too"
contains "$tmp/err" "USB-nøgle" "and that a stick may not be plugged in"
if [ ! -e "$tmp/nowhere" ]; then ok "no folder was made"; else not_ok "a folder was made at the mistyped path"; fi
expect 1 "a mistyped --db is not made into a new database" -- "$bin" --db "$tmp/typo.db"
contains "$tmp/err" "ingen database i" "says there is none there"
contains "$tmp/err" "--create" "and how to make one"
if [ ! -e "$tmp/typo.db" ]; then ok "no file was made"; else not_ok "a file was made at the mistyped path"; fi

python3 - "$tmp/newer.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 999"); c.execute("CREATE TABLE t(x)"); c.commit()
PY
expect 1 "a newer database is refused" -- "$bin" --db "$tmp/newer.db"
contains "$tmp/err" "nyere version" "says to update Brobygger"

expect 1 "the screen program needs a terminal" -- "$bin" --db "$tmp/tty.db" --create
contains "$tmp/err" "terminal" "and says so"

home=$tmp/home
mkdir -p "$home"
expect 0 "demo without --db writes demo.db, not the real database" -- env -u BROBYGGER_DB -u XDG_DATA_HOME HOME="$home" "$bin" demo --citizens 5
if [ -f "$home/.local/share/brobygger/demo.db" ] && [ ! -e "$home/.local/share/brobygger/brobygger.db" ]; then
	ok "demo.db beside the default database"
else
	not_ok "demo.db not where expected"
fi
contains "$tmp/out" "brobygger --db $home/.local/share/brobygger/demo.db" "demo says how to look around"
expect 0 "XDG_DATA_HOME is honoured" -- env -u BROBYGGER_DB XDG_DATA_HOME="$tmp/xdg" "$bin" demo --citizens 5
if [ -f "$tmp/xdg/brobygger/demo.db" ]; then ok "demo.db under XDG_DATA_HOME"; else not_ok "demo.db not under XDG_DATA_HOME"; fi
expect 0 "BROBYGGER_DB is the default database" -- env BROBYGGER_DB="$tmp/xdg/brobygger/demo.db" "$bin" check

# Read-only: root may write anyway, so try as nobody where we can.
cp "$db" "$tmp/ro.db"
chmod 444 "$tmp/ro.db"
chmod 755 "$tmp"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	expect 1 "a read-only database" -- setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --db "$tmp/ro.db"
else
	expect 1 "a read-only database" -- "$bin" --db "$tmp/ro.db"
fi
contains "$tmp/err" "skrivebeskyttet" "read-only explained"

# A full disk: a tiny private tmpfs where root may mount one. Nothing
# confirmed is lost: the demo's one transaction rolls back, the file stays sound.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
	mkdir -p "$tmp/tiny"
	unshare -m sh -c "mount -t tmpfs -o size=400k tmpfs '$tmp/tiny' &&
		'$bin' --db '$tmp/tiny/full.db' demo --citizens 3000 >'$tmp/out' 2>'$tmp/err'; echo \$? >'$tmp/status';
		'$bin' --db '$tmp/tiny/full.db' check >>'$tmp/out' 2>>'$tmp/err'; echo \$? >>'$tmp/status'" </dev/null
	if [ "$(sed -n 1p "$tmp/status")" = 1 ]; then ok "a full disk stops demo with exit 1"; else not_ok "a full disk: demo exit $(sed -n 1p "$tmp/status")"; fi
	contains "$tmp/err" "Disken er fuld" "the full disk is explained in Danish"
	if [ "$(sed -n 2p "$tmp/status")" = 0 ]; then ok "the database on the full disk is still sound"; else not_ok "check after a full disk failed"; fi
else
	echo "ok $((n = n + 1)) - # SKIP full disk needs root and mount namespaces"
fi

# ---------- backup and restore ----------
printf '' >"$tmp/empty.db"
expect 1 "check fails on an empty file" -- "$bin" --db "$tmp/empty.db" check
contains "$tmp/err" "ikke en Brobygger-database" "an empty file is no Brobygger database"

printf 'en lang og hemmelig sætning\n' >"$tmp/pass.txt"
printf 'forkert forkert forkert\n' >"$tmp/wrong.txt"
expect 0 "a sealed backup" -- "$bin" --db "$db" backup "$tmp/sealed.bak" --passphrase-file "$tmp/pass.txt"
contains "$tmp/out" "Forseglet sikkerhedskopi" "says it is sealed"
if ! grep -q "Åse\|SQLite format" "$tmp/sealed.bak"; then ok "no plain text in the sealed file"; else not_ok "plain text in the sealed file"; fi
mode=$(stat -c %a "$tmp/sealed.bak")
if [ "$mode" = 600 ]; then ok "the sealed backup is mode 600"; else not_ok "the sealed backup is mode $mode"; fi
expect 1 "restore with a wrong passphrase" -- "$bin" --db "$tmp/restored.db" restore "$tmp/sealed.bak" --passphrase-file "$tmp/wrong.txt"
contains "$tmp/err" "adgangsfrasen er forkert" "says the passphrase is wrong"
if [ ! -e "$tmp/restored.db" ] && ! ls "$tmp"/restored.db.* >/dev/null 2>&1; then ok "a wrong passphrase writes nothing"; else not_ok "something was written"; fi
expect 0 "restore a sealed backup into a new file" -- "$bin" --db "$tmp/restored.db" restore "$tmp/sealed.bak" --passphrase-file "$tmp/pass.txt"
expect 0 "the restored database is sound" -- "$bin" --db "$tmp/restored.db" check
head -c 3000 "$tmp/sealed.bak" >"$tmp/cut.bak"
expect 1 "a sealed backup cut short is refused" -- "$bin" --db "$tmp/cut.db" restore "$tmp/cut.bak" --passphrase-file "$tmp/pass.txt"

# Restoring over a database that has a -wal left beside it: refused
# without --force; with it, the old files are moved aside, never deleted.
cp "$db" "$tmp/live.db"
python3 - "$tmp/live.db" <<'PY'
import sqlite3, sys, os
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("INSERT INTO settings(key, value) VALUES ('after_backup', 'x')"); c.commit()
os._exit(0)  # leave the -wal behind, as a killed desk would
PY
expect 1 "restore refuses to overwrite without --force" -- "$bin" --db "$tmp/live.db" restore "$tmp/backup.db"
contains "$tmp/err" "--force" "and says how"
expect 0 "restore --force over a database with a -wal" -- "$bin" --db "$tmp/live.db" restore "$tmp/backup.db" --force
contains "$tmp/out" "before-restore" "says where the old database is kept"
expect 0 "the restored database is sound (no stale -wal applied)" -- "$bin" --db "$tmp/live.db" check
if ls "$tmp"/live.db.before-restore-* >/dev/null 2>&1; then ok "the old database is kept"; else not_ok "the old database is gone"; fi
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM settings WHERE key='after_backup'\").fetchone()[0])" "$tmp/live.db")
if [ "$after" = 0 ]; then ok "changes after the backup are not re-applied"; else not_ok "a change after the backup came back"; fi
# Two restores in the same second keep both databases they moved aside.
cp "$db" "$tmp/twice.db"
"$bin" --db "$tmp/twice.db" restore "$tmp/backup.db" --force >/dev/null 2>&1
"$bin" --db "$tmp/twice.db" restore "$tmp/backup.db" --force >/dev/null 2>&1
kept=$(ls "$tmp"/twice.db.before-restore-* 2>/dev/null | grep -vc -- '-wal$\|-shm$')
if [ "$kept" = 2 ]; then ok "two restores in one second keep two old databases"; else not_ok "$kept old databases kept"; fi
if ! ls "$tmp"/twice.db.restoring-* >/dev/null 2>&1 && [ ! -e "$tmp/twice.db-wal" ]; then
	ok "a restore leaves no temporary or -wal file"
else
	not_ok "files left: $(ls "$tmp" | grep twice)"
fi

# A desk open on the database: restore refuses, and nothing moves.
python3 - "$tmp/twice.db" "$tmp/desk.ready" "$tmp/desk.stop" "$bin" <<'PY' &
# The desk: the real program on a pseudo-terminal, open until told to stop.
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.execv(sys.argv[4], [sys.argv[4], "--db", sys.argv[1]])
out, ready = b"", False
while not os.path.exists(sys.argv[3]):
    if select.select([fd], [], [], 0.05)[0]:
        try:
            out += os.read(fd, 65536)
        except OSError:
            break
    if not ready and b"Afslut" in out:
        open(sys.argv[2], "w").close()
        ready = True
os.write(fd, b"q")
os.waitpid(pid, 0)
PY
desk=$!
for i in $(seq 1 200); do [ -e "$tmp/desk.ready" ] && break; sleep 0.05; done
expect 1 "restore while a desk is open on the database" -- "$bin" --db "$tmp/twice.db" restore "$tmp/backup.db" --force
contains "$tmp/err" "Luk Brobygger ved alle skranker" "says to close the desks first"
kept=$(ls "$tmp"/twice.db.before-restore-* 2>/dev/null | grep -vc -- '-wal$\|-shm$')
if [ "$kept" = 2 ]; then ok "and moves nothing aside"; else not_ok "$kept old databases now"; fi
touch "$tmp/desk.stop"
wait $desk
expect 0 "once the desk is closed, restore goes ahead" -- "$bin" --db "$tmp/twice.db" restore "$tmp/backup.db" --force

# Messages name what the person gave, not a temporary file.
printf 'not a database at all, just text\n' >"$tmp/notdb.bak"
expect 1 "restore of a file that is no backup" -- "$bin" --db "$tmp/twice.db" restore "$tmp/notdb.bak" --force
contains "$tmp/err" "notdb.bak" "names the backup"
if ! grep -q "restoring-" "$tmp/err"; then ok "not the temporary file"; else not_ok "names a temporary file"; fi
expect 1 "backup into a folder that is not there" -- "$bin" --db "$db" backup "$tmp/nosuch/b.db"
contains "$tmp/err" "Der er ingen mappe" "says the folder is missing"

# Ctrl-C while a sealed backup is made leaves no copy behind, plain or sealed.
mkdir "$tmp/usb"
"$bin" --db "$db" backup "$tmp/usb/b.bbk" --passphrase-file "$tmp/pass.txt" >/dev/null 2>&1 &
pid=$!
# Wait until the sealing has begun (its file exists), then interrupt it.
for i in $(seq 1 400); do ls "$tmp"/usb/b.bbk.sealing-* >/dev/null 2>&1 && break; sleep 0.01; done
kill -INT $pid 2>/dev/null
wait $pid
if [ -z "$(ls -A "$tmp/usb")" ]; then ok "an interrupted sealed backup leaves nothing on the stick"; else not_ok "left: $(ls "$tmp/usb")"; fi
if ! ls "$(dirname "$db")"/*.backup-* >/dev/null 2>&1; then ok "nor a plain copy beside the database"; else not_ok "a plain copy is left"; fi

# Moving to a new PC: the folder of the database is not there yet.
expect 1 "restore into a folder that is not there" -- "$bin" --db "$tmp/nowhere/new.db" restore "$tmp/backup.db"
contains "$tmp/err" "--create" "says to check the path or add --create"
if [ ! -e "$tmp/nowhere" ]; then ok "and makes no folder"; else not_ok "a folder was made"; fi
expect 0 "restore --create makes the folder" -- "$bin" --db "$tmp/nowhere/new.db" --create restore "$tmp/backup.db"
expect 0 "restore to the default place on a new PC" -- env -u BROBYGGER_DB HOME="$tmp/newpc" XDG_DATA_HOME= "$bin" restore "$tmp/backup.db"
mode=$(stat -c %a "$tmp/newpc/.local/share/brobygger")
if [ "$mode" = 700 ]; then ok "in a private folder"; else not_ok "the folder has mode $mode"; fi

# The funders' report and the printed sheets, on the demo made above.
expect 0 "report as text" -- "$bin" --db "$db" report --from 01-01-2026 --to 26-11-2026
contains "$tmp/out" "Perioden 01-01-2026 til 26-11-2026" "the text names the period"
contains "$tmp/out" "Fremmøde pr. måned, alle aktiviteter" "and has the attendance section"
contains "$tmp/out" "Følge: andelen af deltagerne" "every column title is explained"
contains "$tmp/out" "Uopfyldt: de" "the wishes' too"
if grep -E "deres ventetid indtil nu \(median\) +([0-9.]+ dage?|–)\$" "$tmp/out" >/dev/null; then
	ok "the days waited say they are days, in the column of counts"
else
	not_ok "the days waited: $(grep 'ventet' "$tmp/out")"
fi
if python3 -c "import sys; sys.exit(any(len(l.rstrip('\n')) > 80 for l in open(sys.argv[1], encoding='utf-8')))" "$tmp/out"; then ok "the text fits 80 columns"; else not_ok "a line is wider than 80"; fi
expect 0 "report as CSV to a file" -- "$bin" --db "$db" report --format csv --output "$tmp/r.csv"
contains "$tmp/out" "$tmp/r.csv" "says where it went"
if head -c 3 "$tmp/r.csv" | od -An -tx1 | grep -q "ef bb bf"; then ok "the CSV starts with a BOM"; else not_ok "no BOM"; fi
if grep -q "$(printf '\r')\$" "$tmp/r.csv"; then ok "the CSV has CRLF line ends"; else not_ok "no CRLF"; fi
contains "$tmp/r.csv" "Henvist i perioden;" "the CSV is ;-separated, in Danish"
contains "$tmp/r.csv" "< 5" "small counts of citizens are < 5"
mode=$(stat -c %a "$tmp/r.csv")
if [ "$mode" = 600 ]; then ok "the report file is mode 600"; else not_ok "the report file is mode $mode"; fi
expect 0 "report as HTML" -- "$bin" --db "$db" report --format html --output "$tmp/r.html"
contains "$tmp/r.html" "<svg" "with an inline chart"
if grep -qiE "<script|src=|href=|@import" "$tmp/r.html"; then not_ok "the HTML fetches or runs something"; else ok "the HTML is self-contained"; fi
expect 2 "report --format pdf" -- "$bin" --db "$db" report --format pdf
contains "$tmp/err" "--format er text, csv eller html" "names the formats"
expect 2 "report with the end before the start" -- "$bin" --db "$db" report --from 01-06-2026 --to 01-01-2026
contains "$tmp/err" "slutter, før den begynder" "says so"
expect 2 "report with a date that is none" -- "$bin" --db "$db" report --from 31-02-2026
expect 1 "report on a missing database" -- "$bin" --db "$tmp/none.db" report
if [ ! -e "$tmp/none.db" ]; then ok "no database is made for a report"; else not_ok "a database was made"; fi
audits=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM audit_log WHERE entity='report' AND action='export'\").fetchone()[0])" "$db")
if [ "$audits" = 3 ]; then ok "each report is in the audit log as an export"; else not_ok "$audits report exports logged"; fi
expect 0 "report to a file named .html, no --format" -- "$bin" --db "$db" report --output "$tmp/named.html"
contains "$tmp/named.html" "<svg" "is HTML, as its name says"
python3 -c "import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE settings SET value = 'icu 0 keys 0' WHERE key = 'text_keys'\"); c.commit()" "$db"
expect 0 "a start after an update of the search keys" -- "$bin" --db "$db" audit --from 26-11-2026
contains "$tmp/err" "søgenøglerne laves om" "says why it takes a while"
expect 0 "a new demo database" -- "$bin" --db "$tmp/new-keys.db" --create demo --citizens 5
if grep -qF "søgenøglerne" "$tmp/err"; then not_ok "a new database says its keys are remade"; else ok "a new database has no keys to remake, and says nothing of them"; fi
expect 0 "report for days written without the year" -- "$bin" --db "$db" report --from 1/6 --to 30.6
contains "$tmp/out" "Perioden 01-06-2026 til 30-06-2026" "means this year's"

mkdir "$tmp/noprinter"
abs_bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
expect 0 "print roll without a printer" -- sh -c "cd '$tmp' && PATH='$tmp/noprinter' '$abs_bin' --db '$db' print roll"
contains "$tmp/out" "Der er ingen printer sat op" "says there is no printer"
contains "$tmp/out" "$tmp/fremmoedeliste-2026-11-26.html" "and where the page is"
contains "$tmp/fremmoedeliste-2026-11-26.html" "<td class=\"box\"><span></span></td>" "a roll-call page with boxes"
expect 0 "print calls to a file" -- "$bin" --db "$db" print calls --output "$tmp/calls.html"
contains "$tmp/calls.html" "Opfølgningsopkald" "the call sheet"
expect 2 "print something else" -- "$bin" --db "$db" print labels
expect 2 "print calls with an activity" -- "$bin" --db "$db" print calls --activity 1
expect 1 "print roll on a day without sessions" -- "$bin" --db "$db" print roll --date 01-01-2020
contains "$tmp/err" "ingen mødegange den 01-01-2020" "says there are none"

# A backup under load: a desk commits every 20 ms the whole time.
"$bin" --db "$tmp/load.db" demo --citizens 3000 --seed 4 >/dev/null 2>&1
python3 - "$tmp/load.db" "$tmp/stop" <<'PY' &
import sqlite3, sys, os, time
c = sqlite3.connect(sys.argv[1], timeout=5); c.execute("PRAGMA journal_mode=WAL")
i = 0
while not os.path.exists(sys.argv[2]):
    c.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('tick', ?)", (str(i),)); c.commit()
    if i == 0: open(sys.argv[2] + ".started", "w").close()
    i += 1; time.sleep(0.02)
PY
writer=$!
# The backup starts once the desk has committed for the first time.
while [ ! -e "$tmp/stop.started" ]; do sleep 0.01; done
if timeout 60 "$bin" --db "$tmp/load.db" backup "$tmp/load.bak" >"$tmp/out" 2>"$tmp/err"; then
	ok "a backup finishes while a desk commits every 20 ms"
else
	not_ok "the backup under load did not finish"
fi
touch "$tmp/stop"; wait "$writer"
expect 0 "the backup made under load is sound" -- "$bin" --db "$tmp/load.bak" check

echo "1..$n"
[ "$failed" -eq 0 ]
