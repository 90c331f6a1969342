/* vocab.c — code lists and their words. */
#include "vocab.h"

#include <string.h>

#include "i18n.h"
#include "model_citizen.h"

const struct vocab vocab_referral_source[] = {
	{ "self", N_("The citizen (self-referral)") },
	{ "relative", N_("Relative") },
	{ "health_staff", N_("Health staff") },
	{ "gp", N_("GP") },
	{ "municipal", N_("Municipal staff") },
	{ "job_centre", N_("Job centre") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

const struct vocab vocab_contact_pref[] = {
	{ "", N_("Not given") },
	{ "phone", N_("Phone call") },
	{ "sms", N_("Text message") },
	{ "email", N_("E-mail") },
	{ "letter", N_("Letter") },
	{ "visit", N_("Visit") },
	{ NULL, NULL },
};

const struct vocab vocab_assessment[] = {
	{ "", N_("Not assessed yet") },
	{ "volunteer_help", N_("Volunteers can help") },
	{ "professional_help", N_("Needs professional help") },
	{ NULL, NULL },
};

/* The first is never chosen: the course of a citizen anonymised (the
 * retention rule, or a request to be forgotten) ends with it. */
const struct vocab vocab_end_reason_shown[] = {
	/* TRANSLATORS: why a course ended, when the citizen was anonymised
	 * (forgotten); also shown after "Course ended:". */
	{ "forgotten", N_("anonymised") },
	/* TRANSLATORS: why a course ended; also shown after "Course ended:". */
	{ "lasting_community", N_("in a lasting community") },
	{ "moved", N_("moved away") },
	{ "declined", N_("declined the offer") },
	{ "handed_over", N_("handed over to professional help") },
	{ "deceased", N_("passed away") },
	{ NULL, NULL },
};

const struct vocab vocab_call_reason[] = {
	/* TRANSLATORS: why a follow-up call is made, shown in brackets after "Call today". */
	{ "after_first_session", N_("after the first session") },
	{ "missed_sessions", N_("after missed sessions") },
	{ "agreed", N_("as agreed") },
	{ "after_match", N_("after the match") },
	{ "referrer_feedback", N_("feedback to the referrer") },
	/* A reason to call, not how a call went: nothing heard for weeks. */
	{ "no_contact", N_("no contact for a long time") },
	{ "relative_support", N_("to the relative, who wants support") },
	{ "other", N_("other reason") },
	{ NULL, NULL },
};

const struct vocab vocab_call_outcome[] = {
	{ "open", N_("planned") },
	{ "reached", N_("reached") },
	{ "not_reached", N_("not reached") },
	{ "call_back", N_("call back") },
	{ "wrong_number", N_("wrong number") },
	{ "cancelled", N_("cancelled") },
	{ NULL, NULL },
};

/* The first is never chosen: a match ends with it when its citizen's
 * course ends (moved away, handed over, passed away; src/match.h). */
const struct vocab vocab_match_outcome_shown[] = {
	/* TRANSLATORS: how a match ended, when the citizen's course ended. */
	{ "course_ended", N_("the course ended") },
	{ "on_own", N_("goes on their own") },
	{ "moved_activity", N_("moved to another activity") },
	{ "did_not_work", N_("did not work") },
	{ "declined", N_("the citizen declined") },
	{ NULL, NULL },
};

const struct vocab vocab_attendance_mark[] = {
	{ "present", N_("Came") },
	{ "excused", N_("Sent notice") },
	{ "absent", N_("Did not come") },
	{ NULL, NULL },
};

const struct vocab vocab_weekday[] = {
	{ "1", N_("Monday") }, { "2", N_("Tuesday") }, { "3", N_("Wednesday") },
	{ "4", N_("Thursday") }, { "5", N_("Friday") }, { "6", N_("Saturday") },
	{ "7", N_("Sunday") }, { NULL, NULL },
};

const struct vocab vocab_part_of_day[] = {
	{ "0", N_("Morning") }, { "1", N_("Afternoon") }, { "2", N_("Evening") }, { NULL, NULL },
};

/* ---------- registry and matching ---------- */

const struct vocab vocab_volunteer_role[] = {
	{ "peer_supporter", N_("Peer supporter") },
	{ "mentor", N_("Mentor") },
	{ "visiting_friend", N_("Visiting friend") },
	{ "community_guide", N_("Community guide") },
	{ "front_desk", N_("Front desk") },
	{ NULL, NULL },
};

const struct vocab vocab_volunteer_status[] = {
	{ "training", N_("In training") },
	{ "active", N_("Active") },
	{ "paused", N_("Paused") },
	{ "stopped", N_("Stopped") },
	{ NULL, NULL },
};

const struct vocab vocab_activity_kind[] = {
	{ "motion_group", N_("Motion group") },
	{ "social_cafe", N_("Social café") },
	{ "self_help_group", N_("Self-help group") },
	{ "course", N_("Course") },
	{ "association", N_("Association offer") },
	{ NULL, NULL },
};

const struct vocab vocab_community[] = {
	/* TRANSLATORS: a practice community (øvefællesskab) is a safe first step. */
	{ "practice", N_("Practice community (a safe first step)") },
	{ "lasting", N_("Lasting community") },
	{ NULL, NULL },
};

const struct vocab vocab_activity_status[] = {
	{ "active", N_("Active") },
	{ "ended", N_("Ended") },
	{ NULL, NULL },
};

const struct vocab vocab_gender[] = {
	{ "", N_("Not given") },
	{ "woman", N_("Woman") },
	{ "man", N_("Man") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

const struct vocab vocab_wished_gender[] = {
	{ "", N_("No wish") },
	{ "woman", N_("A woman") },
	{ "man", N_("A man") },
	{ NULL, NULL },
};

const struct vocab vocab_wished_age[] = {
	{ "", N_("No wish") },
	{ "similar", N_("Close to their own age") },
	{ "younger", N_("Younger than them") },
	{ "older", N_("Older than them") },
	{ NULL, NULL },
};

const struct vocab vocab_part_of_day_lower[] = {
	/* TRANSLATORS: inside a sentence, after a weekday: "Tue morning". */
	{ "0", N_("morning") }, { "1", N_("afternoon") }, { "2", N_("evening") }, { NULL, NULL },
};

/* ---------- attendance ---------- */

const struct vocab vocab_attendance_short[] = {
	/* TRANSLATORS: a mark in a narrow column of the roll list. */
	{ "present", N_("came") },
	{ "excused", N_("notice") },
	{ "absent", N_("away") },
	{ NULL, NULL },
};

const struct vocab vocab_session_status[] = {
	{ "planned", N_("planned") },
	{ "held", N_("held") },
	{ "cancelled", N_("cancelled") },
	{ NULL, NULL },
};

/* ---------- follow-up calls and measures ---------- */

const struct vocab vocab_call_result[] = {
	/* TRANSLATORS: what came of a follow-up call, chosen in the outcome form. */
	{ "reached", N_("Reached") },
	{ "not_reached", N_("Not reached") },
	{ "call_back", N_("Call back at an agreed time") },
	{ "wrong_number", N_("Wrong number") },
	{ NULL, NULL },
};

const struct vocab vocab_call_next_step[] = {
	/* TRANSLATORS: the next step chosen after a follow-up call. */
	{ "new_call", N_("Call again on a set day") },
	{ "none", N_("Nothing new: goes on as planned") },
	{ "on_own", N_("Goes on their own now") },
	{ "new_match", N_("Needs a new match") },
	{ "end_course", N_("End the course") },
	{ "handover", N_("Hand over to professional help") },
	{ NULL, NULL },
};

const struct vocab vocab_call_reason_short[] = {
	/* TRANSLATORS: a call's reason in a narrow column of the call list (at most 17 letters). */
	{ "after_first_session", N_("after 1st session") },
	{ "missed_sessions", N_("missed sessions") },
	{ "agreed", N_("agreed call") },
	{ "after_match", N_("after the match") },
	/* The two calls not to the citizen say whom the phone reaches. */
	{ "referrer_feedback", N_("to the referrer") },
	{ "no_contact", N_("long quiet") },
	{ "relative_support", N_("to the relative") },
	{ "other", N_("other") },
	{ NULL, NULL },
};

const struct vocab vocab_measure_occasion[] = {
	{ "intake", N_("At intake") },
	{ "follow_up", N_("At a follow-up") },
	{ "end", N_("At the end") },
	{ NULL, NULL },
};

/* ---------- data protection (issue 12) ---------- */

const struct vocab vocab_consent_purpose[] = {
	/* TRANSLATORS: what a citizen consents to; also in "Consent given: %s". */
	{ "registration", N_("registration") },
	{ "volunteer_contact", N_("volunteers may call") },
	{ "referrer_feedback", N_("feedback to the referrer") },
	{ "measures", N_("wellbeing measures") },
	{ NULL, NULL },
};

const struct vocab vocab_citizen_status[] = {
	{ "active", N_("in progress") },
	{ "ended", N_("ended") },
	{ NULL, NULL },
};

const struct vocab vocab_call_status[] = {
	{ "open", N_("planned") },
	{ "done", N_("made") },
	{ "cancelled", N_("cancelled") },
	{ NULL, NULL },
};

const struct vocab vocab_audit_action[] = {
	/* TRANSLATORS: what someone did, in the audit log: "Anne viewed citizen 12". */
	{ "view", N_("viewed") },
	{ "create", N_("created") },
	{ "update", N_("changed") },
	{ "delete", N_("deleted") },
	{ "export", N_("exported") },
	{ "import", N_("imported") },
	{ "login", N_("signed in") },
	{ "logout", N_("signed out") },
	{ NULL, NULL },
};

const struct vocab vocab_audit_entity[] = {
	/* TRANSLATORS: what an audit log entry is about. */
	{ "citizen", N_("citizen") },
	{ "follow_up", N_("call") },
	{ "match", N_("match") },
	{ "referral", N_("referral") },
	{ "referrer_feedback", N_("feedback to referrer") },
	{ "call_escalation", N_("raised case") },
	{ "session", N_("session") },
	{ "activity", N_("activity") },
	{ "volunteer", N_("volunteer") },
	{ "user", N_("user") },
	{ "settings", N_("settings") },
	{ "draft", N_("draft") },
	{ "interests", N_("interests") },
	{ "barriers", N_("barriers") },
	{ "audit_log", N_("audit log") },
	{ "retention", N_("by the retention rule") },
	{ "centre", N_("centre") },
	{ "report", N_("report") },
	{ "attendance", N_("attendance") },
	{ "measure", N_("measures") },
	{ NULL, NULL },
};

const struct vocab vocab_draft_kind[] = {
	[DRAFT_INTAKE] = { "intake", N_("Intake") },
	[DRAFT_CARD] = { "card", N_("Card edit") },
	[DRAFT_CALL] = { "call", N_("Call outcome") },
	[DRAFT_NOTE] = { "note", N_("Note") },
	{ NULL, NULL },
};

int vocab_count(const struct vocab *v)
{
	int n = 0;
	while (v[n].code)
		n++;
	return n;
}

int vocab_index(const struct vocab *v, const char *code)
{
	for (int i = 0; v[i].code; i++)
		if (code && strcmp(v[i].code, code) == 0)
			return i;
	return 0;
}

const char *vocab_label(const struct vocab *v, const char *code)
{
	for (int i = 0; v[i].code; i++)
		if (code && strcmp(v[i].code, code) == 0)
			return _(v[i].label);
	return code ? code : "";
}
