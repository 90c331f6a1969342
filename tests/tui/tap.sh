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
damage_table() { # DB TABLE: garbage over the table's root page, as a disk might leave it
	# (all of it: with the page's header left whole, one run in some twenty
	# under load read an empty row out of the garbage rather than the damage)
	python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db, table = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
size = c.execute("PRAGMA page_size").fetchone()[0]
c.close()
with open(db, "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\xff" * size)
PY
}
finish() {
	echo "1..$n"
	exit $fail
}
