/* desk.h — who is acting and on which database: the first argument of
 * every use case in src/.
 *
 * A use case (one function per thing a person does: "mark attendance",
 * "confirm match") checks the role with desk_begin, runs the stores and
 * the rules inside that one transaction, writes the audit record with
 * desk_audit and ends with desk_end, which commits or rolls back the
 * whole. Screens and the command line call use cases, never db/.
 */
#ifndef BB_DESK_H
#define BB_DESK_H

#include <stdbool.h>

#include "model_limits.h"
#include "model_status.h"
#include "model_users.h"

struct db;

enum role {
	ROLE_DESK,        /* registers, looks up, records */
	ROLE_COORDINATOR, /* also matches, keeps the registry, users, settings, data protection */
};

struct desk {
	struct db *db;
	db_user_id user;             /* who is signed in; 0: nobody */
	char user_name[USER_NAME];
	enum role role;
	/* Until a user is made, anyone at the PC sets the centre up; from then
	 * on nothing is done without signing in. */
	bool users_exist;
	/* The command line acts as the coordinator: whoever can read the
	 * file (mode 0600) owns the data already. */
	bool command_line;
	long long others_version;    /* db_data_version when last looked */
	/* The database was found damaged: from then on it is only read,
	 * never written, until a backup is restored. */
	bool damaged;
	/* The centre this desk acts for ("lokal" on a file, the database
	 * role on a server); read at the first use case that asks. */
	char centre[CENTRE_CODE];
};

/* A desk for the command line on an open database. */
struct desk desk_command_line(struct db *db);

/* Whether the person signed in now may act in `role`: DB_OK, or
 * DB_ERR_FORBIDDEN. */
enum db_status desk_allow(const struct desk *d, enum role role);
bool desk_is_coordinator(const struct desk *d);

/* The role check and the use case's one write (or read) transaction; a
 * refused or failed begin needs no desk_end. A damaged database takes no
 * write at all (DB_ERR_CORRUPT). */
enum db_status desk_begin(struct desk *d, enum role role);
enum db_status desk_begin_read(struct desk *d, enum role role);
/* Commits when r and everything inside went well, else rolls back;
 * returns the outcome. Damage found on the way makes the desk read-only
 * (desk_damaged). */
enum db_status desk_end(struct desk *d, enum db_status r);
/* A use case rehearsed (db_begin_rehearsal): the role check and a write
 * transaction taken at once or not at all (DB_ERR_BUSY), ended by
 * desk_end_undone, which leaves nothing of it and returns the first
 * failure, r or one inside; damage found makes the desk read-only, as
 * desk_end does. Only a desk that may do the use case reads its pages
 * ahead. */
enum db_status desk_begin_rehearsal(struct desk *d, enum role role);
enum db_status desk_end_undone(struct desk *d, enum db_status r);

/* From now on the database is only read: it was found damaged. */
void desk_damaged(struct desk *d);

/* Whether another desk committed a change since the last call: the
 * screens then read again what they show. */
bool desk_others_changed(struct desk *d);
/* No key waits (the desk idles, or between two steps of the day's rules):
 * the database tidies what its commits left for later, one short piece
 * (db_idle_piece); true while another piece is due, for the next moment
 * no key waits. Nothing anyone confirmed depends on it, so it says
 * nothing of how it went. */
bool desk_idle(struct desk *d);

/* The wall clock in seconds, for waits after wrong PINs; tests set
 * their own (NULL: the real one). */
long long desk_seconds(void);
void desk_set_clock(long long (*seconds)(void));

/* Inside a use case: whether this desk's centre may see the citizen (its
 * own, or shared with it by consent) or, for what only the citizen's own
 * centre may do (share, anonymise), owns them. DB_ERR_NOTFOUND when not:
 * another centre's citizen is not there for this one. The server's
 * row-level security says the same a second time. */
enum db_status desk_sees_citizen(struct desk *d, long long citizen_id);
enum db_status desk_owns_citizen(struct desk *d, long long citizen_id);
/* The centre's code, read once. */
const char *desk_centre(struct desk *d);

/* One line in the audit log for the person signed in, stamped with the
 * real time (never the test clock): action view, create, update, delete,
 * export, import, login, logout; entity citizen, session, ... */
enum db_status desk_audit(struct desk *d, const char *action, const char *entity, long long entity_id,
			  const char *detail);

#endif
