/* audit.c — reading the audit log (audit.h). */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "store_protection.h"
#include "store_users.h"
#include "date.h"
#include "exchange.h"
#include "i18n.h"
#include "strbuf.h"
#include "vocab.h"

void audit_filter_detail(const struct audit_filter *f, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	out[0] = '\0';
	strbuf_add(&b, "audit log");
	if (f->citizen_id)
		strbuf_add(&b, ", citizen %lld", f->citizen_id);
	if (f->user[0])
		strbuf_add(&b, ", user %s", f->user);
	if (f->from[0])
		strbuf_add(&b, ", from %s", f->from);
	if (f->to[0])
		strbuf_add(&b, ", to %s", f->to);
}

/* The filter as the store reads it: the users whose folded name holds the
 * folded part typed (a centre has tens of users, folded here in C), and
 * the day after `to`. */
static enum db_status audit_query_of(struct desk *d, const struct audit_filter *f, struct audit_query *q)
{
	memset(q, 0, sizeof *q);
	q->citizen_id = f->citizen_id;
	snprintf(q->from, sizeof q->from, "%s", f->from);
	struct date to;
	if (f->to[0] && date_parse_iso(f->to, &to))
		date_format_iso(date_add_days(to, 1), q->before);
	if (!f->user[0])
		return DB_OK;
	q->by_user = true;
	enum { USERS_MAX = 500 };
	struct user *users = malloc(USERS_MAX * sizeof *users);
	if (!users)
		return DB_ERR_IO;
	int n = 0;
	enum db_status r = store_users_list(d->db, users, USERS_MAX, &n);
	char part[USER_NAME * 2], name[USER_NAME * 2];
	fold_search(f->user, part, sizeof part);
	for (int i = 0; r == DB_OK && i < n && q->nusers < AUDIT_USERS; i++) {
		fold_search(users[i].name, name, sizeof name);
		if (strstr(name, part))
			q->user_ids[q->nusers++] = users[i].id;
	}
	free(users);
	return r;
}

enum db_status audit_list(struct desk *d, const struct audit_filter *f, long long below, int max,
			  struct audit_entry *out, int *count)
{
	*count = 0;
	/* The first page of a look is a look, and goes in the log. */
	enum db_status r = below ? desk_begin_read(d, ROLE_COORDINATOR) : desk_begin(d, ROLE_COORDINATOR);
	if (r != DB_OK)
		return r;
	struct audit_query q;
	r = audit_query_of(d, f, &q);
	if (r == DB_OK)
		r = store_audit_list(d->db, &q, below, max, out, count);
	char detail[AUDIT_DETAIL];
	audit_filter_detail(f, detail, sizeof detail);
	if (r == DB_OK && !below)
		r = desk_audit(d, "view", "audit_log", 0, detail);
	r = desk_end(d, r);
	if (r != DB_OK)
		*count = 0;
	return r;
}

/* The details the use cases write most often, in words; others are shown
 * as written. */
static const struct vocab audit_details[] = {
	/* TRANSLATORS: what an audit log entry was about, after the entity. */
	{ "card", N_("the card") },
	{ "call", N_("from a call") },
	{ "note", N_("a note") },
	{ "end", N_("course ended") },
	{ "reopen", N_("course reopened") },
	{ "match", N_("a match") },
	{ "anonymised", N_("anonymised") },
	{ "insight", N_("insight file") },
	{ "wrong PIN", N_("wrong PIN") },
	{ "wrong PIN: locked", N_("wrong PIN, now locked") },
	{ "refused: locked", N_("refused: locked") },
	{ "refused: waiting after wrong PINs", N_("refused: waiting after wrong PINs") },
	{ "calls cancelled: consent withdrawn", N_("calls cancelled: consent withdrawn") },
	{ "roll list", N_("the roll list") },
	{ "roll-call sheet", N_("the roll-call sheet") },
	{ "attendance history", N_("the attendance history") },
	{ "walk-in", N_("came as a walk-in") },
	{ "intake", N_("intake") },
	{ "intake without consent", N_("intake without consent") },
	{ "details", N_("the details") },
	{ "matching", N_("matching") },
	{ "matching wishes", N_("wishes for matching") },
	{ "match ended", N_("match ended") },
	{ "settled by a call", N_("settled by a call") },
	{ "cancelled", N_("cancelled") },
	{ "cancelled: came back", N_("cancelled: came back") },
	{ "follow-up call cancelled: came back", N_("follow-up call cancelled: came back") },
	{ "accompaniment recomputed", N_("accompaniment recomputed") },
	{ "accompaniment done", N_("accompaniment done") },
	{ "accompaniment put right", N_("accompaniment put right") },
	{ "handled", N_("handled") },
	{ "inactive", N_("made inactive") },
	{ "pin", N_("new PIN") },
	{ "own pin", N_("changed own PIN") },
	{ "import", N_("import") },
	{ "centre_name", N_("the centre's name") },
	{ "consent: measures", N_("consent to measures given") },
	{ "follow-up call planned: relative support", N_("a call to the relative planned") },
	{ "follow-up call withdrawn: relative support", N_("the call to the relative withdrawn") },
	{ NULL, NULL },
};

/* Whether `detail` is one of the list's codes (vocab_index says 0 for
 * none as for the first). */
static bool is_code(const struct vocab *v, const char *detail)
{
	for (int i = 0; v[i].code; i++)
		if (strcmp(v[i].code, detail) == 0)
			return true;
	return false;
}

/* "attendance session 213: present accompanied", as src/attendance.c
 * writes it, in words. False when the detail is not one. */
static bool attendance_detail(const char *detail, struct strbuf *b)
{
	long long session;
	char mark[16];
	int used = 0;
	if (sscanf(detail, "attendance session %lld: %15[a-z]%n", &session, mark, &used) != 2)
		return false;
	const char *rest = detail + used;
	bool along = strcmp(rest, " accompanied") == 0;
	if (rest[0] && !along)
		return false;
	const char *word = strcmp(mark, "cleared") == 0 ? _("mark cleared") : vocab_label(vocab_attendance_mark, mark);
	/* TRANSLATORS: an attendance mark in the audit log: session number, "Came" or "Did not come". */
	strbuf_add(b, _(": session %lld: %s"), session, word);
	if (along)
		strbuf_add(b, "%s", _(", accompanied"));
	return true;
}

/* The report's line, as src/report.c writes it ("screen 2026-01-01..2026-12-04"),
 * and the CSV export's and the call sheet's, in words. False when the
 * detail is none of them. */
static bool export_detail(const char *detail, struct strbuf *b)
{
	static const struct vocab uses[] = {
		/* TRANSLATORS: how the funders' report left the program, in the audit log. */
		{ "screen", N_("on the screen") },
		{ "text", N_("as a text file") },
		{ "csv", N_("as a CSV file") },
		{ "html", N_("as an HTML file") },
		{ NULL, NULL },
	};
	char use[16], from[DATE_ISO_LEN], to[DATE_ISO_LEN], table[64], encoding[16];
	struct date f, t;
	int n = 0, used = 0;
	if (sscanf(detail, "%15[a-z] %10[0-9-]..%10[0-9-]%n", use, from, to, &used) == 3 && !detail[used]
	    && is_code(uses, use) && date_parse_iso(from, &f) && date_parse_iso(to, &t)) {
		char a[16], z[16];
		date_format_dk(f, a, sizeof a);
		date_format_dk(t, z, sizeof z);
		/* TRANSLATORS: how ("on the screen"), then the period's first and last day. */
		strbuf_add(b, _(": %s, the period %s to %s"), vocab_label(uses, use), a, z);
		return true;
	}
	if (sscanf(detail, "call sheet %10[0-9-] (%d calls)%n", from, &n, &used) == 2 && !detail[used]
	    && date_parse_iso(from, &f)) {
		char a[16];
		date_format_dk(f, a, sizeof a);
		strbuf_add(b, P_(": the call sheet for %s (%d call)", ": the call sheet for %s (%d calls)", n), a, n);
		return true;
	}
	enum exchange_table t_;
	if (sscanf(detail, "%63[a-z_]: %d rows, %15[a-z0-9-], to %n", table, &n, encoding, &used) == 3 && used > 0) {
		/* TRANSLATORS: the table ("Borgere"), rows, the encoding, the file ("-": the screen). */
		strbuf_add(b, P_(": %s: %d row, %s, to %s", ": %s: %d rows, %s, to %s", n),
			   exchange_table_parse(table, &t_) ? exchange_table_title(t_) : table, n, encoding,
			   strcmp(detail + used, "-") == 0 ? _("the screen") : detail + used);
		return true;
	}
	return false;
}

/* "trial run: citizens from x.csv: 5 rows, 0 to add, 3 skipped, 2
 * problems", as src/exchange_import.c writes an import; false for
 * anything else. */
static bool import_detail(const char *detail, struct strbuf *b)
{
	static const char *const kinds[] = { "trial run: ", "refused: ", "" };
	static const char *const said[] = { N_("trial run"), N_("refused"), NULL };
	for (int k = 0; k < 3; k++) {
		size_t len = strlen(kinds[k]);
		char table[32], source[600];
		int rows, added, skipped, problems, used = 0;
		if (strncmp(detail, kinds[k], len) != 0
		    || sscanf(detail + len, "%31[a-z] from %599[^:]: %d rows, %d %*[a-z ], %d skipped, %d problems%n", table,
			      source, &rows, &added, &skipped, &problems, &used) != 6
		    || detail[len + (size_t)used])
			continue;
		enum exchange_table t;
		/* TRANSLATORS: an import in the audit log, after how it went ("trial run"):
		 * the table ("Borgere"), the file, then rows read, "added" or "to add" and
		 * their number, rows skipped, problems. */
		if (said[k])
			strbuf_add(b, ": %s", _(said[k]));
		strbuf_add(b, _(": %s from %s: rows read %d, %s %d, skipped %d, problems %d"),
			   exchange_table_parse(table, &t) ? exchange_table_title(t) : table, source, rows,
			   said[k] ? _("to add") : _("added"), added, skipped, problems);
		return true;
	}
	return false;
}

/* "audit log, citizen 12, user Bente, from 2026-11-01, to 2026-11-30",
 * as audit_filter_detail writes a look at the log. */
static bool audit_view_detail(const char *detail, struct strbuf *b)
{
	if (strncmp(detail, "audit log", 9) != 0)
		return false;
	const char *p = detail + 9;
	strbuf_add(b, "%s", p[0] ? ":" : "");
	for (bool first = true; strncmp(p, ", ", 2) == 0; first = false) {
		p += 2;
		size_t len = strcspn(p, ",");
		char part[300], day[16];
		snprintf(part, sizeof part, "%.*s", (int)len, p);
		struct date d;
		strbuf_add(b, "%s", first ? " " : ", ");
		if (strncmp(part, "citizen ", 8) == 0)
			strbuf_add(b, _("citizen %s"), part + 8);
		else if (strncmp(part, "user ", 5) == 0)
			strbuf_add(b, _("user %s"), part + 5);
		else if (strncmp(part, "from ", 5) == 0 && date_parse_iso(part + 5, &d)) {
			date_format_dk(d, day, sizeof day);
			strbuf_add(b, _("from %s"), day);
		} else if (strncmp(part, "to ", 3) == 0 && date_parse_iso(part + 3, &d)) {
			date_format_dk(d, day, sizeof day);
			strbuf_add(b, _("to %s"), day);
		} else
			strbuf_add(b, "%s", part);
		p += len;
	}
	return true;
}

/* A call the program planned is logged with its source key
 * (src/call_rules.c: "missed:12:345"); the log says its reason. */
static const char *key_reason(const char *key)
{
	static const struct {
		const char *prefix, *reason;
	} reasons[] = {
		{ "missed:", "missed_sessions" },     { "referral:", "referrer_feedback" },
		{ "relative:", "relative_support" },  { "no_contact:", "no_contact" },
		{ "agreed:", "agreed" },              { "match:", "after_match" },
		{ "first_session:", "after_first_session" },
	};
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (strncmp(key, reasons[i].prefix, strlen(reasons[i].prefix)) == 0)
			return reasons[i].reason;
	return NULL;
}

void audit_entry_line(const struct audit_entry *e, bool with_citizen, char *out, size_t size)
{
	struct strbuf b = strbuf_on(out, size);
	char when[32];
	date_format_stamp(e->at, when, sizeof when);
	/* A sign-in refused is no sign-in ("loggede ind: forkert PIN"). */
	bool refused = strcmp(e->action, "login") == 0
		       && (strncmp(e->detail, "wrong PIN", 9) == 0 || strncmp(e->detail, "refused", 7) == 0);
	strbuf_add(&b, "%s  %s %s", when, e->user[0] ? e->user : _("(the program)"),
		   refused ? _("tried to sign in") : vocab_label(vocab_audit_action, e->action));
	/* Signing in is about the person signed in: they are named already. */
	bool login = strcmp(e->action, "login") == 0 || strcmp(e->action, "logout") == 0;
	if (!login)
		strbuf_add(&b, " %s", vocab_label(vocab_audit_entity, e->entity));
	if (!login && e->entity_id && (with_citizen || strcmp(e->entity, "citizen") != 0))
		strbuf_add(&b, " %lld", e->entity_id);
	if (with_citizen && e->citizen_id && strcmp(e->entity, "citizen") != 0)
		strbuf_add(&b, " (%s %lld)", _("citizen"), e->citizen_id);
	if (with_citizen && e->citizen[0])
		strbuf_add(&b, " %s", e->citizen);
	long long citizens, referrals, entries, sessions;
	char before[DATE_ISO_LEN];
	struct date d;
	const char *reason = strcmp(e->entity, "follow_up") == 0 ? key_reason(e->detail) : NULL;
	if (reason) {
		strbuf_add(&b, ": %s", vocab_label(vocab_call_reason, reason));
	} else if (sscanf(e->detail, "sessions planned: %lld", &sessions) == 1) {
		strbuf_add(&b, P_(": %lld session planned ahead", ": %lld sessions planned ahead", sessions), sessions);
	} else if (strcmp(e->entity, "retention") == 0
	    && sscanf(e->detail, "%lld %lld %lld %10s", &citizens, &referrals, &entries, before) == 4
	    && date_parse_iso(before, &d)) {
		char day[16];
		date_format_dk(d, day, sizeof day);
		/* One citizen a step is the common case: each count its own
		 * plural ("1 borger", not "1 borgere"). */
		strbuf_add(&b, ": ");
		strbuf_add(&b, P_("%lld citizen anonymised", "%lld citizens anonymised", citizens), citizens);
		strbuf_add(&b, ", ");
		strbuf_add(&b, P_("%lld referral cleared", "%lld referrals cleared", referrals), referrals);
		strbuf_add(&b, ", ");
		strbuf_add(&b, P_("%lld entry from before %s removed", "%lld entries from before %s removed", entries),
			   entries, day);
	} else if (strncmp(e->detail, "consent given: ", 15) == 0) {
		strbuf_add(&b, _(": consent given: %s"), vocab_label(vocab_consent_purpose, e->detail + 15));
	} else if (strncmp(e->detail, "consent withdrawn: ", 19) == 0) {
		strbuf_add(&b, _(": consent withdrawn: %s"), vocab_label(vocab_consent_purpose, e->detail + 19));
	} else if (strncmp(e->detail, "shared with: ", 13) == 0) {
		strbuf_add(&b, _(": shared with %s (the citizen's consent)"), e->detail + 13);
	} else if (strncmp(e->detail, "sharing withdrawn: ", 19) == 0) {
		strbuf_add(&b, _(": no longer shared with %s"), e->detail + 19);
	} else if (strncmp(e->detail, "centre added: ", 14) == 0) {
		strbuf_add(&b, _(": %s added to the database"), e->detail + 14);
	} else if (sscanf(e->detail, "measure %lld: %lld", &sessions, &citizens) == 2) {
		/* TRANSLATORS: a measure (WHO-5 or loneliness) entered, with its total. */
		strbuf_add(&b, _(": a measure entered, total %lld"), citizens);
	} else if (strncmp(e->detail, "follow-up call planned ", 23) == 0 && key_reason(e->detail + 23)) {
		strbuf_add(&b, _(": follow-up call planned (%s)"), vocab_label(vocab_call_reason, key_reason(e->detail + 23)));
	} else if (strncmp(e->detail, "follow-up call withdrawn ", 25) == 0 && key_reason(e->detail + 25)) {
		strbuf_add(&b, _(": follow-up call withdrawn (%s)"),
			   vocab_label(vocab_call_reason, key_reason(e->detail + 25)));
	} else if (attendance_detail(e->detail, &b) || export_detail(e->detail, &b) || import_detail(e->detail, &b)
		   || audit_view_detail(e->detail, &b)) {
		/* said in words above */
	} else if (strcmp(e->entity, "follow_up") == 0 && is_code(vocab_call_outcome, e->detail)) {
		strbuf_add(&b, ": %s", vocab_label(vocab_call_outcome, e->detail));
	} else if (strcmp(e->entity, "citizen") == 0 && is_code(vocab_call_next_step, e->detail)) {
		/* TRANSLATORS: the next step a call's outcome set ("a new call"). */
		strbuf_add(&b, _(": next step after a call: %s"), vocab_label(vocab_call_next_step, e->detail));
	} else if (e->detail[0]) {
		strbuf_add(&b, ": %s", vocab_label(audit_details, e->detail));
	}
}
