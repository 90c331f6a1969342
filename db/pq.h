/* pq.h — libpq, loaded when a server address is opened (pq.c). Only
 * db_pg.c includes it: the calls keep libpq's names, each one a pointer
 * into the library loaded. */
#ifndef BB_PQ_H
#define BB_PQ_H

#include <libpq-fe.h>
#include <stdbool.h>

struct db;

/* libpq is loaded when a server address is opened, not at every start:
 * with it come OpenSSL, GnuTLS, Kerberos and LDAP, some 6 MiB of pages
 * and milliseconds of linking that a desk on a file never needs. The
 * calls below go through these pointers (the names stay libpq's). */
struct pq_api {
	void (*PQclear)(PGresult *);
	PGresult *(*PQexec)(PGconn *, const char *);
	ExecStatusType (*PQresultStatus)(const PGresult *);
	char *(*PQgetvalue)(const PGresult *, int, int);
	int (*PQntuples)(const PGresult *);
	PGTransactionStatusType (*PQtransactionStatus)(const PGconn *);
	int (*PQgetisnull)(const PGresult *, int, int);
	char *(*PQresultErrorField)(const PGresult *, int);
	PGresult *(*PQprepare)(PGconn *, const char *, const char *, int, const Oid *);
	char *(*PQerrorMessage)(const PGconn *);
	char *(*PQcmdStatus)(PGresult *);
	ConnStatusType (*PQstatus)(const PGconn *);
	Oid (*PQftype)(const PGresult *, int);
	int (*PQsetClientEncoding)(PGconn *, const char *);
	char *(*PQresultErrorMessage)(const PGresult *);
	int (*PQnfields)(const PGresult *);
	void (*PQfinish)(PGconn *);
	PGresult *(*PQexecPrepared)(PGconn *, const char *, int, const char *const *, const int *, const int *, int);
	PGresult *(*PQexecParams)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
	PGconn *(*PQconnectdb)(const char *);
	char *(*PQcmdTuples)(PGresult *);
};
extern struct pq_api pq;

/* Loads libpq once; false (with why in `db`) when it is not installed. */
bool pq_load(struct db *db);

/* pq.c itself names the members. */
#ifndef PQ_MEMBERS
#define PQclear pq.PQclear
#define PQexec pq.PQexec
#define PQresultStatus pq.PQresultStatus
#define PQgetvalue pq.PQgetvalue
#define PQntuples pq.PQntuples
#define PQtransactionStatus pq.PQtransactionStatus
#define PQgetisnull pq.PQgetisnull
#define PQresultErrorField pq.PQresultErrorField
#define PQprepare pq.PQprepare
#define PQerrorMessage pq.PQerrorMessage
#define PQcmdStatus pq.PQcmdStatus
#define PQstatus pq.PQstatus
#define PQftype pq.PQftype
#define PQsetClientEncoding pq.PQsetClientEncoding
#define PQresultErrorMessage pq.PQresultErrorMessage
#define PQnfields pq.PQnfields
#define PQfinish pq.PQfinish
#define PQexecPrepared pq.PQexecPrepared
#define PQexecParams pq.PQexecParams
#define PQconnectdb pq.PQconnectdb
#define PQcmdTuples pq.PQcmdTuples
#endif

#endif
