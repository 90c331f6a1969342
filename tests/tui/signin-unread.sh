#!/bin/sh
# The desk stays locked when the users cannot be read at start: a desk
# with users shows nothing of the citizens until someone signs in, and a
# damaged users table must not make it a desk without users, open to
# anyone. The lock says why and tries again on Enter; Ctrl-Q quits.
# usage: signin-unread.sh BROBYGGER
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/tap.sh"

"$bin" --db "$tmp/t.db" demo --citizens 60 --seed 5 >/dev/null 2>&1
run 'key b n
type Anne Ørsted
key <Enter>
type 4826
key <Enter>
type 4826
key <Enter> <Esc> q'
[ "$st" = 0 ]; check $? "a user is made"
damage_table "$tmp/t.db" users
run 'dump
key <Enter>
dump
key ?
dump
key <Esc>
key 2
type rikke
key <Enter>
dump
key <C-q>'
[ "$st" = 0 ]; check $? "Ctrl-Q quits the locked desk"
grep -q "Skærmen er låst, og listen over brugere kunne ikke læses" "$tmp/out"; check $? "the lock says the users could not be read"
[ "$(grep -c "Tryk Enter for at prøve igen" "$tmp/out")" -ge 2 ]; check $? "and stays after Enter, asking again"
grep -q "Enter Prøv igen" "$tmp/out"; check $? "the key line says what Enter does there"
! grep -q "Enter Log ind" "$tmp/out"; check $? "not that it signs in"
grep -q "Prøv igen: Læs listen over brugere igen" "$tmp/out"; check $? "and help says the same"
! grep -q "Log ind som den valgte person" "$tmp/out"; check $? "not that Enter signs in"
! grep -qi "rikke\|damgaard" "$tmp/out"; check $? "no citizen is shown, nor typed into a search"
! grep -q "Menu\|Mødegange i dag" "$tmp/out"; check $? "the home screen is not reached"
finish
