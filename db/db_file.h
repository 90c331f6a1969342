/* db_file.h — the database file's hold, for the engine that opens it
 * (db_file.c; the folder and the lock-out are in db.h). */
#ifndef BB_DB_FILE_H
#define BB_DB_FILE_H

/* A shared flock on the file for as long as a connection has it open:
 * returns the hold to give back (0 when none could be taken; a desk
 * still opens). */
int db_file_hold(const char *path);
/* Gives a hold back; the descriptor closes with the file's last. */
void db_file_release(int hold);

#endif
