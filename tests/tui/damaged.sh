#!/bin/sh
# A damaged database: the desk can still look, but nothing is written to
# it once the damage is seen; a banner says so and what to do. The file
# is byte for byte what it was.
# usage: damaged.sh BROBYGGER
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/tap.sh"

"$bin" --db "$tmp/d.db" demo --citizens 200 --seed 2 >/dev/null 2>&1
damage_table "$tmp/d.db" citizens
before=$(sha1sum <"$tmp/d.db")
cat >"$tmp/keys" <<'KEYS'
dump
key s
dump
key 1
dump
key q
KEYS
(cd "$tmp" && env COLUMNS=80 LINES=24 BROBYGGER_SCRIPT="$tmp/keys" "$bin" --db d.db >"$tmp/out" 2>"$tmp/err")
grep -q "Databasen er beskadiget og læses kun nu" "$tmp/out"; check $? "a banner says the database is damaged and only read"
[ "$(grep -c "Databasen er beskadiget og læses kun nu" "$tmp/out")" -ge 2 ]; check $? "it stays on screen"
# At 80 columns the banner takes two rows rather than being cut, and says
# whom to ask, not a README the desk does not have.
grep -q "^ koordinatoren lægge den seneste sikkerhedskopi tilbage\. *$" "$tmp/out"; check $? "the banner is read to its end"
! grep -q "README" "$tmp/out"; check $? "and sends nobody to the README"
# A form would save nothing: it does not open, and says why, so nobody
# types a whole intake for nothing.
[ "$(grep -c "formularen åbnes ikke" "$tmp/out")" = 2 ]; check $? "the settings and the intake do not open, and say why"
! grep -q "Brobygger · Indstillinger\|Brobygger · Indskrivning" "$tmp/out"; check $? "no form is shown"
# The citizen list cannot be read: it says so, not that there are no
# citizens (a volunteer would register someone again), also as one types.
printf 'key 2\ndump\ntype a\ndump\nkey <Esc> <Esc> q\n' >"$tmp/keys2"
(cd "$tmp" && env COLUMNS=80 LINES=24 BROBYGGER_SCRIPT="$tmp/keys2" "$bin" --db d.db >"$tmp/out2" 2>"$tmp/err")
[ "$(grep -c "Borgerne kunne ikke læses" "$tmp/out2")" = 2 ]; check $? "the citizen list says the citizens could not be read"
! grep -q "Ingen borgere endnu\|Ingen borger passer" "$tmp/out2"; check $? "not that there are none"
# At the smallest terminal the banner takes four rows, and whom to ask
# is still on it.
printf 'dump\nkey q\n' >"$tmp/keys40"
(cd "$tmp" && env COLUMNS=40 LINES=12 BROBYGGER_SCRIPT="$tmp/keys40" "$bin" --db d.db >"$tmp/out40" 2>"$tmp/err")
grep -q "sikkerhedskopi tilbage\." "$tmp/out40"; check $? "at 40 by 12 too"
! "$bin" --db "$tmp/d.db" check >"$tmp/check.out" 2>"$tmp/check.err"; check $? "check finds the damage too"
# All in Danish: how much is broken and what to do, not SQLite's English.
grep -q "^brobygger: .*d.db: Databasen er beskadiget\.$" "$tmp/check.err"; check $? "check says so in Danish"
grep -q "^  Mindst 20 steder i filen er i stykker\.$" "$tmp/check.err"; check $? "and how much is broken"
grep -q "læg den seneste sikkerhedskopi tilbage" "$tmp/check.err"; check $? "and what to do"
! grep -Eq "\*\*\*|page|cell|database main" "$tmp/check.err"; check $? "and no English from SQLite"
after=$(sha1sum <"$tmp/d.db")
[ "$before" = "$after" ]; check $? "nothing was written to the damaged file"
finish
