#!/usr/bin/env python3
"""The keys of real terminals reach the real program (issue 14).

The headless script tests (run.sh) hand the program keys already decoded,
so they cannot show what a terminal's bytes turn into. Here the program
runs on a pseudo-terminal, as it does in a terminal window: this test
writes the raw bytes each terminal sends (PuTTY's ESC[11~ for F1, the
Linux console's ESC[[A, rxvt's ESC[7~ for Home, ...) under the TERM that
terminal sets, reads the screen through a terminal emulator (pyte), and
checks what the program did. A pty rather than a byte stream fed into the
script mode, because two of the promises live in the tty itself: flow
control off while the program runs (Ctrl-S and Ctrl-Q arrive) and given
back on exit. Nothing sleeps: each step waits for the screen text it
expects, with a timeout.

usage: terminals.py BROBYGGER
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time

import pyte

COLS, ROWS = 80, 24
TIMEOUT = 10.0


class Screen(pyte.Screen):
    """pyte's screen, plus REP (CSI n b), which ncurses uses on xterm."""

    last = " "

    def draw(self, data):
        if data:
            self.last = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *args, **kwargs):
        self.draw(self.last * max(count, 1))


class Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_last")


class Program:
    """The program on a pty of COLS x ROWS with the given TERM."""

    def __init__(self, binary, term, db, argv=None):
        self.screen = Screen(COLS, ROWS)
        self.stream = Stream(self.screen)
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.ixon_before = bool(termios.tcgetattr(self.slave)[0] & termios.IXON)
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "BROBYGGER_SCRIPT")}
        env.update(TERM=term, LANG="C.UTF-8", LANGUAGE="da", TZ="UTC", BROBYGGER_TODAY="2026-11-26")
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.close(self.master)
                if argv:
                    os.execve(argv[0], argv, env)
                os.execve(binary, [binary, "--db", db, "--create"], env)
            finally:
                os._exit(127)
        self.status = None

    def text(self):
        return "\n".join(self.screen.display)

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the program closed the terminal
            data = b""
        if not data:
            return False
        self.stream.feed(data)
        return True

    def wait_for(self, text, gone=None, timeout=TIMEOUT):
        """True once `text` is on screen (and `gone` is not)."""
        end = time.monotonic() + timeout
        while True:
            shown = self.text()
            if text in shown and (gone is None or gone not in shown):
                return True
            left = end - time.monotonic()
            if left <= 0 or not self._read(left):
                return False

    def send(self, data):
        os.write(self.master, data)

    def wait_exit(self, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self._read(0.05)
        return None

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            if self.wait_exit(5) is None:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        os.close(self.master)
        os.close(self.slave)

    def ixon(self):
        return bool(termios.tcgetattr(self.slave)[0] & termios.IXON)


ESC = b"\033"
# What each terminal sends with its default settings, under the TERM it sets.
TERMINALS = {
    "xterm-256color": dict(term="xterm-256color", f1=ESC + b"OP", f2=ESC + b"OQ", f10=ESC + b"[21~",
                           home=ESC + b"OH", end=ESC + b"OF"),
    "screen-256color": dict(term="screen-256color", f1=ESC + b"OP", f2=ESC + b"OQ", f10=ESC + b"[21~",
                            home=ESC + b"[1~", end=ESC + b"[4~"),
    "linux": dict(term="linux", f1=ESC + b"[[A", f2=ESC + b"[[B", f10=ESC + b"[21~",
                  home=ESC + b"[1~", end=ESC + b"[4~"),
    "PuTTY (TERM=xterm)": dict(term="xterm", f1=ESC + b"[11~", f2=ESC + b"[12~", f10=ESC + b"[21~",
                               home=ESC + b"[1~", end=ESC + b"[4~"),
    "rxvt": dict(term="rxvt", f1=ESC + b"[11~", f2=ESC + b"[12~", f10=ESC + b"[21~",
                 home=ESC + b"[7~", end=ESC + b"[8~"),
    # Whatever TERM says: a console or rxvt under a TERM of another terminal
    # (ssh from the console, TERM forced to xterm-256color for colours).
    "Linux console keys with TERM=xterm-256color": dict(term="xterm-256color", f1=ESC + b"[[A", f2=ESC + b"[[B",
                                                        f10=ESC + b"[21~", home=ESC + b"[1~", end=ESC + b"[4~"),
    "rxvt keys with TERM=xterm-256color": dict(term="xterm-256color", f1=ESC + b"[11~", f2=ESC + b"[12~",
                                               f10=ESC + b"[21~", home=ESC + b"[7~", end=ESC + b"[8~"),
    "xterm keys with TERM=vt100": dict(term="vt100", f1=ESC + b"OP", f2=ESC + b"OQ", f10=ESC + b"[21~",
                                       home=ESC + b"[H", end=ESC + b"[F"),
}

HOME = "1  Indskrivning"
HELP = "Hjælp: Forside"
SETTINGS = "Brobygger · Indstillinger"

n = 0
failed = 0


def check(ok, what, prog=None):
    global n, failed
    n += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (n, what))
    if not ok:
        failed += 1
        if prog is not None:
            for line in prog.text().rstrip().split("\n"):
                print("# " + line.rstrip())
    return ok


def terminal_keys(binary, tmp, name, keys):
    prog = Program(binary, keys["term"], os.path.join(tmp, "%d.db" % n))
    try:
        if not check(prog.wait_for(HOME), "%s: the home screen shows" % name, prog):
            return
        prog.send(keys["f1"])
        check(prog.wait_for(HELP), "%s: F1 opens help" % name, prog)
        prog.send(ESC)
        check(prog.wait_for(HOME, gone=HELP), "%s: Esc closes help" % name, prog)
        # The centre's name field: Home and End move in the text, F2 (no
        # meaning here) types nothing and does not leave, F10 saves.
        prog.send(b"s")
        prog.wait_for(SETTINGS)
        prog.send(b"Viby" + keys["home"] + b"X" + keys["end"] + b"Y")
        check(prog.wait_for("XVibyY"), "%s: Home and End move in a field" % name, prog)
        prog.send(keys["f2"] + b"Z")
        check(prog.wait_for("XVibyYZ"), "%s: F2 is one key: nothing typed, the form stays" % name, prog)
        prog.send(keys["f10"])
        check(prog.wait_for("XVibyYZ", gone=SETTINGS), "%s: F10 saves the form" % name, prog)
        # Ctrl-S reaches the program (no flow control) and saves as well.
        prog.send(b"s")
        prog.wait_for(SETTINGS)
        prog.send(b"\x15Centret\x13")
        check(prog.wait_for("Centret", gone=SETTINGS), "%s: Ctrl-S saves the form" % name, prog)
        prog.send(b"q")
        check(prog.wait_exit() == 0, "%s: q quits" % name)
    finally:
        prog.close()


def esc_delay(binary, tmp):
    """Esc is answered at once, not after ncurses' default second."""
    prog = Program(binary, "xterm-256color", os.path.join(tmp, "esc.db"))
    try:
        prog.wait_for(HOME)
        best = None
        for _ in range(3):
            prog.send(b"?")
            prog.wait_for(HELP)
            start = time.monotonic()
            prog.send(ESC)
            if not prog.wait_for(HOME, gone=HELP):
                break
            took = time.monotonic() - start
            best = took if best is None else min(best, took)
        check(best is not None and best < 0.5, "Esc closes help within half a second (best of three: %s s)"
              % ("%.3f" % best if best is not None else "never"), prog)
    finally:
        prog.close()


def flow_control(binary, tmp):
    """Ctrl-Q, the way out of the sign-in screen, arrives; the terminal's
    flow control is off while the program runs and back on afterwards."""
    prog = Program(binary, "xterm-256color", os.path.join(tmp, "signin.db"))
    try:
        check(prog.ixon_before, "the pty starts with flow control on, as a terminal does")
        prog.wait_for(HOME)
        check(not prog.ixon(), "flow control is off while the program runs")
        # The first user (a coordinator), then lock the screen.
        prog.send(b"bn")
        prog.wait_for("Navn på den nye bruger:")
        prog.send(b"Anne\r")
        prog.wait_for("Ny PIN-kode for Anne")
        prog.send(b"2468\r")
        prog.wait_for("Samme PIN-kode en gang til:")
        prog.send(b"2468\r")
        prog.wait_for("Anne", gone="Samme PIN-kode")
        prog.send(ESC)
        prog.wait_for(HOME)
        prog.send(b"l")
        check(prog.wait_for("Hvem sidder ved tastaturet?"), "l locks the screen", prog)
        prog.send(b"\x11")
        check(prog.wait_exit() == 0, "Ctrl-Q leaves the sign-in screen", prog)
        check(prog.ixon(), "flow control is on again after the program")
    finally:
        prog.close()


def suspend_at_first_question(binary, tmp):
    """No database and no folder at --db: the program says so and asks
    before the screen starts. Ctrl-Z there stops it as any command (a shell
    with job control runs it, as at a desk); fg asks again; ja goes on."""
    shell = "/bin/bash"
    if not os.path.exists(shell):
        check(False, "Ctrl-Z at the first question: no %s to run the program under" % shell)
        return
    path = os.path.join(tmp, "stick", "brobygger.db")
    prog = Program(binary, "xterm-256color", path, argv=[shell, "--norc", "--noprofile", "-i"])
    question = "Skriv ja og tryk Enter"
    try:
        prog.send(b"PS1='$ '\r")
        prog.send(("'%s' --db '%s'\r" % (binary, path)).encode())
        check(prog.wait_for("findes heller ikke"), "a --db folder that is not there: the program says so", prog)
        check(prog.wait_for(question), "and asks before making it", prog)
        prog.send(b"j\x1a")
        # The shell's job line: "[1]+  Stopped" (or in the shell's language).
        check(prog.wait_for("[1]+"), "Ctrl-Z stops the program at the question", prog)
        prog.send(b"fg\r")
        check(prog.wait_for("fg") and wait_count(prog, question, 2), "fg asks the question again", prog)
        prog.send(b"ja\r")
        check(prog.wait_for(HOME), "ja makes the database: the home screen shows (the j before Ctrl-Z dropped)",
              prog)
        prog.send(b"q")
        prog.send(b"echo \"exit=$?\"\r")
        check(prog.wait_for("exit=0"), "q quits with 0 back in the shell", prog)
        prog.send(b"exit\r")
        prog.wait_exit()
    finally:
        prog.close()


def wait_count(prog, text, count, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while prog.text().count(text) < count:
        left = end - time.monotonic()
        if left <= 0 or not prog._read(left):
            return False
    return True


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        for name, keys in TERMINALS.items():
            terminal_keys(binary, tmp, name, keys)
        esc_delay(binary, tmp)
        flow_control(binary, tmp)
        suspend_at_first_question(binary, tmp)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
