/* bench_floor_tui — the floor the desk's screen times are measured
 * against: the least a terminal program on this stack can do. It opens
 * the database, reads one row, starts ncurses, writes a screen of text
 * and waits for `q`; any other key draws the next screen. Nothing of
 * Brobygger is in it. Run by bench_desk in a pseudo-terminal, the same
 * way as the program.
 *
 *   bench_floor_tui DATABASE
 */
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

static void draw(int screen, int objects)
{
	erase();
	mvprintw(0, 1, "Gulv %d", screen);
	for (int y = 2; y < LINES - 1; y++)
		mvprintw(y, 2, "Linje %2d af skærm %d: %d objekter i databasen", y, screen, objects);
	mvprintw(LINES - 1, 0, "q Afslut");
	refresh();
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_floor_tui DATABASE\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	sqlite3 *db;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	sqlite3_stmt *st;
	int objects = 0;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			objects = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	int screen = 1;
	draw(screen, objects);
	for (int key; (key = getch()) != 'q' && key != ERR;)
		draw(++screen, objects);
	endwin();
	sqlite3_close(db);
	return 0;
}
