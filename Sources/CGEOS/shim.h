// Only the re-entrant (_r) GEOS C API is exposed: every call takes a context handle.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
