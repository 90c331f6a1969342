/* People at the desk: PINs nobody guesses at once, a growing wait after
 * wrong PINs and a lock after many (with an injected clock: nothing
 * sleeps), the audit of every try, changing one's own PIN, and a desk
 * volunteer who may not make users. */
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "desk.h"
#include "pin.h"
#include "tap.h"
#include "testdb.h"
#include "users.h"

static long long fake_now = 1800000000;

static long long fake_clock(void)
{
	return fake_now;
}

static void weak_pins(void)
{
	TAP_INT_EQ(pin_weakness("4826", 2026), PIN_OK, "4826 is a fine PIN");
	TAP_INT_EQ(pin_weakness("71394", 2026), PIN_OK, "five digits too");
	TAP_INT_EQ(pin_weakness("123", 2026), PIN_NOT_DIGITS, "three digits are too few");
	TAP_INT_EQ(pin_weakness("123456789", 2026), PIN_NOT_DIGITS, "nine are too many");
	TAP_INT_EQ(pin_weakness("12a4", 2026), PIN_NOT_DIGITS, "only digits");
	TAP_INT_EQ(pin_weakness("0000", 2026), PIN_ONE_DIGIT, "0000 is refused");
	TAP_INT_EQ(pin_weakness("77777777", 2026), PIN_ONE_DIGIT, "77777777 too");
	TAP_INT_EQ(pin_weakness("1234", 2026), PIN_RUN, "1234 is refused");
	TAP_INT_EQ(pin_weakness("4321", 2026), PIN_RUN, "4321 too");
	TAP_INT_EQ(pin_weakness("0123456", 2026), PIN_RUN, "0123456 too");
	TAP_INT_EQ(pin_weakness("1968", 2026), PIN_YEAR, "a birth year is refused");
	TAP_INT_EQ(pin_weakness("2026", 2026), PIN_YEAR, "this year too");
	TAP_INT_EQ(pin_weakness("1212", 2026), PIN_PATTERN, "a pair said twice is refused");
	TAP_INT_EQ(pin_weakness("123123", 2026), PIN_PATTERN, "a block of three too");
	TAP_INT_EQ(pin_weakness("1122", 2026), PIN_PATTERN, "each digit twice too");
	TAP_INT_EQ(pin_weakness("2580", 2026), PIN_PATTERN, "down a phone's keypad too");
	TAP_INT_EQ(pin_weakness("7410", 2026), PIN_PATTERN, "down a number pad too");
	TAP_INT_EQ(pin_weakness("1213", 2026), PIN_OK, "1213 is no pattern");
	TAP_INT_EQ(pin_weakness("1232", 2026), PIN_OK, "nor 1232");
	TAP_INT_EQ(pin_weakness("51795179", 2026), PIN_PATTERN, "a good PIN said twice is one block repeated");
	TAP_INT_EQ(pin_weakness("2468", 2026), PIN_OK, "a year still to come is not a birth year");
	TAP_INT_EQ(pin_wait_seconds(2), 0, "two wrong PINs: no wait");
	TAP_INT_EQ(pin_wait_seconds(3), 30, "the third: 30 seconds");
	TAP_INT_EQ(pin_wait_seconds(4), 60, "then it doubles");
	TAP_INT_EQ(pin_wait_seconds(9), 900, "up to a quarter of an hour");
	TAP_CHECK(!pin_locked_after(9) && pin_locked_after(10), "locked at the tenth");
}

static void sign_in(void)
{
	char path[256];
	testdb_path(path, sizeof path, "users.db");
	struct db *db;
	db_open(path, &db);
	desk_set_clock(fake_clock);
	struct desk setup = { .db = db };
	long long anne = 0, bo = 0;
	enum pin_weakness why;
	TAP_INT_EQ(users_add(&setup, "Anne Ørsted", ROLE_DESK, "1234", &anne, &why), DB_ERR_INVALID,
		   "a guessable PIN is refused when a user is made");
	TAP_INT_EQ(why, PIN_RUN, "... and says why");
	TAP_INT_EQ(users_add(&setup, "Anne Ørsted", ROLE_DESK, "4826", &anne, &why), DB_OK,
		   "the first user is made");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM settings WHERE key = 'users_made' AND value = '1'"), 1,
		   "and the settings remember that users were made");
	struct desk coordinator = { .db = db, .user = anne, .role = ROLE_COORDINATOR, .users_exist = true };
	TAP_INT_EQ(users_add(&coordinator, "Bo Ejner", ROLE_DESK, "5179", &bo, &why), DB_OK, "a desk volunteer");
	struct desk nobody = { .db = db, .users_exist = true };
	struct desk bo_desk = { .db = db, .user = bo, .role = ROLE_DESK, .users_exist = true };
	long long carl = 0;
	TAP_INT_EQ(users_add(&bo_desk, "Carl", ROLE_COORDINATOR, "8317", &carl, &why), DB_ERR_FORBIDDEN,
		   "a desk volunteer may not make users");

	struct user u;
	enum sign_in_result res;
	long wait;
	TAP_INT_EQ(users_sign_in(&nobody, bo, "5179", &u, &res, &wait), DB_OK, "Bo signs in");
	TAP_INT_EQ(res, SIGNED_IN, "with the right PIN");
	for (int i = 0; i < 2; i++)
		users_sign_in(&nobody, bo, "0000", &u, &res, &wait);
	TAP_CHECK(res == SIGN_IN_WRONG_PIN && wait == 0, "two wrong PINs: no wait yet");
	users_sign_in(&nobody, bo, "0000", &u, &res, &wait);
	TAP_CHECK(res == SIGN_IN_WRONG_PIN && wait == 30, "the third: wait 30 seconds");
	users_sign_in(&nobody, bo, "5179", &u, &res, &wait);
	TAP_CHECK(res == SIGN_IN_WAIT && wait == 30, "even the right PIN waits: it is not checked yet");
	fake_now += 31;
	users_sign_in(&nobody, bo, "5179", &u, &res, &wait);
	TAP_INT_EQ(res, SIGNED_IN, "after the wait the right PIN works, and the count starts again");
	for (int i = 0; i < 10; i++) {
		users_sign_in(&nobody, bo, "0000", &u, &res, &wait);
		fake_now += wait + 1;
	}
	TAP_INT_EQ(res, SIGN_IN_LOCKED, "ten wrong PINs in a row lock Bo");
	fake_now += 3600;
	users_sign_in(&nobody, bo, "5179", &u, &res, &wait);
	TAP_INT_EQ(res, SIGN_IN_LOCKED, "and the right PIN does not open the lock");
	TAP_INT_EQ(users_set_pin(&coordinator, bo, "6284", &why), DB_OK, "a coordinator gives a new PIN");
	users_sign_in(&nobody, bo, "6284", &u, &res, &wait);
	TAP_INT_EQ(res, SIGNED_IN, "which lifts the lock");
	TAP_CHECK(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'login' AND detail LIKE 'wrong PIN%'")
		  >= 13, "every wrong PIN is in the audit log");
	TAP_CHECK(testdb_count(db, "SELECT count(*) FROM audit_log WHERE action = 'login' AND detail LIKE 'refused%'")
		  >= 2, "so are tries refused while waiting or locked");

	TAP_INT_EQ(users_change_own_pin(&bo_desk, "5179", "3917", &why), DB_ERR_FORBIDDEN,
		   "changing one's own PIN needs the one in use");
	TAP_INT_EQ(users_change_own_pin(&bo_desk, "6284", "1111", &why), DB_ERR_INVALID, "and a good new one");
	TAP_INT_EQ(users_change_own_pin(&bo_desk, "6284", "3917", &why), DB_OK, "Bo changes his PIN");
	users_sign_in(&nobody, bo, "3917", &u, &res, &wait);
	TAP_INT_EQ(res, SIGNED_IN, "and signs in with it");

	/* The PIN in use is checked before a new one is asked for, and a
	 * wrong one there counts as at sign-in: someone at a desk left open
	 * cannot try PINs there without the waits and the lock. */
	TAP_INT_EQ(users_check_own_pin(&bo_desk, "3917", &res, &wait), DB_OK, "Bo's PIN now is checked");
	TAP_INT_EQ(res, SIGNED_IN, "and is right");
	TAP_INT_EQ(users_check_own_pin(&nobody, "3917", &res, &wait), DB_ERR_FORBIDDEN, "nobody signed in: no check");
	long long before = testdb_count(db, "SELECT count(*) FROM audit_log WHERE detail = 'wrong PIN (own PIN)'");
	for (int i = 0; i < 3; i++)
		users_check_own_pin(&bo_desk, "0000", &res, &wait);
	TAP_CHECK(res == SIGN_IN_WRONG_PIN && wait == 30, "the third wrong PIN there: wait 30 seconds");
	TAP_INT_EQ(testdb_count(db, "SELECT count(*) FROM audit_log WHERE detail = 'wrong PIN (own PIN)'"), before + 3,
		   "each is in the audit log, saying where");
	users_sign_in(&nobody, bo, "3917", &u, &res, &wait);
	TAP_CHECK(res == SIGN_IN_WAIT && wait == 30, "the sign-in waits too: it is one count");
	TAP_INT_EQ(users_change_own_pin(&bo_desk, "3917", "5820", &why), DB_ERR_FORBIDDEN,
		   "and the change itself waits, even with the right PIN");
	fake_now += 31;
	TAP_INT_EQ(users_change_own_pin(&bo_desk, "0000", "5820", &why), DB_ERR_FORBIDDEN,
		   "a wrong PIN in the change is refused");
	users_check_own_pin(&bo_desk, "3917", &res, &wait);
	TAP_CHECK(res == SIGN_IN_WAIT && wait == 60, "and counted: the fourth in a row waits a minute");
	fake_now += 61;
	for (int i = 0; i < 6; i++) {
		users_check_own_pin(&bo_desk, "0000", &res, &wait);
		fake_now += wait + 1;
	}
	TAP_INT_EQ(res, SIGN_IN_LOCKED, "the tenth in a row locks Bo");
	users_sign_in(&nobody, bo, "3917", &u, &res, &wait);
	TAP_INT_EQ(res, SIGN_IN_LOCKED, "who cannot sign in until a coordinator gives a new PIN");
	desk_set_clock(NULL);
	db_close(db);
}

int main(void)
{
	if (!testdb_start("users"))
		return 1;
	weak_pins();
	sign_in();
	testdb_finish();
	return tap_done();
}
