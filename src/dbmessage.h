/* dbmessage.h — what a storage outcome means for the person at the desk,
 * in their language. db/ reports codes; this is where they get words. */
#ifndef BB_DBMESSAGE_H
#define BB_DBMESSAGE_H

#include "model_status.h"

/* A full sentence saying what happened and what to do. */
const char *dbmessage(enum db_status st);

#endif
