// GDAL's C API for vector data (OGR): datasets and drivers, layers, features, fields, geometries,
// spatial references, and the CPL error and configuration functions.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

// GDAL's SHA-256 (port/cpl_sha256.h, exported by libgdal but not installed by Debian's libgdal-dev): the
// one-shot function only, whose signature has been stable since GDAL 2.1. The checksums of a build's inputs.
void CPL_SHA256(const void *data, size_t len, unsigned char hash[32]);
