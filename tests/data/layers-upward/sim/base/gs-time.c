/* A base-layer file that reaches up into the run layer: the layering test
 * must reject it. */
#include "run/gs-run-private.h"
