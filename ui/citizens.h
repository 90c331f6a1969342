/* citizens.h — find a citizen as you type and open the card. */
#ifndef BB_CITIZENS_H
#define BB_CITIZENS_H

#include "screen.h"

extern const struct screen_ops citizens_screen;

#endif
