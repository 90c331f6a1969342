/* Citizens in the database, on temporary files: intake with and without
 * consent, the card, search as you type (checked against a plain reference
 * on a few thousand made-up citizens), edits that meet another desk's edit,
 * ending and reopening, notes and the timeline, the facts behind the next
 * step, pick-lists, drafts and the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "db.h"
#include "dbrules.h"
#include "fold.h"
#include "migrate.h"
#include "nextstep.h"
#include "store_citizens.h"
#include "store_demo.h"
#include "tap.h"
#include "testdb.h"

static long long desk_user; /* "Bente Ølgaard", signed in at the desk */

static struct db *open_fresh(const char *name)
{
	char path[256];
	testdb_path(path, sizeof path, name);
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open %s: %s\n", path, db_errdetail(db));
		exit(1);
	}
	if (db_exec(db, "INSERT INTO users(name, role) VALUES ('Bente Ølgaard', 'desk')") != DB_OK)
		exit(1);
	desk_user = db_last_insert_id(db);
	return db;
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
	enum db_status st = store_citizens_intake(db, desk_user, &c, &id);
	if (st != DB_OK)
		printf("# intake of %s: status %d (%s)\n", name, (int)st, db_errdetail(db));
	return id;
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
	TAP_INT_EQ(store_citizens_intake(db, desk_user, &c, &id), DB_OK, "intake without consent to registration");
	TAP_INT_EQ(id, 0, "no citizen id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens"), 0, "no citizen is stored");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM relatives") + testdb_count(db, "SELECT count(*) FROM citizen_interests"),
		   0, "nor relatives or interests");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM referrals WHERE citizen_id IS NULL AND source = 'gp'"), 1,
		   "the referral is kept for the counts");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'referral'"), 1,
		   "and audited");

	card_basic(&c, "Kirsten Lauridsen", "", "", "", "");
	SET(c.referral.source, "neighbour");
	TAP_INT_EQ(store_citizens_intake(db, desk_user, &c, &id), DB_ERR_CONSTRAINT, "an unknown referral source is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens"), 0, "and nothing of it is left behind");
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
	TAP_INT_EQ(store_citizens_intake(db, desk_user, &in, &id), DB_OK, "intake with consent");
	TAP_CHECK(id > 0, "a citizen id is handed back");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents"), 3, "one consent row per purpose given");

	struct citizen_card out;
	TAP_INT_EQ(store_citizens_card(db, desk_user, id, &out), DB_OK, "the card reads back");
	TAP_STR_EQ(out.citizen.name, "Søren Ærø Åberg", "name with æ, ø, å");
	TAP_INT_EQ(out.citizen.birth_year, 1961, "birth year");
	TAP_STR_EQ(out.citizen.address, "Åboulevarden 7, 2. th.", "address");
	TAP_STR_EQ(out.citizen.wishes, in.citizen.wishes, "wishes, with a dash and Danish letters");
	TAP_STR_EQ(out.citizen.contact_pref, "sms", "contact preference");
	TAP_STR_EQ(out.citizen.status, "active", "a new course is active");
	TAP_STR_EQ(out.citizen.ended_on, "", "and has no end");
	TAP_INT_EQ(out.citizen.version, 1, "version 1");
	TAP_STR_EQ(out.referral.source, "relative", "referral source");
	TAP_STR_EQ(out.referral.referrer_name, "Birthe Ærø", "referrer");
	TAP_CHECK(out.referral.feedback_consent, "feedback to the referrer agreed");
	TAP_STR_EQ(out.relative.relation, "søster", "relative");
	TAP_CHECK(out.relative.wants_support, "the relative wants support");
	TAP_CHECK(out.consent.registration && out.consent.volunteer_contact && out.consent.referrer_feedback,
		  "all three consents");
	TAP_STR_EQ(out.consent.given_on, "2026-11-02", "consent date");
	TAP_STR_EQ(out.consent.recorded_by, "Bente Ølgaard", "recorded by the user at the desk");
	TAP_STR_EQ(out.assessment.outcome, "professional_help", "assessment");
	TAP_STR_EQ(out.assessment.handover_to, "Socialpsykiatrien, Aarhus Kommune", "handed over to");
	TAP_CHECK(out.ninterests == 2 && out.interests[0] == 1 && out.interests[1] == 3, "interests");
	TAP_CHECK(out.nbarriers == 1 && out.barriers[0] == 1, "barriers");
	TAP_INT_EQ(out.availability, in.availability, "availability bits");

	TAP_INT_EQ(store_citizens_card(db, desk_user, id + 100, &out), DB_ERR_NOTFOUND, "no card for an unknown id");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'citizen'"), 1,
		   "the intake is audited");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'view' AND entity = 'citizen'"
			    " AND user_id IS NOT NULL"), 1, "reading the card is audited, with the user");

	/* Volunteer help may not name a handover: the store leaves it out. */
	card_basic(&in, "Åse Holm", "", "", "", "");
	SET(in.assessment.outcome, "volunteer_help");
	SET(in.assessment.handover_to, "left over in the form");
	TAP_INT_EQ(store_citizens_intake(db, desk_user, &in, &id), DB_OK, "volunteer help with a stray handover field");
	store_citizens_card(db, desk_user, id, &out);
	TAP_STR_EQ(out.assessment.handover_to, "", "the handover is not stored");
	TAP_STR_EQ(out.assessment.assessed_on, "2026-11-02", "assessed on the referral day when no date is given");

	long long before = testdb_count(db, "SELECT count(*) FROM citizens") + testdb_count(db, "SELECT count(*) FROM referrals");
	card_basic(&in, "Ulla Bech", "", "", "", "");
	in.ninterests = 1;
	in.interests[0] = 999;
	TAP_INT_EQ(store_citizens_intake(db, desk_user, &in, &id), DB_ERR_CONSTRAINT, "an unknown interest is refused");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM citizens") + testdb_count(db, "SELECT count(*) FROM referrals"), before,
		   "and the whole intake with it");
	db_close(db);
}

/* ---------- search ---------- */

static int search_names(struct db *db, const char *typed, int offset, int limit, char *names, size_t size)
{
	char q[256];
	fold_search(typed, q, sizeof q);
	struct citizen_hit hits[64];
	int n = 0;
	if (limit > 64)
		limit = 64;
	enum db_status st = store_citizens_search(db, q, offset, limit, hits, &n);
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
	search_names(db, "ærø", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "'ærø' finds Søren Ærø Åberg");
	search_names(db, "soren", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Hansen|Søren Ærø Åberg", "'soren' finds both Sørens, in Danish order");
	search_names(db, "Søren h", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Hansen", "every word must match: 'Søren h'");
	search_names(db, "aa", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Åse Holm|Aase Lund|Karen Aagaard|Søren Ærø Åberg|Søren Hansen",
		   "'aa': names starting with å, then a name word with å or aa, then the town Aarhus");
	search_names(db, "holm", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Åse Holm|Bo Andersen", "a name match comes before a town match (Holme)");
	search_names(db, "a", 0, 20, names, sizeof names);
	const char *all_a = "Anders Zahle|Æbbe Lund|Åse Holm|Aase Lund|Bo Andersen|Karen Aagaard|Søren Ærø Åberg|"
			    "Søren Hansen";
	TAP_STR_EQ(names, all_a, "'a': name starts, then name words, then other fields");
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
	search_names(db, "1234", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "phone digits '1234' find 12 34 56 78");
	search_names(db, "12 34", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "typed with a space they are two words, and 34 starts nothing");
	search_names(db, "5678", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "digits match from the start of the number only");
	search_names(db, "2233", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Karen Aagaard", "a number written with +45 is found by its eight digits");
	search_names(db, "8000", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "postcode 8000");
	search_names(db, "82", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Bo Andersen|Søren Hansen", "postcode prefix 82");
	search_names(db, "soeren", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "Søren Ærø Åberg", "e-mail words");
	search_names(db, "\"*) OR x", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "FTS5 syntax in a query is only text");
	search_names(db, "zzzz", 0, 20, names, sizeof names);
	TAP_STR_EQ(names, "", "nothing found is an empty list");

	/* The index follows renames and deletes by itself. */
	struct citizen_card card;
	store_citizens_card(db, desk_user, karen, &card);
	SET(card.citizen.name, "Karen Bech");
	TAP_INT_EQ(store_citizens_update(db, desk_user, &card, card.citizen.version, NULL), DB_OK, "rename");
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
	TAP_INT_EQ(db_exec(db, "INSERT INTO citizens_fts(citizens_fts, rank) VALUES ('integrity-check', 1)"), DB_OK,
		   "the FTS5 index agrees with its content");
	TAP_INT_EQ(testdb_count(db, "SELECT bb_fold(NULL) IS NULL AND bb_digits(NULL) IS NULL AND bb_sortkey(NULL) IS NULL"),
		   1, "the text rules give NULL for NULL");
	db_close(db);
}

/* A few thousand made-up citizens, and a plain C reference of the
 * search rules to compare with, page by page. */
enum { REF_N = 3000, REF_TEXT = 256 };

struct ref_citizen {
	long long id;
	char name[96], phone[24], email[96], postcode[5], town[48];
	char fold[REF_TEXT], key[REF_TEXT], other[REF_TEXT]; /* other: e-mail, town, phone, postcode words */
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
	"Ulla", "Yvonne", "Émile", "Güler", "Ahmad", "Fatima", "Kåre",
};
static const char *const ref_last[] = {
	"Hansen", "Jensen", "Nielsen", "Aagaard", "Ærø", "Østergaard", "Åberg", "Holm", "Møller", "Zahle",
	"Lund", "Bech", "Dam", "Andersen", "Kristensen", "Sørensen", "Aaen", "Øst", "Yilmaz", "Ahmadi",
};
static const char *const ref_town[] = {
	"Aarhus C", "Aarhus N", "Åbyhøj", "Højbjerg", "Holme", "Ærøskøbing", "Viby J", "Aabenraa", "Egå",
};

static void ref_tokens(const char *folded, char *out, size_t size)
{
	size_t n = strlen(out);
	snprintf(out + n, size - n, " %s", folded);
}

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
	fold_search(c->name, c->fold, sizeof c->fold);
	collate_key(c->name, c->key, sizeof c->key);
	char buf[REF_TEXT];
	c->other[0] = '\0';
	fold_search(c->email, buf, sizeof buf);
	ref_tokens(buf, c->other, sizeof c->other);
	fold_search(c->town, buf, sizeof buf);
	ref_tokens(buf, c->other, sizeof c->other);
	fold_digits(c->phone, buf, sizeof buf);
	ref_tokens(buf, c->other, sizeof c->other);
	if (strlen(buf) == 10 && strncmp(buf, "45", 2) == 0)
		ref_tokens(buf + 2, c->other, sizeof c->other);
	ref_tokens(c->postcode, c->other, sizeof c->other);
}

/* Does a word of `words` (space separated) start with `w`? */
static bool ref_word_starts(const char *words, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = words; *p;) {
		while (*p == ' ')
			p++;
		if (strncmp(p, w, n) == 0)
			return true;
		while (*p && *p != ' ')
			p++;
	}
	return false;
}

/* 0, 1, 2: the tier of the hit; -1: no hit. */
static int ref_tier(const struct ref_citizen *c, const char *q)
{
	char words[8][64];
	int n = 0;
	const char *p = q;
	while (*p && n < 8) {
		int len = 0;
		while (*p && *p != ' ' && len < 63)
			words[n][len++] = *p++;
		words[n++][len] = '\0';
		while (*p == ' ')
			p++;
	}
	bool in_name = true;
	for (int i = 0; i < n; i++) {
		bool name = ref_word_starts(c->fold, words[i]);
		if (!name && !ref_word_starts(c->other, words[i]))
			return -1;
		in_name = in_name && name;
	}
	if (strncmp(c->fold, q, strlen(q)) == 0)
		return 0;
	return in_name ? 1 : 2;
}

static int ref_compare(const void *a, const void *b)
{
	const struct ref_citizen *x = *(const struct ref_citizen *const *)a;
	const struct ref_citizen *y = *(const struct ref_citizen *const *)b;
	if (x->tier != y->tier)
		return x->tier - y->tier;
	int c = strcmp(x->key, y->key);
	if (!c)
		c = strcmp(x->fold, y->fold);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static bool ref_check(struct db *db, struct ref_citizen *all, const struct ref_citizen **sorted,
		      const char *q, int offset, int limit)
{
	int n = 0;
	for (int i = 0; i < REF_N; i++) {
		all[i].tier = ref_tier(&all[i], q);
		if (all[i].tier >= 0)
			sorted[n++] = &all[i];
	}
	qsort(sorted, (size_t)n, sizeof *sorted, ref_compare);
	struct citizen_hit hits[50];
	int got = 0;
	if (store_citizens_search(db, q, offset, limit, hits, &got) != DB_OK) {
		printf("#   '%s': %s\n", q, db_errdetail(db));
		return false;
	}
	int want = n - offset < limit ? n - offset : limit;
	if (want < 0)
		want = 0;
	if (got != want) {
		printf("#   '%s' offset %d: %d hits, want %d (of %d)\n", q, offset, got, want, n);
		return false;
	}
	for (int i = 0; i < got; i++) {
		if (hits[i].id != sorted[offset + i]->id) {
			printf("#   '%s' offset %d, row %d: got %s, want %s (tier %d)\n", q, offset, i, hits[i].name,
			       sorted[offset + i]->name, sorted[offset + i]->tier);
			return false;
		}
	}
	return true;
}

static void test_search_reference(void)
{
	struct db *db = open_fresh("reference.db");
	struct ref_citizen *all = calloc(REF_N, sizeof *all);
	const struct ref_citizen **sorted = calloc(REF_N, sizeof *sorted);
	struct demo_writer *w;
	TAP_INT_EQ(demo_writer_open(db, &w), DB_OK, "bulk writer for %d citizens", REF_N);
	for (int i = 0; i < REF_N; i++) {
		ref_make(&all[i]);
		struct demo_citizen rec = {
			.name = all[i].name,
			.phone = all[i].phone[0] ? all[i].phone : NULL,
			.email = all[i].email[0] ? all[i].email : NULL,
			.postcode = all[i].postcode[0] ? all[i].postcode : NULL,
			.town = all[i].town[0] ? all[i].town : NULL,
			.status = "active",
			.created_at = "2026-01-01 10:00:00",
			.updated_at = "2026-01-01 10:00:00",
		};
		all[i].id = demo_add_citizen(w, &rec);
	}
	TAP_INT_EQ(demo_writer_close(w, true), DB_OK, "written");

	static const char *const queries[] = {
		"", "a", "aa", "ae", "o", "s", "so", "sor", "soren", "soren h", "h", "ha", "hansen", "jen",
		"aab", "aag", "o", "ost", "oj", "k", "kaa", "z", "y", "e", "emile", "guler", "u", "b", "bj",
		"aarhus", "aarhus c", "c", "holm", "holme", "abyhoj", "aaby", "egaa", "2", "20", "3", "45", "1",
		"post1", "dk", "ida aa", "anne s", "mads hansen aarhus", "a a", "x", "8", "80", "9999",
	};
	int failures = 0;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		/* Pages of one, too: a small page over many hits is where the
		 * search walks the Danish order and probes the FTS5 index. */
		static const struct {
			int offset, limit;
		} pages[] = { { 0, 20 }, { 20, 7 }, { 37, 20 }, { 200, 7 }, { 900, 20 }, { 2990, 7 }, { 0, 1 }, { 3, 1 } };
		for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++)
			if (!ref_check(db, all, sorted, queries[i], pages[k].offset, pages[k].limit))
				failures++;
	}
	TAP_INT_EQ(failures, 0, "%zu queries at eight pages agree with the reference",
		   sizeof queries / sizeof queries[0]);
	free(sorted);
	free(all);
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

	struct citizen_card in;
	card_basic(&in, "Hanne Østergaard", "20 20 20 20", "", "8230", "Åbyhøj");
	in.consent.volunteer_contact = true;
	SET(in.relative.name, "Poul Østergaard");
	SET(in.relative.relation, "bror");
	in.ninterests = 1;
	in.interests[0] = 2;
	long long id;
	store_citizens_intake(a, desk_user, &in, &id);

	struct citizen_card at_a, at_b, current;
	store_citizens_card(a, desk_user, id, &at_a);
	store_citizens_card(b, desk_user, id, &at_b);
	SET(at_b.citizen.phone, "30 30 30 30");
	TAP_INT_EQ(store_citizens_update(b, desk_user, &at_b, at_b.citizen.version, NULL), DB_OK, "desk B saves first");

	SET(at_a.citizen.name, "Hanne Østergård");
	memset(&current, 0, sizeof current);
	TAP_INT_EQ(store_citizens_update(a, desk_user, &at_a, at_a.citizen.version, &current), DB_ERR_CONFLICT,
		   "desk A's save meets a conflict");
	TAP_STR_EQ(current.citizen.phone, "30 30 30 30", "A is shown B's change");
	TAP_INT_EQ(current.citizen.version, at_a.citizen.version + 1, "and the version now");
	TAP_STR_EQ(current.citizen.name, "Hanne Østergaard", "A's change was not written");

	/* A saves again on top of the current card: everything it edits lands. */
	current.consent.volunteer_contact = false;
	current.relative.name[0] = '\0';
	current.ninterests = 2;
	current.interests[0] = 4;
	current.interests[1] = 5;
	current.availability = AVAIL_BIT(2, 1);
	SET(current.assessment.outcome, "volunteer_help");
	SET(current.assessment.assessed_on, "2026-11-10");
	SET(current.referral.source, "municipal");
	TAP_INT_EQ(store_citizens_update(a, desk_user, &current, current.citizen.version, NULL), DB_OK,
		   "A saves on the current version");
	struct citizen_card after;
	store_citizens_card(b, desk_user, id, &after);
	TAP_INT_EQ(after.citizen.version, 3, "the version was bumped twice");
	TAP_CHECK(after.consent.registration && !after.consent.volunteer_contact, "consent withdrawn");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM consents WHERE purpose = 'volunteer_contact'"
			       " AND withdrawn_on IS NOT NULL"), 1, "the withdrawn consent stays on record");
	TAP_STR_EQ(after.relative.name, "", "the relative no longer takes part");
	TAP_CHECK(after.ninterests == 2 && after.interests[0] == 4 && after.interests[1] == 5, "interests replaced");
	TAP_INT_EQ(after.availability, AVAIL_BIT(2, 1), "availability replaced");
	TAP_STR_EQ(after.assessment.outcome, "volunteer_help", "assessment added");
	TAP_STR_EQ(after.referral.source, "municipal", "referral corrected");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM referrals"), 1, "in place");

	after.citizen.id = id + 100;
	TAP_INT_EQ(store_citizens_update(a, desk_user, &after, after.citizen.version, NULL), DB_ERR_NOTFOUND,
		   "an unknown citizen is not found, not a conflict");

	/* End and reopen, version checked. */
	TAP_INT_EQ(store_citizens_end(a, desk_user, id, 1, "2026-11-20", "lasting_community"), DB_ERR_CONFLICT,
		   "ending on an old version is a conflict");
	TAP_INT_EQ(store_citizens_end(a, desk_user, id, 3, "2026-11-20", ""), DB_ERR_CONSTRAINT, "an end needs a reason");
	TAP_INT_EQ(store_citizens_end(a, desk_user, id, 3, "2026-11-20", "lasting_community"), DB_OK, "ended");
	store_citizens_card(a, desk_user, id, &after);
	TAP_CHECK(strcmp(after.citizen.status, "ended") == 0 && strcmp(after.citizen.ended_on, "2026-11-20") == 0
		  && strcmp(after.citizen.end_reason, "lasting_community") == 0, "status, date and reason set");
	TAP_INT_EQ(store_citizens_reopen(b, desk_user, id, 3), DB_ERR_CONFLICT, "reopening on an old version");
	TAP_INT_EQ(store_citizens_reopen(b, desk_user, id, after.citizen.version), DB_OK, "reopened");
	store_citizens_card(a, desk_user, id, &after);
	TAP_CHECK(strcmp(after.citizen.status, "active") == 0 && !after.citizen.ended_on[0]
		  && !after.citizen.end_reason[0], "active again, end cleared");
	TAP_INT_EQ(store_citizens_reopen(b, desk_user, id + 100, 1), DB_ERR_NOTFOUND, "reopening nobody");
	TAP_INT_EQ(testdb_count(a, "SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'citizen'"), 4,
		   "two saves, an end and a reopening are audited");
	db_close(b);
	db_close(a);
}

/* ---------- notes, timeline, facts ---------- */

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
	store_citizens_intake(db, desk_user, &in, &id);

	TAP_INT_EQ(store_citizens_add_note(db, desk_user, id, "2026-10-20", "Ringede selv og spurgte til gågruppen."), DB_OK,
		   "a note");
	TAP_INT_EQ(store_citizens_add_note(db, desk_user, id, "2026-11-03", "Glad for første gang; vil gerne igen."), DB_OK,
		   "another note");
	TAP_INT_EQ(store_citizens_add_note(db, desk_user, id + 100, "2026-11-03", "x"), DB_ERR_NOTFOUND, "a note on nobody");

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

	struct timeline_entry tl[32];
	int n = 0;
	TAP_INT_EQ(store_citizens_timeline(db, id, 32, tl, &n), DB_OK, "timeline");
	char kinds[64] = "";
	for (int i = 0; i < n && i < 30; i++)
		kinds[i] = (char)('0' + tl[i].kind);
	/* 12-10 call, 11-21 call, 11-19 attendance, 11-03 note, 11-01 match,
	 * 10-20 note, 10-08 assessment, intake (today, UTC), 10-01 referral. */
	TAP_CHECK(n == 9, "nine events (got %d)", n);
	TAP_STR_EQ(tl[0].date, "2026-12-10", "newest first");
	TAP_INT_EQ(tl[0].kind, TL_CALL, "a planned call");
	TAP_STR_EQ(tl[0].code, "open", "still open");
	TAP_INT_EQ(tl[n - 1].kind, TL_REFERRAL, "the referral comes last");
	TAP_STR_EQ(tl[n - 1].code, "gp", "with its source");
	TAP_STR_EQ(kinds, "616583820", "call, intake (today), call, attendance, note, match, note, assessment, referral");
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
	TAP_INT_EQ(store_citizens_timeline(db, id, 3, tl, &n), DB_OK, "a short timeline");
	TAP_INT_EQ(n, 3, "stops at max");

	struct citizen_facts facts;
	TAP_INT_EQ(store_citizens_facts(db, id, "2026-11-26", &facts), DB_OK, "facts");
	TAP_CHECK(!facts.ended, "not ended");
	TAP_STR_EQ(facts.call_due_on, "2026-11-21", "the earliest open call");
	TAP_STR_EQ(facts.call_reason, "after_first_session", "and why");
	TAP_STR_EQ(facts.session_on, "2026-12-03", "the next planned session, skipping today's cancelled one");
	TAP_STR_EQ(facts.session_time, "10:00", "at the activity's time");
	TAP_STR_EQ(facts.session_activity, "Gå-gruppen", "of the activity");
	TAP_STR_EQ(facts.session_volunteer, "Bente Ølgaard", "with the volunteer going along");
	TAP_CHECK(facts.has_open_match, "an open match");
	TAP_STR_EQ(facts.assessment, "volunteer_help", "latest assessment");
	struct date today = { 2026, 11, 26 };
	struct next_step step = next_step_decide(&facts, today);
	TAP_INT_EQ(step.kind, NEXT_CALL_OVERDUE, "the next step is the overdue call");
	TAP_INT_EQ(step.days, 5, "five days over");
	TAP_INT_EQ(store_citizens_facts(db, id + 100, "2026-11-26", &facts), DB_ERR_NOTFOUND, "no facts for nobody");

	struct citizen_card card;
	store_citizens_card(db, desk_user, id, &card);
	store_citizens_end(db, desk_user, id, card.citizen.version, "2026-12-15", "moved");
	store_citizens_timeline(db, id, 32, tl, &n);
	TAP_CHECK(n > 0 && tl[0].kind == TL_END && strcmp(tl[0].code, "moved") == 0, "the end tops the timeline");
	store_citizens_facts(db, id, "2026-11-26", &facts);
	TAP_CHECK(facts.ended && strcmp(facts.end_reason, "moved") == 0, "facts say ended");
	db_close(db);
}

/* ---------- pick-lists and drafts ---------- */

static void test_picklists(void)
{
	struct db *db = open_fresh("picks.db");
	struct pick picks[CIT_MAX_PICKS];
	int n = 0;
	TAP_INT_EQ(store_picklist_load(db, "barriers", picks, CIT_MAX_PICKS, &n), DB_OK, "barriers");
	TAP_INT_EQ(n, 6, "six seeded");
	TAP_CHECK(n == 6 && strcmp(picks[0].name, "Angst") == 0 && strcmp(picks[5].name, "Økonomi") == 0,
		  "in Danish order, Økonomi last");
	long long id = 0, again = 0;
	TAP_INT_EQ(store_picklist_add(db, desk_user, "interests", "Strikning", &id), DB_OK, "add an interest");
	TAP_CHECK(id > 0, "with an id");
	TAP_INT_EQ(store_picklist_add(db, desk_user, "interests", "strikning", &again), DB_ERR_CONSTRAINT,
		   "the same name twice is refused");
	TAP_INT_EQ(again, id, "and names the one there is");
	TAP_INT_EQ(store_picklist_add(db, desk_user, "hobbies", "x", &again), DB_ERR_MISUSE, "unknown list");
	store_picklist_load(db, "interests", picks, CIT_MAX_PICKS, &n);
	bool found = false;
	for (int i = 0; i < n; i++)
		found |= picks[i].id == id && strcmp(picks[i].name, "Strikning") == 0;
	TAP_CHECK(found && n == 11, "the new interest is listed");
	TAP_INT_EQ(store_picklist_load(db, "interests", picks, 3, &n), DB_OK, "a short list");
	TAP_INT_EQ(n, 3, "stops at max");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'interests' AND action = 'create'"), 1,
		   "adding is audited");
	db_close(db);
}

static void test_drafts(void)
{
	struct db *db = open_fresh("drafts.db");
	long long id = 0;
	TAP_INT_EQ(store_drafts_save(db, desk_user, &id, "Ærtebjerg, Tove", "name=Tove Ærtebjerg\nphone=2"), DB_OK,
		   "a new draft");
	TAP_CHECK(id > 0, "gets an id");
	long long first = id;
	TAP_INT_EQ(store_drafts_save(db, desk_user, &id, "Ærtebjerg, Tove", "name=Tove Ærtebjerg\nphone=22 33 44 55"),
		   DB_OK, "saved again");
	TAP_INT_EQ(id, first, "in place");
	long long other = 0;
	store_drafts_save(db, desk_user, &other, "Uden navn", "");
	struct draft list[8];
	int n = 0;
	TAP_INT_EQ(store_drafts_list(db, list, 8, &n), DB_OK, "list");
	TAP_INT_EQ(n, 2, "two drafts");
	char *data = NULL;
	TAP_INT_EQ(store_drafts_load(db, first, &data), DB_OK, "load");
	TAP_STR_EQ(data, "name=Tove Ærtebjerg\nphone=22 33 44 55", "the latest data");
	free(data);
	TAP_INT_EQ(store_drafts_delete(db, desk_user, first), DB_OK, "delete");
	TAP_INT_EQ(store_drafts_load(db, first, &data), DB_ERR_NOTFOUND, "gone");
	TAP_CHECK(data == NULL, "and nothing to free");
	TAP_INT_EQ(store_drafts_delete(db, desk_user, first), DB_ERR_NOTFOUND, "deleting twice");
	long long missing = first;
	TAP_INT_EQ(store_drafts_save(db, desk_user, &missing, "x", "y"), DB_ERR_NOTFOUND, "saving into a deleted draft");
	store_drafts_list(db, list, 8, &n);
	TAP_CHECK(n == 1 && strcmp(list[0].label, "Uden navn") == 0, "one left");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'draft'"), 4,
		   "create, update, create, delete audited");
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
	test_search();
	test_search_reference();
	test_migration_backfill();
	test_update_conflict();
	test_timeline_and_facts();
	test_picklists();
	test_drafts();
	testdb_finish();
	return tap_done();
}
