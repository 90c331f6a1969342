#!/bin/sh
# Through a real spreadsheet and back: citizens, volunteers and activities
# of a demo database are exported, opened by LibreOffice as a Danish user
# has it (da-DK, ; between columns), saved as .xlsx, saved again as CSV
# (citizens and volunteers in UTF-8, activities in Windows-1252), imported
# into an empty database and exported again: the files must be byte for
# byte the ones LibreOffice was given. Shows that a spreadsheet keeps æøå
# and that what it writes back is read. Not part of `meson test`:
# LibreOffice is large and slow to start; run it by hand where it is
# installed (Debian: apt-get install --no-install-recommends
# libreoffice-calc-nogui).
#
# usage: tests/exchange/libreoffice-round-trip.sh build/brobygger
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export HOME="$tmp" BROBYGGER_TODAY=2026-11-26 LANG=da_DK.UTF-8 LC_ALL=da_DK.UTF-8
# LibreOffice's CSV filter: separator 59 (;), quote 34 ("), charset 76
# (UTF-8) or 1 (Windows-1252), from line 1, default columns, language 1030 (da-DK).
calc() { # IN-CHARSET OUT-CHARSET NAME
	soffice --headless --infilter="CSV:59,34,$1,1,,1030" --convert-to xlsx "$3.csv" >/dev/null 2>&1 &&
	mkdir -p back && soffice --headless --convert-to "csv:Text - txt - csv (StarCalc):59,34,$2,1,,1030" \
		--outdir back "$3.xlsx" >/dev/null 2>&1
}
"$bin" --db demo.db demo --citizens 300 --seed 1 >/dev/null || exit 1
"$bin" --db demo.db export citizens --output borgere.csv >/dev/null &&
"$bin" --db demo.db export volunteers --output frivillige.csv >/dev/null &&
"$bin" --db demo.db export activities --encoding cp1252 --output aktiviteter.csv >/dev/null || exit 1
calc 76 76 borgere && calc 76 76 frivillige && calc 1 1 aktiviteter || { echo "LibreOffice failed"; exit 1; }
echo "LibreOffice read the exports and wrote them back:"
file back/*.csv | sed 's|^back/|  |'
tail -n +2 back/borgere.csv | grep -m1 "[æøå]" | cut -c1-100 | sed "s/^/  a row: /"
fail=0
for t in citizens:borgere volunteers:frivillige activities:aktiviteter; do
	table=${t%%:*} name=${t#*:}
	enc=utf-8; [ "$name" = aktiviteter ] && enc=cp1252
	"$bin" --db new.db --create import "$table" "back/$name.csv" | tail -n 1 | sed "s/^/  $table: /"
	"$bin" --db new.db export "$table" --encoding "$enc" --output "$name-again.csv" >/dev/null
	if cmp -s "$name.csv" "$name-again.csv"; then
		echo "ok - $table: byte for byte the same after LibreOffice ($enc)"
	else
		echo "not ok - $table differs after LibreOffice"; fail=1
	fi
done
exit $fail
