/* dbrules.h — hands src/'s rules (Danish folding, sort keys, the clock)
 * to the storage layer, which calls them from SQL. Call once at start,
 * before the first db_open: main and every test that writes citizens. */
#ifndef BB_DBRULES_H
#define BB_DBRULES_H

void dbrules_install(void);

#endif
