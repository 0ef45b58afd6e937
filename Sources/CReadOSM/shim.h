// readosm (Debian's libreadosm-dev): reads OpenStreetMap's XML (.osm) and PBF (.osm.pbf) formats, handing
// nodes (with ids), ways (with their node refs) and relations to callbacks. libbz2 (libbz2-dev) decompresses
// .osm.bz2 extracts into a temporary .osm file first, since readosm picks the format by suffix and reads
// neither compressed XML nor standard input. QTOSM is the only Swift module that imports this one.
#include <stdio.h>
#include <readosm.h>
#include <bzlib.h>
