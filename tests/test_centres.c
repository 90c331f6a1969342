/* Centres on one database (issue 16). On a file: one centre, "lokal",
 * that no citizen can be shared from. On the PostgreSQL server: two
 * centres, each its own database role, that cannot see each other's
 * citizens, through the use cases (the first line) or plain SQL (the
 * server's row-level security, the second), until a citizen consents to
 * be shared with the partner; withdrawn, they are gone from it again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "centres.h"
#include "citizens.h"
#include "db.h"
#include "desk.h"
#include "exchange.h"
#include "intake.h"
#include "settings.h"
#include "store_matching.h"
#include "tap.h"
#include "testdb.h"

static long long register_citizen(struct desk *d, const char *name)
{
	struct citizen_card c;
	memset(&c, 0, sizeof c);
	snprintf(c.citizen.name, sizeof c.citizen.name, "%s", name);
	snprintf(c.referral.referred_on, sizeof c.referral.referred_on, "2026-11-02");
	snprintf(c.referral.source, sizeof c.referral.source, "self");
	c.consent.registration = true;
	long long id = 0;
	enum db_status st = intake_register(d, &c, 0, &id);
	if (st != DB_OK)
		printf("# intake of %s: %d (%s)\n", name, (int)st, db_errdetail(d->db));
	return id;
}

static int hits(struct desk *d, const char *typed)
{
	struct citizen_hit h[8];
	int n = -1;
	if (citizens_search(d, typed, 0, 8, h, &n) != DB_OK)
		return -1;
	return n;
}

static enum db_status card(struct desk *d, long long id)
{
	struct citizen_view *v = malloc(sizeof *v);
	enum db_status st = v ? citizens_card(d, id, v) : DB_ERR_IO;
	free(v);
	return st;
}

/* Rows in the centre's export of its citizens. */
static int exported(struct desk *d)
{
	struct exchange_export req = { .table = EXCHANGE_CITIZENS, .encoding = CSV_UTF8, .destination = "-" };
	struct exchange_file f = { 0 };
	enum db_status st = exchange_export(d, &req, &f);
	free(f.data);
	return st == DB_OK ? f.rows : -1;
}

static void one_file_one_centre(void)
{
	char path[256];
	testdb_file(path, sizeof path, "file.db");
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		TAP_CHECK(false, "the file opens");
		return;
	}
	struct desk d = desk_command_line(db);
	TAP_STR_EQ(desk_centre(&d), "lokal", "a file is the centre 'lokal'");
	long long id = register_citizen(&d, "Inge Holm");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens WHERE centre = 'lokal'"), 1,
		   "the citizen belongs to it");
	struct centre c[CENTRES_MAX];
	int n = -1;
	TAP_INT_EQ(centres_partners(&d, c, CENTRES_MAX, &n), DB_OK, "partners are read");
	TAP_INT_EQ(n, 0, "a file has no partner to share with");
	bool changed = true;
	TAP_INT_EQ(centres_share(&d, id, "lokal", true, &changed), DB_ERR_INVALID, "not with itself");
	TAP_INT_EQ(centres_share(&d, id, "andet", true, &changed), DB_ERR_INVALID, "not with a centre not there");
	TAP_CHECK(!changed, "nothing changed");
	TAP_INT_EQ(centres_add(&d, "andet", "Andet center"), DB_ERR_INVALID, "a file takes no second centre");
	/* The centre's name is what partners would see. */
	struct centre_settings cs;
	TAP_INT_EQ(settings_read(&d, &cs), DB_OK, "settings are read");
	snprintf(cs.centre_name, sizeof cs.centre_name, "Frivilligcenter Ølby");
	TAP_INT_EQ(settings_save(&d, &cs), DB_OK, "the centre is named");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM centres WHERE name = 'Frivilligcenter Ølby'"), 1,
		   "the list of centres has the new name");
	db_close(db);
}

/* --------- the server: two centres ---------- */

static char role_a[40], role_b[40];

static bool open_as(const char *base, const char *role, struct db **db)
{
	char conninfo[512];
	snprintf(conninfo, sizeof conninfo, "%s user=%s", base, role);
	enum db_status st = db_open(conninfo, db);
	if (st != DB_OK)
		printf("# opening as %s: %d (%s)\n", role, (int)st, *db ? db_errdetail(*db) : "");
	return st == DB_OK;
}

/* Migration 36: a server migrated to 21 and 32 by its first centre had
 * the day the retention rule counts from, and the volunteers' loads,
 * counted for that centre's rows alone; the other centres' stayed NULL
 * (the rule could not act on them). Made so again by the server's
 * administrator, the first centre's next open counts them. */
static void other_centres_counted(const char *base, long long bent)
{
	struct db *super, *a;
	if (db_open(base, &super) != DB_OK) {
		TAP_CHECK(false, "the administrator connects");
		return;
	}
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM citizens WHERE id = %lld AND retention_from IS NOT NULL", bent);
	TAP_INT_EQ(testdb_count(super, sql), 1, "Bent, waiting, has a day the retention rule counts from");
	snprintf(sql, sizeof sql,
		 "UPDATE citizens SET retention_from = NULL WHERE centre = '%s';"
		 "UPDATE volunteers SET open_matches = NULL WHERE centre = '%s';"
		 "UPDATE brobygger_schema SET version = 35", role_b, role_b);
	TAP_INT_EQ(db_exec(super, sql), DB_OK, "the health centre's rows as migration 21 and 32 left them");
	db_close(super);
	bool opened = open_as(base, role_a, &a);
	TAP_CHECK(opened, "the first centre opens the database again (and migrates it)");
	if (opened)
		db_close(a);
	if (db_open(base, &super) != DB_OK) {
		TAP_CHECK(false, "the administrator connects again");
		return;
	}
	snprintf(sql, sizeof sql, "SELECT count(*) FROM citizens WHERE id = %lld AND retention_from IS NOT NULL", bent);
	TAP_INT_EQ(testdb_count(super, sql), 1, "Bent's day is counted again, though another centre's");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM volunteers WHERE centre = '%s' AND open_matches = 0", role_b);
	TAP_INT_EQ(testdb_count(super, sql), 1, "and Vera's load");
	TAP_INT_EQ(testdb_count(super, "SELECT count(*) FROM pg_class WHERE relname IN ('citizens', 'enrolments',"
				       " 'attendance', 'sessions', 'assessments', 'matches', 'referrals', 'volunteers',"
				       " 'activities') AND relforcerowsecurity"), 9,
		   "every centre is held to its own rows again");
	db_close(super);
}

static void two_centres_on_a_server(void)
{
	snprintf(role_a, sizeof role_a, "bbt_aarhus_%d", (int)getpid());
	snprintf(role_b, sizeof role_b, "bbt_sundhed_%d", (int)getpid());
	char base[512], sql[512], why[200] = "";
	testdb_path(base, sizeof base, "centres");
	const char *dbname = strstr(base, "dbname=") + 7;
	snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN; CREATE ROLE %s LOGIN; ALTER DATABASE %s OWNER TO %s",
		 role_a, role_b, dbname, role_a);
	bool made = testdb_admin(sql, why, sizeof why);
	TAP_CHECK(made, "the server's administrator makes two roles %s", why);
	if (!made)
		return;
	/* The database's owner owns its schema public (PostgreSQL 15 on). */
	struct db *a, *b;
	bool opened = open_as(base, role_a, &a);
	TAP_CHECK(opened, "the first centre opens the database (and migrates it)");
	if (!opened)
		return;
	struct desk da = desk_command_line(a);
	TAP_STR_EQ(desk_centre(&da), role_a, "its centre is its role");
	TAP_INT_EQ(centres_add(&da, role_b, "Sundhedshuset"), DB_OK, "it adds the health centre's role as a centre");
	TAP_INT_EQ(centres_add(&da, role_b, "Sundhedshuset"), DB_ERR_CONSTRAINT, "only once");
	TAP_INT_EQ(centres_add(&da, "bbt_nobody_here", "Ingen"), DB_ERR_NOTFOUND, "not a role the server lacks");
	long long inge = register_citizen(&da, "Inge Holm");
	TAP_CHECK(inge > 0, "the first centre registers Inge");

	opened = open_as(base, role_b, &b);
	TAP_CHECK(opened, "the health centre opens the same database");
	if (!opened) {
		db_close(a);
		return;
	}
	struct desk db_ = desk_command_line(b);
	long long bent = register_citizen(&db_, "Bent Holm");
	TAP_CHECK(bent > 0, "the health centre registers Bent");
	TAP_INT_EQ(hits(&db_, "holm"), 1, "its search finds Bent alone");
	TAP_INT_EQ(hits(&da, "holm"), 1, "the first centre's finds Inge alone");
	TAP_INT_EQ(card(&db_, inge), DB_ERR_NOTFOUND, "Inge's card is not there for the health centre");
	TAP_INT_EQ(citizens_add_note(&db_, inge, "Ringede"), DB_ERR_NOTFOUND, "nor can it write on it");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM citizens"), 1, "plain SQL sees one citizen: its own");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM referrals"), 1, "and one referral");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM centres"), 2, "both centres are named to both");
	snprintf(sql, sizeof sql, "UPDATE citizens SET name = 'X' WHERE id = %lld", inge);
	TAP_CHECK(db_exec(b, sql) == DB_OK && db_changes(b) == 0, "an UPDATE of another centre's citizen changes nothing");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM citizens WHERE name = 'Inge Holm'"), 1, "Inge is as she was");
	TAP_CHECK(db_exec(b, "INSERT INTO centres(code, name) VALUES ('x', 'X')") != DB_OK,
		  "a centre cannot add centres");

	/* The first line without the second: a superuser's connection passes
	 * row-level security, the use case still says no. */
	struct db *super;
	if (db_open(base, &super) == DB_OK) {
		struct desk ds = desk_command_line(super);
		snprintf(ds.centre, sizeof ds.centre, "%s", role_b);
		TAP_INT_EQ(card(&ds, inge), DB_ERR_NOTFOUND, "the use case refuses the card where the server would not");
		TAP_INT_EQ(hits(&ds, "holm"), 1, "and its search lists Bent alone");
		db_close(super);
	}

	bool changed = false;
	TAP_INT_EQ(centres_share(&db_, bent, role_a, true, &changed), DB_OK, "Bent consents to be shared");
	TAP_CHECK(changed, "the share is recorded");
	TAP_INT_EQ(centres_share(&da, bent, role_b, false, &changed), DB_ERR_NOTFOUND,
		   "only Bent's own centre can withdraw it");
	TAP_INT_EQ(card(&da, bent), DB_OK, "the partner sees Bent's card");
	TAP_INT_EQ(hits(&da, "holm"), 2, "and finds him");
	TAP_INT_EQ(citizens_add_note(&da, bent, "Følger ham til løbeklubben"), DB_OK, "and writes a note on him");
	TAP_INT_EQ(exported(&da), 1, "but its export of citizens holds its own, Inge, alone");
	TAP_INT_EQ(exported(&db_), 1, "and Bent's centre's holds Bent");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM notes"), 1, "his own centre reads the partner's note");
	TAP_INT_EQ(centres_share(&da, bent, role_a, true, &changed), DB_ERR_NOTFOUND,
		   "the partner cannot share him on");
	struct citizen_share sh[SHARES_MAX];
	int n = 0;
	TAP_INT_EQ(centres_shares(&db_, bent, sh, SHARES_MAX, &n), DB_OK, "his shares are read");
	TAP_INT_EQ(n, 1, "one");
	TAP_STR_EQ(sh[0].partner, role_a, "with the first centre");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM audit_log WHERE detail LIKE 'shared with:%'"), 1,
		   "the share is in the audit log");

	TAP_INT_EQ(centres_share(&db_, bent, role_a, false, &changed), DB_OK, "Bent withdraws it");
	TAP_CHECK(changed, "the withdrawal is recorded");
	TAP_INT_EQ(card(&da, bent), DB_ERR_NOTFOUND, "the partner no longer sees his card");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM citizens WHERE name = 'Bent Holm'"), 0, "nor his row");
	TAP_INT_EQ(hits(&da, "holm"), 1, "its search is back to Inge");
	TAP_INT_EQ(testdb_count(b, "SELECT count(*) FROM notes"), 1, "the note it wrote stays with Bent's centre");
	TAP_INT_EQ(db_exec(b, "INSERT INTO volunteers(name, status, capacity) VALUES ('Vera Holm', 'active', 1)"),
		   DB_OK, "the health centre has a volunteer, for one citizen at a time");
	long long vera = db_last_insert_id(b);
	long long carl = register_citizen(&db_, "Carl Berg");
	snprintf(sql, sizeof sql, "INSERT INTO matches(citizen_id, volunteer_id, matched_on) VALUES (%lld, %lld,"
		 " '2026-11-20')", carl, vera);
	TAP_INT_EQ(db_exec(b, sql), DB_OK, "matched with Carl, of the health centre too");
	TAP_INT_EQ(centres_share(&db_, carl, role_a, true, &changed), DB_OK, "Carl is shared with the first centre");
	snprintf(sql, sizeof sql, "UPDATE matches SET ended_on = '2026-11-26', outcome = 'declined' WHERE citizen_id = %lld",
		 carl);
	TAP_CHECK(db_exec(a, sql) == DB_OK && db_changes(a) == 1, "which ends his match (his course ended there)");
	/* The first centre cannot see Vera's row to count her again: the
	 * health centre's matching counts her load itself. */
	struct match_pool pool;
	bool free_again = false;
	if (store_matching_pool_load(b, &pool, NULL) == DB_OK) {
		for (int i = 0; i < pool.nvolunteers; i++)
			free_again |= pool.volunteers[i].id == vera && pool.volunteers[i].load == 0;
		store_matching_pool_free(&pool);
	}
	TAP_CHECK(free_again, "Vera has her place free again in the health centre's matching");
	db_close(b);
	db_close(a);
	other_centres_counted(base, bent);
}

static void drop_roles(void)
{
	char sql[256];
	snprintf(sql, sizeof sql, "DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s", role_b, role_a);
	testdb_admin(sql, NULL, 0);
}

int main(void)
{
	if (!testdb_start("centres"))
		return 1;
	if (testdb_pg()) {
		two_centres_on_a_server();
		testdb_finish();
		drop_roles();
	} else {
		one_file_one_centre();
		testdb_finish();
	}
	return tap_done();
}
