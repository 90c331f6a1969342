/* Outcome measures in the database, through the use cases of
 * src/measures.c: the seeded WHO-5 and loneliness scale (wording, scale,
 * bands, scoring), recording answers only with consent, refusing invalid
 * answers, the history the citizen card charts, and a measure a centre
 * adds with rows alone. On a temporary file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "dbrules.h"
#include "measure_rules.h"
#include "measures.h"
#include "tap.h"
#include "testdb.h"

static struct desk desk;

static long long find(const struct measure_ref *refs, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(refs[i].code, code) == 0)
			return refs[i].id;
	return 0;
}

static enum db_status record(long long citizen, const struct measure_def *d, const char *day,
			     const int *answers, bool consent_now, long long *id)
{
	struct measure_entry e;
	memset(&e, 0, sizeof e);
	e.citizen_id = citizen;
	e.measure_id = d->id;
	snprintf(e.taken_on, sizeof e.taken_on, "%s", day);
	snprintf(e.occasion, sizeof e.occasion, "follow_up");
	e.nanswers = d->nitems;
	memcpy(e.answers, answers, (size_t)d->nitems * sizeof *answers);
	/* Whatever the screen says, the use case scores the answers itself. */
	e.total = -1;
	e.record_consent = consent_now;
	return measures_record(&desk, &e, id);
}

int main(void)
{
	setenv("BROBYGGER_TODAY", "2026-11-26", 0);
	dbrules_install();
	if (!testdb_start("measures"))
		return 1;
	char path[128];
	testdb_path(path, sizeof path, "m.db");
	struct db *db;
	if (db_open(path, &db) != DB_OK) {
		printf("# cannot open: %s\n", db_errdetail(db));
		return 1;
	}
	db_exec(db, "INSERT INTO users(name, role) VALUES ('Bente Ølgaard', 'desk')");
	desk = (struct desk){ .db = db, .user = db_last_insert_id(db), .role = ROLE_DESK, .users_exist = true };
	db_exec(db, "INSERT INTO citizens(name) VALUES ('Søren Ærø')");
	long long citizen = db_last_insert_id(db);

	struct measure_ref refs[MEASURE_MAX_DEFS];
	int n;
	TAP_INT_EQ(measures_list(&desk, refs, MEASURE_MAX_DEFS, &n), DB_OK, "the measures");
	TAP_INT_EQ(n, 2, "two are seeded");
	TAP_STR_EQ(refs[0].code, "who5", "WHO-5 first");
	TAP_STR_EQ(refs[1].code, "ucla3", "then loneliness");

	struct measure_def *who5 = malloc(sizeof *who5), *ucla = malloc(sizeof *ucla);
	TAP_INT_EQ(measures_load(&desk, find(refs, n, "who5"), who5), DB_OK, "WHO-5 loads");
	TAP_INT_EQ(who5->nitems, 5, "five questions");
	TAP_STR_EQ(who5->items[0].text, "... har jeg været glad og i godt humør", "in Danish");
	TAP_CHECK(who5->items[4].min_value == 0 && who5->items[4].max_value == 5, "answered 0-5");
	TAP_INT_EQ(who5->multiplier, 4, "raw score times 4");
	TAP_CHECK(who5->higher_is_better, "higher is better");
	TAP_INT_EQ(who5->nscale, 6, "six answers on the scale");
	TAP_STR_EQ(who5->scale[0].label, "Hele tiden", "5 is 'Hele tiden'");
	TAP_STR_EQ(who5->scale[5].label, "På intet tidspunkt", "0 is 'På intet tidspunkt'");
	TAP_CHECK(strstr(who5->source, "Psykiatrisk Center Nordsjælland") != NULL, "the source is credited");
	TAP_CHECK(measure_def_valid(who5), "the seeded WHO-5 can be scored");
	TAP_STR_EQ(measure_band_label(who5, 28), "Meget lav trivsel – tegn på mulig depression", "28 or less");
	TAP_STR_EQ(measure_band_label(who5, 48), "Nedsat trivsel", "50 or less");
	TAP_STR_EQ(measure_band_label(who5, 52), "Ikke tegn på nedsat trivsel", "above 50");

	TAP_INT_EQ(measures_load(&desk, find(refs, n, "ucla3"), ucla), DB_OK, "loneliness loads");
	TAP_INT_EQ(ucla->nitems, 3, "three questions");
	TAP_CHECK(ucla->min_total == 3 && ucla->max_total == 9, "total 3-9");
	TAP_CHECK(!ucla->higher_is_better, "higher is lonelier");
	TAP_CHECK(measure_def_valid(ucla), "the seeded loneliness scale can be scored");
	TAP_INT_EQ(measures_load(&desk, 999, ucla), DB_ERR_NOTFOUND, "an unknown measure");
	measures_load(&desk, find(refs, n, "ucla3"), ucla);

	/* Consent first. */
	int low[] = { 2, 1, 2, 1, 2 };
	long long id;
	bool given = true;
	measures_has_consent(&desk, citizen, &given);
	TAP_CHECK(!given, "no consent to measures yet");
	TAP_INT_EQ(record(citizen, who5, "2026-09-01", low, false, &id), DB_ERR_CONSTRAINT,
		   "without consent nothing is written");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM measures"), 0, "nothing");
	TAP_INT_EQ(record(citizen, who5, "2026-09-01", low, true, &id), DB_OK, "agreed just now: written");
	TAP_INT_EQ(testdb_count(db, "SELECT total FROM measures"), 32, "WHO-5 8 x 4 = 32");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM consents WHERE purpose = 'measures'"), 1, "with the consent");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM measure_answers"), 5, "and each answer");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE entity = 'citizen' AND detail LIKE 'measure%'"),
		   1, "audited");

	int bad[] = { 2, 1, 7, 1, 2 };
	TAP_INT_EQ(record(citizen, who5, "2026-10-01", bad, false, &id), DB_ERR_CONSTRAINT,
		   "an answer of 7 is refused");
	/* Refused with a message, whoever asks (the form, an import): a 6 on
	 * WHO-5, a 4 on the loneliness scale. */
	struct measure_entry e = { .citizen_id = citizen, .measure_id = who5->id, .nanswers = 5,
				   .answers = { 2, 1, 6, 1, 2 } };
	snprintf(e.taken_on, sizeof e.taken_on, "2026-10-01");
	snprintf(e.occasion, sizeof e.occasion, "follow_up");
	struct measure_refusal why;
	TAP_INT_EQ(measures_record_why(&desk, &e, &id, &why), DB_ERR_CONSTRAINT, "a 6 on WHO-5 is refused");
	TAP_CHECK(why.check == MEASURE_OUT_OF_RANGE && why.item == 2 && strstr(why.words, "6") && strstr(why.words, "0")
		  && strstr(why.words, "5"), "saying which question, what was given and what the scale is: '%s'",
		  why.words);
	e.measure_id = ucla->id;
	e.nanswers = 3;
	e.answers[0] = 2;
	e.answers[1] = 4;
	e.answers[2] = 1;
	TAP_INT_EQ(measures_record_why(&desk, &e, &id, &why), DB_ERR_CONSTRAINT, "a 4 on a 1-3 item is refused");
	TAP_CHECK(why.item == 1 && strstr(why.words, "4") && strstr(why.words, "1") && strstr(why.words, "3"),
		  "with the words for it: '%s'", why.words);
	struct measure_entry short_entry = { .citizen_id = citizen, .measure_id = who5->id, .nanswers = 4,
					     .total = 20, .answers = { 5, 5, 5, 5 } };
	snprintf(short_entry.taken_on, sizeof short_entry.taken_on, "2026-10-01");
	snprintf(short_entry.occasion, sizeof short_entry.occasion, "follow_up");
	TAP_INT_EQ(measures_record(&desk, &short_entry, &id), DB_ERR_CONSTRAINT, "four answers for five questions");
	TAP_INT_EQ(record(citizen, who5, "2026-11-27", low, false, &id), DB_ERR_INVALID, "answers from tomorrow");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM measures"), 1, "none of them is kept");
	struct desk nobody = { .db = db, .users_exist = true };
	struct measure_entry by_nobody = short_entry;
	by_nobody.nanswers = 5;
	TAP_INT_EQ(measures_record(&nobody, &by_nobody, &id), DB_ERR_FORBIDDEN, "nobody signed in: refused");

	int mid[] = { 3, 3, 2, 3, 2 }, high[] = { 4, 4, 3, 4, 4 };
	record(citizen, who5, "2026-10-15", mid, false, &id);
	record(citizen, who5, "2026-11-26", high, false, &id);
	int lonely[] = { 3, 3, 2 }, less[] = { 2, 1, 2 };
	record(citizen, ucla, "2026-09-01", lonely, false, &id);
	record(citizen, ucla, "2026-11-26", less, false, &id);

	struct measure_history h[4];
	TAP_INT_EQ(measures_history(&desk, citizen, h, 4, &n), DB_OK, "the history");
	TAP_INT_EQ(n, 2, "for two measures");
	TAP_CHECK(h[0].npoints == 3 && h[0].taken == 3, "WHO-5 three times");
	TAP_CHECK(h[0].points[0].total == 32 && h[0].points[2].total == 76, "oldest first: 32 ... 76");
	TAP_INT_EQ(h[0].first.total, 32, "the first");
	TAP_CHECK(measure_trend(h[0].higher_is_better, h[0].first.total, h[0].points[2].total) == TREND_BETTER,
		  "WHO-5 went up: better");
	TAP_CHECK(h[1].first.total == 8 && h[1].points[1].total == 5, "loneliness 8 then 5");
	TAP_CHECK(measure_trend(h[1].higher_is_better, 8, 5) == TREND_BETTER, "less lonely: better");

	/* Many results: the chart keeps the latest, the first stays known. */
	for (int i = 0; i < 30; i++) {
		char day[DATE_ISO_LEN];
		date_format_iso(date_add_days((struct date){ 2026, 10, 16 }, i), day);
		record(citizen, who5, day, mid, false, &id);
	}
	measures_history(&desk, citizen, h, 4, &n);
	TAP_CHECK(h[0].npoints == MEASURE_HISTORY && h[0].taken == 33, "the latest 24 of 33");
	TAP_INT_EQ(h[0].first.total, 32, "the first is still the first");
	TAP_STR_EQ(h[0].points[MEASURE_HISTORY - 1].taken_on, "2026-11-26", "ending with the latest");

	/* A centre adds a measure with rows alone. */
	db_exec(db, "INSERT INTO measure_defs(code, name, multiplier, min_total, max_total, position)"
		    " VALUES ('mood', 'Humør i dag', 1, 0, 20, 3)");
	long long mood = db_last_insert_id(db);
	char q[300];
	snprintf(q, sizeof q, "INSERT INTO measure_items(measure_id, position, text, min_value, max_value, reverse)"
		 " VALUES (%lld, 1, 'Hvor glad er du i dag?', 0, 10, 0), (%lld, 2, 'Hvor trist er du i dag?', 0, 10, 1)",
		 mood, mood);
	db_exec(db, q);
	measures_list(&desk, refs, MEASURE_MAX_DEFS, &n);
	TAP_INT_EQ(n, 3, "the new measure is offered");
	struct measure_def *d = malloc(sizeof *d);
	measures_load(&desk, mood, d);
	int answers[] = { 8, 3 };
	TAP_INT_EQ(record(citizen, d, "2026-11-26", answers, false, &id), DB_OK, "and recorded");
	snprintf(q, sizeof q, "SELECT total FROM measures WHERE measure_id = %lld", mood);
	TAP_INT_EQ(testdb_count(db, q), 15, "scored from its rows: 8 + (10 - 3)");
	free(d);
	free(who5);
	free(ucla);
	db_close(db);
	testdb_finish();
	return tap_done();
}
