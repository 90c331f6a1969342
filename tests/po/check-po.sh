#!/bin/sh
# The Danish catalogue is checked and complete: every file with
# translatable strings is listed in po/POTFILES, msgfmt --check accepts
# po/da.po, and merged with the strings in the sources today it has none
# untranslated and none fuzzy (so a new string without Danish fails here);
# and no text sends the desk to the README.
# usage: check-po.sh SOURCE_ROOT
set -u
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
check() { # OK MESSAGE [DETAIL FILE]
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && sed 's/^/# /' "$3"
		fail=1
	fi
}

cd "$root" || exit 1
grep -l -E '\b(N_|P_|_)\(' src/*.c ui/*.c db/*.c | sort >"$tmp/have"
sort po/POTFILES >"$tmp/listed"
comm -23 "$tmp/have" "$tmp/listed" >"$tmp/missing"
[ -s "$tmp/missing" ]; check $((1 - $?)) "every file with translatable strings is in po/POTFILES" "$tmp/missing"

msgfmt --check -o /dev/null po/da.po 2>"$tmp/check"
check $? "msgfmt --check accepts po/da.po" "$tmp/check"

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 --add-comments=TRANSLATORS \
	-o "$tmp/brobygger.pot" -f po/POTFILES 2>"$tmp/xgettext"
check $? "xgettext reads the sources" "$tmp/xgettext"
msgmerge --quiet -o "$tmp/merged.po" po/da.po "$tmp/brobygger.pot" 2>"$tmp/merge"
check $? "msgmerge takes the catalogue" "$tmp/merge"
msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" 2>/dev/null | grep '^msgid ' | grep -v '^msgid ""$' >"$tmp/untranslated"
[ -s "$tmp/untranslated" ]; check $((1 - $?)) "every string in the sources has a Danish translation" "$tmp/untranslated"
msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/merged.po" 2>/dev/null | grep '^msgid ' | grep -v '^msgid ""$' >"$tmp/fuzzy"
[ -s "$tmp/fuzzy" ]; check $((1 - $?)) "no translation is fuzzy" "$tmp/fuzzy"
# The desk has no README (and it is in English): no text sends anyone there.
grep -n "README" po/da.po | grep -v "^[0-9]*:#" >"$tmp/readme"
[ -s "$tmp/readme" ]; check $((1 - $?)) "no text points at the README" "$tmp/readme"
echo "1..$n"
exit $fail
