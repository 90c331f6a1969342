/* i18n.h — gettext shorthands and language start-up.
 *
 * _() translates now, N_() marks a string in a static table for later
 * translation, P_() picks a plural form. Danish is the desk's language:
 * without an explicit request for another language we speak Danish.
 */
#ifndef BB_I18N_H
#define BB_I18N_H

#include "config.h"

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(one, many, n) ngettext((one), (many), (n))
#else
#define _(s) (s)
#define P_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) (s)

/* Sets the locale (falling back to C.UTF-8 and keeping the wanted
 * language when e.g. da_DK is not generated) and binds the catalogue,
 * preferring one next to the running binary (a build folder). */
void i18n_init(void);

/* The language code chosen at start-up, "da" or e.g. "en". */
const char *i18n_language(void);

/* Pure rule behind i18n_init, for tests: which language the environment
 * asks for, given LANGUAGE, LC_ALL, LC_MESSAGES and LANG (any may be
 * NULL). Writes a two-letter code such as "da" into out. */
void i18n_pick_language(const char *language, const char *lc_all, const char *lc_messages,
			const char *lang, char out[8]);

#endif
