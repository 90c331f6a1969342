/* store_calls_internal.h — SQL shared by store_calls.c (the list, the
 * card, writing calls) and store_calls_facts.c (the facts the rules read).
 * Not for use outside db/. */
#ifndef BB_STORE_CALLS_INTERNAL_H
#define BB_STORE_CALLS_INTERNAL_H

#include "db.h"
#include "store_util.h"

/* The fact that the citizen agreed that the referrer of referral `r` is
 * told how it goes: the referral says so, and a consent to
 * 'referrer_feedback' is in force (or none was ever recorded: data from
 * before consents were kept per purpose). A withdrawn consent always
 * wins. Read as a column: what it allows is the rules' to say
 * (src/call_rules.c). */
#define CALLS_FEEDBACK_CONSENT(r) \
	"(" r ".feedback_consent = 1 AND (EXISTS (SELECT 1 FROM consents AS k" \
	" WHERE k.citizen_id = " r ".citizen_id AND k.purpose = 'referrer_feedback'" \
	" AND k.withdrawn_on IS NULL) OR NOT EXISTS (SELECT 1 FROM consents AS k" \
	" WHERE k.citizen_id = " r ".citizen_id AND k.purpose = 'referrer_feedback')))"

/* The last day anything was on record for citizen `c` (an SQL
 * expression): referred, assessed, matched, a match ended,
 * came or sent notice to a session, a call made or cancelled, a note, a
 * measure. A missed session is not contact. */
#define CALLS_LAST_CONTACT(c) \
	"max(COALESCE((SELECT max(referred_on) FROM referrals WHERE citizen_id = " c "), '')," \
	" COALESCE((SELECT max(assessed_on) FROM assessments WHERE citizen_id = " c "), '')," \
	" COALESCE((SELECT max(max(matched_on), COALESCE(max(ended_on), ''))" \
	"   FROM matches WHERE citizen_id = " c "), '')," \
	" COALESCE((SELECT max(s.date) FROM attendance AS t JOIN sessions AS s ON s.id = t.session_id" \
	"   WHERE t.citizen_id = " c " AND t.mark IN ('present', 'excused')), '')," \
	" COALESCE((SELECT max(COALESCE(date(done_at), due_on)) FROM follow_ups" \
	"   WHERE citizen_id = " c " AND status <> 'open'), '')," \
	" COALESCE((SELECT max(written_on) FROM notes WHERE citizen_id = " c "), '')," \
	" COALESCE((SELECT max(taken_on) FROM measures WHERE citizen_id = " c "), ''))"

/* The open calls after missed sessions of enrolment `e` (an SQL
 * expression), found through their own index (migration 16): their keys
 * lie between 'missed:<e>:' and 'missed:<e>;' (';' comes right after
 * ':'). */
#define CALLS_MISSED_OPEN "follow_ups AS f INDEXED BY calls_missed_open"
#define CALLS_MISSED_OPEN_WHERE "f.status = 'open' AND f.reason = 'missed_sessions'"
#define CALLS_MISSED_OF(e) \
	CALLS_MISSED_OPEN_WHERE " AND f.source_key BETWEEN 'missed:' || " e " || ':' AND 'missed:' || " e " || ';'"

/* The enrolment and the session in a key missed:<enrolment>:<session>. */
#define CALLS_MISSED_TAIL(k) "substr(" k ", 8)"
#define CALLS_MISSED_ENROLMENT(k) \
	"CAST(substr(" CALLS_MISSED_TAIL(k) ", 1, instr(" CALLS_MISSED_TAIL(k) ", ':') - 1) AS INTEGER)"
#define CALLS_MISSED_SESSION(k) \
	"CAST(substr(" CALLS_MISSED_TAIL(k) ", instr(" CALLS_MISSED_TAIL(k) ", ':') + 1) AS INTEGER)"

#endif
