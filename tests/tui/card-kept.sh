#!/bin/sh
# An edit of the card is not lost when the program is stopped (SIGTERM,
# SIGHUP) before it is saved: it is kept as the volunteer's draft, the
# card says so when it is opened again, and `e` takes it up. A change
# another desk saved meanwhile to another field is merged, not lost.
# usage: card-kept.sh BROBYGGER
set -u
bin=$1
. "$(dirname "$0")/tap.sh"

# Anne (4826) and Bo (5179) work at the desk. Anne registers Karen and
# is changing her phone number when the program is stopped.
run "key b n
type Anne Ørsted
key <Enter>
type 4826
key <Enter>
type 4826
key <Enter> n
type Bo Ejner
key <Enter> <Enter>
type 5179
key <Enter>
type 5179
key <Enter> <Esc>
key 1 <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> j <Tab> <Tab> <Tab>
type Karen Ølgaard
key <Tab> <Tab>
type 11 22 33 44
key <F10>
key e <Tab> <Tab> <C-u>
type 99 88 77 66
signal TERM"
[ "$st" = 143 ]; check $? "SIGTERM in the card's edit form ends the program (exit $st)"

# Bo meanwhile gives her an e-mail address and saves; he does not see
# Anne's unsaved edit.
run "key <Down> <Enter>
type 5179
key <Enter> 2
type karen
key <Enter>
dump
key e <Tab> <Tab> <Tab>
type karen@example.dk
key <F10>
dump
key <Esc> <Esc> <Esc> q"
grep -q "Kortet er gemt" "$tmp/out"; check $? "another volunteer saves the card meanwhile"
! grep -q "Du har ugemte ændringer" "$tmp/out"; check $? "without seeing the edit Anne left"

anne="key <Enter>
type 4826
key <Enter>"
run "$anne
key 2
type karen
key <Enter>
dump
key e
dump
key <F10>
dump
key <Esc> <Esc> q"
grep -q "Du har ugemte ændringer fra" "$tmp/out"; check $? "Anne's card says she left an edit unsaved"
grep -q "Dine ændringer fra .* er hentet frem" "$tmp/out"; check $? "e takes the kept edit up again"
grep -q "Telefon  *99 88 77 66" "$tmp/out"; check $? "with the phone number typed before the stop"
grep -q "Gemt. En anden skranke havde ændret" "$tmp/out"; check $? "saving merges the other volunteer's change"
tail -n 24 "$tmp/out" | grep -q "99 88 77 66  karen@example.dk"; check $? "both the phone number and the e-mail are on the card"

run "$anne
key k
dump
key <Esc> q"
! grep -q "Ændring af kort" "$tmp/out"; check $? "the saved edit leaves no draft behind"

# Stopped by SIGHUP, then dropped on purpose: the draft goes with it.
run "$anne
key 2
type karen
key <Enter> e <Tab> <Tab> <C-u>
type 12 12 12 12
signal HUP"
[ "$st" = 129 ]; check $? "SIGHUP ends the program (exit $st)"
run "$anne
key k
dump
key <Esc> q"
grep -q "Ændring af kort   Karen Ølgaard" "$tmp/out"; check $? "the edit is in the list of drafts"
run "$anne
key k <Enter>
dump
key <Esc> j
key <Esc> <Esc> k
dump
key <Esc> q"
grep -q "12 12 12 12" "$tmp/out"; check $? "Enter in the list of drafts opens the card's edit form with it"
! grep -q "Ændring af kort  Karen" "$tmp/out"; check $? "dropping the edit with Esc removes the draft"

# A CPR number typed into a field is never kept on disk: the draft left
# at a stop goes without it, and taking it up says which field is missing.
run "$anne
key 2
type karen
key <Enter> e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>
type Vejle 010203-1234
signal TERM"
[ "$st" = 143 ]; check $? "SIGTERM in the edit form again (exit $st)"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); rows=c.execute("SELECT label||data||base FROM drafts").fetchall(); sys.exit(len(rows) != 1 or any("010203" in r[0] for r in rows))' "$tmp/t.db"
check $? "the kept edit is on disk without the CPR number"
run "$anne
key 2
type karen
key <Enter> e
dump
key <Esc> j <Esc> <Esc> q"
grep -q "Dine ændringer fra .* er hentet frem uden By: det lignede et" "$tmp/out"; check $? "taking it up says By was left out"
grep -q "By  *Aarhus\|By *$" "$tmp/out"; check $? "and By is as saved before"
finish
