/* insight.c — the citizen's right of access (insight.h). The parts come
 * from the store as text columns; the tables here say what each column
 * is called and how it reads in words. */
#include "insight.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "date.h"
#include "i18n.h"
#include "settings.h"
#include "store_citizens.h"
#include "store_protection.h"
#include "strbuf.h"
#include "vocab.h"

enum col_kind {
	COL_TEXT,
	COL_DATE,      /* ISO date, written 26-11-2026 */
	COL_STAMP,     /* "YYYY-MM-DD HH:MM:SS" */
	COL_YESNO,     /* "1" or "0" */
	COL_YES,       /* "1" says yes; "0" says nothing */
	COL_VOCAB,     /* a code, in words by its vocab */
	COL_WEEKDAY,   /* "1".."7" */
	COL_DAYPART,   /* morning, afternoon, evening */
};

struct col {
	const char *label;          /* N_() */
	enum col_kind kind;
	const struct vocab *vocab;  /* COL_VOCAB */
};

enum part_style {
	STYLE_RECORD,  /* one row: "Label: value" lines */
	STYLE_LIST,    /* a line per row: the first column, then "Label: value; ..." */
	STYLE_JOINED,  /* one line: every row's words, joined by commas */
};

struct part_def {
	const char *title;          /* N_() */
	enum part_style style;
	struct col cols[INSIGHT_COLUMNS];
};

#define TEXT(l) { (l), COL_TEXT, NULL }
#define DAY(l) { (l), COL_DATE, NULL }
#define CODE(l, v) { (l), COL_VOCAB, (v) }

static const struct part_def parts[INSIGHT_PARTS] = {
	[INSIGHT_PERSON] = { N_("The person"), STYLE_RECORD, {
		TEXT(N_("Name")), TEXT(N_("Birth year")), TEXT(N_("Phone")), TEXT(N_("E-mail")),
		TEXT(N_("Address")), TEXT(N_("Postcode")), TEXT(N_("Town")),
		CODE(N_("Preferred contact"), vocab_contact_pref), CODE(N_("Gender"), vocab_gender),
		TEXT(N_("Language")), CODE(N_("The course"), vocab_citizen_status), DAY(N_("Course ended on")),
		CODE(N_("Why the course ended"), vocab_end_reason_shown), { N_("Registered"), COL_STAMP, NULL },
		DAY(N_("Anonymised on")), TEXT(N_("Age band")) } },
	[INSIGHT_WISHES] = { N_("Wishes and needs"), STYLE_RECORD, {
		TEXT(N_("In their own words")), CODE(N_("Wished gender of the volunteer"), vocab_wished_gender),
		CODE(N_("Wished age of the volunteer"), vocab_wished_age),
		{ N_("Wishes a volunteer with lived experience"), COL_YES, NULL } } },
	[INSIGHT_REFERRALS] = { N_("Referrals"), STYLE_LIST, {
		DAY(N_("Referred on")), CODE(N_("Referred by"), vocab_referral_source), TEXT(N_("Referrer's name")),
		TEXT(N_("Organisation")), TEXT(N_("Referrer's phone")),
		{ N_("Feedback to the referrer"), COL_YESNO, NULL } } },
	[INSIGHT_RELATIVES] = { N_("Relatives"), STYLE_LIST, {
		TEXT(N_("Name")), TEXT(N_("Relation")), TEXT(N_("Phone")), { N_("Takes part"), COL_YESNO, NULL },
		{ N_("Wants support too"), COL_YES, NULL } } },
	[INSIGHT_CONSENTS] = { N_("Consents"), STYLE_LIST, {
		CODE(N_("Consent"), vocab_consent_purpose), DAY(N_("Given on")), TEXT(N_("Recorded by")),
		DAY(N_("Withdrawn on")), TEXT(N_("Withdrawal recorded by")) } },
	[INSIGHT_ASSESSMENTS] = { N_("Assessments"), STYLE_LIST, {
		DAY(N_("Assessed on")), CODE(N_("Who can help"), vocab_assessment), TEXT(N_("Handed over to")),
		DAY(N_("Handed over on")), TEXT(N_("Note")), TEXT(N_("By")) } },
	[INSIGHT_INTERESTS] = { N_("Interests"), STYLE_JOINED, { TEXT(N_("Interest")) } },
	[INSIGHT_BARRIERS] = { N_("Barriers"), STYLE_JOINED, { TEXT(N_("Barrier")) } },
	[INSIGHT_AVAILABILITY] = { N_("Preferred times"), STYLE_JOINED, {
		{ N_("Weekday"), COL_WEEKDAY, NULL }, { N_("Time of day"), COL_DAYPART, NULL } } },
	[INSIGHT_MATCHES] = { N_("Matches"), STYLE_LIST, {
		DAY(N_("Matched on")), TEXT(N_("Volunteer")), TEXT(N_("Activity")), DAY(N_("Ended on")),
		CODE(N_("How it ended"), vocab_match_outcome_shown), TEXT(N_("Why")) } },
	[INSIGHT_ATTENDANCE] = { N_("Attendance"), STYLE_LIST, {
		DAY(N_("Session")), TEXT(N_("Activity")), CODE(N_("Mark"), vocab_attendance_mark),
		TEXT(N_("Accompanied by")) } },
	[INSIGHT_CALLS] = { N_("Follow-up calls"), STYLE_LIST, {
		DAY(N_("Due on")), CODE(N_("Why"), vocab_call_reason), CODE(N_("Status"), vocab_call_status),
		CODE(N_("Outcome"), vocab_call_result), TEXT(N_("Note")),
		CODE(N_("Next step"), vocab_call_next_step), TEXT(N_("By")) } },
	[INSIGHT_FEEDBACK] = { N_("Feedback to the referrer"), STYLE_LIST, {
		DAY(N_("Given on")), TEXT(N_("What the referrer was told")), TEXT(N_("By")) } },
	[INSIGHT_ESCALATIONS] = { N_("Raised to the coordinator"), STYLE_LIST, {
		DAY(N_("Raised on")), TEXT(N_("Calls not reached in a row")), DAY(N_("Settled on")),
		TEXT(N_("How")) } },
	[INSIGHT_MEASURES] = { N_("Measures"), STYLE_LIST, {
		DAY(N_("Taken on")), TEXT(N_("Measure")), CODE(N_("When"), vocab_measure_occasion),
		TEXT(N_("Score")), TEXT(N_("Answers")) } },
	[INSIGHT_NOTES] = { N_("Notes"), STYLE_LIST, {
		DAY(N_("Written on")), TEXT(N_("By")), TEXT(N_("Note")) } },
	[INSIGHT_DRAFTS] = { N_("Drafts not saved yet"), STYLE_LIST, {
		{ N_("Kept"), COL_STAMP, NULL }, CODE(N_("Draft of"), vocab_draft_kind), DAY(N_("The call due on")),
		CODE(N_("Why"), vocab_call_reason), TEXT(N_("By")), TEXT(N_("What is written")) } },
};

/* One column's value in words, "" when there is nothing to say. */
static void col_words(const struct col *c, const char *v, char *out, size_t size)
{
	struct date d;
	out[0] = '\0';
	if (!v || !v[0])
		return;
	switch (c->kind) {
	case COL_DATE:
		if (date_parse_iso(v, &d))
			date_format_dk(d, out, size);
		else
			snprintf(out, size, "%s", v);
		return;
	case COL_STAMP:
		date_format_stamp(v, out, size);
		return;
	case COL_YESNO:
		snprintf(out, size, "%s", strcmp(v, "0") == 0 ? _("no") : _("yes"));
		return;
	case COL_YES:
		if (strcmp(v, "0") != 0)
			snprintf(out, size, "%s", _("yes"));
		return;
	case COL_VOCAB:
		snprintf(out, size, "%s", vocab_label(c->vocab, v));
		return;
	case COL_WEEKDAY:
		if (v[0] >= '1' && v[0] <= '7' && !v[1])
			snprintf(out, size, "%s", date_weekday_name(v[0] - '0'));
		else
			snprintf(out, size, "%s", v);
		return;
	case COL_DAYPART: {
		static const char *const codes[3] = { "morning", "afternoon", "evening" };
		for (int i = 0; i < 3; i++)
			if (strcmp(v, codes[i]) == 0) {
				snprintf(out, size, "%s", _(vocab_part_of_day_lower[i].label));
				return;
			}
		snprintf(out, size, "%s", v);
		return;
	}
	case COL_TEXT:
		break;
	}
	snprintf(out, size, "%s", v);
}

struct writer {
	FILE *out;
	int rows;                 /* of the part being written */
	char joined[4096];        /* STYLE_JOINED: the words so far */
	struct strbuf jb;
};

static enum db_status write_row(void *ctx, enum insight_part part, const char *const *cols, int ncols)
{
	struct writer *w = ctx;
	const struct part_def *def = &parts[part];
	char value[4400];
	w->rows++;
	switch (def->style) {
	case STYLE_RECORD:
		for (int i = 0; i < ncols && def->cols[i].label; i++) {
			col_words(&def->cols[i], cols[i], value, sizeof value);
			if (value[0])
				fprintf(w->out, "  %s: %s\n", _(def->cols[i].label), value);
		}
		break;
	case STYLE_LIST: {
		char line[8192];
		struct strbuf b = strbuf_on(line, sizeof line);
		col_words(&def->cols[0], cols[0], value, sizeof value);
		strbuf_add(&b, "  - %s", value);
		bool first = true;
		for (int i = 1; i < ncols && def->cols[i].label; i++) {
			col_words(&def->cols[i], cols[i], value, sizeof value);
			if (!value[0])
				continue;
			strbuf_add(&b, "%s%s: %s", first ? "  " : "; ", _(def->cols[i].label), value);
			first = false;
		}
		fprintf(w->out, "%s\n", line);
		break;
	}
	case STYLE_JOINED: {
		char words[512];
		struct strbuf b = strbuf_on(words, sizeof words);
		for (int i = 0; i < ncols && def->cols[i].label; i++) {
			col_words(&def->cols[i], cols[i], value, sizeof value);
			strbuf_item(&b, " ", value);
		}
		strbuf_item(&w->jb, ", ", words);
		break;
	}
	}
	return ferror(w->out) ? DB_ERR_IO : DB_OK;
}

static enum db_status write_part(struct desk *d, struct writer *w, long long citizen_id, enum insight_part part)
{
	const struct part_def *def = &parts[part];
	fprintf(w->out, "\n%s\n", _(def->title));
	w->rows = 0;
	w->jb = strbuf_on(w->joined, sizeof w->joined);
	enum db_status r = store_insight_part(d->db, citizen_id, part, write_row, w);
	if (r != DB_OK)
		return r;
	if (def->style == STYLE_JOINED && w->rows)
		fprintf(w->out, "  %s\n", w->joined);
	if (!w->rows)
		fprintf(w->out, "  %s\n", _("(none)"));
	return DB_OK;
}

enum { AUDIT_BATCH = 500 };

/* Who viewed or changed the person's data, newest first. */
static enum db_status write_audit(struct desk *d, FILE *out, long long citizen_id)
{
	fprintf(out, "\n%s\n", _("Who viewed or changed the data"));
	struct audit_entry *batch = malloc(AUDIT_BATCH * sizeof *batch);
	if (!batch)
		return DB_ERR_IO;
	struct audit_query f = { .citizen_id = citizen_id };
	long long below = 0;
	int n = 0, total = 0;
	enum db_status r;
	do {
		r = store_audit_list(d->db, &f, below, AUDIT_BATCH, batch, &n);
		for (int i = 0; r == DB_OK && i < n; i++) {
			char line[1200];
			audit_entry_line(&batch[i], false, line, sizeof line);
			fprintf(out, "  %s\n", line);
			below = batch[i].id;
			total++;
		}
	} while (r == DB_OK && n == AUDIT_BATCH);
	free(batch);
	if (r == DB_OK && !total)
		fprintf(out, "  %s\n", _("(none)"));
	return r;
}

enum db_status insight_write(struct desk *d, long long citizen_id, FILE *out)
{
	enum db_status r = desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct centre_settings cs;
	r = settings_read(d, &cs);
	struct writer *w = calloc(1, sizeof *w);
	struct citizen_card *who = malloc(sizeof *who);
	if (!w || !who)
		r = DB_ERR_IO;
	/* That the person exists, and their name for the heading. */
	if (r == DB_OK) {
		w->out = out;
		r = desk_sees_citizen(d, citizen_id);
		if (r == DB_OK)
			r = store_citizens_card(d->db, citizen_id, who, NULL);
	}
	if (r == DB_OK) {
		char today[32];
		date_format_dk(date_today(), today, sizeof today);
		fprintf(out, _("Everything %s keeps about %s\n"), cs.centre_name[0] ? cs.centre_name : _("the centre"),
			who->citizen.name);
		fprintf(out, _("Written on %s by %s, from Brobygger (citizen number %lld).\n"), today,
			d->user_name[0] ? d->user_name : _("the coordinator"), citizen_id);
		fprintf(out, "%s\n", _("This is the citizen's right of access (GDPR article 15): the details below are "
				       "all that is stored about the person, and the log of who looked at or changed them."));
	}
	for (int p = 0; r == DB_OK && p < INSIGHT_PARTS; p++)
		r = write_part(d, w, citizen_id, (enum insight_part)p);
	if (r == DB_OK)
		r = write_audit(d, out, citizen_id);
	if (r == DB_OK && (fflush(out) != 0 || ferror(out)))
		r = DB_ERR_IO;
	free(w);
	free(who);
	if (r == DB_OK)
		r = desk_audit(d, "export", "citizen", citizen_id, "insight");
	return desk_end(d, r);
}

enum db_status insight_write_file(struct desk *d, long long citizen_id, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno == EEXIST ? DB_ERR_CONFLICT : errno == ENOENT ? DB_ERR_NODIR : DB_ERR_CANTOPEN;
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(path);
		return DB_ERR_IO;
	}
	enum db_status r = insight_write(d, citizen_id, f);
	if (fclose(f) != 0 && r == DB_OK)
		r = DB_ERR_IO;
	/* Nothing half written is left behind. */
	if (r != DB_OK)
		unlink(path);
	return r;
}

void insight_default_path(const char *folder, long long citizen_id, char *out, size_t size)
{
	char today[DATE_ISO_LEN];
	date_format_iso(date_today(), today);
	/* TRANSLATORS: the file name of an insight file: citizen number, date. */
	char name[128];
	snprintf(name, sizeof name, _("insight-citizen-%lld-%s.txt"), citizen_id, today);
	if (folder && folder[0])
		snprintf(out, size, "%s/%s", folder, name);
	else
		snprintf(out, size, "%s", name);
}
