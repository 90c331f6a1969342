/* Two desks on one database file, as two real processes: nothing one
 * desk saved is overwritten in silence by the other. Each case runs 100
 * times; the second desk is a child process with its own connection.
 *
 * Roll call: desk A has the list on screen; desk B marks a person; when
 * A then marks the same person from its stale screen, the use case
 * refuses and says what B marked, so A's screen asks first.
 * Session edit: both open the session; A saves a note, B then saves a new
 * start time from its reading: B is refused (the version moved on), and
 * after reading again both changes are kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attendance.h"
#include "db.h"
#include "desk.h"
#include "tap.h"
#include "testdb.h"

enum { ROUNDS = 100 };

static char path[256];

static void exec_ok(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != DB_OK) {
		printf("# %s: %s\n", sql, db_errdetail(db));
		exit(1);
	}
}

static struct desk open_desk(long long user)
{
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	return (struct desk){ .db = db, .user = user, .role = ROLE_DESK, .users_exist = true };
}

/* Runs `fn` as desk B in a child process; true when it succeeded. */
static bool as_other_desk(bool (*fn)(struct desk *b, int round), int round)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct desk b = open_desk(2);
		bool ok = fn(&b, round);
		db_close(b.db);
		_exit(ok ? 0 : 1);
	}
	int status = 0;
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static bool b_marks_excused(struct desk *b, int round)
{
	(void)round;
	return attendance_mark(b, 103, 1, "excused", 0, NULL) == DB_OK;
}

static void roll_call(void)
{
	struct desk a = open_desk(1);
	int refused = 0, kept = 0, replaced = 0;
	for (int round = 0; round < ROUNDS; round++) {
		exec_ok(a.db, "DELETE FROM attendance WHERE session_id = 103");
		struct roll r;
		attendance_roll_reload(&a, 103, &r);       /* A's screen */
		char seen[ATT_CODE] = "";
		for (int i = 0; i < r.count; i++)
			if (r.entries[i].citizen_id == 1)
				snprintf(seen, sizeof seen, "%s", r.entries[i].mark);
		attendance_roll_free(&r);
		if (!as_other_desk(b_marks_excused, round))
			continue;
		struct mark_outcome out;
		enum db_status st = attendance_mark_seen(&a, 103, 1, "present", 0, seen, &out);
		refused += st == DB_ERR_CONFLICT && strcmp(out.other_mark, "excused") == 0;
		kept += testdb_count(a.db, "SELECT count(*) FROM attendance WHERE session_id = 103 AND citizen_id = 1"
					   " AND mark = 'excused'") == 1;
		/* Asked, the desk says yes: now it replaces it knowingly. */
		char other[ATT_CODE];
		snprintf(other, sizeof other, "%s", out.other_mark);
		replaced += attendance_mark_seen(&a, 103, 1, "present", 0, other, &out) == DB_OK;
	}
	TAP_INT_EQ(refused, ROUNDS, "A's mark from a stale screen is refused every time, naming B's mark");
	TAP_INT_EQ(kept, ROUNDS, "B's mark is never overwritten in silence");
	TAP_INT_EQ(replaced, ROUNDS, "asked and confirmed, A's mark replaces it");
	db_close(a.db);
}

static struct session_info read_session(struct desk *d)
{
	struct session_info s;
	int n;
	attendance_session(d, 103, &s, NULL, 0, &n);
	return s;
}

static bool b_moves_the_start(struct desk *b, int round)
{
	/* B read the session before A saved: version 1 of this round. */
	struct session_info s = read_session(b);
	struct session_edit e = { .id = 103, .version = s.version - 1 };
	snprintf(e.date, sizeof e.date, "%s", s.date);
	snprintf(e.start_time, sizeof e.start_time, "%02d:30", 8 + round % 10);
	snprintf(e.note, sizeof e.note, "%s", "");
	enum session_refusal why;
	enum db_status st = attendance_save_session(b, &e, false, NULL, &why);
	if (st != DB_ERR_CONFLICT)
		return false;
	/* B reads again and saves its change on top of A's. */
	s = read_session(b);
	e.version = s.version;
	snprintf(e.note, sizeof e.note, "%s", s.note);
	return attendance_save_session(b, &e, false, NULL, &why) == DB_OK;
}

static void session_edit(void)
{
	struct desk a = open_desk(1);
	int both = 0;
	for (int round = 0; round < ROUNDS; round++) {
		exec_ok(a.db, "UPDATE sessions SET note = NULL, start_time = '10:00' WHERE id = 103");
		struct session_info s = read_session(&a);
		struct session_edit e = { .id = 103, .version = s.version };
		snprintf(e.date, sizeof e.date, "%s", s.date);
		snprintf(e.start_time, sizeof e.start_time, "%s", s.start_time);
		snprintf(e.note, sizeof e.note, "Runde %d", round);
		enum session_refusal why;
		if (attendance_save_session(&a, &e, false, NULL, &why) != DB_OK)
			continue;
		if (!as_other_desk(b_moves_the_start, round))
			continue;
		s = read_session(&a);
		char want_note[32], want_start[8];
		snprintf(want_note, sizeof want_note, "Runde %d", round);
		snprintf(want_start, sizeof want_start, "%02d:30", 8 + round % 10);
		both += strcmp(s.note, want_note) == 0 && strcmp(s.start_time, want_start) == 0;
	}
	TAP_INT_EQ(both, ROUNDS, "B's save from an old reading is refused, and after reading again both changes stand");
	db_close(a.db);
}

int main(void)
{
	if (!testdb_start("two-desks"))
		return 1;
	testdb_path(path, sizeof path, "centre.db");
	struct desk setup = open_desk(1);
	exec_ok(setup.db,
		"INSERT INTO users(id, name, role) VALUES (1, 'Bente Ølgaard', 'desk'), (2, 'Karl Holm', 'desk');"
		"INSERT INTO activities(id, name, kind, weekday, start_time, created_at)"
		" VALUES (1, 'Gå-gruppen', 'motion_group', 4, '10:00', '2025-01-01 10:00:00');"
		"INSERT INTO sessions(id, activity_id, date, start_time, status) VALUES (103, 1, '2026-11-26', '10:00', 'planned');"
		"INSERT INTO citizens(id, name) VALUES (1, 'Åse Holm');"
		"INSERT INTO enrolments(citizen_id, activity_id, enrolled_on) VALUES (1, 1, '2026-01-10');");
	db_close(setup.db);
	roll_call();
	session_edit();
	testdb_finish();
	return tap_done();
}
