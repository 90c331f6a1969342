/* Database tests on temporary files: migration from empty, refusal of a
 * newer schema, and each bad-file case the desk can meet. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "db.h"
#include "migrate.h"
#include "store_settings.h"
#include "store_stats.h"
#include "tap.h"
#include "testdb.h"

static void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	fputs(content, f);
	fclose(f);
}

static long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void test_fresh(void)
{
	char path[256];
	testdb_path(path, sizeof path, "new/sub/fresh.db");
	struct db *db;
	enum db_status st = db_open(path, &db);
	TAP_INT_EQ(st, DB_OK, "a new database opens, folders made");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "migrated to the latest schema");
	struct stat sb;
	stat(path, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0600, "the file is readable by its owner only");
	char parent[256];
	testdb_path(parent, sizeof parent, "new/sub");
	stat(parent, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0700, "the folder made for it is private");

	long long n = -1;
	TAP_INT_EQ(db_query_int(db, "PRAGMA foreign_keys", &n), DB_OK, "foreign_keys readable");
	TAP_INT_EQ(n, 1, "foreign keys are enforced");
	TAP_INT_EQ(db_query_int(db, "SELECT count(*) FROM interests", &n), DB_OK, "pick-lists exist");
	TAP_CHECK(n >= 5, "interests are seeded");

	TAP_INT_EQ(store_settings_set(db, "centre_name", "Frivilligcenter Århus"), DB_OK, "setting saved");
	char v[SETTING_MAX];
	store_settings_get(db, "centre_name", v, sizeof v);
	TAP_STR_EQ(v, "Frivilligcenter Århus", "setting read back");

	struct today_counts c;
	TAP_INT_EQ(store_stats_today(db, "2026-11-26", &c), DB_OK, "home counts on an empty database");
	TAP_INT_EQ(c.calls_due + c.sessions_today + c.new_referrals, 0, "all zero");
	TAP_CHECK(c.empty, "and the database is empty");

	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(name, postcode) VALUES ('Bo', '80000')"),
		   DB_ERR_CONSTRAINT, "a five-digit postcode breaks a CHECK");
	TAP_INT_EQ(db_exec(db, "INSERT INTO referrals(referred_on, source) VALUES ('2026-02-30', 'self')"),
		   DB_ERR_CONSTRAINT, "an impossible date breaks a CHECK");
	TAP_INT_EQ(db_exec(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (99, 99, 'present')"),
		   DB_ERR_CONSTRAINT, "a foreign key to nothing is refused");
	db_close(db);

	TAP_INT_EQ(db_open(path, &db), DB_OK, "opens again");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "migrations are not applied twice");
	db_close(db);
}

/* Migration 25: no CHECK makes SQLite build a temporary b-tree (a list
 * of three or more codes with IN did, at every insert), and the rules
 * themselves are unchanged. */
static void test_checks_as_comparisons(void)
{
	char path[256];
	testdb_path(path, sizeof path, "checks.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a new database opens");
	/* The connection that migrated reads the edited schema, not what it
	 * held while editing (a table it did not know any more). */
	struct db_stmt *tables;
	TAP_INT_EQ(db_prepare(db, &tables, "INSERT INTO citizens(name) VALUES (:name)"), DB_OK,
		   "its citizens are there right after the migration");
	db_finalize(tables);
	char building[800] = "", unknown[800] = "";
	int n = 0;
	TAP_INT_EQ(db_prepare(db, &tables, "SELECT name FROM sqlite_schema WHERE type = 'table'"
					   " AND sql LIKE 'CREATE TABLE%' AND name NOT LIKE 'sqlite%'"),
		   DB_OK, "the tables are listed");
	while (db_step(tables) == DB_ROW) {
		char sql[160];
		snprintf(sql, sizeof sql, "EXPLAIN INSERT INTO \"%s\" DEFAULT VALUES", db_column_text(tables, 0));
		struct db_stmt *st;
		if (db_prepare(db, &st, sql) != DB_OK) {
			size_t len = strlen(unknown);
			snprintf(unknown + len, sizeof unknown - len, " %s", db_column_text(tables, 0));
			continue;
		}
		n++;
		while (db_step(st) == DB_ROW)
			if (strcmp(db_column_text(st, 1), "OpenEphemeral") == 0) {
				size_t len = strlen(building);
				snprintf(building + len, sizeof building - len, " %s", db_column_text(tables, 0));
				break;
			}
		db_finalize(st);
	}
	db_finalize(tables);
	TAP_STR_EQ(unknown, "", "every table is known");
	TAP_CHECK(n > 20, "an insert into each of %d tables is planned", n);
	TAP_STR_EQ(building, "", "none builds a temporary b-tree");
	TAP_INT_EQ(db_exec(db, "INSERT INTO audit_log(action, entity) VALUES ('peek', 'citizen')"), DB_ERR_CONSTRAINT,
		   "an action not in the list is refused");
	TAP_INT_EQ(db_exec(db, "INSERT INTO audit_log(action, entity) VALUES ('logout', 'user')"), DB_OK,
		   "the last in the list is taken");
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(name, gender) VALUES ('Bo', 'Woman')"), DB_ERR_CONSTRAINT,
		   "a code in another case is refused, as by IN");
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(name, gender, contact_pref) VALUES ('Bo', NULL, 'sms')"), DB_OK,
		   "NULL where the CHECK allows it, and a code from the middle");
	long long bad = -1;
	db_query_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", &bad);
	TAP_INT_EQ(bad, 0, "the edited schema passes the integrity check");
	db_close(db);
}

/* What migration 25 rewrites, and what it leaves. */
static void test_comparisons_text(void)
{
	char *got = schema_v25_as_comparisons("CREATE TABLE t (a TEXT CHECK (a IN ('x', 'y','it''s')),"
					      " b CHECK (b NOT IN ('p','q','r')), c CHECK (c IN ('u','v')),"
					      " d CHECK (t.d IN ('1','2','3')), e CHECK (e IN (1,2,3)),"
					      " f CHECK (f IS NULL OR f IN ('a','b','c')),"
					      " g CHECK (g COLLATE NOCASE IN ('a','b','c')),"
					      " h CHECK (g || h IN ('a','b','c')),"
					      " i DEFAULT ('i IN (''a'',''b'',''c'')') CHECK (i <> 'z' AND i IN ('a','b','c')))");
	TAP_STR_EQ(got ? got : "(none)",
		   "CREATE TABLE t (a TEXT CHECK ((a = 'x' OR a = 'y' OR a = 'it''s')),"
		   " b CHECK (b NOT IN ('p','q','r')), c CHECK (c IN ('u','v')),"
		   " d CHECK (t.d IN ('1','2','3')), e CHECK (e IN (1,2,3)),"
		   " f CHECK (f IS NULL OR (f = 'a' OR f = 'b' OR f = 'c')),"
		   " g CHECK (g COLLATE NOCASE IN ('a','b','c')),"
		   " h CHECK (g || h IN ('a','b','c')),"
		   " i DEFAULT ('i IN (''a'',''b'',''c'')') CHECK (i <> 'z' AND (i = 'a' OR i = 'b' OR i = 'c')))",
		   "a column alone before a list of three or more codes: comparisons; NOT IN, short lists, numbers, "
		   "qualified names, COLLATE, an expression and a quoted text stay");
	free(got);
	got = schema_v25_as_comparisons("CREATE TABLE t (a CHECK (a IN ('x','y')))");
	TAP_STR_EQ(got ? got : "(none)", "CREATE TABLE t (a CHECK (a IN ('x','y')))",
		   "a text with nothing to rewrite comes back the same");
	free(got);
}

/* An edit of the schema that SQLite cannot read fails the migration and
 * is rolled back, rather than committed for every later statement to
 * fail on. */
static enum db_status garble_citizens(struct db *db)
{
	return db_exec(db, "UPDATE sqlite_schema SET sql = 'CREATE TABLE citizens (id INTEGER PRIMARY KEY, name TEXT,'"
			   " WHERE type = 'table' AND name = 'citizens'");
}

static void test_edit_schema_checked(void)
{
	char path[256];
	testdb_path(path, sizeof path, "garbled.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a new database opens");
	enum db_status r = db_begin(db);
	if (r == DB_OK)
		r = migrate_edit_schema(db, garble_citizens);
	TAP_CHECK(r != DB_OK, "a schema text SQLite cannot read fails the edit (%d)", (int)r);
	db_end(db, r);
	long long n = -1;
	TAP_INT_EQ(db_query_int(db, "SELECT count(*) FROM citizens", &n), DB_OK, "and is rolled back: citizens reads");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "the file opens again");
	TAP_INT_EQ(db_query_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", &n),
		   DB_OK, "its integrity is checked");
	TAP_INT_EQ(n, 0, "and whole");
	db_close(db);
}

static void test_too_new(void)
{
	char path[256];
	testdb_path(path, sizeof path, "newer.db");
	struct db *db;
	db_open(path, &db);
	db_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999");
	db_close(db);
	long before = file_size(path);
	struct stat sb0, sb1;
	stat(path, &sb0);
	TAP_INT_EQ(db_open(path, &db), DB_ERR_TOONEW, "a newer schema is refused");
	TAP_CHECK(strstr(db_errdetail(db), "999") != NULL, "the detail names the version");
	db_close(db);
	stat(path, &sb1);
	TAP_CHECK(before == file_size(path) && sb0.st_mtime == sb1.st_mtime,
		  "the newer database is not modified");
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", path);
	TAP_CHECK(access(wal, F_OK) != 0, "and not switched to WAL");
}

static void test_not_a_database(void)
{
	char path[256];
	testdb_path(path, sizeof path, "notes.txt");
	write_file(path, "Dette er en indkøbsseddel, ikke en database.\n"
			 "mælk, rugbrød, æbler, ost, kaffe, havregryn, smør, løg...\n");
	long before = file_size(path);
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_ERR_NOTADB, "a text file is not a database");
	db_close(db);
	TAP_INT_EQ(file_size(path), before, "the text file is left as it was");
	TAP_INT_EQ(db_open_existing(path, true, &db), DB_ERR_NOTADB, "check says the same");
	db_close(db);
}

static void test_missing_folder(void)
{
	struct db *db;
	TAP_INT_EQ(db_open("/proc/brobygger-none/x.db", &db), DB_ERR_NODIR,
		   "a folder that cannot be made is reported");
	db_close(db);
	TAP_INT_EQ(db_open_existing("/nonexistent/brobygger.db", true, &db), DB_ERR_CANTOPEN,
		   "check on a missing file");
	db_close(db);
}

/* Root may write anywhere, so the read-only case runs as nobody. */
static void test_read_only(void)
{
	char path[256];
	testdb_path(path, sizeof path, "ro/readonly.db");
	struct db *db;
	db_open(path, &db);
	db_exec(db, "PRAGMA journal_mode = DELETE");
	db_close(db);
	char ro_dir[256];
	testdb_path(ro_dir, sizeof ro_dir, "ro");
	chmod(path, 0444);
	chmod(ro_dir, 0555);
	chmod(testdb_dir, 0755);
	pid_t pid = fork();
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(10);
		struct db *d;
		enum db_status st = db_open(path, &d);
		_exit(st == DB_ERR_READONLY ? 0 : 20 + (int)st);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	TAP_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "a read-only file is reported as read-only (child exit %d)",
		  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	chmod(ro_dir, 0700);
	chmod(path, 0600);
}

static void test_locked(void)
{
	char path[256];
	testdb_path(path, sizeof path, "locked.db");
	struct db *holder, *db;
	db_open(path, &holder);
	db_close(holder);
	db_open(path, &holder);
	TAP_INT_EQ(db_exec(holder, "BEGIN EXCLUSIVE; INSERT INTO interests(name) VALUES ('Strik')"), DB_OK,
		   "a stuck writer holds the lock");
	setenv("BROBYGGER_BUSY_TIMEOUT_MS", "100", 1);
	TAP_INT_EQ(db_open(path, &db), DB_ERR_BUSY, "opening meets the lock and says so");
	db_close(db);
	unsetenv("BROBYGGER_BUSY_TIMEOUT_MS");
	db_exec(holder, "ROLLBACK");
	db_close(holder);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "after the writer is gone it opens");
	db_close(db);
}

static void test_corrupt(void)
{
	char path[256];
	testdb_path(path, sizeof path, "corrupt.db");
	struct db *db;
	db_open(path, &db);
	db_exec(db, "PRAGMA journal_mode = DELETE");
	for (int i = 0; i < 200; i++)
		db_exec(db, "INSERT INTO notes(citizen_id, written_on, text) SELECT NULL, '2026-01-01', 'x' WHERE 0");
	db_exec(db, "CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000)"
		    " INSERT INTO filler SELECT randomblob(100) FROM n");
	db_close(db);
	/* Scribble over the middle pages, as a failing disk would. */
	int fd = open(path, O_WRONLY);
	char junk[4096];
	memset(junk, 0x5a, sizeof junk);
	for (int page = 3; page < 12; page++) {
		if (pwrite(fd, junk, sizeof junk, (off_t)page * 4096) != (ssize_t)sizeof junk)
			break;
	}
	close(fd);
	enum db_status st = db_open_existing(path, true, &db);
	char report[1024] = "";
	if (st == DB_OK)
		st = db_integrity_check(db, NULL, report, sizeof report);
	db_close(db);
	TAP_CHECK(st == DB_ERR_CORRUPT, "a damaged file fails the integrity check (status %d)", (int)st);
}

static void test_backup(void)
{
	char path[256], copy[256];
	testdb_path(path, sizeof path, "orig.db");
	testdb_path(copy, sizeof copy, "copy.db");
	struct db *db;
	db_open(path, &db);
	store_settings_set(db, "centre_name", "Kopi-centret");
	mode_t old = umask(077);
	TAP_INT_EQ(db_copy_to(db, copy), DB_OK, "a copy while open");
	umask(old);
	TAP_CHECK(db_copy_to(db, copy) != DB_OK, "a copy never overwrites");
	db_close(db);
	struct stat sb;
	stat(copy, &sb);
	TAP_INT_EQ(sb.st_mode & 0777, 0600, "the copy is private under the umask the caller sets");
	db_open_existing(copy, true, &db);
	char v[SETTING_MAX];
	store_settings_get(db, "centre_name", v, sizeof v);
	TAP_STR_EQ(v, "Kopi-centret", "the backup holds the data");
	db_close(db);
}

/* A database of the test's own: in memory on SQLite, a new one on the
 * server on PostgreSQL. */
static struct db *open_scratch(const char *name)
{
	char path[256] = ":memory:";
	if (testdb_pg())
		testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("Bail out! cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	return db;
}

static void test_wrapper(void)
{
	struct db *db = open_scratch("wrapper");
	struct db_stmt *st;
	TAP_INT_EQ(db_prepare(db, &st, "SELECT :a || :b"), DB_OK, "prepare");
	db_bind_text(st, ":a", "Sø");
	db_bind_text(st, ":b", "ren");
	TAP_INT_EQ(db_step(st), DB_ROW, "step gives a row");
	TAP_STR_EQ(db_column_text(st, 0), "Søren", "named parameters bound");
	TAP_INT_EQ(db_finalize(st), DB_OK, "finalize clean");
	db_prepare(db, &st, "SELECT :a");
	db_bind_text(st, ":nope", "x");
	TAP_INT_EQ(db_step(st), DB_ERR_MISUSE, "an unknown parameter stops the statement");
	TAP_INT_EQ(db_finalize(st), DB_ERR_MISUSE, "and is reported at finalize");
	TAP_CHECK(db_prepare(db, &st, "SELEKT 1") == DB_ERR_MISUSE && st == NULL, "bad SQL is a misuse");
	db_close(db);
}

/* A comparison or EXISTS reads the same from both engines: 1 or 0 (SQLite
 * has no booleans; PostgreSQL's would print as t/f or true/false), as
 * text and as a number; a comparison with NULL is NULL on both. */
static void test_booleans(void)
{
	struct db *db = open_scratch("booleans");
	struct db_stmt *st;
	TAP_INT_EQ(db_prepare(db, &st,
			      "SELECT 2 > 1, 1 > 2, EXISTS (SELECT 1 FROM settings),"
			      " NOT EXISTS (SELECT 1 FROM citizens), :n = 'x', (SELECT count(*) FROM citizens) = 0"),
		   DB_OK, "a row of comparisons");
	db_bind_null(st, ":n");
	TAP_INT_EQ(db_step(st), DB_ROW, "is read");
	char text[64] = "";
	for (int i = 0; i < 6; i++) {
		size_t len = strlen(text);
		snprintf(text + len, sizeof text - len, "%s%s", i ? " " : "", db_column_is_null(st, i) ? "NULL" : db_column_text(st, i));
	}
	TAP_STR_EQ(text, "1 0 1 1 NULL 1", "as text: 1 and 0, never true/false or t/f");
	TAP_CHECK(db_column_int(st, 0) == 1 && db_column_int(st, 1) == 0 && db_column_int(st, 3) == 1,
		  "as numbers: 1 and 0");
	db_finalize(st);
	struct today_counts c;
	TAP_INT_EQ(store_stats_today(db, "2026-11-26", &c), DB_OK, "the home screen's counts");
	TAP_CHECK(c.empty && c.sessions_today == 0 && c.calls_due == 0, "an empty centre is said to be empty");
	db_close(db);
}

/* A server address shown in a message has *** for its password; one in a
 * line the user is to run has none at all (pg_dump reads ~/.pgpass). */
static void test_addresses(void)
{
	char a[256];
	db_display_name("postgresql://bb:hemmelig@db.example/centre?sslmode=require&password=x", a, sizeof a);
	TAP_STR_EQ(a, "postgresql://bb:***@db.example/centre?sslmode=require&password=***",
		   "shown: *** for the password, in the user part and in the query");
	db_address_without_password("postgresql://bb:hemmelig@db.example/centre", a, sizeof a);
	TAP_STR_EQ(a, "postgresql://bb@db.example/centre", "to run: a URI without its password");
	db_address_without_password("postgresql://db.example/centre?password=x&sslmode=require", a, sizeof a);
	TAP_STR_EQ(a, "postgresql://db.example/centre?sslmode=require", "nor one in its query");
	db_address_without_password("postgresql://db.example/centre?sslmode=require&password=x", a, sizeof a);
	TAP_STR_EQ(a, "postgresql://db.example/centre?sslmode=require", "wherever it is in the query");
	db_address_without_password("postgresql://bb@db.example/centre", a, sizeof a);
	TAP_STR_EQ(a, "postgresql://bb@db.example/centre", "an address without one is as it was");
	db_address_without_password("host=db.example password='hem mel' dbname=x", a, sizeof a);
	TAP_STR_EQ(a, "host=db.example dbname=x", "key=value without the password, quoted");
	db_address_without_password("host=db.example dbname=x password=hemmelig", a, sizeof a);
	TAP_STR_EQ(a, "host=db.example dbname=x", "or last");
	db_address_without_password("password=hemmelig host=db.example", a, sizeof a);
	TAP_STR_EQ(a, "host=db.example", "or first");
	db_address_without_password("/home/desk/brobygger.db", a, sizeof a);
	TAP_STR_EQ(a, "/home/desk/brobygger.db", "a file name is as it is");
}

/* `brobygger check` on a server address: it has no file to look for, so
 * it must not say there is no database; it names the address with ***
 * for a password. */
static void test_check_command(void)
{
	char path[256], with_password[320];
	testdb_path(path, sizeof path, "check");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a server database to check");
	db_close(db);
	snprintf(with_password, sizeof with_password, "%s password=hemmelig", path);
	char *out = NULL, *err = NULL;
	size_t ol, el;
	FILE *o = open_memstream(&out, &ol), *e = open_memstream(&err, &el);
	int rc = cli_check(with_password, o, e);
	fclose(o);
	fclose(e);
	TAP_INT_EQ(rc, 0, "check on a server address says it is sound");
	TAP_CHECK(strstr(out, "password=***") && !strstr(out, "hemmelig") && !err[0],
		  "named without its password, and nothing on stderr");
	free(out);
	free(err);
}

static bool key_waits(void *ctx)
{
	(void)ctx;
	return true;
}

/* A statement stopped for a key (db_interrupt_when): a write takes its
 * whole transaction with it, and nothing after it in the same use case
 * runs on its own; a read leaves the transaction to db_end, which rolls
 * it back. Either way nothing of it stays. */
static void test_interrupt(void)
{
	char path[256];
	testdb_path(path, sizeof path, "interrupt.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a file to stop statements in");
	db_exec(db, "CREATE TABLE t(x INTEGER)");
	static const char many[] = "INSERT INTO t(x) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
				   " WHERE i < 200000) SELECT i FROM n";
	db_begin(db);
	TAP_INT_EQ(db_exec(db, "INSERT INTO t(x) VALUES (1)"), DB_OK, "a row written");
	db_interrupt_when(db, key_waits, NULL);
	TAP_INT_EQ(db_exec(db, many), DB_ERR_INTERRUPTED, "a long write stops for the key");
	db_interrupt_when(db, NULL, NULL);
	TAP_CHECK(db_exec(db, "INSERT INTO t(x) VALUES (2)") != DB_OK, "what the use case writes next is refused");
	struct db_stmt *st;
	db_prepare(db, &st, "SELECT count(*) FROM t");
	TAP_INT_EQ(db_step(st), DB_ERR_INTERRUPTED, "and so is what it reads");
	db_finalize(st);
	TAP_INT_EQ(db_end(db, DB_OK), DB_ERR_INTERRUPTED, "the transaction ends stopped");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 0, "with nothing of it written");

	db_begin(db);
	db_exec(db, "INSERT INTO t(x) VALUES (3)");
	db_interrupt_when(db, key_waits, NULL);
	db_prepare(db, &st, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)"
			    " SELECT count(*) FROM n");
	enum db_status r = db_step(st);
	db_finalize(st);
	db_interrupt_when(db, NULL, NULL);
	TAP_INT_EQ(r, DB_ERR_INTERRUPTED, "a long read stops too");
	TAP_INT_EQ(db_end(db, r), DB_ERR_INTERRUPTED, "its transaction is rolled back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 0, "with the row before it");

	/* A key stops a write before it begins: the transaction is left to
	 * db_end, and nothing after it runs meanwhile. */
	struct db_stmt *second, *third;
	db_begin(db);
	db_exec(db, "INSERT INTO t(x) VALUES (5)");
	db_prepare(db, &second, "INSERT INTO t(x) VALUES (6)");
	db_prepare(db, &third, "INSERT INTO t(x) VALUES (7)");
	db_interrupt_when(db, key_waits, NULL);
	TAP_INT_EQ(db_step(second), DB_ERR_INTERRUPTED, "a write about to begin gives way to the key");
	db_interrupt_when(db, NULL, NULL);
	TAP_INT_EQ(db_step(third), DB_ERR_INTERRUPTED, "the next write of the same transaction is refused");
	db_finalize(second);
	db_finalize(third);
	TAP_INT_EQ(db_end(db, DB_OK), DB_ERR_INTERRUPTED, "the transaction ends stopped, whatever the use case said");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 0, "with nothing of it written");
	TAP_INT_EQ(db_exec(db, "INSERT INTO t(x) VALUES (4)"), DB_OK, "without the key, the next write goes through");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM t"), 1, "and stays");
	db_close(db);
}

/* Frames in the WAL now: the second column of a passive checkpoint of
 * nothing new, which copies nothing the commits left. */
static long long wal_frames(struct db *db)
{
	struct db_stmt *st;
	long long n = -1;
	if (db_prepare(db, &st, "PRAGMA wal_checkpoint(PASSIVE)") == DB_OK && db_step(st) == DB_ROW)
		n = db_column_int(st, 1);
	db_finalize(st);
	return n;
}

/* A commit does not copy the WAL into the file (one mark in a couple of
 * hundred waited for that); the desk's idle moment does. */
static void test_checkpoint_idle(void)
{
	char path[256], wal[300];
	testdb_path(path, sizeof path, "idle.db");
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a file for the WAL");
	db_exec(db, "CREATE TABLE t(x TEXT)");
	bool all = true;
	/* Past the 1,000 pages after which SQLite would copy by itself. */
	for (int i = 0; i < 120; i++) {
		db_begin(db);
		all &= db_exec(db, "INSERT INTO t(x) VALUES (randomblob(40000))") == DB_OK;
		all &= db_end(db, DB_OK) == DB_OK;
	}
	struct stat st = { 0 };
	all &= stat(wal, &st) == 0;
	TAP_CHECK(all && st.st_size > 1100L * 4096, "120 commits, none copied the WAL into the file (%lld bytes beside it)",
		  (long long)st.st_size);
	bool more = true, copied = true;
	/* A piece waits 0.1 ms at most for the copy running beside the desk. */
	for (int pieces = 0; more && pieces < 100000; pieces++)
		copied &= db_idle_piece(db, &more) == DB_OK;
	TAP_CHECK(copied && !more, "the idle desk copies it");
	db_exec(db, "INSERT INTO t(x) VALUES ('after')");
	long long frames = wal_frames(db);
	TAP_CHECK(frames >= 1 && frames < 10, "and the next commit starts the WAL again (%lld frames)", frames);
	db_close(db);
}

/* Prepared statements are kept for the next use of the same SQL: a reused
 * one starts clean (no bindings, no sticky error, from the first row), the
 * same SQL nested in itself gets its own statement, and more different
 * statements than the cache holds all still work. */
static void test_statement_cache(void)
{
	struct db *db = open_scratch("cache");
	struct db_stmt *a, *b;
	const char *sql = "SELECT :x UNION ALL SELECT 2";
	db_prepare(db, &a, sql);
	db_bind_int(a, ":x", 1);
	db_step(a);
	TAP_INT_EQ(db_prepare(db, &b, sql), DB_OK, "the same SQL while the first is in use");
	TAP_CHECK(a != b, "gets a statement of its own");
	db_bind_int(b, ":x", 7);
	TAP_INT_EQ(db_step(b), DB_ROW, "which steps on its own");
	TAP_INT_EQ(db_column_int(b, 0), 7, "with its own binding");
	TAP_INT_EQ(db_column_int(a, 0), 1, "while the first keeps its row");
	db_finalize(b);
	db_bind_text(a, ":nope", "x");
	TAP_INT_EQ(db_finalize(a), DB_ERR_MISUSE, "an error is reported at finalize");
	db_prepare(db, &a, sql);
	TAP_INT_EQ(db_step(a), DB_ROW, "a reused statement has no error left over");
	TAP_CHECK(db_column_is_null(a, 0), "nor a binding");
	TAP_INT_EQ(db_finalize(a), DB_OK, "and finalizes clean");
	bool all = true;
	for (int i = 0; i < 300; i++) {
		char q[64];
		snprintf(q, sizeof q, "SELECT %d", i);
		long long v = -1;
		all = all && db_query_int(db, q, &v) == DB_OK && v == i;
	}
	TAP_CHECK(all, "300 different statements, more than the cache holds, all work");
	/* Parameter names are remembered by address: one buffer naming
	 * each in turn still binds each its own (store_audit_list's :u0..). */
	const char *three = "SELECT :p0 * 100 + :p1 * 10 + :p2";
	for (int round = 0; round < 2; round++) {
		db_prepare(db, &a, three);
		for (int i = 0; i < 3; i++) {
			char name[8];
			snprintf(name, sizeof name, ":p%d", i);
			db_bind_int(a, name, i + 1 + round);
		}
		db_step(a);
		TAP_INT_EQ(db_column_int(a, 0), round ? 234 : 123, "names in one buffer bind their own (round %d)", round);
		db_finalize(a);
	}
	TAP_INT_EQ(db_begin(db), DB_OK, "a transaction after them");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "commits: no statement holds a lock");
	db_close(db);
}

/* Transactions nest: an inner level joins the outer one, and a failure
 * anywhere undoes everything the outermost level began. */
static void test_nesting(void)
{
	struct db *db = open_scratch("nesting");
	const char *count = "SELECT count(*) FROM interests WHERE name LIKE 'Nest%'";

	TAP_INT_EQ(db_begin(db), DB_OK, "outer begin");
	db_exec(db, "INSERT INTO interests(name) VALUES ('Nest 1')");
	TAP_INT_EQ(db_begin(db), DB_OK, "inner begin joins");
	db_exec(db, "INSERT INTO interests(name) VALUES ('Nest 2')");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "inner end commits nothing yet");
	TAP_CHECK(db_in_transaction(db), "still inside the outer transaction");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "outer end commits");
	TAP_INT_EQ(testdb_count(db, count), 2, "both levels' rows are kept");

	db_begin(db);
	db_exec(db, "INSERT INTO interests(name) VALUES ('Nest 3')");
	db_begin(db);
	db_exec(db, "INSERT INTO interests(name) VALUES ('Nest 4')");
	TAP_INT_EQ(db_end(db, DB_ERR_CONFLICT), DB_ERR_CONFLICT, "an inner failure is passed on");
	db_exec(db, "INSERT INTO interests(name) VALUES ('Nest 5')");
	TAP_INT_EQ(db_end(db, DB_OK), DB_ERR_CONFLICT, "the outer end reports the inner failure");
	TAP_CHECK(!db_in_transaction(db), "the transaction is over");
	TAP_INT_EQ(testdb_count(db, count), 2, "nothing of the failed transaction remains");

	TAP_INT_EQ(db_begin_read(db), DB_OK, "a read transaction");
	TAP_INT_EQ(db_begin(db), DB_ERR_MISUSE, "a write cannot begin inside a read");
	TAP_INT_EQ(db_end(db, DB_OK), DB_ERR_MISUSE, "and the read reports it");
	TAP_INT_EQ(db_begin(db), DB_OK, "a write transaction");
	TAP_INT_EQ(db_begin_read(db), DB_OK, "a read joins a write");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "inner read ends");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "outer write commits");
	TAP_INT_EQ(db_end(db, DB_OK), DB_ERR_MISUSE, "an end without a begin is a misuse");
	db_close(db);
}

/* A rehearsal leaves nothing, takes the lock at once or not at all, and
 * is not done on a server. */
static void test_rehearsal(void)
{
	const char *count = "SELECT count(*) FROM interests WHERE name = 'Prøve'";
	char path[256];
	testdb_path(path, sizeof path, "rehearsal.db");
	struct db *db, *other;
	if (db_open(path, &db) != DB_OK) {
		printf("Bail out! cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	if (testdb_pg()) {
		TAP_INT_EQ(db_begin_rehearsal(db), DB_ERR_BUSY, "a server has its own cache: nothing is rehearsed");
		TAP_CHECK(!db_in_transaction(db), "and no transaction is left open");
		db_close(db);
		return;
	}
	TAP_INT_EQ(db_begin_rehearsal(db), DB_OK, "a rehearsal begins");
	TAP_INT_EQ(db_exec(db, "INSERT INTO interests(name) VALUES ('Prøve')"), DB_OK, "writes inside it");
	TAP_INT_EQ(db_begin(db), DB_OK, "a use case's begin joins it");
	TAP_INT_EQ(db_end(db, DB_OK), DB_OK, "and its end commits nothing yet");
	TAP_INT_EQ(testdb_count(db, count), 1, "the row is seen inside");
	TAP_INT_EQ(db_end_undone(db), DB_OK, "it ends");
	TAP_CHECK(!db_in_transaction(db), "the rehearsal is over");
	TAP_INT_EQ(testdb_count(db, count), 0, "and nothing of it remains");

	db_begin_rehearsal(db);
	db_exec(db, "INSERT INTO interests(name) VALUES ('Prøve')");
	db_begin(db);
	TAP_INT_EQ(db_end_undone(db), DB_ERR_MISUSE, "a level left open inside is a misuse");
	TAP_CHECK(!db_in_transaction(db), "yet all of the rehearsal is over");
	TAP_INT_EQ(testdb_count(db, count), 0, "and undone");

	db_begin(db);
	TAP_INT_EQ(db_begin_rehearsal(db), DB_ERR_MISUSE, "a rehearsal is never inside a use case");
	db_end(db, DB_OK);

	TAP_INT_EQ(db_open(path, &other), DB_OK, "a second desk opens the file");
	TAP_INT_EQ(db_exec(other, "BEGIN IMMEDIATE"), DB_OK, "another desk writes");
	TAP_INT_EQ(db_begin_rehearsal(db), DB_ERR_BUSY, "the rehearsal does not wait for it");
	TAP_CHECK(!db_in_transaction(db), "and leaves no transaction");
	db_exec(other, "ROLLBACK");
	db_close(other);
	db_close(db);
}

/* A new file brought to schema `version` by the migrations up to it (as
 * a desk of that version left it), open for a test's rows; its path in
 * `path`. Checked as a test of its own. */
static struct db *at_schema(const char *name, int version, char *path, size_t size)
{
	testdb_path(path, size, name);
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
	struct db *db;
	db_open_existing(path, false, &db);
	bool ok = true;
	for (int i = 0; i < schema_migration_count && schema_migrations[i].version <= version; i++)
		ok = ok && db_exec(db, schema_migrations[i].sql) == DB_OK
		     && (!schema_migrations[i].then || schema_migrations[i].then(db) == DB_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
	TAP_CHECK(ok && db_exec(db, sql) == DB_OK, "a database at schema %d", version);
	return db;
}

/* Migration 26: a course the anonymisation ended (the same day) ends as
 * forgotten, its event in the course's history with it; one that ended
 * as declined before the citizen was forgotten stays declined. */
static void test_migration_26(void)
{
	char path[256];
	struct db *db = at_schema("v25.db", 25, path, sizeof path);
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(id, name, status, ended_on, end_reason, anonymised_on)"
			       " VALUES (1, 'Anonymiseret borger', 'ended', '2026-11-26', 'declined', '2026-11-26'),"
			       " (2, 'Anonymiseret borger', 'ended', '2026-01-10', 'declined', '2026-11-26');"),
		   DB_OK, "with two anonymised citizens whose courses ended as declined");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opening migrates");
	long long n = -1;
	db_query_int(db, "SELECT (SELECT group_concat(end_reason, ' ') FROM (SELECT end_reason FROM citizens ORDER BY id))"
			 " = 'forgotten declined' AND (SELECT group_concat(reason, ' ') FROM (SELECT reason"
			 " FROM course_events WHERE kind = 'ended' ORDER BY citizen_id)) = 'forgotten declined'", &n);
	TAP_INT_EQ(n, 1, "the one the anonymisation ended is forgotten, in the course's history too; "
			 "the other still declined");
	db_close(db);
}

/* Migration 27: the drafts table is built anew to take a call's outcome;
 * the intake and card drafts on record are kept as they were. */
static void test_migration_27(void)
{
	char path[256];
	struct db *db = at_schema("v26.db", 26, path, sizeof path);
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(id, name) VALUES (1, 'Søren Ærø');"
			       "INSERT INTO drafts(id, kind, label, data, updated_at) VALUES (3, 'intake', 'Bo Dam',"
			       " 'name=Bo Dam', '2026-11-20 10:00:00');"
			       "INSERT INTO drafts(id, kind, label, data, citizen_id, base, base_version, updated_at, centre)"
			       " VALUES (4, 'card', 'Søren Ærø', 'phone=1', 1, 'phone=2', 7, '2026-11-21 10:00:00', 'x');"),
		   DB_OK, "with an intake draft and a card draft (of another centre)");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opening migrates");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "to the latest version");
	long long n = -1;
	db_query_int(db, "SELECT count(*) FROM drafts WHERE (id = 3 AND kind = 'intake' AND data = 'name=Bo Dam')"
			 " OR (id = 4 AND kind = 'card' AND citizen_id = 1 AND base = 'phone=2' AND base_version = 7"
			 " AND centre = 'x')", &n);
	TAP_INT_EQ(n, 2, "both drafts are kept as they were, their centre too");
	n = -1;
	db_query_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'drafts' AND name IN"
			 " ('drafts_user', 'drafts_citizen', 'drafts_call', 'drafts_call_owner', 'drafts_note_owner')", &n);
	TAP_INT_EQ(n, 5, "with their indexes");
	TAP_INT_EQ(db_exec(db, "INSERT INTO follow_ups(id, citizen_id, reason, due_on) VALUES (9, 1, 'agreed', '2026-11-26');"
			       "INSERT INTO drafts(kind, label, data, citizen_id, call_id, updated_at)"
			       " VALUES ('call', 'Søren Ærø', 'note=x', 1, 9, '2026-11-26 10:00:00')"),
		   DB_OK, "a call's outcome is taken as a draft");
	TAP_INT_EQ(db_exec(db, "INSERT INTO drafts(kind, label, data, citizen_id, call_id, updated_at)"
			       " VALUES ('call', 'Søren Ærø', 'note=y', 1, 9, '2026-11-26 10:00:00')"),
		   DB_ERR_CONSTRAINT, "but only one per person and call");
	n = -1;
	db_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &n);
	TAP_INT_EQ(n, 0, "and every foreign key holds");
	db_close(db);
}

/* The day's rules commit without waiting for the disk, and only they:
 * set and put back outside a transaction, refused inside one. */
static void unsynced_commits(void)
{
	char path[256];
	testdb_path(path, sizeof path, "unsynced.db");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a file in WAL mode");
	long long level = -1;
	db_query_int(db, "PRAGMA synchronous", &level);
	TAP_INT_EQ(level, 2, "commits wait for the disk (FULL)");
	TAP_INT_EQ(db_unsynced_commits(db, true), DB_OK, "unsynced for a while");
	db_query_int(db, "PRAGMA synchronous", &level);
	TAP_INT_EQ(level, 1, "NORMAL: the WAL is synced when it is copied, or by the next FULL commit");
	TAP_INT_EQ(db_begin(db), DB_OK, "a transaction");
	TAP_INT_EQ(db_unsynced_commits(db, false), DB_ERR_INVALID, "inside it the setting is not changed");
	db_end(db, DB_OK);
	TAP_INT_EQ(db_unsynced_commits(db, false), DB_OK, "synced again after it");
	db_query_int(db, "PRAGMA synchronous", &level);
	TAP_INT_EQ(level, 2, "FULL");
	db_close(db);
}

/* Migration 35: every session there is takes its week order, from its
 * own start time or its activity's, and its activity's sort key. */
static void test_migration_35(void)
{
	char path[256];
	struct db *db = at_schema("v34.db", 34, path, sizeof path);
	TAP_INT_EQ(db_exec(db, "INSERT INTO activities(id, name, kind, weekday, start_time, sort_key)"
			       " VALUES (1, 'Gå-gruppen', 'motion_group', 4, '10:00', 'g'), (2, 'Café', 'social_cafe', 2, NULL, NULL);"
			       "INSERT INTO sessions(id, activity_id, date, start_time) VALUES (1, 1, '2026-11-26', '09:30'),"
			       " (2, 1, '2026-12-03', NULL), (3, 2, '2026-11-24', NULL);"),
		   DB_OK, "with sessions with and without a time of their own, of activities with and without one");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opening migrates");
	long long n = -1;
	db_query_int(db, "SELECT (SELECT group_concat(week_time || '/' || week_sort, ' ') FROM (SELECT week_time, week_sort"
			 " FROM sessions ORDER BY id)) = '09:30/g 10:00/g 99:99/'", &n);
	TAP_INT_EQ(n, 1, "each session's own time, else its activity's, else last in the day; its activity's key");
	db_close(db);
}

/* Migration 11 widens the reasons a call may have (a call to the relative)
 * in place: calls on record, and the measures, feedback and escalations
 * that point at them, are all kept; the new reason is taken, an unknown
 * one still refused. */
static void test_migration_11(void)
{
	char path[256];
	struct db *db = at_schema("v8.db", 8, path, sizeof path);
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(id, name) VALUES (1, 'Søren Ærø');"
			       "INSERT INTO referrals(id, citizen_id, referred_on, source) VALUES (1, 1, '2026-11-01', 'gp');"
			       "INSERT INTO follow_ups(id, citizen_id, reason, due_on, status, outcome, done_at)"
			       " VALUES (7, 1, 'agreed', '2026-11-20', 'done', 'reached', '2026-11-20 10:00:00');"
			       "INSERT INTO measures(id, citizen_id, measure_id, taken_on, occasion, total, follow_up_id)"
			       " VALUES (1, 1, 1, '2026-11-20', 'follow_up', 40, 7);"
			       "INSERT INTO referrer_feedback(referral_id, citizen_id, follow_up_id, given_on, told)"
			       " VALUES (1, 1, 7, '2026-11-20', 'Er startet');"
			       "INSERT INTO call_escalations(citizen_id, follow_up_id, raised_on, attempts)"
			       " VALUES (1, 7, '2026-11-20', 3);"),
		   DB_OK, "with a call that a measure, feedback and an escalation point at");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opening migrates");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "to the latest version");
	long long n = -1;
	db_query_int(db, "SELECT (SELECT count(*) FROM follow_ups WHERE id = 7)"
			 " + (SELECT count(*) FROM measures WHERE follow_up_id = 7)"
			 " + (SELECT count(*) FROM referrer_feedback WHERE follow_up_id = 7)"
			 " + (SELECT count(*) FROM call_escalations WHERE follow_up_id = 7)", &n);
	TAP_INT_EQ(n, 4, "the call and all that points at it are kept");
	TAP_INT_EQ(db_exec(db, "INSERT INTO follow_ups(citizen_id, reason, due_on, source_key)"
			       " VALUES (1, 'relative_support', '2026-11-26', 'relative:1')"),
		   DB_OK, "a call to the relative is taken");
	TAP_INT_EQ(db_exec(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (1, 'gossip', '2026-11-26')"),
		   DB_ERR_CONSTRAINT, "an unknown reason is still refused");
	n = -1;
	db_query_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", &n);
	TAP_INT_EQ(n, 0, "the file is sound");
	n = -1;
	db_query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &n);
	TAP_INT_EQ(n, 0, "and every foreign key holds");
	db_close(db);
}

/* PostgreSQL: a new database is migrated and keeps its rules; one the
 * schema table says is newer is refused untouched; a --db value is told
 * apart from a file and shown without its password. */
static void test_server(void)
{
	char path[256];
	testdb_path(path, sizeof path, "server");
	struct db *db;
	TAP_INT_EQ(db_open(path, &db), DB_OK, "a new database on the server opens");
	TAP_INT_EQ(db_engine(db), DB_ENGINE_POSTGRESQL, "on the PostgreSQL engine");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "migrated to the latest schema");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM brobygger_schema"), 1, "the version is one row of a table");
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(name, postcode) VALUES ('Bo', '80000')"), DB_ERR_CONSTRAINT,
		   "a five-digit postcode breaks a CHECK");
	TAP_INT_EQ(db_exec(db, "INSERT INTO referrals(referred_on, source) VALUES ('2026-02-30', 'self')"),
		   DB_ERR_CONSTRAINT, "an impossible date breaks a CHECK");
	TAP_INT_EQ(db_exec(db, "INSERT INTO attendance(session_id, citizen_id, mark) VALUES (99, 99, 'present')"),
		   DB_ERR_CONSTRAINT, "a foreign key to nothing is refused");
	TAP_INT_EQ(store_settings_set(db, "centre_name", "Frivilligcenter Århus"), DB_OK, "setting saved");
	char v[SETTING_MAX];
	store_settings_get(db, "centre_name", v, sizeof v);
	TAP_STR_EQ(v, "Frivilligcenter Århus", "setting read back");
	char report[256];
	TAP_INT_EQ(db_integrity_check(db, NULL, report, sizeof report), DB_OK, "the check reads every table");
	TAP_INT_EQ(db_copy_to(db, "/tmp/never"), DB_ERR_MISUSE, "a copy is pg_dump's work, not ours");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opens again");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "migrations are not applied twice");
	db_exec(db, "UPDATE brobygger_schema SET version = 999");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_ERR_TOONEW, "a newer schema is refused");
	TAP_CHECK(strstr(db_errdetail(db), "999") != NULL, "the detail names the version");
	db_close(db);

	TAP_CHECK(db_is_server("postgresql://bb@db.example/centre") && db_is_server("host=/tmp dbname=x")
		  && !db_is_server("/home/desk/brobygger.db") && !db_is_server("hostel.db"),
		  "a server address is told from a file name");
	char shown[128];
	db_display_name("postgresql://bb:hemmelig@db.example/centre", shown, sizeof shown);
	TAP_STR_EQ(shown, "postgresql://bb:***@db.example/centre", "a URI is shown without its password");
	db_display_name("host=db.example password='hem mel' dbname=x", shown, sizeof shown);
	TAP_STR_EQ(shown, "host=db.example password=*** dbname=x", "so is key=value");
	TAP_INT_EQ(db_open("host=/nonexistent-brobygger dbname=x connect_timeout=2", &db), DB_ERR_SERVER,
		   "a server that cannot be reached is said so");
	db_close(db);
}

static void told(void *ctx, const char *table, long long rows)
{
	(void)table;
	*(long long *)ctx += rows;
}

/* migrate-to: a centre's file copied into an empty server database in one
 * transaction, every table counted on both sides; a server that holds
 * data already is refused, and nothing of the try is left. */
static void test_copy_into(void)
{
	char file[256], server[256];
	testdb_file(file, sizeof file, "centre.db");
	testdb_path(server, sizeof server, "moved");
	struct db *from, *to;
	if (db_open(file, &from) != DB_OK || db_open(server, &to) != DB_OK) {
		printf("Bail out! cannot open %s or %s\n", file, server);
		exit(1);
	}
	TAP_INT_EQ(db_exec(from, "INSERT INTO users(name, role) VALUES ('Kirsten Åby', 'coordinator');"
				 "INSERT INTO citizens(name, postcode, status, ended_on, end_reason, created_at)"
				 " VALUES ('Søren Ærø', '8000', 'ended', '2026-05-01', 'moved', '2026-01-02 10:00:00'),"
				 " ('Bo Holm', NULL, 'active', NULL, NULL, '2026-02-03 11:00:00');"
				 "INSERT INTO referrals(citizen_id, referred_on, source) VALUES (2, '2026-02-03', 'gp');"
				 "INSERT INTO interests(name) VALUES ('Æbleplukning');"
				 "INSERT INTO settings(key, value) VALUES ('centre_name', 'Frivilligcenter Ø')"),
		   DB_OK, "a centre's file with people, a course's end, a new interest and a setting");
	long long rows = 0, file_rows = 0;
	TAP_INT_EQ(db_copy_into(from, to, told, &rows), DB_OK, "copied into the empty server database");
	db_query_int(from, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM course_events)"
			   " + (SELECT count(*) FROM interests) + (SELECT count(*) FROM settings)", &file_rows);
	TAP_INT_EQ(testdb_count(to, "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM course_events)"
				    " + (SELECT count(*) FROM interests) + (SELECT count(*) FROM settings)"),
		   file_rows, "the same rows on the server: the course's end once, not twice");
	TAP_CHECK(rows > 0, "each table counted (%lld rows)", rows);
	TAP_INT_EQ(testdb_count(to, "SELECT count(*) FROM citizens WHERE name = 'Søren Ærø' AND status = 'ended'"
				    " AND created_at = '2026-01-02 10:00:00'"), 1, "the text of the rows as it was");
	TAP_INT_EQ(db_exec(to, "INSERT INTO citizens(name) VALUES ('Ny')"), DB_OK, "a new row after the copy");
	TAP_INT_EQ(testdb_count(to, "SELECT max(id) FROM citizens"), 3, "takes the next id after the copied ones");
	long long before = testdb_count(to, "SELECT count(*) FROM citizens");
	TAP_INT_EQ(db_copy_into(from, to, NULL, NULL), DB_ERR_CONFLICT, "a server database with data is refused");
	TAP_INT_EQ(testdb_count(to, "SELECT count(*) FROM citizens"), before, "and left as it was");
	db_close(to);
	db_close(from);
}

int main(void)
{
	if (!testdb_start("db"))
		return 1;
	if (testdb_pg()) {
		/* The file cases (modes, read-only, locked, damaged, backup
		 * copies, old files) are SQLite's; the server has its own. */
		test_wrapper();
		test_booleans();
		test_addresses();
		test_nesting();
		test_rehearsal();
		test_statement_cache();
		test_server();
		test_check_command();
		test_copy_into();
		testdb_finish();
		return tap_done();
	}
	test_wrapper();
	test_booleans();
	test_addresses();
	test_nesting();
	test_rehearsal();
	test_statement_cache();
	test_fresh();
	test_checks_as_comparisons();
	test_comparisons_text();
	test_edit_schema_checked();
	test_too_new();
	test_not_a_database();
	test_missing_folder();
	test_read_only();
	test_locked();
	test_corrupt();
	test_backup();
	test_migration_11();
	test_migration_26();
	test_migration_27();
	test_migration_35();
	unsynced_commits();
	test_checkpoint_idle();
	test_interrupt();
	testdb_finish();
	return tap_done();
}
