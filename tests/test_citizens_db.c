/* Citizens through their use cases (src/intake.h, src/citizens.h), on
 * temporary files, with a desk volunteer signed in: intake with and
 * without consent, the warning of a duplicate, the card as one audited
 * look, search as you type (checked against a plain reference on a few
 * thousand made-up citizens), edits that meet another desk's edit, ending
 * and reopening, notes and the timeline, the facts behind the next step,
 * pick-lists, drafts that belong to their owner, who may do what, and the
 * audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "anonymise.h"
#include "citizens.h"
#include "collate.h"
#include "db.h"
#include "dbrules.h"
#include "desk.h"
#include "fold.h"
#include "intake.h"
#include "kept_drafts.h"
#include "migrate.h"
#include "nextstep.h"
#include "overview.h"
#include "store_citizens.h"
#include "store_demo.h"
#include "tap.h"
#include "testdb.h"
#include "textkeys.h"

static long long desk_user; /* "Bente Ølgaard", signed in at the desk */
static struct desk desk;    /* her desk, on the database opened last */

static struct desk desk_for(struct db *db, db_user_id user, enum role role)
{
	return (struct desk){ .db = db, .user = user, .role = role, .users_exist = true };
}

/* The database at `where`, with Bente signed in at the desk. */
static struct db *open_with_desk(const char *where)
{
	struct db *db;
	if (db_open(where, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", where, db_errdetail(db));
		exit(1);
	}
	if (db_exec(db, "INSERT INTO users(name, role) VALUES ('Bente Ølgaard', 'desk')") != DB_OK)
		exit(1);
	desk_user = db_last_insert_id(db);
	desk = desk_for(db, desk_user, ROLE_DESK);
	return db;
}

static struct db *open_fresh(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	return open_with_desk(path);
}

static db_user_id add_user(struct db *db, const char *name, const char *role)
{
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO users(name, role) VALUES ('%s', '%s')", name, role);
	if (db_exec(db, sql) != DB_OK)
		exit(1);
	return db_last_insert_id(db);
}

#define SET(field, value) snprintf((field), sizeof(field), "%s", (value))

static void card_basic(struct citizen_card *c, const char *name, const char *phone, const char *email,
		       const char *postcode, const char *town)
{
	memset(c, 0, sizeof *c);
	SET(c->citizen.name, name);
	SET(c->citizen.phone, phone);
	SET(c->citizen.email, email);
	SET(c->citizen.postcode, postcode);
	SET(c->citizen.town, town);
	SET(c->referral.referred_on, "2026-11-02");
	SET(c->referral.source, "self");
	c->consent.registration = true;
	SET(c->consent.given_on, "2026-11-02");
}

static long long add_citizen(struct db *db, const char *name, const char *phone, const char *email,
			     const char *postcode, const char *town)
{
	struct citizen_card c;
	card_basic(&c, name, phone, email, postcode, town);
	long long id = 0;
	enum db_status st = intake_register(&desk, &c, 0, &id);
	if (st != DB_OK)
		printf("# intake of %s: status %d (%s)\n", name, (int)st, db_errdetail(db));
	return id;
}

/* The card as the card screen reads it; the view is large. */
static struct citizen_view *view_new(void)
{
	struct citizen_view *v = malloc(sizeof *v);
	if (!v)
		exit(1);
	return v;
}

static enum db_status read_card(struct desk *d, long long id, struct citizen_card *out)
{
	struct citizen_view *v = view_new();
	enum db_status r = citizens_card(d, id, v);
	*out = v->card;
	free(v);
	return r;
}

/* ---------- intake and card ---------- */

static void test_intake_without_consent(void)
{
	struct db *db = open_fresh("noconsent.db");
	struct citizen_card c;
	card_basic(&c, "Kirsten Lauridsen", "20 30 40 50", "", "8000", "Aarhus C");
	c.consent.registration = false;
	SET(c.referral.source, "gp");
	SET(c.referral.referrer_name, "Læge Jørgen Bak");
	SET(c.relative.name, "Ib Lauridsen");
	c.ninterests = 1;
	c.interests[0] = 1;
	long long id = -1;
	TAP_INT_EQ(intake_register(&desk, &c, 0, &id), DB_OK, "intake without consent to registration");
	TAP_INT_EQ(id, 0, "no citizen id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens"), 0, "no citizen is stored");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM relatives") + testdb_count(db, "SELECT count(*) FROM citizen_interests"),
		   0, "nor relatives or interests");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrals WHERE citizen_id IS NULL AND source = 'gp'"), 1,
		   "the referral is kept for the counts");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'referral'"
				    " AND user_id IS NOT NULL"), 1, "and audited, with the user");

	card_basic(&c, "Kirsten Lauridsen", "", "", "", "");
	SET(c.referral.source, "neighbour");
	TAP_INT_EQ(intake_register(&desk, &c, 0, &id), DB_ERR_CONSTRAINT, "an unknown referral source is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens"), 0, "and nothing of it is left behind");

	/* Nothing of the person is kept, so nothing of them is checked. */
	card_basic(&c, "", "", "", "", "");
	c.consent.registration = false;
	SET(c.citizen.wishes, "Født 010190-1234");
	TAP_INT_EQ(intake_register(&desk, &c, 0, &id), DB_OK, "an unnamed referral without consent");
	db_close(db);
}

static void test_intake_and_card(void)
{
	struct db *db = open_fresh("card.db");
	struct citizen_card in;
	card_basic(&in, "Søren Ærø Åberg", "12 34 56 78", "soeren.aeroe@example.dk", "8000", "Aarhus C");
	in.citizen.birth_year = 1961;
	SET(in.citizen.address, "Åboulevarden 7, 2. th.");
	SET(in.citizen.contact_pref, "sms");
	SET(in.citizen.wishes, "Vil gerne gå ture ved åen og møde andre over en kop kaffe — gerne om formiddagen.");
	SET(in.referral.source, "relative");
	SET(in.referral.referrer_name, "Birthe Ærø");
	SET(in.referral.referrer_phone, "87 65 43 21");
	in.referral.feedback_consent = true;
	SET(in.relative.name, "Birthe Ærø");
	SET(in.relative.relation, "søster");
	SET(in.relative.phone, "87 65 43 21");
	in.relative.wants_support = true;
	in.consent.volunteer_contact = true;
	in.consent.referrer_feedback = true;
	SET(in.assessment.outcome, "professional_help");
	SET(in.assessment.assessed_on, "2026-11-05");
	SET(in.assessment.handover_to, "Socialpsykiatrien, Aarhus Kommune");
	SET(in.assessment.handover_on, "2026-11-12");
	in.ninterests = 2;
	in.interests[0] = 1;
	in.interests[1] = 3;
	in.nbarriers = 1;
	in.barriers[0] = 1;
	in.availability = AVAIL_BIT(1, 0) | AVAIL_BIT(4, 2) | AVAIL_BIT(7, 1);

	long long id = 0;
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_OK, "intake with consent");
	TAP_CHECK(id > 0, "a citizen id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents"), 3, "one consent row per purpose given");

	struct citizen_view *v = view_new();
	TAP_INT_EQ(citizens_card(&desk, id, v), DB_OK, "the card reads back");
	const struct citizen_card *out = &v->card;
	TAP_STR_EQ(out->citizen.name, "Søren Ærø Åberg", "name with æ, ø, å");
	TAP_INT_EQ(out->citizen.birth_year, 1961, "birth year");
	TAP_STR_EQ(out->citizen.address, "Åboulevarden 7, 2. th.", "address");
	TAP_STR_EQ(out->citizen.wishes, in.citizen.wishes, "wishes, with a dash and Danish letters");
	TAP_STR_EQ(out->citizen.contact_pref, "sms", "contact preference");
	TAP_STR_EQ(out->citizen.status, "active", "a new course is active");
	TAP_STR_EQ(out->citizen.ended_on, "", "and has no end");
	TAP_INT_EQ(out->citizen.version, 1, "version 1");
	TAP_STR_EQ(out->referral.source, "relative", "referral source");
	TAP_STR_EQ(out->referral.referrer_name, "Birthe Ærø", "referrer");
	TAP_CHECK(out->referral.feedback_consent, "feedback to the referrer agreed");
	TAP_STR_EQ(out->relative.relation, "søster", "relative");
	TAP_CHECK(out->relative.wants_support, "the relative wants support");
	TAP_CHECK(out->consent.registration && out->consent.volunteer_contact && out->consent.referrer_feedback,
		  "all three consents");
	TAP_STR_EQ(out->consent.given_on, "2026-11-02", "consent date");
	TAP_STR_EQ(out->consent.recorded_by, "Bente Ølgaard", "recorded by the user at the desk");
	TAP_STR_EQ(out->assessment.outcome, "professional_help", "assessment");
	TAP_STR_EQ(out->assessment.handover_to, "Socialpsykiatrien, Aarhus Kommune", "handed over to");
	TAP_CHECK(out->ninterests == 2 && out->interests[0] == 1 && out->interests[1] == 3, "interests");
	TAP_CHECK(out->nbarriers == 1 && out->barriers[0] == 1, "barriers");
	TAP_INT_EQ(out->availability, in.availability, "availability bits");
	/* What the card shows besides: the names of the picks, the facts,
	 * the timeline and the measures' history, read in the same look. */
	TAP_CHECK(v->ninterests == 2 && strcmp(v->interests[0].name, "Gåture") == 0, "the interests by name");
	TAP_CHECK(v->nbarriers == 1 && strcmp(v->barriers[0].name, "Angst") == 0, "the barrier by name");
	TAP_STR_EQ(v->facts.assessment, "professional_help", "the facts for the next step");
	TAP_CHECK(v->ntimeline >= 3, "the timeline: referral, intake, assessment");
	TAP_INT_EQ(v->nmeasures, 0, "no measures taken yet");

	TAP_INT_EQ(citizens_card(&desk, id + 100, v), DB_ERR_NOTFOUND, "no card for an unknown id");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'citizen'"), 1,
		   "the intake is audited");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view' AND entity = 'citizen'"
			    " AND user_id IS NOT NULL"), 1, "reading the card is audited once, with the user");
	/* Read again because another desk committed: the same look, not a
	 * new one in the log (a desk's refresh must not make the other
	 * desks refresh in turn), and the same bytes when nothing changed. */
	struct citizen_view *again = view_new();
	TAP_INT_EQ(citizens_card_reload(&desk, id, v), DB_OK, "the card is read again");
	TAP_STR_EQ(v->card.citizen.name, "Søren Ærø Åberg", "the same card");
	TAP_INT_EQ(citizens_card_reload(&desk, id, again), DB_OK, "and again");
	TAP_CHECK(memcmp(v, again, sizeof *v) == 0, "unchanged, it reads the same, byte for byte");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view' AND entity = 'citizen'"), 1,
		   "reading it again is not a new look in the log");
	free(again);

	/* Volunteer help may not name a handover: the rule leaves it out. */
	card_basic(&in, "Åse Holm", "", "", "", "");
	SET(in.assessment.outcome, "volunteer_help");
	SET(in.assessment.handover_to, "left over in the form");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_OK, "volunteer help with a stray handover field");
	read_card(&desk, id, &in);
	TAP_STR_EQ(in.assessment.handover_to, "", "the handover is not stored");
	TAP_STR_EQ(in.assessment.assessed_on, "2026-11-02", "assessed on the referral day when no date is given");

	/* A handover planned for next week; one dated before the referral. */
	card_basic(&in, "Palle Juhl", "", "", "", "");
	SET(in.assessment.outcome, "professional_help");
	SET(in.assessment.handover_to, "Socialpsykiatrien, Aarhus Kommune");
	SET(in.assessment.handover_on, "2026-12-03");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_OK, "a handover planned for next week");
	TAP_INT_EQ(citizens_card(&desk, id, v), DB_OK, "his card");
	struct next_step planned = next_step_decide(&v->facts, (struct date){ 2026, 11, 26 });
	char line[300];
	next_step_describe(&planned, &v->facts, line, sizeof line);
	TAP_CHECK(planned.kind == NEXT_HANDOVER && planned.days == 7 && strstr(line, "3 Dec")
		  && strstr(line, "planned"), "his next step is the planned handover: '%s'", line);
	card_basic(&in, "Palle Juhl", "", "", "", "");
	SET(in.assessment.outcome, "professional_help");
	SET(in.assessment.handover_to, "Socialpsykiatrien, Aarhus Kommune");
	SET(in.assessment.handover_on, "2026-10-30");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_INVALID, "a handover before the referral is refused");

	long long before = testdb_count(db, "SELECT count(*) FROM citizens") + testdb_count(db, "SELECT count(*) FROM referrals");
	card_basic(&in, "Ulla Bech", "", "", "", "");
	in.ninterests = 1;
	in.interests[0] = 999;
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_CONSTRAINT, "an unknown interest is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens") + testdb_count(db, "SELECT count(*) FROM referrals"), before,
		   "and the whole intake with it");
	card_basic(&in, "Ulla Bech", "", "", "", "");
	SET(in.citizen.wishes, "Mit cpr er 010190-1234");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_INVALID, "a CPR number in the wishes is refused");
	card_basic(&in, "", "", "", "", "");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_INVALID, "so is a citizen without a name");
	card_basic(&in, "Ulla Bech", "", "", "", "");
	in.citizen.birth_year = 2010;
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_INVALID, "and a child");
	card_basic(&in, "Ulla Bech", "", "", "", "");
	SET(in.referral.referred_on, "2026-12-01");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_ERR_INVALID, "and a referral dated after today");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens") + testdb_count(db, "SELECT count(*) FROM referrals"), before,
		   "nothing of any is written");
	free(v);
	db_close(db);
}

/* The same folded name, and phones that do not differ. */
static void test_duplicate(void)
{
	struct db *db = open_fresh("duplicate.db");
	add_citizen(db, "Søren Ærø", "12 34 56 78", "", "8000", "Aarhus C");
	add_citizen(db, "Søren Ærø Hansen", "", "", "", "");
	struct citizen c = { 0 };
	struct citizen_hit hit;
	bool found = false;
	SET(c.name, "soren aero");
	TAP_INT_EQ(intake_possible_duplicate(&desk, &c, &hit, &found), DB_OK, "looking for a duplicate");
	TAP_CHECK(found && strcmp(hit.name, "Søren Ærø") == 0 && strcmp(hit.town, "Aarhus C") == 0,
		  "the same name, spelt without æøå and no phone given, is found");
	SET(c.phone, "12345678");
	intake_possible_duplicate(&desk, &c, &hit, &found);
	TAP_CHECK(found, "the same phone too");
	SET(c.phone, "87654321");
	intake_possible_duplicate(&desk, &c, &hit, &found);
	TAP_CHECK(!found, "another phone: another person");
	SET(c.name, "Søren");
	c.phone[0] = '\0';
	intake_possible_duplicate(&desk, &c, &hit, &found);
	TAP_CHECK(!found, "part of a name is not the same name");

	/* Written another way, a letter off, the same phone. */
	long long orsted = add_citizen(db, "Søren Ørsted", "22 81 02 92", "", "8200", "Aarhus N");
	add_citizen(db, "Sørine Ørbæk", "", "", "", "");
	struct intake_duplicate dup;
	SET(c.name, "Soren Oersted");
	TAP_INT_EQ(intake_likely_duplicate(&desk, &c, &dup), DB_OK, "looking again");
	TAP_CHECK(dup.found && dup.why == SAME_PERSON_NAME && dup.who.id == orsted && strcmp(dup.who.town, "Aarhus N") == 0,
		  "Soren Oersted is found as Søren Ørsted");
	SET(c.name, "Søren Ørstedt");
	intake_likely_duplicate(&desk, &c, &dup);
	TAP_CHECK(dup.found && dup.why == SAME_PERSON_NAME_SLIP && dup.who.id == orsted, "one letter off: Ørstedt");
	SET(c.name, "Hanne Ørsted");
	SET(c.phone, "+45 22810292");
	intake_likely_duplicate(&desk, &c, &dup);
	TAP_CHECK(dup.found && dup.why == SAME_PERSON_PHONE && dup.who.id == orsted,
		  "the same phone under another name");
	SET(c.phone, "22 81 02 93");
	intake_likely_duplicate(&desk, &c, &dup);
	TAP_CHECK(!dup.found, "another name and another phone: nobody");
	db_exec(db, "UPDATE citizens SET status = 'ended', ended_on = '2026-01-01', end_reason = 'moved'"
		     " WHERE name = 'Søren Ørsted'");
	SET(c.name, "Søren Ørsted");
	c.phone[0] = '\0';
	intake_likely_duplicate(&desk, &c, &dup);
	TAP_CHECK(dup.found && dup.who.id == orsted && strcmp(dup.who.status, "ended") == 0,
		  "an ended course is found too: the card can be reopened");
	db_close(db);
}

/* The relative who takes part wants support of their own: shown with the
 * card, and a call to the relative is the citizen's next step; taking the
 * wish back withdraws the call, saying it again opens it again. */
static void test_relative_wish(void)
{
	struct db *db = open_fresh("relative.db");
	struct citizen_card in;
	card_basic(&in, "Palle Juhl", "", "", "", "");
	SET(in.relative.name, "Hanne Juhl");
	SET(in.relative.relation, "datter");
	SET(in.relative.phone, "22 33 44 55");
	in.relative.wants_support = true;
	long long id = 0;
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_OK, "an intake where the daughter wants support");
	char q[300];
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND reason = 'relative_support'"
		 " AND status = 'open' AND due_on = '2026-11-26' AND source_key = 'relative:%lld'", id, id);
	TAP_INT_EQ(testdb_count(db, q), 1, "a call to the relative, due today");
	struct citizen_view *v = view_new();
	TAP_INT_EQ(citizens_card(&desk, id, v), DB_OK, "his card");
	TAP_CHECK(v->card.relative.wants_support && strcmp(v->card.relative.name, "Hanne Juhl") == 0,
		  "the card has the wish");
	struct next_step step = next_step_decide(&v->facts, (struct date){ 2026, 11, 26 });
	TAP_INT_EQ(step.kind, NEXT_CALL_TODAY, "his next step is a call today");
	TAP_STR_EQ(v->facts.call_reason, "relative_support", "to the relative");

	in = v->card;
	in.relative.wants_support = false;
	TAP_INT_EQ(citizens_save_card(&desk, &in, in.citizen.version, NULL), DB_OK, "the wish is taken back");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'cancelled'", id);
	TAP_INT_EQ(testdb_count(db, q), 1, "the call is withdrawn");
	citizens_card(&desk, id, v);
	in = v->card;
	in.relative.wants_support = true;
	TAP_INT_EQ(citizens_save_card(&desk, &in, in.citizen.version, NULL), DB_OK, "and said again");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld AND status = 'open'", id);
	TAP_INT_EQ(testdb_count(db, q), 1, "the same call is open again, not a second one");
	citizens_card(&desk, id, v);
	in = v->card;
	SET(in.citizen.phone, "87 65 43 21");
	TAP_INT_EQ(citizens_save_card(&desk, &in, in.citizen.version, NULL), DB_OK, "another edit of the card");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld", id);
	TAP_INT_EQ(testdb_count(db, q), 1, "plans nothing more");

	card_basic(&in, "Ib Nyborg", "", "", "", "");
	SET(in.relative.name, "Kaj Nyborg");
	TAP_INT_EQ(intake_register(&desk, &in, 0, &id), DB_OK, "a relative who takes part without a wish of their own");
	snprintf(q, sizeof q, "SELECT count(*) FROM follow_ups WHERE citizen_id = %lld", id);
	TAP_INT_EQ(testdb_count(db, q), 0, "no call to him");
	free(v);
	db_close(db);
}

/* Who may do what: nobody signed in, nothing. */
static void test_roles(void)
{
	struct db *db = open_fresh("roles.db");
	long long id = add_citizen(db, "Åse Holm", "", "", "", "");
	struct desk nobody = desk_for(db, 0, ROLE_DESK);
	struct citizen_view *v = view_new();
	struct citizen_hit hits[4];
	int n = -1;
	long long pick = 0;
	TAP_INT_EQ(citizens_card(&nobody, id, v), DB_ERR_FORBIDDEN, "nobody signed in sees no card");
	TAP_INT_EQ(citizens_search(&nobody, "", 0, 4, hits, &n), DB_ERR_FORBIDDEN, "nor finds anyone");
	TAP_INT_EQ(n, 0, "no hits handed back");
	TAP_INT_EQ(citizens_add_note(&nobody, id, "x"), DB_ERR_FORBIDDEN, "nor writes a note");
	TAP_INT_EQ(citizens_add_pick(&nobody, "interests", "Skak", &pick), DB_ERR_FORBIDDEN, "nor extends a list");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), 0, "and nothing is logged as seen");
	/* The command line acts as the coordinator. */
	struct desk cli = desk_command_line(db);
	TAP_INT_EQ(citizens_card(&cli, id, v), DB_OK, "the command line reads the card");
	free(v);
	db_close(db);
}

/* ---------- search ---------- */

static int search_names_by(struct db *db, const char *typed, enum citizen_order order, int offset, int limit,
			   char *names, size_t size)
{
	struct citizen_hit hits[64];
	int n = 0;
	if (limit > 64)
		limit = 64;
	struct desk d = desk_for(db, desk_user, ROLE_DESK);
	enum db_status st = citizens_search_by(&d, typed, order, offset, limit, hits, &n);
	names[0] = '\0';
	if (st != DB_OK) {
		snprintf(names, size, "error %d: %s", (int)st, db_errdetail(db));
		return -1;
	}
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		int w = snprintf(names + used, size - used, "%s%s", i ? "|" : "", hits[i].name);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
	return n;
}

static int search_names(struct db *db, const char *typed, int offset, int limit, char *names, size_t size)
{
	return search_names_by(db, typed, CITIZEN_ORDER_FIRST, offset, limit, names, size);
}

static void test_search(void)
{
	struct db *db = open_fresh("search.db");
	long long aeroe = add_citizen(db, "Søren Ærø Åberg", "12 34 56 78", "soeren.aeroe@example.dk", "8000", "Aarhus C");
	add_citizen(db, "Søren Hansen", "", "", "8200", "Aarhus N");
	add_citizen(db, "Åse Holm", "", "", "", "");
	add_citizen(db, "Aase Lund", "", "", "", "");
	long long karen = add_citizen(db, "Karen Aagaard", "+45 22 33 44 55", "", "", "");
	add_citizen(db, "Anders Zahle", "", "", "", "");
	add_citizen(db, "Æbbe Lund", "", "", "", "");
	add_citizen(db, "Øjvind Dam", "", "", "", "");
	add_citizen(db, "Zenia Berg", "", "", "", "");
	add_citizen(db, "Bo Andersen", "", "", "8270", "Holme");
	char names[2048];

	search_names(db, "", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Anders Zahle|Bo Andersen|Karen Aagaard|Søren Hansen|Søren Ærø Åberg|Zenia Berg|"
			  "Æbbe Lund|Øjvind Dam|Åse Holm|Aase Lund",
		   "an empty query lists everyone in Danish order (æ, ø, å after z; aa as å)");
	search_names_by(db, "", CITIZEN_ORDER_FAMILY, 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Bo Andersen|Zenia Berg|Øjvind Dam|Søren Hansen|Åse Holm|Æbbe Lund|Aase Lund|Anders Zahle|"
			  "Søren Ærø Åberg|Karen Aagaard",
		   "or by family name: the last word first, in Danish order");
	search_names(db, "ærø", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "'ærø' finds Søren Ærø Åberg");
	search_names(db, "soren", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Hansen|Søren Ærø Åberg", "'soren' finds both Sørens, in Danish order");
	search_names(db, "Søren h", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Hansen", "every word must match: 'Søren h'");
	search_names(db, "aa", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Åse Holm|Aase Lund|Karen Aagaard|Søren Ærø Åberg|Anders Zahle|Æbbe Lund|Bo Andersen|Søren Hansen",
		   "'aa': names starting with å first, then a name word folded to 'a' (å, aa, a, æ), then the "
		   "town Aarhus");
	search_names(db, "agard", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Karen Aagaard", "'agard', typed with no å, finds Aagaard");
	search_names(db, "abe", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "and 'abe' Åberg");
	search_names(db, "holm", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Åse Holm|Bo Andersen", "a name match comes before a town match (Holme)");
	search_names(db, "a", 0, 20, names, sizeof names);
	const char *all_a = "Anders Zahle|Bo Andersen|Æbbe Lund|Åse Holm|Aase Lund|Karen Aagaard|Søren Ærø Åberg|"
			    "Søren Hansen";
	TAP_STR_EQ(names, all_a, "'a': the name starts with a as typed, a name word does, then folded, then other fields");
	for (int limit = 1; limit <= 3; limit++) {
		bool same = true;
		char page[512], joined[2048] = "";
		for (int off = 0; off < 12; off += limit) {
			search_names(db, "a", off, limit, page, sizeof page);
			if (page[0])
				snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s",
					 joined[0] ? "|" : "", page);
		}
		same = strcmp(joined, all_a) == 0;
		TAP_CHECK(same, "paging 'a' by %d gives the same list", limit);
		if (!same)
			printf("#   got: %s\n", joined);
	}
	search_names(db, "8000", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "postcode 8000");
	search_names(db, "82", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Hansen|Bo Andersen", "postcode prefix 82, in the postcode's order");
	search_names(db, "aarhus 8000", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "town and postcode together");
	search_names(db, "\"*) OR x", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "full-text syntax in a query is only text");
	search_names(db, "zzzz", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "nothing found is an empty list");
	search_names(db, "-", 0, 3, names, sizeof names);
	TAP_STR_EQ(names, "Anders Zahle|Bo Andersen|Karen Aagaard", "no letter or digit typed lists everyone");

	/* The keys follow renames and deletes. */
	struct citizen_card card;
	read_card(&desk, karen, &card);
	SET(card.citizen.name, "Karen Bech");
	TAP_INT_EQ(citizens_save_card(&desk, &card, card.citizen.version, NULL), DB_OK, "rename");
	search_names(db, "aagaard", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "the old name is gone from the index");
	search_names(db, "bech", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Karen Bech", "the new name is found");
	search_names(db, "", 0, 3, names, sizeof names);
	TAP_STR_EQ(names, "Anders Zahle|Bo Andersen|Karen Bech", "and sorted under its new name");
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM citizens WHERE id = %lld", aeroe);
	TAP_INT_EQ(db_exec(db, sql), DB_OK, "delete a citizen");
	search_names(db, "8000", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "a deleted citizen is not found");
	search_names(db, "5678", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "not by the phone either");
	/* SQLite's full-text tables (PostgreSQL searches the rows). */
	if (!testdb_pg()) {
		TAP_INT_EQ(db_exec(db, "INSERT INTO citizens_fts(citizens_fts, rank) VALUES ('integrity-check', 1)"),
			   DB_OK, "the word index agrees with its content");
		TAP_INT_EQ(db_exec(db, "INSERT INTO citizens_phone_fts(citizens_phone_fts, rank)"
				       " VALUES ('integrity-check', 1)"),
			   DB_OK, "the phone index agrees with its content");
	}
	db_close(db);
}

/* Issue 14: someone phones, and the desk types the number as heard. */
static void test_search_phone(void)
{
	struct db *db = open_fresh("phone.db");
	add_citizen(db, "Søren Ærø Åberg", "12 34 56 78", "", "8000", "Aarhus C");
	add_citizen(db, "Karen Aagaard", "+45 22 33 44 55", "", "", "");
	add_citizen(db, "Mette Holm", "22810292", "", "", "");
	add_citizen(db, "Ib Dam", "0045 31 12 34 99", "", "1234", "København K");
	char names[1024];
	static const struct {
		const char *typed, *want, *why;
	} cases[] = {
		{ "22 81 02 92", "Mette Holm", "a number read out in pairs, with spaces" },
		{ "22810292", "Mette Holm", "the same without spaces" },
		{ "4455", "Karen Aagaard", "the last four digits of a number written with +45" },
		{ "5678", "Søren Ærø Åberg", "the last four digits" },
		{ "34 56", "Søren Ærø Åberg", "digits in the middle, typed with a space" },
		{ "810", "Mette Holm", "three digits anywhere" },
		{ "+45 22 33 44 55", "Karen Aagaard", "the whole number with the country code" },
		{ "+45 2233", "Karen Aagaard", "its start, with the country code" },
		{ "+45 6", "", "one digit after the country code, not the 456 in 12 34 56 78" },
		{ "0045 3112", "Ib Dam", "its start, with 00 and the country code" },
		{ "2233", "Karen Aagaard", "the start of the national number" },
		{ "1234", "Søren Ærø Åberg|Ib Dam", "the number's start first, then a postcode, then anywhere" },
		{ "22", "Karen Aagaard|Mette Holm", "two digits: numbers that start with them" },
		{ "(31) 12-34", "Ib Dam", "brackets and dashes as people write them" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		search_names(db, cases[i].typed, 0, 20, names, sizeof names);
		TAP_STR_EQ(names, cases[i].want, "'%s': %s", cases[i].typed, cases[i].why);
	}
	db_close(db);
}

/* Issue 14: hits that match the letters as typed come first; the ASCII
 * spellings of æ, ø, å find them; names from outside Latin-1 fold. */
static void test_search_as_typed(void)
{
	struct db *db = open_fresh("typed.db");
	add_citizen(db, "John Brown", "", "", "", "");
	add_citizen(db, "Josefine Holt", "", "", "", "");
	add_citizen(db, "Anne Jørgensen", "", "", "", "");
	add_citizen(db, "Jørgen Lund", "", "", "", "");
	add_citizen(db, "John", "", "", "", "");
	add_citizen(db, "Søren Kirk", "", "", "", "");
	add_citizen(db, "Mette Ørsted", "", "", "", "");
	add_citizen(db, "Ib Ærø", "", "", "", "");
	add_citizen(db, "Łukasz Nowak", "", "", "", "");
	add_citizen(db, "Şahin Yılmaz", "", "", "", "");
	add_citizen(db, "Nguyễn Văn An", "", "", "", "");
	add_citizen(db, "A\xcc\x8ase M\xc3\xb8ller", "", "", "", ""); /* Å as A and a combining ring */
	add_citizen(db, "Hans Müller", "", "", "", "");
	char names[1024];
	static const struct {
		const char *typed, *want, *why;
	} cases[] = {
		{ "jø", "Jørgen Lund|Anne Jørgensen|John|John Brown|Josefine Holt",
		  "'jø': the name starts with jø, a name word does, then the folded hits" },
		{ "jo", "John|John Brown|Josefine Holt|Jørgen Lund|Anne Jørgensen", "'jo': John before Jørgen" },
		{ "Soeren", "Søren Kirk", "Soeren finds Søren" },
		{ "Oersted", "Mette Ørsted", "Oersted finds Ørsted" },
		{ "Aeroe", "Ib Ærø", "Aeroe finds Ærø" },
		{ "Mueller", "Hans Müller", "Mueller finds Müller" },
		{ "lukasz", "Łukasz Nowak", "Łukasz folds to lukasz" },
		{ "sahin yilmaz", "Şahin Yılmaz", "Şahin Yılmaz folds to sahin yilmaz" },
		{ "nguyen", "Nguyễn Văn An", "Nguyễn folds to nguyen" },
		{ "van an", "Nguyễn Văn An", "and every word of it" },
		{ "åse møller", "A\xcc\x8ase M\xc3\xb8ller", "a decomposed Å is å" },
		{ "aase", "A\xcc\x8ase M\xc3\xb8ller", "and aa finds it" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		search_names(db, cases[i].typed, 0, 20, names, sizeof names);
		TAP_STR_EQ(names, cases[i].want, "%s", cases[i].why);
	}
	search_names(db, "", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Anne Jørgensen|Hans Müller|Ib Ærø|John|John Brown|Josefine Holt|Jørgen Lund|Łukasz Nowak|"
			  "Mette Ørsted|Nguyễn Văn An|Şahin Yılmaz|Søren Kirk|A\xcc\x8ase M\xc3\xb8ller",
		   "names from outside Latin-1 sort by their letters (Ł as L, Ş as S), not after å");
	db_close(db);
}

/* Issue 14: two people with the same name are told apart. */
static void test_search_namesakes(void)
{
	struct db *db = open_fresh("namesakes.db");
	struct citizen_card c;
	card_basic(&c, "Anne Hansen", "", "", "8000", "Aarhus C");
	c.citizen.birth_year = 1962;
	long long older = 0, younger = 0;
	intake_register(&desk, &c, 0, &older);
	card_basic(&c, "Anne Hansen", "", "", "8210", "Aarhus V");
	c.citizen.birth_year = 1990;
	intake_register(&desk, &c, 0, &younger);
	struct citizen_hit hits[4];
	int n = 0;
	TAP_INT_EQ(citizens_search(&desk, "anne hansen", 0, 4, hits, &n), DB_OK, "both found");
	TAP_CHECK(n == 2 && hits[0].birth_year && hits[1].birth_year && strcmp(hits[0].postcode, hits[1].postcode) != 0,
		  "each hit carries the birth year and postcode that tell them apart");
	TAP_INT_EQ(citizens_search(&desk, "anne hansen 1990", 0, 4, hits, &n), DB_OK, "the birth year narrows it");
	TAP_CHECK(n == 1 && hits[0].id == younger, "to the one born in 1990");
	TAP_INT_EQ(citizens_search(&desk, "hansen 8000", 0, 4, hits, &n), DB_OK, "so does the postcode");
	TAP_CHECK(n == 1 && hits[0].id == older, "to the one in 8000");
	db_close(db);
}

/* A few thousand made-up citizens, and a plain C reference of the
 * search rules to compare with, page by page. */
enum { REF_N = 1200 };

struct ref_citizen {
	long long id;
	char name[96], phone[24], email[96], postcode[5], town[48];
	int birth_year;
	struct citizen_keys keys;
	int tier;
};

static unsigned long long ref_rng = 42;

static unsigned ref_below(unsigned n)
{
	ref_rng = ref_rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((ref_rng >> 33) % n);
}

static const char *const ref_first[] = {
	"Søren", "Åse", "Aase", "Ærbar", "Øjvind", "Anne", "Anders", "Mette", "Mads", "Karen", "Kirsten",
	"Ole", "Jens", "Hanne", "Bo", "Birthe", "Ib", "Zenia", "Ea", "Aksel", "Ida", "Jørgen", "Bjørn",
	"Ulla", "Yvonne", "Émile", "Güler", "Ahmad", "Fatima", "Kåre", "John", "Łukasz", "Şahin", "Joel",
};
static const char *const ref_last[] = {
	"Hansen", "Jensen", "Nielsen", "Aagaard", "Ærø", "Østergaard", "Åberg", "Holm", "Møller", "Zahle",
	"Lund", "Bech", "Dam", "Andersen", "Kristensen", "Sørensen", "Aaen", "Øst", "Yilmaz", "Ahmadi",
	"Jørgensen", "Nguyễn", "Müller", "Oest",
};
static const char *const ref_town[] = {
	"Aarhus C", "Aarhus N", "Åbyhøj", "Højbjerg", "Holme", "Ærøskøbing", "Viby J", "Aabenraa", "Egå",
};

static void ref_make(struct ref_citizen *c)
{
	const char *first = ref_first[ref_below(sizeof ref_first / sizeof ref_first[0])];
	const char *last = ref_last[ref_below(sizeof ref_last / sizeof ref_last[0])];
	if (ref_below(4) == 0)
		snprintf(c->name, sizeof c->name, "%s %s-%s", first, last,
			 ref_last[ref_below(sizeof ref_last / sizeof ref_last[0])]);
	else
		snprintf(c->name, sizeof c->name, "%s %s", first, last);
	unsigned kind = ref_below(10);
	if (kind < 6)
		snprintf(c->phone, sizeof c->phone, "%02u %02u %02u %02u", 20 + ref_below(80), ref_below(100),
			 ref_below(100), ref_below(100));
	else if (kind < 8)
		snprintf(c->phone, sizeof c->phone, "+45 %08u", 20000000 + ref_below(79999999));
	else
		c->phone[0] = '\0';
	if (ref_below(3) == 0) {
		char local[48];
		fold_search(first, local, sizeof local);
		snprintf(c->email, sizeof c->email, "%s.%u@post%u.dk", local, ref_below(100), ref_below(5));
	} else {
		c->email[0] = '\0';
	}
	if (ref_below(5)) {
		/* Most live near the centre: postcodes 8xxx are dense. */
		unsigned pc = ref_below(10) < 6 ? 8000 + ref_below(1000) : 1000 + ref_below(9000);
		snprintf(c->postcode, sizeof c->postcode, "%04u", pc);
		snprintf(c->town, sizeof c->town, "%s", ref_town[ref_below(sizeof ref_town / sizeof ref_town[0])]);
	} else {
		c->postcode[0] = c->town[0] = '\0';
	}
	c->birth_year = ref_below(3) ? 1940 + (int)ref_below(66) : 0;
	struct citizen_key_source src = { .birth_year = c->birth_year };
	SET(src.name, c->name);
	SET(src.phone, c->phone);
	SET(src.email, c->email);
	SET(src.postcode, c->postcode);
	SET(src.town, c->town);
	textkeys_citizen(&src, &c->keys);
}

static bool starts(const char *text, const char *prefix)
{
	return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Does a word of `words` (space separated) start with `w`? */
static bool ref_word_starts(const char *words, const char *w)
{
	for (const char *p = words; *p;) {
		while (*p == ' ')
			p++;
		if (starts(p, w))
			return true;
		while (*p && *p != ' ')
			p++;
	}
	return false;
}

/* Does every word of `query` start a word of `words`? */
static bool ref_all_words(const char *words, const char *query)
{
	char w[CIT_WORD_KEYS];
	int n = 0;
	for (const char *p = query; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		snprintf(w, sizeof w, "%.*s", (int)len, p);
		if (!ref_word_starts(words, w))
			return false;
		n++;
		p += len;
	}
	return n > 0;
}

static enum citizen_order ref_order;
static bool ref_digits;   /* the query is digits */

/* The tier of the hit (struct citizen_hit), -1: no hit. */
static int ref_tier(const struct ref_citizen *c, const struct citizen_query *q)
{
	const struct citizen_keys *k = &c->keys;
	char other[CIT_FOLD + CIT_OTHER + 2];
	snprintf(other, sizeof other, "%s %s", k->name_fold, k->search_other);
	if (q->digits[0]) {
		if (starts(k->phone_digits, q->digits))
			return 0;
		if (strlen(q->digits) <= 4 && starts(c->postcode, q->digits))
			return 1;
		if (strlen(q->digits) >= 3 && strstr(k->phone_digits, q->digits))
			return 2;
		return ref_word_starts(other, q->digits) ? 3 : -1;
	}
	const char *key = ref_order == CITIZEN_ORDER_FAMILY ? k->family_key : k->sort_key;
	bool typed = q->word_keys[0] != '\0';
	if (typed && starts(key, q->key))
		return 0;
	if (typed && ref_all_words(k->name_keys, q->word_keys))
		return 1;
	if (q->folded[0] && starts(k->name_fold, q->folded))
		return 2;
	if (ref_all_words(k->name_fold, q->folded))
		return 3;
	return ref_all_words(other, q->folded) ? 4 : -1;
}

static int ref_compare(const void *a, const void *b)
{
	const struct ref_citizen *x = *(const struct ref_citizen *const *)a;
	const struct ref_citizen *y = *(const struct ref_citizen *const *)b;
	if (x->tier != y->tier)
		return x->tier - y->tier;
	/* Numbers and postcodes that start with the digits: in their order. */
	if (ref_digits && x->tier <= 1) {
		int c = x->tier == 0 ? strcmp(x->keys.phone_digits, y->keys.phone_digits) : strcmp(x->postcode, y->postcode);
		return c ? c : (x->id > y->id) - (x->id < y->id);
	}
	int c = ref_order == CITIZEN_ORDER_FAMILY ? strcmp(x->keys.family_key, y->keys.family_key)
						  : strcmp(x->keys.sort_key, y->keys.sort_key);
	if (!c)
		c = strcmp(x->keys.name_fold, y->keys.name_fold);
	if (!c)
		c = strcmp(x->keys.name_keys, y->keys.name_keys);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The reference's hits for `typed`, sorted into `sorted`; their number. */
static int ref_hits(struct ref_citizen *all, const struct ref_citizen **sorted, const char *typed)
{
	struct citizen_query q;
	textkeys_query(typed, ref_order, &q);
	bool nothing = !q.digits[0] && !q.folded[0] && !q.word_keys[0];
	ref_digits = q.digits[0] != '\0';
	int n = 0;
	for (int i = 0; i < REF_N; i++) {
		all[i].tier = nothing ? 0 : ref_tier(&all[i], &q);
		if (all[i].tier >= 0)
			sorted[n++] = &all[i];
	}
	qsort(sorted, (size_t)n, sizeof *sorted, ref_compare);
	return n;
}

static bool ref_check(struct db *db, const struct ref_citizen **sorted, int n, const char *typed, int offset,
		      int limit)
{
	struct citizen_hit hits[50];
	int got = 0;
	if (citizens_search_by(&desk, typed, ref_order, offset, limit, hits, &got) != DB_OK) {
		printf("#   '%s': %s\n", typed, db_errdetail(db));
		return false;
	}
	int want = n - offset < limit ? n - offset : limit;
	if (want < 0)
		want = 0;
	if (got != want) {
		printf("#   '%s' offset %d: %d hits, want %d (of %d)\n", typed, offset, got, want, n);
		return false;
	}
	for (int i = 0; i < got; i++) {
		if (hits[i].id != sorted[offset + i]->id) {
			printf("#   '%s' offset %d, row %d: got %s, want %s (tier %d)\n", typed, offset, i, hits[i].name,
			       sorted[offset + i]->name, sorted[offset + i]->tier);
			return false;
		}
	}
	return true;
}

/* PostgreSQL without pg_trgm: a role that may not create the extension
 * (no CREATE on its database) migrates a database of its own; migration
 * 18 goes on without the trigram indexes and the search reads the table. */
static char notrgm_role[64], notrgm_db[64];

static bool pg_run(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	bool ok = PQstatus(c) == CONNECTION_OK;
	if (ok) {
		PGresult *r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			printf("# %s: %s", sql, PQerrorMessage(c));
		PQclear(r);
	}
	PQfinish(c);
	return ok;
}

static struct db *open_without_trgm(const char *name)
{
	char path[256], sql[256], conninfo[400];
	snprintf(notrgm_role, sizeof notrgm_role, "bbt_notrgm_%d", (int)getpid());
	snprintf(sql, sizeof sql, "CREATE ROLE %s LOGIN", notrgm_role);
	testdb_admin(sql, NULL, 0);
	testdb_path(path, sizeof path, name);
	const char *dbname = strstr(path, "dbname=");
	snprintf(notrgm_db, sizeof notrgm_db, "%s", dbname ? dbname + 7 : "");
	snprintf(sql, sizeof sql, "GRANT CREATE ON SCHEMA public TO %s", notrgm_role);
	if (!pg_run(path, sql))
		exit(1);
	snprintf(conninfo, sizeof conninfo, "%s user=%s", path, notrgm_role);
	return open_with_desk(conninfo);
}

static void test_search_reference(bool without_trgm)
{
	struct db *db = without_trgm ? open_without_trgm("reference_notrgm.db") : open_fresh("reference.db");
	if (db_engine(db) == DB_ENGINE_POSTGRESQL) {
		TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'citizens%trgm'"),
			   without_trgm ? 0 : 4, "%s", without_trgm ? "a role that may not create pg_trgm migrates without"
			   " the trigram indexes" : "the search's four trigram indexes are there");
		TAP_INT_EQ(testdb_count(db, "SELECT CASE WHEN bb_search_indexes() THEN 1 ELSE 0 END"), without_trgm ? 0 : 1,
			   "bb_search_indexes() says whether they are");
	}
	struct ref_citizen *all = calloc(REF_N, sizeof *all);
	const struct ref_citizen **sorted = calloc(REF_N, sizeof *sorted);
	struct demo_writer *w;
	TAP_INT_EQ(demo_writer_open(db, &w), DB_OK, "bulk writer for %d citizens", REF_N);
	for (int i = 0; i < REF_N; i++) {
		ref_make(&all[i]);
		struct demo_citizen rec = {
			.name = all[i].name,
			.birth_year = all[i].birth_year,
			.phone = all[i].phone[0] ? all[i].phone : NULL,
			.email = all[i].email[0] ? all[i].email : NULL,
			.postcode = all[i].postcode[0] ? all[i].postcode : NULL,
			.town = all[i].town[0] ? all[i].town : NULL,
			.status = "active",
			.created_at = "2026-01-01 10:00:00",
			.updated_at = "2026-01-01 10:00:00",
			.keys = &all[i].keys,
		};
		all[i].id = demo_add_citizen(w, &rec);
	}
	TAP_INT_EQ(demo_writer_close(w, true), DB_OK, "written");

	static const char *const queries[] = {
		"", "a", "aa", "å", "ae", "ø", "so", "sø", "soren", "soeren", "Søren H", "h", "hansen", "jø", "jo",
		"joe", "aag", "øst", "oest", "kå", "z", "é", "emile", "güler", "Ł", "łukasz", "sahin", "nguyen",
		"mueller", "aarhus c", "holme", "abyhoj", "egaa", "post1", "ida aa", "mads hansen aarhus", "a a", "x",
		"jensen-holm", "1950", "anne 1960", "2", "20", "45", "8", "80 0", "8000", "204", "4455", "22 33",
		"+45 2", "123", "kærga", "højga", "sørense", "christense", "aagaa", "ostergaar",
		/* Two words with few hits: the last tier's hits are read once
		 * and the folded name's words are tested among them. */
		"søren ha", "ib hol", "ea z", "kåre 8", "joel aa", "bo ø", "jens aarhus", "anne j",
		/* Every hit of the other fields is a name's already. */
		"zeni", "łuk", "yvo", "güle",
		/* A phone's middle digits: their hits joined. */
		"567", "0 9 8", "998",
	};
	static const struct {
		int offset, limit;
	} pages[] = { { 0, 20 }, { 20, 7 }, { 1190, 7 }, { 3, 1 }, { 0, 5 } };
	for (int order = 0; order < 2; order++) {
		ref_order = order ? CITIZEN_ORDER_FAMILY : CITIZEN_ORDER_FIRST;
		int failures = 0;
		size_t checked = 0;
		for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
			/* By family name every fourth query: the tiers are the same. */
			if (order && i % 4)
				continue;
			checked++;
			int n = ref_hits(all, sorted, queries[i]);
			/* Pages of one, too: a small page over many hits is where
			 * the search walks the list order and probes the index. */
			for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++)
				if (!ref_check(db, sorted, n, queries[i], pages[k].offset, pages[k].limit))
					failures++;
		}
		TAP_INT_EQ(failures, 0, "%zu queries at five pages agree with the reference, by %s name", checked,
			   order ? "family" : "first");
	}
	free(sorted);
	free(all);
	db_close(db);
	if (without_trgm) {
		char sql[128];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", notrgm_db);
		testdb_admin(sql, NULL, 0);
		snprintf(sql, sizeof sql, "DROP ROLE IF EXISTS %s", notrgm_role);
		testdb_admin(sql, NULL, 0);
	}
}

/* ---------- the words tables (migration 20) ---------- */

/* The first `chars` characters of `text`: its length in bytes. */
static size_t chars_len(const char *text, int chars)
{
	size_t n = 0;
	for (int c = 0; text[n] && c < chars; c++) {
		n++;
		while (((unsigned char)text[n] & 0xc0) == 0x80)
			n++;
	}
	return n;
}

/* Adds to `out` the prefixes schema_v20.c gives the words of `words`
 * that `start` does not start with: `units` bytes per length, up to
 * `lengths`, after `mark`. */
static int add_prefixes(const char *words, const char *start, const char *mark, int lengths, bool hex,
			char out[][48], int n)
{
	char copy[512];
	snprintf(copy, sizeof copy, "%s", words);
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (strncmp(start, w, strlen(w)) == 0)
			continue;
		for (int len = 1; len <= lengths; len++) {
			size_t bytes = hex ? (size_t)len * 4 : chars_len(w, len);
			if ((hex && strlen(w) < bytes) || (!hex && chars_len(w, len) == chars_len(w, len - 1)))
				break;
			char prefix[48];
			snprintf(prefix, sizeof prefix, "%s%.*s", mark, (int)bytes, w);
			bool seen = false;
			for (int i = 0; i < n && !seen; i++)
				seen = strcmp(out[i], prefix) == 0;
			if (!seen && n < 256)
				snprintf(out[n++], 48, "%s", prefix);
		}
	}
	return n;
}

/* Whether `table` holds exactly the rows each citizen's keys give it,
 * worked out here from the keys, not by the migration's SQL. */
static bool words_agree(struct db *db, const char *table, const char *key)
{
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT id, %s, name_fold, name_keys FROM citizens WHERE sort_key IS NOT NULL", key);
	struct db_stmt *st, *row;
	if (db_prepare(db, &st, sql) != DB_OK)
		return false;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE prefix = :p AND %s = :k AND name_fold = :f AND id = :id",
		 table, key);
	if (db_prepare(db, &row, sql) != DB_OK)
		return false;
	static char prefixes[256][48];
	long long want = 0;
	bool ok = true;
	while (ok && db_step(st) == DB_ROW) {
		char k[256], fold[256];
		snprintf(k, sizeof k, "%s", db_column_text(st, 1));
		snprintf(fold, sizeof fold, "%s", db_column_text(st, 2));
		int n = add_prefixes(db_column_text(st, 3), k, "", 8, true, prefixes, 0);
		n = add_prefixes(fold, fold, "~", 5, false, prefixes, n);
		want += n;
		for (int i = 0; ok && i < n; i++) {
			db_reset(row);
			db_bind_text(row, ":p", prefixes[i]);
			db_bind_text(row, ":k", k);
			db_bind_text(row, ":f", fold);
			db_bind_int(row, ":id", db_column_int(st, 0));
			ok = db_step(row) == DB_ROW && db_column_int(row, 0) == 1;
			if (!ok)
				printf("# %s: no row %s for %s\n", table, prefixes[i], fold);
		}
	}
	db_finalize(row);
	db_finalize(st);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	long long have = testdb_count(db, sql);
	if (have != want)
		printf("# %s: %lld rows, %lld wanted\n", table, have, want);
	return ok && have == want;
}

static bool both_agree(struct db *db)
{
	return words_agree(db, "citizen_words_name", "sort_key") && words_agree(db, "citizen_words_family", "family_key");
}

static void test_words_tables(void)
{
	struct db *db = open_fresh("words.db");
	long long ida = add_citizen(db, "Ida Kærgaard", "", "", "", "");
	add_citizen(db, "Søren Ærø Åberg", "", "", "", "");
	long long aase = add_citizen(db, "Åse Aagaard-Holm", "", "", "", "");
	add_citizen(db, "Anne Marie Annesen", "", "", "", "");
	add_citizen(db, "Bo O'Brien Christensen", "", "", "", "");
	add_citizen(db, "Łukasz Nowak", "", "", "", "");
	TAP_CHECK(both_agree(db), "the words tables hold each word's prefixes the key or folded name does not start with");
	char names[512];
	search_names(db, "kærga", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Ida Kærgaard", "a family name typed with a where the name has aa (å): its folded word");
	search_names(db, "christense", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Bo O'Brien Christensen", "a word longer than the prefixes: tested in the longest");
	search_names_by(db, "anne", CITIZEN_ORDER_FAMILY, 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Anne Marie Annesen", "by family name, a first name found once");

	struct citizen_card c;
	TAP_INT_EQ(read_card(&desk, ida, &c), DB_OK, "a card to rename");
	SET(c.citizen.name, "Ida Østergaard Kærgaard");
	TAP_INT_EQ(citizens_save_card(&desk, &c, c.citizen.version, NULL), DB_OK, "renamed");
	TAP_CHECK(both_agree(db), "a new name's words replace the old");
	search_names(db, "øster", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Ida Østergaard Kærgaard", "and are found");

	TAP_INT_EQ(db_exec(db, "UPDATE citizens SET sort_key = '0000' || id, family_key = '0000' || id,"
			       " name_fold = 'x y' || id, name_keys = 'ffff eeee' WHERE id = 2"), DB_OK, "keys changed");
	TAP_CHECK(both_agree(db), "every change of keys");
	struct desk coordinator = desk_command_line(db);
	TAP_INT_EQ(anonymise_citizen(&coordinator, aase), DB_OK, "one anonymised");
	TAP_CHECK(both_agree(db), "an anonymised citizen has no words");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizen_words_name WHERE id = 3")
		   + testdb_count(db, "SELECT count(*) FROM citizen_words_family WHERE id = 3"), 0, "none left");
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens(id, name, sort_key, family_key, name_fold, name_keys)"
			       " SELECT 99, name, sort_key, family_key, name_fold, name_keys FROM citizens WHERE id = 4;"
			       "DELETE FROM citizens WHERE id = 99"), DB_OK, "a citizen added and deleted");
	TAP_CHECK(both_agree(db), "a deleted citizen's words go with it");
	db_close(db);
}

/* The keys depend on ICU's version: a database whose keys were made by
 * another one gets them made again when it is opened. */
static void test_keys_remade(void)
{
	struct db *db = open_fresh("remade.db");
	add_citizen(db, "Søren Ærø Åberg", "12 34 56 78", "", "8000", "Aarhus C");
	add_citizen(db, "Åse Holm", "", "", "", "");
	add_citizen(db, "Bo Andersen", "", "", "", "");
	char want[128], have[128] = "";
	textkeys_version(want, sizeof want);
	struct db_stmt *st;
	if (db_prepare(db, &st, "SELECT value FROM settings WHERE key = 'text_keys'") == DB_OK) {
		if (db_step(st) == DB_ROW)
			snprintf(have, sizeof have, "%s", db_column_text(st, 0));
		db_finalize(st);
	}
	TAP_STR_EQ(have, want, "the settings say which ICU made the keys");
	TAP_CHECK(strstr(have, "icu ") != NULL, "(%s)", have);

	/* As if an older ICU had made them: other weights, another version. */
	TAP_INT_EQ(db_exec(db, "UPDATE citizens SET sort_key = '0000' || id, name_fold = 'x', name_keys = 'ffff';"
			       "UPDATE settings SET value = 'icu 63.1 da 153.88.33 keys 2' WHERE key = 'text_keys'"),
		   DB_OK, "keys and version from another ICU");
	char names[512];
	search_names(db, "", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg|Åse Holm|Bo Andersen", "sorted wrongly by them");
	long long remade = 0;
	TAP_INT_EQ(textkeys_refresh(db, &remade), DB_OK, "remade");
	TAP_INT_EQ(remade, 3, "every citizen's");
	search_names(db, "", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Bo Andersen|Søren Ærø Åberg|Åse Holm", "Danish order again");
	search_names(db, "aabe", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "and found again");
	TAP_INT_EQ(textkeys_refresh(db, &remade), DB_OK, "opened again");
	TAP_INT_EQ(remade, 0, "nothing to remake");
	db_close(db);

	/* Another tool writes a citizen: no function of ours is needed, and
	 * deleting the setting makes the next start give them keys. */
	char path[256];
	testdb_path(path, sizeof path, "remade.db");
	const char *other_tool = "INSERT INTO citizens(name, phone) VALUES ('Ib Ørum', '40 50 60 70');"
				 "UPDATE citizens SET name = 'Åse Holm-Berg', town = 'Egå' WHERE name = 'Åse Holm';"
				 "DELETE FROM settings WHERE key = 'text_keys'";
	if (testdb_pg()) {
		PGconn *raw = PQconnectdb(path);
		TAP_INT_EQ(PQstatus(raw), CONNECTION_OK, "opened by plain libpq, as psql would");
		PGresult *res = PQexec(raw, other_tool);
		TAP_INT_EQ(PQresultStatus(res), PGRES_COMMAND_OK,
			   "it inserts and updates citizens without \"no such function\"");
		PQclear(res);
		PQfinish(raw);
	} else {
		sqlite3 *raw;
		TAP_INT_EQ(sqlite3_open(path, &raw), SQLITE_OK, "opened by plain SQLite, as the sqlite3 shell would");
		TAP_INT_EQ(sqlite3_exec(raw, other_tool, NULL, NULL, NULL), SQLITE_OK,
			   "it inserts and updates citizens without \"no such function\"");
		sqlite3_close(raw);
	}
	TAP_INT_EQ(db_open(path, &db), DB_OK, "Brobygger opens it");
	desk = desk_for(db, desk_user, ROLE_DESK);
	search_names(db, "ørum", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Ib Ørum", "and the new citizen has keys");
	search_names(db, "6070", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Ib Ørum", "the phone too");
	search_names(db, "holm-berg", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Åse Holm-Berg", "and the renamed one, under the new name");
	db_close(db);
}

/* Issue 9: codes a centre may extend live in lookup tables, and nothing in
 * the schema calls a function of ours. */
static void test_codes_and_seam(void)
{
	struct db *db = open_fresh("codes.db");
	bool pg = testdb_pg();
	TAP_INT_EQ(testdb_count(db, pg ? "SELECT count(*) FROM pg_proc WHERE proname IN ('bb_fold', 'bb_digits',"
					 " 'bb_sortkey', 'bb_now')"
				       : "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%bb\\_%' ESCAPE '\\'"), 0,
		   "no trigger, view or table calls bb_fold, bb_digits, bb_sortkey or bb_now");
	TAP_INT_EQ(testdb_count(db, pg ? "SELECT count(*) FROM pg_constraint WHERE contype = 'c'"
					 " AND conrelid::regclass::text IN ('citizens', 'referrals', 'follow_ups')"
					 " AND (pg_get_constraintdef(oid) LIKE '%self%'"
					 " OR pg_get_constraintdef(oid) LIKE '%moved%'"
					 " OR pg_get_constraintdef(oid) LIKE '%after_match%')"
				       : "SELECT count(*) FROM sqlite_schema WHERE name IN ('citizens', 'referrals',"
					 " 'follow_ups') AND sql LIKE '%IN (''%self%' OR sql LIKE '%''moved''%'"
					 " OR sql LIKE '%''after_match''%'"), 0,
		   "citizens, referrals and follow-ups hold no CHECK list of codes");
	TAP_INT_EQ(testdb_count(db, "SELECT (SELECT count(*) FROM referral_sources) * 10000"
				    " + (SELECT count(*) FROM call_reasons) * 100 + (SELECT count(*) FROM end_reasons)"),
		   70806, "the codes are in lookup tables: 7 sources, 8 call reasons, 6 end reasons (one never chosen)");
	long long id = add_citizen(db, "Åse Holm", "", "", "", "");
	struct citizen_card c;
	card_basic(&c, "Bo Dam", "", "", "", "");
	SET(c.referral.source, "library");
	long long other = 0;
	TAP_INT_EQ(intake_register(&desk, &c, 0, &other), DB_ERR_CONSTRAINT, "a source the centre has not added is refused");
	TAP_INT_EQ(db_exec(db, "INSERT INTO referral_sources(code, label, position) VALUES ('library', 'Biblioteket', 8)"),
		   DB_OK, "the centre adds one");
	TAP_INT_EQ(intake_register(&desk, &c, 0, &other), DB_OK, "and it is taken");
	TAP_INT_EQ(citizens_end_course(&desk, id, 1, "moved"), DB_OK, "a known end reason");
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE citizens SET end_reason = 'emigrated' WHERE id = %lld", id);
	TAP_INT_EQ(db_exec(db, sql), DB_ERR_CONSTRAINT, "an unknown end reason is refused");
	TAP_INT_EQ(db_exec(db, "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (1, 'birthday', '2026-12-01')"),
		   DB_ERR_CONSTRAINT, "so is an unknown call reason");
	TAP_INT_EQ(db_exec(db, "INSERT INTO call_reasons(code, label) VALUES ('birthday', 'Fødselsdag');"
			       "INSERT INTO follow_ups(citizen_id, reason, due_on) VALUES (1, 'birthday', '2026-12-01')"),
		   DB_OK, "until the centre adds it");
	char report[512];
	TAP_INT_EQ(db_integrity_check(db, NULL, report, sizeof report), DB_OK, "the file is sound after the CHECKs went");
	db_close(db);
}

/* A database from before search existed gets its keys when migrated. */
static void test_migration_backfill(void)
{
	char path[256];
	testdb_path(path, sizeof path, "v1.db");
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
	struct db *db;
	TAP_INT_EQ(db_open_existing(path, false, &db), DB_ERR_NOTADB, "an empty file is no Brobygger database yet");
	TAP_INT_EQ(db_exec(db, schema_migrations[0].sql), DB_OK, "schema 1");
	TAP_INT_EQ(db_exec(db, "PRAGMA user_version = 1;"
			       "INSERT INTO citizens(name, phone, town) VALUES ('Øjvind Dam', '44 55 66 77', 'Åbyhøj'),"
			       " ('Anne Aaen', NULL, 'Egå')"), DB_OK, "two citizens written before search existed");
	db_close(db);
	TAP_INT_EQ(db_open(path, &db), DB_OK, "opening migrates");
	TAP_INT_EQ(db_schema_version(db), migrate_latest(), "to the latest version");
	char names[512];
	search_names(db, "åbyhøj", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Øjvind Dam", "old rows are in the search index");
	search_names(db, "", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Anne Aaen|Øjvind Dam", "and have sort keys");
	db_close(db);
}

/* ---------- edits, conflicts, end and reopen ---------- */

static void test_update_conflict(void)
{
	char path[256];
	struct db *a = open_fresh("conflict.db"), *b;
	testdb_path(path, sizeof path, "conflict.db");
	TAP_INT_EQ(db_open(path, &b), DB_OK, "a second desk opens the same file");
	struct desk desk_a = desk, desk_b = desk_for(b, desk_user, ROLE_DESK);

	struct citizen_card in;
	card_basic(&in, "Hanne Østergaard", "20 20 20 20", "", "8230", "Åbyhøj");
	in.consent.volunteer_contact = true;
	SET(in.relative.name, "Poul Østergaard");
	SET(in.relative.relation, "bror");
	in.ninterests = 1;
	in.interests[0] = 2;
	long long id;
	intake_register(&desk_a, &in, 0, &id);

	struct citizen_card at_a, at_b, current;
	read_card(&desk_a, id, &at_a);
	read_card(&desk_b, id, &at_b);
	SET(at_b.citizen.phone, "30 30 30 30");
	TAP_INT_EQ(citizens_save_card(&desk_b, &at_b, at_b.citizen.version, NULL), DB_OK, "desk B saves first");

	long long views = testdb_count(a, "SELECT count(*) FROM audit_log WHERE action = 'view'");
	SET(at_a.citizen.name, "Hanne Østergård");
	memset(&current, 0, sizeof current);
	TAP_INT_EQ(citizens_save_card(&desk_a, &at_a, at_a.citizen.version, &current), DB_ERR_CONFLICT,
		   "desk A's save meets a conflict");
	TAP_STR_EQ(current.citizen.phone, "30 30 30 30", "A is shown B's change");
	TAP_INT_EQ(current.citizen.version, at_a.citizen.version + 1, "and the version now");
	TAP_STR_EQ(current.citizen.name, "Hanne Østergaard", "A's change was not written");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM audit_log WHERE action = 'view'"), views + 1,
		   "being shown the card as it is now is a look in the log");

	/* A saves again on top of the current card: everything it edits lands. */
	current.consent.volunteer_contact = false;
	current.relative.name[0] = '\0';
	current.ninterests = 2;
	current.interests[0] = 4;
	current.interests[1] = 5;
	current.availability = AVAIL_BIT(2, 1);
	SET(current.assessment.outcome, "volunteer_help");
	SET(current.assessment.assessed_on, "2026-11-10");
	SET(current.assessment.handover_to, "left over in the form");
	SET(current.referral.source, "municipal");
	TAP_INT_EQ(citizens_save_card(&desk_a, &current, current.citizen.version, NULL), DB_OK,
		   "A saves on the current version");
	struct citizen_card after;
	read_card(&desk_b, id, &after);
	TAP_INT_EQ(after.citizen.version, 3, "the version was bumped twice");
	TAP_CHECK(after.consent.registration && !after.consent.volunteer_contact, "consent withdrawn");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM consents WHERE purpose = 'volunteer_contact'"
			       " AND withdrawn_on IS NOT NULL"), 1, "the withdrawn consent stays on record");
	TAP_STR_EQ(after.relative.name, "", "the relative no longer takes part");
	TAP_CHECK(after.ninterests == 2 && after.interests[0] == 4 && after.interests[1] == 5, "interests replaced");
	TAP_INT_EQ(after.availability, AVAIL_BIT(2, 1), "availability replaced");
	TAP_STR_EQ(after.assessment.outcome, "volunteer_help", "assessment added");
	TAP_STR_EQ(after.assessment.handover_to, "", "without the handover volunteer help does not take");
	TAP_STR_EQ(after.referral.source, "municipal", "referral corrected");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM referrals"), 1, "in place");

	/* The assessment: its date kept corrects it, a cleared outcome removes it. */
	SET(after.assessment.outcome, "professional_help");
	SET(after.assessment.handover_to, "Socialpsykiatrien");
	TAP_INT_EQ(citizens_save_card(&desk_b, &after, after.citizen.version, NULL), DB_OK, "assessment corrected");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM assessments WHERE outcome = 'professional_help'"
			       " AND handover_to = 'Socialpsykiatrien'"), 1, "in place");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM assessments"), 1, "still one");
	read_card(&desk_b, id, &after);
	after.assessment.outcome[0] = '\0';
	citizens_save_card(&desk_b, &after, after.citizen.version, NULL);
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM assessments"), 0, "a cleared outcome removes it");
	read_card(&desk_b, id, &after);
	TAP_INT_EQ(after.citizen.version, 5, "two more saves");

	struct citizen_card bad = after;
	SET(bad.relative.relation, "bror, 010190-1234");
	TAP_INT_EQ(citizens_save_card(&desk_a, &bad, bad.citizen.version, NULL), DB_ERR_INVALID,
		   "a CPR number in the card is refused");
	after.citizen.id = id + 100;
	TAP_INT_EQ(citizens_save_card(&desk_a, &after, after.citizen.version, NULL), DB_ERR_NOTFOUND,
		   "an unknown citizen is not found, not a conflict");

	/* End and reopen, version checked; the course ends today. */
	TAP_INT_EQ(citizens_end_course(&desk_a, id, 1, "lasting_community"), DB_ERR_CONFLICT,
		   "ending on an old version is a conflict");
	TAP_INT_EQ(citizens_end_course(&desk_a, id, 5, ""), DB_ERR_INVALID, "an end needs a reason");
	TAP_INT_EQ(citizens_end_course(&desk_a, id, 5, "bored"), DB_ERR_INVALID, "one of the known reasons");
	TAP_INT_EQ(citizens_end_course(&desk_a, id, 5, "lasting_community"), DB_OK, "ended");
	read_card(&desk_a, id, &after);
	TAP_CHECK(strcmp(after.citizen.status, "ended") == 0 && strcmp(after.citizen.ended_on, "2026-11-26") == 0
		  && strcmp(after.citizen.end_reason, "lasting_community") == 0, "status, today and reason set");
	TAP_INT_EQ(citizens_reopen_course(&desk_b, id, 5), DB_ERR_CONFLICT, "reopening on an old version");
	TAP_INT_EQ(citizens_reopen_course(&desk_b, id, after.citizen.version), DB_OK, "reopened");
	read_card(&desk_a, id, &after);
	TAP_CHECK(strcmp(after.citizen.status, "active") == 0 && !after.citizen.ended_on[0]
		  && !after.citizen.end_reason[0], "active again, end cleared");
	TAP_INT_EQ(citizens_reopen_course(&desk_b, id + 100, 1), DB_ERR_NOTFOUND, "reopening nobody");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'citizen'"
				" AND detail NOT LIKE 'consent%'"), 6, "four saves, an end and a reopening are audited");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'citizen'"
				" AND detail LIKE 'consent%'"), 1, "and so is the consent a save changed");
	db_close(b);
	db_close(a);
}

/* ---------- notes, timeline, facts ---------- */

static void test_notes(void)
{
	struct db *db = open_fresh("notes.db");
	long long id = add_citizen(db, "Ib Kristensen", "40 40 40 40", "", "8200", "Aarhus N");
	TAP_INT_EQ(citizens_add_note(&desk, id, "Ringede selv og spurgte til gågruppen."), DB_OK, "a note");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM notes WHERE written_on = '2026-11-26' AND author IS NOT NULL"), 1,
		   "dated today, by the person signed in");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE detail = 'note'"), 1, "audited");
	TAP_INT_EQ(citizens_add_note(&desk, id, "Født 010190-1234"), DB_ERR_INVALID, "a CPR number is refused");
	TAP_INT_EQ(citizens_add_note(&desk, id, ""), DB_ERR_INVALID, "an empty note is refused");
	char longer[LONG_NOTE_CHARS * 2 + 8];
	memset(longer, 'x', LONG_NOTE_CHARS);
	longer[LONG_NOTE_CHARS] = '\0';
	TAP_INT_EQ(citizens_add_note(&desk, id, longer), DB_OK, "a note of LONG_NOTE_CHARS characters");
	/* Characters, not bytes: æ is two bytes. */
	for (int i = 0; i < LONG_NOTE_CHARS; i++)
		memcpy(longer + 2 * i, "æ", 2);
	longer[2 * LONG_NOTE_CHARS] = '\0';
	TAP_INT_EQ(citizens_add_note(&desk, id, longer), DB_OK, "as many æ");
	longer[2 * LONG_NOTE_CHARS] = 'x';
	longer[2 * LONG_NOTE_CHARS + 1] = '\0';
	TAP_INT_EQ(citizens_add_note(&desk, id, longer), DB_ERR_INVALID, "one more is too long");
	TAP_INT_EQ(citizens_add_note(&desk, id + 100, "x"), DB_ERR_NOTFOUND, "a note on nobody");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM notes"), 3, "three notes written");
	db_close(db);
}

static void test_timeline_and_facts(void)
{
	struct db *db = open_fresh("timeline.db");
	struct citizen_card in;
	card_basic(&in, "Ib Kristensen", "40 40 40 40", "", "8200", "Aarhus N");
	SET(in.referral.referred_on, "2026-10-01");
	SET(in.referral.source, "gp");
	SET(in.assessment.outcome, "volunteer_help");
	SET(in.assessment.assessed_on, "2026-10-08");
	long long id;
	intake_register(&desk, &in, 0, &id);

	/* Notes written on other days than today: the store's own piece. */
	TAP_INT_EQ(store_citizens_add_note(db, id, "2026-10-20", desk_user, "Ringede selv og spurgte til gågruppen."),
		   DB_OK, "a note");
	TAP_INT_EQ(store_citizens_add_note(db, id, "2026-11-03", desk_user, "Glad for første gang; vil gerne igen."),
		   DB_OK, "another note");

	/* A motion group with a session today-1 (held) and next week,
	 * a companion, and calls: one overdue, one later. */
	struct demo_writer *w;
	demo_writer_open(db, &w);
	long long vol = demo_add_volunteer(w, &(struct demo_volunteer){
		.name = "Bente Ølgaard", .capacity = 2, .status = "active",
		.created_at = "2026-01-01 10:00:00", .updated_at = "2026-01-01 10:00:00" });
	long long act = demo_add_activity(w, &(struct demo_activity){
		.name = "Gå-gruppen", .kind = "motion_group", .weekday = 4, .start_time = "10:00",
		.end_time = "11:30", .capacity = 15, .community = "practice", .status = "active",
		.created_at = "2026-01-01 10:00:00", .updated_at = "2026-01-01 10:00:00" });
	long long held = demo_add_session(w, &(struct demo_session){
		.activity_id = act, .date = "2026-11-19", .start_time = "10:00", .status = "held" });
	demo_add_session(w, &(struct demo_session){
		.activity_id = act, .date = "2026-11-26", .status = "cancelled", .cancel_reason = "Storm" });
	demo_add_session(w, &(struct demo_session){
		.activity_id = act, .date = "2026-12-03", .status = "planned" });
	demo_add_enrolment(w, &(struct demo_enrolment){
		.citizen_id = id, .activity_id = act, .enrolled_on = "2026-11-01" });
	demo_add_match(w, &(struct demo_match){
		.citizen_id = id, .volunteer_id = vol, .activity_id = act, .matched_on = "2026-11-01",
		.first_session_id = held });
	demo_add_attendance(w, &(struct demo_attendance){
		.session_id = held, .citizen_id = id, .mark = "present", .accompanied_by = vol,
		.marked_at = "2026-11-19 09:05:00" });
	demo_add_follow_up(w, &(struct demo_follow_up){
		.citizen_id = id, .reason = "after_first_session", .due_on = "2026-11-21", .status = "open" });
	demo_add_follow_up(w, &(struct demo_follow_up){
		.citizen_id = id, .reason = "agreed", .due_on = "2026-12-10", .status = "open" });
	TAP_INT_EQ(demo_writer_close(w, true), DB_OK, "activity, sessions, match and calls written");

	struct citizen_view *v = view_new();
	TAP_INT_EQ(citizens_card(&desk, id, v), DB_OK, "the card with its timeline");
	const struct timeline_entry *tl = v->timeline;
	int n = v->ntimeline;
	char kinds[64] = "";
	for (int i = 0; i < n && i < 30; i++)
		kinds[i] = (char)('0' + tl[i].kind);
	/* 12-10 call, intake (today, UTC), 11-21 call, 11-19 attendance,
	 * 11-03 note, 11-02 the consent to registration, 11-01 match, 10-20
	 * note, 10-08 assessment, 10-01 referral. */
	TAP_CHECK(n == 10, "ten events (got %d)", n);
	TAP_STR_EQ(tl[0].date, "2026-12-10", "newest first");
	TAP_INT_EQ(tl[0].kind, TL_CALL, "a planned call");
	TAP_STR_EQ(tl[0].code, "open", "still open");
	TAP_INT_EQ(tl[n - 1].kind, TL_REFERRAL, "the referral comes last");
	TAP_STR_EQ(tl[n - 1].code, "gp", "with its source");
	TAP_STR_EQ(kinds, "61658;3820",
		   "call, intake (today), call, attendance, note, consent, match, note, assessment, referral");
	TAP_STR_EQ(tl[1].date, "2026-11-26", "the intake is dated by the clock the program was given");
	bool ordered = true;
	for (int i = 1; i < n; i++)
		if (strcmp(tl[i - 1].date, tl[i].date) < 0)
			ordered = false;
	TAP_CHECK(ordered, "dates never increase (%s)", kinds);
	int note = -1, att = -1;
	for (int i = 0; i < n; i++) {
		if (tl[i].kind == TL_NOTE && note < 0)
			note = i;
		if (tl[i].kind == TL_ATTENDANCE)
			att = i;
	}
	TAP_CHECK(note >= 0 && strcmp(tl[note].text, "Glad for første gang; vil gerne igen.") == 0
		  && strcmp(tl[note].who, "Bente Ølgaard") == 0, "the newest note with its author");
	TAP_CHECK(att >= 0 && strcmp(tl[att].code, "present") == 0 && strcmp(tl[att].what, "Gå-gruppen") == 0
		  && strcmp(tl[att].who, "Bente Ølgaard") == 0, "attendance with activity and companion");
	struct timeline_entry few[3];
	TAP_INT_EQ(store_citizens_timeline(db, id, 3, few, &n), DB_OK, "a short timeline");
	TAP_INT_EQ(n, 3, "stops at max");

	/* The facts are as of today, the day the program was given. */
	const struct citizen_facts *facts = &v->facts;
	TAP_CHECK(!facts->ended, "not ended");
	TAP_STR_EQ(facts->call_due_on, "2026-11-21", "the earliest open call");
	TAP_STR_EQ(facts->call_reason, "after_first_session", "and why");
	TAP_STR_EQ(facts->session_on, "2026-12-03", "the next planned session, skipping today's cancelled one");
	TAP_STR_EQ(facts->session_time, "10:00", "at the activity's time");
	TAP_STR_EQ(facts->session_activity, "Gå-gruppen", "of the activity");
	TAP_STR_EQ(facts->session_volunteer, "Bente Ølgaard", "with the volunteer going along");
	TAP_CHECK(facts->has_open_match, "an open match");
	TAP_STR_EQ(facts->assessment, "volunteer_help", "latest assessment");
	struct date today = { 2026, 11, 26 };
	struct next_step step = next_step_decide(facts, today);
	TAP_INT_EQ(step.kind, NEXT_CALL_OVERDUE, "the next step is the overdue call");
	TAP_INT_EQ(step.days, 5, "five days over");
	struct citizen_facts none;
	TAP_INT_EQ(store_citizens_facts(db, id + 100, "2026-11-26", &none), DB_ERR_NOTFOUND, "no facts for nobody");

	TAP_INT_EQ(citizens_end_course(&desk, id, v->card.citizen.version, "moved"), DB_OK, "the course ends");
	citizens_card(&desk, id, v);
	int end = -1, intake = -1;
	for (int i = 0; i < v->ntimeline; i++) {
		if (v->timeline[i].kind == TL_END && end < 0)
			end = i;
		if (v->timeline[i].kind == TL_INTAKE)
			intake = i;
	}
	TAP_CHECK(end >= 0 && strcmp(v->timeline[end].code, "moved") == 0 && end < intake,
		  "the end is on the timeline, before the same day's intake");
	TAP_CHECK(v->facts.ended && strcmp(v->facts.end_reason, "moved") == 0, "facts say ended");
	free(v);
	db_close(db);
}

/* ---------- pick-lists and drafts ---------- */

static void test_picklists(void)
{
	struct db *db = open_fresh("picks.db");
	struct pick picks[CIT_MAX_PICKS];
	int n = 0;
	TAP_INT_EQ(citizens_picklist(&desk, "barriers", picks, CIT_MAX_PICKS, &n), DB_OK, "barriers");
	TAP_INT_EQ(n, 6, "six seeded");
	TAP_CHECK(n == 6 && strcmp(picks[0].name, "Angst") == 0 && strcmp(picks[5].name, "Økonomi") == 0,
		  "in Danish order, Økonomi last");
	long long id = 0, again = 0;
	TAP_INT_EQ(citizens_add_pick(&desk, "interests", "Strikning", &id), DB_OK, "add an interest");
	TAP_CHECK(id > 0, "with an id");
	TAP_INT_EQ(citizens_add_pick(&desk, "interests", "strikning", &again), DB_ERR_CONSTRAINT,
		   "the same name twice is refused");
	TAP_INT_EQ(again, id, "and names the one there is");
	TAP_INT_EQ(citizens_add_pick(&desk, "hobbies", "x", &again), DB_ERR_MISUSE, "unknown list");
	TAP_INT_EQ(citizens_add_pick(&desk, "interests", "", &again), DB_ERR_INVALID, "an empty name");
	citizens_picklist(&desk, "interests", picks, CIT_MAX_PICKS, &n);
	bool found = false;
	for (int i = 0; i < n; i++)
		found |= picks[i].id == id && strcmp(picks[i].name, "Strikning") == 0;
	TAP_CHECK(found && n == 11, "the new interest is listed");
	TAP_INT_EQ(citizens_picklist(&desk, "interests", picks, 3, &n), DB_OK, "a short list");
	TAP_INT_EQ(n, 3, "stops at max");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'interests' AND action = 'create'"), 1,
		   "adding is audited");

	/* A retired entry comes back rather than twice. */
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE interests SET active = 0 WHERE id = %lld", id);
	db_exec(db, sql);
	TAP_INT_EQ(citizens_add_pick(&desk, "interests", "STRIKNING", &again), DB_OK, "a retired entry added again");
	TAP_INT_EQ(again, id, "is the same entry");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'interests' AND action = 'update'"), 1,
		   "brought back, audited");
	db_close(db);
}

static void test_drafts(void)
{
	struct db *db = open_fresh("drafts.db");
	long long id = 0;
	TAP_INT_EQ(intake_draft_save(&desk, &id, "Ærtebjerg, Tove", "name=Tove Ærtebjerg\nphone=2"), DB_OK,
		   "a new draft");
	TAP_CHECK(id > 0, "gets an id");
	long long first = id;
	TAP_INT_EQ(intake_draft_save(&desk, &id, "Ærtebjerg, Tove", "name=Tove Ærtebjerg\nphone=22 33 44 55"),
		   DB_OK, "saved again");
	TAP_INT_EQ(id, first, "in place");
	long long other = 0;
	intake_draft_save(&desk, &other, "Uden navn", "");
	struct draft list[8];
	int n = 0;
	TAP_INT_EQ(intake_drafts(&desk, list, 8, &n), DB_OK, "list");
	TAP_INT_EQ(n, 2, "two drafts");
	char *data = NULL;
	TAP_INT_EQ(intake_draft_load(&desk, first, &data), DB_OK, "load");
	TAP_STR_EQ(data, "name=Tove Ærtebjerg\nphone=22 33 44 55", "the latest data");
	free(data);
	TAP_INT_EQ(intake_draft_delete(&desk, first), DB_OK, "delete");
	TAP_INT_EQ(intake_draft_load(&desk, first, &data), DB_ERR_NOTFOUND, "gone");
	TAP_CHECK(data == NULL, "and nothing to free");
	TAP_INT_EQ(intake_draft_delete(&desk, first), DB_ERR_NOTFOUND, "deleting twice");
	long long missing = first;
	TAP_INT_EQ(intake_draft_save(&desk, &missing, "x", "y"), DB_ERR_NOTFOUND, "saving into a deleted draft");
	intake_drafts(&desk, list, 8, &n);
	TAP_CHECK(n == 1 && strcmp(list[0].label, "Uden navn") == 0, "one left");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'draft'"), 4,
		   "create, update, create, delete audited");

	/* Registering the intake removes the draft it was filled from. */
	struct citizen_card c;
	card_basic(&c, "Tove Ærtebjerg", "22 33 44 55", "", "", "");
	long long citizen = 0;
	TAP_INT_EQ(intake_register(&desk, &c, other, &citizen), DB_OK, "the intake from the draft is saved");
	TAP_INT_EQ(intake_draft_load(&desk, other, &data), DB_ERR_NOTFOUND, "and the draft is gone with it");
	db_close(db);
}

/* A note half typed at a stop: one per person and citizen, found only by
 * its owner, listed among the drafts, gone when the note is added (in the
 * same transaction: a refused note keeps it) or dropped; never one with a
 * CPR number; none kept about an anonymised citizen, and the
 * anonymisation takes the one there was. */
static void test_note_drafts(void)
{
	struct db *db = open_fresh("notedrafts.db");
	struct desk ole = desk_for(db, add_user(db, "Ole Ærø", "desk"), ROLE_DESK);
	struct citizen_card c;
	card_basic(&c, "Åse Holm", "31 31 31 31", "", "", "");
	long long id = 0;
	intake_register(&desk, &c, 0, &id);
	char *text = NULL;
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_NOTE, id, &text), DB_ERR_NOTFOUND, "no kept note at first");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Ringede og spurgte", NULL), DB_OK, "a note is kept at a stop");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Ringede og spurgte til caféen", NULL), DB_OK, "and kept again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts WHERE kind = 'note' AND label = 'Åse Holm'"), 1,
		   "in place of the first, labelled with the citizen's name");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'draft' AND detail = 'note'"
				" AND action IN ('create', 'update')"), 2, "each keeping in the audit log");
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_NOTE, id, &text), DB_OK, "found by its owner");
	TAP_STR_EQ(text ? text : "", "Ringede og spurgte til caféen", "with the latest text");
	free(text);
	TAP_INT_EQ(kept_draft_find(&ole, DRAFT_NOTE, id, &text), DB_ERR_NOTFOUND, "not by anyone else");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Har cpr 010190-1234", NULL), DB_ERR_INVALID,
		   "a note with a CPR number is not kept");
	struct draft list[4];
	int n = 0;
	intake_drafts(&desk, list, 4, &n);
	TAP_CHECK(n == 1 && list[0].kind == DRAFT_NOTE && list[0].citizen_id == id, "listed among the drafts");
	TAP_INT_EQ(citizens_add_note(&desk, id, "Har cpr 010190-1234"), DB_ERR_INVALID, "a note refused");
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_NOTE, id, &text), DB_OK, "keeps the kept one");
	free(text);
	TAP_INT_EQ(citizens_add_note(&desk, id, "Ringede og spurgte til caféen, vil gerne"), DB_OK, "the note added");
	TAP_INT_EQ(kept_draft_find(&desk, DRAFT_NOTE, id, &text), DB_ERR_NOTFOUND, "takes the kept one with it");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Endnu en", NULL), DB_OK, "another kept");
	TAP_INT_EQ(kept_draft_drop(&desk, DRAFT_NOTE, id), DB_OK, "dropped on purpose");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "gone");
	TAP_INT_EQ(kept_draft_drop(&desk, DRAFT_NOTE, id), DB_OK, "dropping none is no error");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id + 100, "Til ingen", NULL), DB_ERR_NOTFOUND, "none about nobody");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Sidste", NULL), DB_OK, "kept once more");
	struct desk coordinator = desk_for(db, add_user(db, "Kim Aagaard", "coordinator"), ROLE_COORDINATOR);
	TAP_INT_EQ(anonymise_citizen(&coordinator, id), DB_OK, "the citizen is anonymised");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "which takes the kept note");
	TAP_INT_EQ(kept_draft_keep(&desk, DRAFT_NOTE, id, "Sent", NULL), DB_ERR_INVALID, "and no note is kept about them");
	db_close(db);
}

/* An edit of the card kept at a stop: one per person and card, found only
 * by its owner, listed with the intake drafts, and gone when the card is
 * saved, when the edit is dropped, or with the citizen. */
static void test_card_drafts(void)
{
	struct db *db = open_fresh("carddrafts.db");
	struct desk ole = desk_for(db, add_user(db, "Ole Ærø", "desk"), ROLE_DESK);
	struct citizen_card c;
	card_basic(&c, "Åse Holm", "31 31 31 31", "", "", "");
	long long id = 0;
	intake_register(&desk, &c, 0, &id);
	struct card_draft edit = { .base_version = 1, .data = "name=Åse Holm\nphone=40 40 40 40\n",
				   .base = "name=Åse Holm\nphone=31 31 31 31\n" }, kept;
	TAP_INT_EQ(citizens_edit_kept(&desk, id, &kept), DB_ERR_NOTFOUND, "no kept edit at first");
	TAP_INT_EQ(citizens_keep_edit(&desk, id, "Åse Holm", &edit), DB_OK, "an edit is kept at a stop");
	edit.data = "name=Åse Holm\nphone=41 41 41 41\n";
	TAP_INT_EQ(citizens_keep_edit(&desk, id, "Åse Holm", &edit), DB_OK, "and kept again");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts WHERE kind = 'card'"), 1, "in place of the first");
	TAP_INT_EQ(citizens_edit_kept(&desk, id, &kept), DB_OK, "found by its owner");
	TAP_STR_EQ(kept.data, edit.data, "with the latest values");
	TAP_STR_EQ(kept.base, edit.base, "and what they started from");
	TAP_INT_EQ(kept.base_version, 1, "at the version read");
	card_draft_free(&kept);
	TAP_INT_EQ(citizens_edit_kept(&ole, id, &kept), DB_ERR_NOTFOUND, "not by anyone else");
	struct citizen_view *v = malloc(sizeof *v);
	if (!v)
		exit(1);
	citizens_card(&ole, id, v);
	TAP_STR_EQ(v->edit_kept_at, "", "whose card does not mention it");
	citizens_card(&desk, id, v);
	TAP_CHECK(v->edit_kept_at[0] != '\0', "the owner's card does");
	struct draft list[8];
	int n = 0;
	intake_drafts(&desk, list, 8, &n);
	TAP_CHECK(n == 1 && list[0].kind == DRAFT_CARD && list[0].citizen_id == id, "listed among the drafts");

	/* Saving the card takes the kept edit with it. */
	struct citizen_card edited = v->card;
	SET(edited.citizen.phone, "41 41 41 41");
	TAP_INT_EQ(citizens_save_card(&desk, &edited, v->card.citizen.version, NULL), DB_OK, "the card is saved");
	TAP_INT_EQ(citizens_edit_kept(&desk, id, &kept), DB_ERR_NOTFOUND, "and the kept edit is gone");

	/* Dropping it on purpose, or the citizen going, too. */
	citizens_keep_edit(&desk, id, "Åse Holm", &edit);
	TAP_INT_EQ(citizens_drop_edit(&desk, id), DB_OK, "dropped");
	TAP_INT_EQ(citizens_edit_kept(&desk, id, &kept), DB_ERR_NOTFOUND, "gone");
	TAP_INT_EQ(citizens_drop_edit(&desk, id), DB_OK, "dropping none is no error");
	citizens_keep_edit(&desk, id, "Åse Holm", &edit);
	TAP_INT_EQ(db_exec(db, "DELETE FROM citizens"), DB_OK, "the citizen is deleted");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 0, "a deleted citizen's kept edits go with them");
	free(v);
	db_close(db);
}

/* A second person who signs in after the idle lock never sees what the
 * first had half typed: not in the list, not on the home screen, not by
 * its number; a coordinator neither. */
static void test_drafts_are_private(void)
{
	struct db *db = open_fresh("private.db");
	struct desk bente = desk;
	struct desk ole = desk_for(db, add_user(db, "Ole Ærø", "desk"), ROLE_DESK);
	struct desk kim = desk_for(db, add_user(db, "Kim Aagaard", "coordinator"), ROLE_COORDINATOR);
	long long hers = 0, his = 0;
	intake_draft_save(&bente, &hers, "Holm, Åse", "name=Åse Holm\nphone=31 31 31 31");
	intake_draft_save(&ole, &his, "Dam, Bo", "name=Bo Dam");
	struct draft list[8];
	int n = 0;
	TAP_INT_EQ(intake_drafts(&ole, list, 8, &n), DB_OK, "Ole's drafts");
	TAP_CHECK(n == 1 && list[0].id == his, "only his own");
	TAP_INT_EQ(intake_drafts(&kim, list, 8, &n), DB_OK, "the coordinator's drafts");
	TAP_INT_EQ(n, 0, "none: not everyone's either");
	char *data = NULL;
	TAP_INT_EQ(intake_draft_load(&ole, hers, &data), DB_ERR_FORBIDDEN, "Ole cannot open Bente's by its number");
	TAP_CHECK(data == NULL, "and gets nothing of it");
	TAP_INT_EQ(intake_draft_load(&kim, hers, &data), DB_ERR_FORBIDDEN, "nor can the coordinator");
	TAP_INT_EQ(intake_draft_delete(&ole, hers), DB_ERR_FORBIDDEN, "deleting someone else's draft is refused");
	TAP_INT_EQ(intake_draft_delete(&kim, hers), DB_ERR_FORBIDDEN, "by a coordinator too");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 2, "both drafts are still there");

	/* The home screen's drafts follow the same rule. */
	struct overview o;
	TAP_INT_EQ(overview_today(&ole, &o), DB_OK, "Ole's home screen");
	TAP_CHECK(o.ndrafts == 1 && o.drafts[0].id == his, "shows his draft only");
	TAP_INT_EQ(overview_today(&bente, &o), DB_OK, "Bente's home screen");
	TAP_CHECK(o.ndrafts == 1 && o.drafts[0].id == hers, "shows hers only");
	TAP_INT_EQ(o.drafts_total, 1, "and counts hers only");
	/* More than the home screen lists: it counts them all. */
	long long more[OVERVIEW_DRAFTS + 2] = { 0 };
	for (int i = 0; i < OVERVIEW_DRAFTS + 2; i++)
		intake_draft_save(&bente, &more[i], "Holm, Åse", "name=Åse Holm");
	TAP_INT_EQ(overview_today(&bente, &o), DB_OK, "Bente's home screen with six drafts");
	TAP_CHECK(o.ndrafts == OVERVIEW_DRAFTS && o.drafts_total == OVERVIEW_DRAFTS + 3, "lists three and counts six");
	for (int i = 0; i < OVERVIEW_DRAFTS + 2; i++)
		intake_draft_delete(&bente, more[i]);
	struct desk nobody = desk_for(db, 0, ROLE_DESK);
	TAP_INT_EQ(overview_today(&nobody, &o), DB_OK, "the locked home screen");
	TAP_INT_EQ(o.ndrafts, 0, "shows no drafts");

	/* A coordinator who takes over Bente's open form after the lock and
	 * keeps it gets a draft of their own; hers stays hers. */
	long long taken = hers;
	TAP_INT_EQ(intake_draft_save(&kim, &taken, "Holm, Åse", "name=Åse Holm\nphone=31 31 31 31\nemail=a@b.dk"),
		   DB_OK, "the coordinator keeps the form");
	TAP_CHECK(taken != hers && taken > 0, "as a new draft");
	intake_drafts(&kim, list, 8, &n);
	TAP_CHECK(n == 1 && list[0].id == taken, "in the coordinator's list");
	TAP_INT_EQ(intake_draft_load(&bente, hers, &data), DB_OK, "Bente's draft is unchanged");
	TAP_STR_EQ(data, "name=Åse Holm\nphone=31 31 31 31", "with what she typed");
	free(data);
	/* Registering from someone else's draft leaves it to its owner. */
	struct citizen_card c;
	card_basic(&c, "Åse Holm", "31 31 31 31", "", "", "");
	long long citizen = 0;
	TAP_INT_EQ(intake_register(&kim, &c, hers, &citizen), DB_OK, "registered by the coordinator");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM drafts"), 3, "no draft was deleted");

	/* Before anyone can sign in, the drafts are nobody's and the one desk's. */
	struct db *fresh;
	char path[256];
	testdb_path(path, sizeof path, "unset.db");
	TAP_INT_EQ(db_open(path, &fresh), DB_OK, "a centre not set up yet");
	struct desk setup = { .db = fresh };
	long long d0 = 0;
	TAP_INT_EQ(intake_draft_save(&setup, &d0, "x", "name=x"), DB_OK, "a draft before any user exists");
	TAP_INT_EQ(intake_drafts(&setup, list, 8, &n), DB_OK, "listed");
	TAP_INT_EQ(n, 1, "at that desk");
	db_close(fresh);
	db_close(db);
}

int main(void)
{
	/* Run by hand as under meson: one fixed day for bb_now(). */
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	dbrules_install();
	if (!testdb_start("citizens"))
		return 1;
	test_intake_without_consent();
	test_intake_and_card();
	test_duplicate();
	test_relative_wish();
	test_roles();
	test_search();
	test_search_phone();
	test_search_as_typed();
	test_search_namesakes();
	test_search_reference(false);
	test_keys_remade();
	test_words_tables();
	test_codes_and_seam();
	/* PostgreSQL's schema begins at migration 14: no older database. */
	if (!testdb_pg())
		test_migration_backfill();
	test_update_conflict();
	test_notes();
	test_timeline_and_facts();
	test_picklists();
	test_drafts();
	test_drafts_are_private();
	test_note_drafts();
	test_card_drafts();
	if (testdb_pg())
		test_search_reference(true);
	testdb_finish();
	return tap_done();
}
