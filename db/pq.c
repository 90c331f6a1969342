/* pq.c — libpq loaded with dlopen (pq.h). */
#define PQ_MEMBERS
#include "pq.h"

#include <dlfcn.h>
#include <stddef.h>

#include "db_engine.h"

struct pq_api pq;

#define X(name) { #name, (void **)&pq.name }
static const struct {
	const char *name;
	void **at;
} pq_symbols[] = {
	X(PQclear),
	X(PQexec),
	X(PQresultStatus),
	X(PQgetvalue),
	X(PQntuples),
	X(PQtransactionStatus),
	X(PQgetisnull),
	X(PQresultErrorField),
	X(PQprepare),
	X(PQerrorMessage),
	X(PQcmdStatus),
	X(PQstatus),
	X(PQftype),
	X(PQsetClientEncoding),
	X(PQresultErrorMessage),
	X(PQnfields),
	X(PQfinish),
	X(PQexecPrepared),
	X(PQexecParams),
	X(PQconnectdb),
	X(PQcmdTuples),
};
#undef X

bool pq_load(struct db *db)
{
	static void *lib;
	if (lib)
		return true;
	void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		db_note(db, "the PostgreSQL client library libpq.so.5 is not installed (Debian: libpq5): %s",
			dlerror());
		return false;
	}
	for (size_t i = 0; i < sizeof pq_symbols / sizeof pq_symbols[0]; i++) {
		*pq_symbols[i].at = dlsym(h, pq_symbols[i].name);
		if (!*pq_symbols[i].at) {
			db_note(db, "libpq.so.5 has no %s", pq_symbols[i].name);
			dlclose(h);
			return false;
		}
	}
	lib = h;
	return true;
}

