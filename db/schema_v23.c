/* schema_v23.c — migration 23: the list-order indexes hold the phone's
 * digits too, so the search's walk for a phone's middle digits ("12 3",
 * "998": any run of three digits or more, in name order) reads no table
 * rows, as the name tests' walks read none (migration 10).
 *
 * The walk meets about (page) * citizens / hits rows, the same number at
 * any size for the same digits, but read a table row for each, which a
 * large centre's file mostly does not have in SQLite's cache: at 300,000
 * citizens 3,000-7,000 rows for three digits, 6-20 ms (joining the hits
 * instead, 1,000-1,800 of them, 5-8 ms); from the index alone 0.2 ms.
 * The cost: about 2.5 MB an index at 300,000 citizens, 5 MB of a 2 GB
 * file. */
#include "migrate.h"

const char schema_v23[] =
	"DROP INDEX citizens_sort;"
	"DROP INDEX citizens_family;"
	"CREATE INDEX citizens_sort ON citizens(sort_key, name_fold, name_keys, phone_digits);"
	"CREATE INDEX citizens_family ON citizens(family_key, name_fold, name_keys, phone_digits);";
