/* insight.h — the citizen's right of access: one readable text file, in
 * the desk's language, with everything Brobygger stores about a person
 * (their details, referrals, relatives, consents with their history,
 * assessments, matches, attendance, calls, measures, notes) and the audit
 * log's entries of who viewed or changed their data. Coordinators make
 * it; making it is audited (action export). */
#ifndef BB_INSIGHT_H
#define BB_INSIGHT_H

#include <stdio.h>

#include "desk.h"

/* Writes the insight file for the citizen to `out`. DB_ERR_NOTFOUND for
 * no such citizen; DB_ERR_IO when writing fails. */
enum db_status insight_write(struct desk *d, long long citizen_id, FILE *out);

/* Writes it to a new file at `path`, readable by its owner only (mode
 * 0600); an existing file is not overwritten (DB_ERR_CONFLICT). */
enum db_status insight_write_file(struct desk *d, long long citizen_id, const char *path);

/* A file name for it in `folder` ("" for the current one):
 * indsigt-borger-12-2026-11-26.txt, in the desk's language. */
void insight_default_path(const char *folder, long long citizen_id, char *out, size_t size);

#endif
