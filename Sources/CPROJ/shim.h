// PROJ's transformation API and its bundled geodesic routines (Karney's algorithms).
#include <proj.h>
#include <geodesic.h>
