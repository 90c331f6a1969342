/* model_status.h — what an action came to, as every layer sees it, and
 * who acted. The storage layer reports these; the use cases add their own
 * refusals; the screens and the command line turn them into words
 * (src/dbmessage.c). */
#ifndef BB_MODEL_STATUS_H
#define BB_MODEL_STATUS_H

/* Outcomes worth telling apart for the person at the desk. */
enum db_status {
	DB_OK = 0,
	DB_ROW,          /* db_step: a row is ready */
	DB_DONE,         /* db_step: no more rows */
	DB_ERR_NODIR,    /* the folder for the file cannot be made */
	DB_ERR_CANTOPEN, /* the file cannot be opened or created */
	DB_ERR_READONLY, /* the file or its folder is read-only */
	DB_ERR_NOTADB,   /* the file is not a Brobygger/SQLite database */
	DB_ERR_CORRUPT,  /* the database is damaged */
	DB_ERR_BUSY,     /* another program holds a lock for too long */
	DB_ERR_FULL,     /* the disk is full */
	DB_ERR_TOONEW,   /* made by a newer Brobygger: we refuse to touch it */
	DB_ERR_CONSTRAINT, /* a rule in the schema said no */
	DB_ERR_NOTFOUND, /* the row asked for does not exist */
	DB_ERR_CONFLICT, /* changed by someone else since it was read */
	DB_ERR_IO,       /* any other failure of the disk or the library */
	DB_ERR_FORBIDDEN, /* the person signed in may not do this */
	DB_ERR_INVALID,  /* the input breaks a rule: nothing was written */
	DB_ERR_SERVER,   /* the database server cannot be reached or refused us */
	DB_ERR_MISUSE,   /* a programming error: bad SQL, unknown parameter */
	DB_ERR_INTERRUPTED, /* stopped for a key (db_interrupt_when): nothing was written */
};

/* The person acting at the keyboard; 0 before anyone has signed in. */
typedef long long db_user_id;

#endif
