/* vocab.c — code lists and their words. */
#include "vocab.h"

#include <string.h>

#include "i18n.h"

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

const struct vocab vocab_end_reason[] = {
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
	{ "no_contact", N_("no contact") },
	{ "other", N_("other reason") },
	{ NULL, NULL },
};

const struct vocab vocab_call_outcome[] = {
	{ "open", N_("planned") },
	{ "reached", N_("reached") },
	{ "not_reached", N_("not reached") },
	{ "call_back", N_("call back") },
	{ "wrong_number", N_("wrong number") },
	{ NULL, NULL },
};

const struct vocab vocab_match_outcome[] = {
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
