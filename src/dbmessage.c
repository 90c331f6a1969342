/* dbmessage.c — storage outcomes as sentences. */
#include "dbmessage.h"

#include "i18n.h"

const char *dbmessage(enum db_status st)
{
	switch (st) {
	case DB_OK:
	case DB_ROW:
	case DB_DONE:
		return _("Done.");
	case DB_ERR_NODIR:
		return _("The folder for the database does not exist and cannot be created. Check the path or ask the coordinator.");
	case DB_ERR_CANTOPEN:
		return _("The database file cannot be opened. Check the path and that you may use it.");
	case DB_ERR_READONLY:
		return _("The database is read-only, so nothing can be saved. Ask the coordinator to give this user write access to the file and its folder.");
	case DB_ERR_NOTADB:
		return _("The file is not a Brobygger database. Nothing was changed. Check that you chose the right file.");
	case DB_ERR_CORRUPT:
		return _("The database is damaged. Stop using it and restore the latest backup; the coordinator can run 'brobygger check'.");
	case DB_ERR_BUSY:
		return _("The database is locked by another program that is writing to it. Try again in a moment; if it goes on, close Brobygger on the other desks.");
	case DB_ERR_FULL:
		return _("The disk is full, so the change was not saved. Free some space and try again; nothing already saved is lost.");
	case DB_ERR_TOONEW:
		return _("The database was made by a newer version of Brobygger. It has not been changed. Update Brobygger to use it.");
	case DB_ERR_CONSTRAINT:
		return _("The change breaks one of the rules for the data and was not saved.");
	case DB_ERR_NOTFOUND:
		return _("The record no longer exists. Someone may have removed it.");
	case DB_ERR_CONFLICT:
		return _("Someone else changed this record in the meantime. Nothing was overwritten.");
	case DB_ERR_IO:
		return _("Reading or writing the database failed. Nothing more was changed; try again.");
	case DB_ERR_FORBIDDEN:
		return _("Only a coordinator may do this. Ask a coordinator to sign in.");
	case DB_ERR_INVALID:
		return _("Something in what was typed is not allowed. Nothing was saved.");
	case DB_ERR_SERVER:
		return _("The database server cannot be reached, or it refused the connection. Check the address, the user and the password file, and that the server is running.");
	case DB_ERR_INTERRUPTED:
		return _("The work was stopped to take a key. Nothing was changed; it goes on when the desk is idle.");
	case DB_ERR_MISUSE:
		break;
	}
	return _("An internal error occurred in Brobygger. Nothing more was changed. Please report it.");
}
