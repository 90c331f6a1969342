/* term.c — owning the terminal: start, give it back on every way out,
 * read keys (from the keyboard or, for tests, from a script) and dump the
 * screen as text.
 *
 * Signal handlers only set a flag or, for a crash, restore the saved
 * termios and re-raise to the previous handler, so core dumps and
 * sanitizer reports still happen.
 */
#include "term.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "i18n.h"
#include "utf8.h"

volatile sig_atomic_t term_stop_signal;

static struct termios saved_termios;
static bool have_termios;
static bool started;
static SCREEN *script_screen;
static FILE *script_in, *null_out, *null_in;
static int script_line_no;
static double script_clock_offset; /* seconds added by `idle` lines */

enum { KEYQ_MAX = 512 };
static ui_key keyq[KEYQ_MAX];
static int keyq_len, keyq_pos;

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction previous_fatal[sizeof fatal_signals / sizeof fatal_signals[0]];

static void on_stop_signal(int sig)
{
	term_stop_signal = sig;
}

/* Only async-signal-safe calls: tcsetattr and write. */
static void on_fatal_signal(int sig)
{
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
	ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
	(void)ignored;
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
		if (fatal_signals[i] == sig) {
			sigaction(sig, &previous_fatal[i], NULL);
			break;
		}
	}
	raise(sig);
}

static bool install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a pending read returns so the loop sees the flag.
	 * Ctrl-\ (SIGQUIT) is a way out like any other: open forms are kept
	 * as drafts and the terminal is given back, no core dump with a
	 * citizen's card in it. */
	sa.sa_handler = on_stop_signal;
	bool ok = sigaction(SIGTERM, &sa, NULL) == 0 && sigaction(SIGHUP, &sa, NULL) == 0
		&& sigaction(SIGINT, &sa, NULL) == 0 && sigaction(SIGQUIT, &sa, NULL) == 0;
	/* Ctrl-Z would leave the program stopped with the data on screen and
	 * a shell under it on a shared PC: the desk does not suspend. */
	sa.sa_handler = SIG_IGN;
	ok = ok && sigaction(SIGTSTP, &sa, NULL) == 0;
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
		ok = ok && sigaction(fatal_signals[i], &sa, &previous_fatal[i]) == 0;
	return ok;
}

/* Ctrl-S and Ctrl-Q are keys here (save, quit), not the terminal's
 * flow control, which would freeze the screen. The saved termios brings
 * flow control back on the way out. */
static void flow_control_off(void)
{
	struct termios t;
	if (!have_termios || tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= (tcflag_t)~(IXON | IXOFF);
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static void restore_at_exit(void)
{
	term_stop();
}

bool term_script_mode(void)
{
	return script_screen != NULL;
}

/* What terminals send that their TERM entry may not say: PuTTY calls
 * itself xterm but sends ESC[11~ for F1 and ESC[1~ for Home; the Linux
 * console sends ESC[[A for F1; rxvt ESC[7~ for Home; any of them may send
 * a cursor key in either of its two modes. Taught to ncurses whatever
 * TERM is, so a key is never read as Esc followed by letters (which would
 * leave the screen and type "1~" into a field). A sequence TERM already
 * gives a meaning keeps it (rxvt's ESC[1~ is Find, read as Home below). */
static const struct {
	const char *seq;
	int key;
} extra_keys[] = {
	/* PuTTY and rxvt (F1-F4), then the VT220 numbers every terminal uses */
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	/* xterm and VT100 (also what PuTTY sends in its "VT100+" mode) */
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	/* the Linux console */
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	/* Home and End: VT220 (PuTTY, Linux console, screen), rxvt, xterm */
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	/* cursor keys in normal and application mode, Shift-Tab, keypad Enter */
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033[Z", KEY_BTAB }, { "\033OM", KEY_ENTER },
};

static void define_extra_keys(void)
{
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
}

/* The only colour pair: Brobygger is read in the terminal's own colours,
 * but for the one alarm. */
enum { PAIR_ALARM = 1 };

static void setup_curses_modes(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_extra_keys();
	/* Esc must answer at once; the desk never types escape sequences by hand. */
	set_escdelay(25);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(PAIR_ALARM, COLOR_WHITE, COLOR_RED);
	}
}

unsigned long term_alarm_attr(void)
{
	return has_colors() && COLORS >= 8 ? (unsigned long)(COLOR_PAIR(PAIR_ALARM) | A_BOLD) : A_REVERSE | A_BOLD;
}

bool term_start(char *err, size_t errsize)
{
	const char *script = getenv("BROBYGGER_SCRIPT");
	if (script && *script) {
		script_in = fopen(script, "r");
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (!script_in || !null_out || !null_in) {
			snprintf(err, errsize, _("Cannot read the test script %s."), script);
			return false;
		}
		const char *term = getenv("TERM");
		script_screen = newterm(term && *term ? term : "xterm", null_out, null_in);
		if (!script_screen) {
			snprintf(err, errsize, _("The terminal type is unknown."));
			return false;
		}
		set_term(script_screen);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, errsize, _("Brobygger's screen program needs a terminal. Use --help to see the commands that work without one."));
			return false;
		}
		if (tcgetattr(STDIN_FILENO, &saved_termios) == 0)
			have_termios = true;
		if (!newterm(NULL, stdout, stdin)) {
			snprintf(err, errsize, _("The terminal type is unknown. Set TERM, e.g. TERM=xterm-256color."));
			return false;
		}
	}
	started = true;
	if (atexit(restore_at_exit) != 0 || !install_signals()) {
		snprintf(err, errsize, "%s", _("The terminal could not be set up safely (signals)."));
		return false;
	}
	setup_curses_modes();
	/* The Linux console's fonts have no check marks, chart blocks or
	 * arrows (they show as diamonds): ASCII stand-ins there. */
	const char *term = getenv("TERM");
	bool console = term && strncmp(term, "linux", 5) == 0;
	draw_use_ascii(console);
	keys_use_ascii(console);
	flow_control_off();
	/* ncurses restores its own idea of the program's modes after endwin;
	 * make that the one without flow control. */
	def_prog_mode();
	/* Wake up now and then to notice a stop signal even without keys. */
	wtimeout(stdscr, 500);
	return true;
}

void term_stop(void)
{
	if (!started)
		return;
	started = false;
	endwin();
	if (script_screen) {
		delscreen(script_screen);
		script_screen = NULL;
		fclose(script_in);
		fclose(null_out);
		fclose(null_in);
	} else if (have_termios) {
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	}
}

/* Writes the physical screen as UTF-8 text, trailing blanks trimmed. */
void term_dump(FILE *out)
{
	int rows = getmaxy(curscr), cols = getmaxx(curscr);
	fprintf(out, "--- %dx%d\n", cols, rows);
	for (int y = 0; y < rows; y++) {
		char line[4096];
		size_t used = 0;
		for (int x = 0; x < cols; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			if (mvwin_wch(curscr, y, x, &cell) == ERR
			    || getcchar(&cell, wch, &attrs, &pair, NULL) == ERR || !wch[0])
				continue; /* the right half of a wide character */
			char enc[4];
			size_t n = utf8_encode((uint32_t)wch[0], enc);
			if (used + n < sizeof line) {
				memcpy(line + used, enc, n);
				used += n;
			}
		}
		while (used && line[used - 1] == ' ')
			used--;
		fprintf(out, "%.*s\n", (int)used, line);
	}
	fflush(out);
}

static void script_error(const char *what, const char *text)
{
	fprintf(stderr, "script line %d: %s: %s\n", script_line_no, what, text);
}

/* Reads script lines until one yields keys. Commands:
 *   key <Enter> q ...   keys by name or as single characters
 *   type Søren Ærø      the rest of the line as typed text
 *   resize COLS ROWS    the terminal changes size
 *   dump                print the screen to stdout
 *   signal TERM|HUP|QUIT|TSTP  deliver a signal
 *   idle MINUTES        let that much time pass without keys (idle lock)
 *   exec COMMAND        run a shell command and wait, e.g. a second desk
 *                       changing the same database meanwhile
 * Blank lines and lines starting with # are skipped. */
static bool script_fill(void)
{
	char line[1024];
	while (keyq_pos >= keyq_len) {
		if (!fgets(line, sizeof line, script_in))
			return false;
		script_line_no++;
		line[strcspn(line, "\n")] = '\0';
		keyq_len = keyq_pos = 0;
		if (!line[0] || line[0] == '#')
			continue;
		char *arg = strchr(line, ' ');
		if (arg)
			*arg++ = '\0';
		else
			arg = line + strlen(line);
		if (strcmp(line, "type") == 0) {
			size_t len = strlen(arg);
			for (size_t i = 0; i < len && keyq_len < KEYQ_MAX;) {
				uint32_t cp;
				size_t n = utf8_decode(arg + i, len - i, &cp);
				if (!n) {
					script_error("invalid UTF-8", arg);
					return false;
				}
				keyq[keyq_len++] = (ui_key)cp;
				i += n;
			}
		} else if (strcmp(line, "key") == 0) {
			for (char *tok = strtok(arg, " "); tok && keyq_len < KEYQ_MAX;
			     tok = strtok(NULL, " ")) {
				ui_key k = keys_from_name(tok);
				if (k == UIK_NONE) {
					script_error("unknown key", tok);
					return false;
				}
				keyq[keyq_len++] = k;
			}
		} else if (strcmp(line, "resize") == 0) {
			int cols = 0, rows = 0;
			if (sscanf(arg, "%d %d", &cols, &rows) != 2 || cols < 1 || rows < 1) {
				script_error("bad size", arg);
				return false;
			}
			resizeterm(rows, cols);
			keyq[keyq_len++] = UIK(KEY_RESIZE);
		} else if (strcmp(line, "dump") == 0) {
			term_dump(stdout);
		} else if (strcmp(line, "idle") == 0) {
			char *end;
			long minutes = strtol(arg, &end, 10);
			if (*end || minutes < 0) {
				script_error("bad minutes", arg);
				return false;
			}
			script_clock_offset += (double)minutes * 60.0;
			keyq[keyq_len++] = UIK_NONE;
		} else if (strcmp(line, "exec") == 0) {
			fflush(stdout);
			if (system(arg) != 0) {
				script_error("command failed", arg);
				return false;
			}
		} else if (strcmp(line, "signal") == 0) {
			raise(strcmp(arg, "HUP") == 0 ? SIGHUP : strcmp(arg, "QUIT") == 0 ? SIGQUIT
			      : strcmp(arg, "INT") == 0 ? SIGINT : strcmp(arg, "TSTP") == 0 ? SIGTSTP : SIGTERM);
			return true;
		} else {
			script_error("unknown command", line);
			return false;
		}
	}
	return true;
}

double term_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9 + script_clock_offset;
}

ui_key term_key_within(int ms)
{
	if (script_screen)
		return term_next_key();
	wtimeout(stdscr, ms);
	ui_key key = term_next_key();
	wtimeout(stdscr, 500);
	return key;
}

ui_key term_typed_key(void)
{
	return term_key_within(0);
}

bool term_key_waiting(void)
{
	if (term_stop_signal)
		return true;
	if (script_screen)
		return false;
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&in, 1, 0) > 0;
}

ui_key term_next_key(void)
{
	if (term_stop_signal)
		return UIK_STOP;
	if (script_screen) {
		if (!script_fill())
			return UIK_SCRIPT_END;
		if (term_stop_signal)
			return UIK_STOP;
		return keyq[keyq_pos++];
	}
	wint_t wch;
	int r = wget_wch(stdscr, &wch);
	if (term_stop_signal)
		return UIK_STOP;
	if (r == ERR)
		return UIK_NONE;
	if (r == KEY_CODE_YES) {
		/* The VT220's Find and Select sit where Home and End are (rxvt
		 * and screen name ESC[1~ and ESC[4~ so). */
		if (wch == KEY_FIND)
			wch = KEY_HOME;
		else if (wch == KEY_SELECT)
			wch = KEY_END;
		return wch == KEY_ENTER ? UIK_ENTER : UIK((int)wch);
	}
	if (wch == '\r')
		return UIK_ENTER;
	/* Terminals disagree on Backspace: DEL, ^H or KEY_BACKSPACE. */
	if (wch == UIK_DEL_ASCII || wch == '\b')
		return UIK(KEY_BACKSPACE);
	return (ui_key)wch;
}
