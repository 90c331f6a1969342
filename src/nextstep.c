/* nextstep.c — the card's "next step": one rule, one line, so every desk
 * volunteer sees the same answer to "what do we do for this person now?".
 * The order of the rule is documented in nextstep.h; the card, the call
 * list and the tests all rely on it. */
#include "nextstep.h"

#include <stdio.h>
#include <string.h>

#include "attendance_rules.h"
#include "i18n.h"
#include "vocab.h"

/* The words live in vocab.c, with every other code list. */
const char *next_step_call_reason(const char *code)
{
	return vocab_label(vocab_call_reason, code);
}

const char *next_step_end_reason(const char *code)
{
	return vocab_label(vocab_end_reason, code);
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
		if (fact_date(facts->handover_on, &handover))
			step.date = handover;
	} else if (has_call) {
		step.kind = NEXT_CALL_LATER;
		step.date = call;
		step.days = call_in;
	} else if (strcmp(facts->assessment, "volunteer_help") == 0 && !facts->has_open_match) {
		step.kind = NEXT_MATCH_WAITING;
	} else if (facts->assessment[0] == '\0') {
		step.kind = NEXT_ASSESS;
	}
	return step;
}

void next_step_describe(const struct next_step *step, const struct citizen_facts *facts,
			char *out, size_t size)
{
	if (!out || size == 0)
		return;
	char day[64];
	const char *reason = next_step_call_reason(facts->call_reason);
	bool has_reason = reason[0] != '\0';

	switch (step->kind) {
	case NEXT_ENDED:
		if (facts->end_reason[0])
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
	case NEXT_SESSION: {
		/* Date and time travel as one "when" ("tors 26. nov 10:00"), so a
		 * session without a time reads cleanly too. */
		char when[96];
		date_format_short(step->date, day, sizeof day);
		if (facts->session_time[0])
			snprintf(when, sizeof when, "%s %s", day, facts->session_time);
		else
			snprintf(when, sizeof when, "%s", day);
		if (facts->session_volunteer[0])
			/* TRANSLATORS: when ("tors 26. nov 10:00"), activity, volunteer going along. */
			snprintf(out, size, _("Session %s at %s with %s"), when, facts->session_activity,
				 facts->session_volunteer);
		else
			/* TRANSLATORS: when ("tors 26. nov 10:00"), activity. */
			snprintf(out, size, _("Session %s at %s"), when, facts->session_activity);
		break;
	}
	case NEXT_ATTEND_ALONE: {
		const char *who = facts->companion[0] ? facts->companion : _("a volunteer");
		if (date_valid(step->date)) {
			char when[96];
			date_format_short(step->date, day, sizeof day);
			if (facts->session_time[0])
				snprintf(when, sizeof when, "%s %s", day, facts->session_time);
			else
				snprintf(when, sizeof when, "%s", day);
			/* TRANSLATORS: who went along, when ("tors 26. nov 10:00"), activity, how many
			 * times. The suggestion comes first: a long line is clipped on the card. */
			snprintf(out, size, P_("Try it without %s: %s at %s (accompanied %d time)",
					       "Try it without %s: %s at %s (accompanied %d times in a row)",
					       step->times),
				 who, when, facts->session_activity, step->times);
		} else {
			/* TRANSLATORS: who went along, how many times in a row. */
			snprintf(out, size, P_("Try attending without %s (accompanied %d time)",
					       "Try attending without %s (accompanied %d times in a row)",
					       step->times),
				 who, step->times);
		}
		break;
	}
	case NEXT_HANDOVER: {
		const char *to = facts->handover_to[0] ? facts->handover_to : _("professional help");
		if (date_valid(step->date)) {
			/* A handover lies in the past, perhaps in another year, so
			 * the full date says more than a weekday would. */
			date_format_dk(step->date, day, sizeof day);
			/* TRANSLATORS: who took over (e.g. "Jobcenter Aarhus"), and the date "22-11-2026". */
			snprintf(out, size, _("Handed over to %s on %s"), to, day);
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
		snprintf(out, size, "%s", _("Waiting for a match with a volunteer or activity"));
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
