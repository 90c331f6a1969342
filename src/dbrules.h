/* dbrules.h — what src/ hands the storage layer once at start, before the
 * first db_open: the clock the stores stamp rows with (the test clock
 * BROBYGGER_TODAY fixes it), and the remaking of the search keys when the
 * rules that made them changed (src/textkeys.h), run by db_open after
 * migrating. Main and every test that writes citizens call it. */
#ifndef BB_DBRULES_H
#define BB_DBRULES_H

void dbrules_install(void);
/* Told just before the search keys are remade (with many citizens a
 * wait at the first start after an update), so the desk can say why. */
void dbrules_on_remaking(void (*say)(void));

#endif
