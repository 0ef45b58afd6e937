// GDAL's C API for vector data (OGR): datasets and drivers, layers, features, fields, geometries,
// spatial references, and the CPL error and configuration functions.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
