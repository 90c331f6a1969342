#!/bin/sh
# The man page (issue 14): `meson install` puts it where `man brobygger`
# finds it, it renders without warnings, and it stays in step with
# --help: every command and every exit status there is in the man page.
# usage: man.sh MESON BUILD_DIR PREFIX MANDIR BROBYGGER
set -u
meson=$1 build=$2 prefix=$3 mandir=$4 bin=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

if "$meson" install -C "$build" --no-rebuild --destdir "$tmp/root" >"$tmp/install.log" 2>&1; then
	ok "meson install runs"
else
	not_ok "meson install runs"
	sed 's/^/# /' "$tmp/install.log"
fi
case $mandir in /*) ;; *) mandir=$prefix/$mandir ;; esac
page=$tmp/root$mandir/man1/brobygger.1
if [ -f "$page" ]; then ok "installed as $mandir/man1/brobygger.1"; else not_ok "no $mandir/man1/brobygger.1 after install"; fi

MANWIDTH=80 MANPAGER=cat LANG=C.UTF-8 man --manpath="$tmp/root$mandir" brobygger >"$tmp/page" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q "KORT PÅ DANSK" "$tmp/page"; then
	ok "man brobygger shows it, with the Danish summary"
else
	not_ok "man brobygger shows it, with the Danish summary"
	sed 's/^/# /' "$tmp/err"
fi
LANG=C.UTF-8 man --warnings -l "$page" >/dev/null 2>"$tmp/warn"
if [ -s "$tmp/warn" ]; then not_ok "renders without warnings"; sed 's/^/# /' "$tmp/warn"; else ok "renders without warnings"; fi

# Every command of --help has its own entry in COMMANDS.
LANGUAGE=en "$bin" --help >"$tmp/help"
sed -n '/^Commands:/,/^$/p' "$tmp/help" | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' >"$tmp/commands"
[ -s "$tmp/commands" ] || not_ok "--help lists commands"
sed -n '/^COMMANDS/,/^OPTIONS/p' "$tmp/page" | sed -n 's/^       \([a-z-]*\).*/\1/p' >"$tmp/documented"
while read -r c; do
	if grep -qx "$c" "$tmp/documented"; then ok "the man page has the command $c"; else not_ok "the man page lacks the command $c"; fi
done <"$tmp/commands"

# The exit statuses --help lists are the man page's, and the other way.
tr '\n' ' ' <"$tmp/help" | sed -n 's/.*Exit status: //p' | grep -oE '[0-9]+(\+N)? [a-z]' | cut -d' ' -f1 | sort >"$tmp/codes_help"
sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$tmp/page" | sed -n 's/^       \([0-9][0-9+N]*\).*/\1/p' | sort >"$tmp/codes_man"
if [ -s "$tmp/codes_help" ] && diff "$tmp/codes_help" "$tmp/codes_man" >"$tmp/diff"; then
	ok "the exit statuses of --help and the man page agree ($(tr '\n' ' ' <"$tmp/codes_man"))"
else
	not_ok "the exit statuses of --help and the man page agree"
	sed 's/^/# /' "$tmp/diff"
fi
echo "1..$n"
exit $fail
