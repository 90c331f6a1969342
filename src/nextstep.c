/* nextstep.c — the card's "next step": one rule, one line, so every desk
 * volunteer sees the same answer to "what do we do for this person now?".
 * The order of the rule is documented in nextstep.h; the card, the call
 * list and the tests all rely on it. */
#include "nextstep.h"

#include <stdio.h>
#include <string.h>

#include "attendance_rules.h"
#include "call_rules.h"
#include "utf8.h"
#include "i18n.h"
#include "vocab.h"

/* The words live in vocab.c, with every other code list. */
const char *next_step_call_reason(const char *code)
{
	return vocab_label(vocab_call_reason, code);
}

const char *next_step_end_reason(const char *code)
{
	return vocab_label(vocab_end_reason_shown, code);
}

/* A date the database could not vouch for counts as no date: a broken
 * value must not make the card claim a call is overdue. */
static bool fact_date(const char *iso, struct date *out)
{
	return iso && *iso && date_parse_iso(iso, out);
}

void next_step_upcoming(struct citizen_facts *facts, const char *now)
{
	facts->session_on[0] = facts->session_time[0] = '\0';
	facts->session_activity[0] = facts->session_volunteer[0] = '\0';
	for (int i = 0; i < facts->nupcoming && i < CIT_UPCOMING; i++) {
		const struct citizen_session *s = &facts->upcoming[i];
		if (!attendance_rule_to_come(s->date, s->time, now))
			continue;
		snprintf(facts->session_on, sizeof facts->session_on, "%s", s->date);
		snprintf(facts->session_time, sizeof facts->session_time, "%s", s->time);
		snprintf(facts->session_activity, sizeof facts->session_activity, "%s", s->activity);
		snprintf(facts->session_volunteer, sizeof facts->session_volunteer, "%s", s->volunteer);
		return;
	}
}

struct next_step next_step_decide(const struct citizen_facts *facts, struct date today)
{
	struct next_step step = { .kind = NEXT_NONE, .date = { 0, 0, 0 }, .days = 0, .times = 0 };
	long now = date_to_days(today);
	struct date call, session, handover;
	bool has_call = fact_date(facts->call_due_on, &call);
	long call_in = has_call ? date_to_days(call) - now : 0;
	/* next_step_upcoming picks a session still to come; one from a past
	 * day would be stale data, and nobody can be expected there any more. */
	bool has_session = fact_date(facts->session_on, &session)
		&& date_to_days(session) >= now;
	struct attendance_past past[ATT_RECENT];
	int npast = attendance_past_from_codes(facts->recent_attendance, past, ATT_RECENT);
	int times = 0;
	bool always_accompanied = attendance_rule_always_accompanied(past, npast, &times);

	if (facts->ended) {
		step.kind = NEXT_ENDED;
	} else if (has_call && call_in < 0) {
		step.kind = NEXT_CALL_OVERDUE;
		step.date = call;
		step.days = -call_in;
	} else if (has_call && call_in == 0) {
		step.kind = NEXT_CALL_TODAY;
		step.date = call;
	} else if (always_accompanied) {
		/* The volunteer risks staying the main support: the next
		 * session is the one to try alone. */
		step.kind = NEXT_ATTEND_ALONE;
		step.times = times;
		if (has_session) {
			step.date = session;
			step.days = date_to_days(session) - now;
		}
	} else if (has_session) {
		step.kind = NEXT_SESSION;
		step.date = session;
		step.days = date_to_days(session) - now;
	} else if (strcmp(facts->assessment, "professional_help") == 0) {
		step.kind = NEXT_HANDOVER;
		if (fact_date(facts->handover_on, &handover)) {
			step.date = handover;
			/* A planned handover is days ahead; one made, 0. */
			long ahead = date_to_days(handover) - now;
			step.days = ahead > 0 ? ahead : 0;
		}
	} else if (has_call && call_rule_to_the_citizen(facts->call_reason)) {
		step.kind = NEXT_CALL_LATER;
		step.date = call;
		step.days = call_in;
	} else if (strcmp(facts->assessment, "volunteer_help") == 0 && !facts->has_open_match) {
		step.kind = NEXT_MATCH_WAITING;
	} else if (facts->assessment[0] == '\0') {
		step.kind = NEXT_ASSESS;
	} else if (has_call) {
		/* A call to the referrer or a relative is the desk's to make,
		 * not the citizen's next step while a match is to be found. */
		step.kind = NEXT_CALL_LATER;
		step.date = call;
		step.days = call_in;
	}
	return step;
}

/* How much of a step's line to say: everything, without the least
 * needed part, or only the verb and the date. */
enum detail { DETAIL_FULL, DETAIL_SHORTER, DETAIL_CORE, DETAIL_COUNT };

/* "tors 26. nov 10:00", or without the time when none is known. */
static void session_when(const struct next_step *step, const struct citizen_facts *facts, char *out, size_t size)
{
	char day[64];
	date_format_short(step->date, day, sizeof day);
	if (facts->session_time[0])
		snprintf(out, size, "%s %s", day, facts->session_time);
	else
		snprintf(out, size, "%s", day);
}

/* The step in words at one level of detail; `activity` stands in for the
 * part the fitting may shorten (shortenable()): the session's activity,
 * or who takes over a handover. */
static void describe(const struct next_step *step, const struct citizen_facts *facts, enum detail detail,
		     const char *activity, char *out, size_t size)
{
	char day[64], when[96];
	const char *reason = next_step_call_reason(facts->call_reason);
	bool has_reason = reason[0] != '\0' && detail == DETAIL_FULL;

	switch (step->kind) {
	case NEXT_ENDED:
		if (facts->end_reason[0] && detail != DETAIL_CORE)
			/* TRANSLATORS: %s is the end reason, e.g. "in a lasting community". */
			snprintf(out, size, _("Course ended: %s"), next_step_end_reason(facts->end_reason));
		else
			snprintf(out, size, "%s", _("Course ended"));
		break;
	case NEXT_CALL_OVERDUE:
		if (has_reason)
			/* TRANSLATORS: %ld is the number of days, %s the reason for the call. */
			snprintf(out, size, P_("Call now: %ld day overdue (%s)",
					       "Call now: %ld days overdue (%s)", step->days),
				 step->days, reason);
		else
			snprintf(out, size, P_("Call now: %ld day overdue", "Call now: %ld days overdue",
					       step->days),
				 step->days);
		break;
	case NEXT_CALL_TODAY:
		if (has_reason)
			/* TRANSLATORS: %s is the reason for the call. */
			snprintf(out, size, _("Call today (%s)"), reason);
		else
			snprintf(out, size, "%s", _("Call today"));
		break;
	case NEXT_SESSION:
		/* Date and time travel as one "when" ("tors 26. nov 10:00"), so a
		 * session without a time reads cleanly too. */
		session_when(step, facts, when, sizeof when);
		if (facts->session_volunteer[0] && detail == DETAIL_FULL)
			/* TRANSLATORS: when ("tors 26. nov 10:00"), activity, volunteer going along. */
			snprintf(out, size, _("Session %s at %s with %s"), when, activity, facts->session_volunteer);
		else if (detail != DETAIL_CORE && activity[0])
			/* TRANSLATORS: when ("tors 26. nov 10:00"), activity. */
			snprintf(out, size, _("Session %s at %s"), when, activity);
		else
			/* TRANSLATORS: when ("tors 26. nov 10:00"), when the line has room for no more. */
			snprintf(out, size, _("Session %s"), when);
		break;
	case NEXT_ATTEND_ALONE: {
		const char *who = facts->companion[0] ? facts->companion : _("a volunteer");
		if (date_valid(step->date)) {
			session_when(step, facts, when, sizeof when);
			if (detail == DETAIL_FULL)
				/* TRANSLATORS: who went along, when ("tors 26. nov 10:00"), activity, how many
				 * times. The suggestion comes first: a long line is clipped on the card. */
				snprintf(out, size, P_("Try it without %s: %s at %s (accompanied %d time)",
						       "Try it without %s: %s at %s (accompanied %d times in a row)",
						       step->times),
					 who, when, activity, step->times);
			else if (detail == DETAIL_SHORTER)
				/* TRANSLATORS: who went along, when ("tors 26. nov 10:00"), activity. */
				snprintf(out, size, _("Try it without %s: %s at %s"), who, when, activity);
			else
				/* TRANSLATORS: when ("tors 26. nov 10:00"): come to that session without the volunteer. */
				snprintf(out, size, _("Try it alone: %s"), when);
		} else if (detail == DETAIL_FULL) {
			/* TRANSLATORS: who went along, how many times in a row. */
			snprintf(out, size, P_("Try attending without %s (accompanied %d time)",
					       "Try attending without %s (accompanied %d times in a row)",
					       step->times),
				 who, step->times);
		} else {
			snprintf(out, size, _("Try attending without %s"), who);
		}
		break;
	}
	case NEXT_HANDOVER: {
		const char *to = activity[0] ? activity : _("professional help");
		if (date_valid(step->date) && step->days > 0) {
			/* Planned: a day ahead, which the weekday says best. */
			date_format_short(step->date, day, sizeof day);
			if (detail != DETAIL_CORE)
				/* TRANSLATORS: who takes over (e.g. "Jobcenter Aarhus"), and the day "tors 3. dec". */
				snprintf(out, size, _("Hand over to %s on %s (planned)"), to, day);
			else
				/* TRANSLATORS: the day a planned handover happens, "tors 3. dec". */
				snprintf(out, size, _("Hand over on %s (planned)"), day);
		} else if (date_valid(step->date)) {
			/* A handover lies in the past, perhaps in another year, so
			 * the full date says more than a weekday would. */
			date_format_dk(step->date, day, sizeof day);
			if (detail != DETAIL_CORE)
				/* TRANSLATORS: who took over (e.g. "Jobcenter Aarhus"), and the date "22-11-2026". */
				snprintf(out, size, _("Handed over to %s on %s"), to, day);
			else
				/* TRANSLATORS: the date of the handover, "22-11-2026". */
				snprintf(out, size, _("Handed over on %s"), day);
		} else {
			snprintf(out, size, _("Handed over to %s"), to);
		}
		break;
	}
	case NEXT_CALL_LATER:
		date_format_short(step->date, day, sizeof day);
		if (has_reason)
			/* TRANSLATORS: the date ("fre 27. nov") and the reason for the call. */
			snprintf(out, size, _("Follow-up call %s (%s)"), day, reason);
		else
			snprintf(out, size, _("Follow-up call %s"), day);
		break;
	case NEXT_MATCH_WAITING:
		/* What to do, not only the state: where the match is made. */
		snprintf(out, size, "%s", _("Waiting for a match: find one in Matching (3 on the home screen)"));
		break;
	case NEXT_ASSESS:
		snprintf(out, size, "%s", _("Assess: can volunteers help, or is professional help needed?"));
		break;
	case NEXT_NONE:
	default:
		snprintf(out, size, "%s", _("No next step — decide one"));
		break;
	}
}

/* The part of a step's line that can be shortened with "…". */
static const char *shortenable(const struct next_step *step, const struct citizen_facts *facts)
{
	return step->kind == NEXT_HANDOVER ? facts->handover_to : facts->session_activity;
}

void next_step_describe(const struct next_step *step, const struct citizen_facts *facts,
			char *out, size_t size)
{
	if (!out || size == 0)
		return;
	describe(step, facts, DETAIL_FULL, shortenable(step, facts), out, size);
}

static int columns(const char *text)
{
	return utf8_columns(text, strlen(text));
}

void next_step_describe_fit(const struct next_step *step, const struct citizen_facts *facts, int cols,
			    char *out, size_t size)
{
	if (!out || size == 0)
		return;
	const char *activity = shortenable(step, facts);
	for (enum detail d = DETAIL_FULL; d < DETAIL_COUNT; d++) {
		describe(step, facts, d, activity, out, size);
		if (columns(out) <= cols)
			return;
		if (d != DETAIL_SHORTER || !activity[0])
			continue;
		/* The activity's name (or who takes over) gives way before
		 * the line loses it: "i Gå-gruppen for…" still says where. */
		char without[600], shortened[CIT_TEXT];
		/* The line around a one-column name says what is left for it. */
		describe(step, facts, d, "x", without, sizeof without);
		int room = cols - (columns(without) - 1);
		if (room < NEXT_STEP_ACTIVITY_MIN)
			continue;
		utf8_clip(activity, room, shortened, sizeof shortened);
		describe(step, facts, d, shortened, out, size);
		if (columns(out) <= cols)
			return;
	}
	/* Only the verb and the date, and even that too long: cut the end. */
	char core[600];
	describe(step, facts, DETAIL_CORE, activity, core, sizeof core);
	utf8_clip(core, cols, out, size);
}
