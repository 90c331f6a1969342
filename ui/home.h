/* home.h — the first screen: today's numbers and the menu. */
#ifndef BB_HOME_H
#define BB_HOME_H

#include "screen.h"

extern const struct screen_ops home_screen;

#endif
