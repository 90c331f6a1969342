/* icu.h — ICU, loaded the first time a text needs it (issue 15).
 *
 * Collation and folding of text in Latin-1 (every Danish name) need no
 * ICU: collate.c has the Danish collator's weights for it in a table made
 * at build time, and fold.c its own rules. ICU and the C++ runtime it
 * brings are some 5 MiB of pages and milliseconds of linking at every
 * start, so the program does not link them: the few functions collate.c
 * and fold.c call are looked up here, from the ICU whose headers the
 * program was built with (its soname carries the major version). */
#ifndef BB_ICU_H
#define BB_ICU_H

#include <stdbool.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/ucoleitr.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* The members have the functions' names. ICU's headers turn each name
 * into its versioned symbol (ucol_open into ucol_open_72), members
 * included, which is what makes icu.c find the right symbols. */
struct icu {
	UChar *(*u_strFromUTF8WithSub)(UChar *, int32_t, int32_t *, const char *, int32_t, UChar32, int32_t *,
				       UErrorCode *);
	const UNormalizer2 *(*unorm2_getNFCInstance)(UErrorCode *);
	int32_t (*unorm2_normalize)(const UNormalizer2 *, const UChar *, int32_t, UChar *, int32_t, UErrorCode *);
	UBool (*u_isUWhiteSpace)(UChar32);
	UBool (*u_isalnum)(UChar32);
	int8_t (*u_charType)(UChar32);
	UCollator *(*ucol_open)(const char *, UErrorCode *);
	UCollationElements *(*ucol_openElements)(const UCollator *, const UChar *, int32_t, UErrorCode *);
	void (*ucol_setText)(UCollationElements *, const UChar *, int32_t, UErrorCode *);
	int32_t (*ucol_next)(UCollationElements *, UErrorCode *);
	int32_t (*ucol_primaryOrder)(int32_t);
	UTransliterator *(*utrans_openU)(const UChar *, int32_t, UTransDirection, const UChar *, int32_t,
					 UParseError *, UErrorCode *);
	void (*utrans_transUChars)(const UTransliterator *, UChar *, int32_t *, int32_t, int32_t, int32_t *,
				   UErrorCode *);
};

/* Loads ICU on the first call; NULL (then and ever after) when it is not
 * installed or lacks a function. */
const struct icu *icu_load(void);
/* Whether ICU has been loaded (tests: the desk's Danish text never does). */
bool icu_loaded(void);

#endif
