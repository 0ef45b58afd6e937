// A C interface of our own over libosmium (Debian's libosmium2-dev and libprotozero-dev: header-only C++),
// which reads OpenStreetMap's PBF (.osm.pbf, decoded on a pool of threads) and XML (.osm) formats with node
// ids and each way's node refs. The C++ side (cosmium.cpp) reads a whole file into flat arrays that this view
// exposes; nothing of C++ crosses this header. libbz2 (libbz2-dev) decompresses .osm.bz2 extracts into a
// temporary .osm file first (QTOSM's BZip2). QTOSM is the only Swift module that imports this one.
#ifndef COSMIUM_H
#define COSMIUM_H

#include <stddef.h>
#include <stdint.h>
#include <bzlib.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What one file held, as flat arrays owned by the extract (valid until cosmium_free). Offsets: element i's
/// items are [offsets[i], offsets[i + 1]). Tag ranges: element i's tags are [ranges[2i], ranges[2i + 1]). Strings are interned: string i is the bytes
/// [string_offsets[i], string_offsets[i + 1]) of chars (UTF-8, not NUL-terminated).
typedef struct cosmium_view {
    /// Every node with a position, in file order.
    size_t node_count;
    const int64_t *node_ids;
    const double *node_lons;
    const double *node_lats;
    /// Nodes without a position (deleted nodes of change files), skipped.
    size_t skipped_nodes;
    /// The nodes with at least one kept tag, in file order; tags in tagged_tag_ranges.
    size_t tagged_count;
    const int64_t *tagged_ids;
    const double *tagged_lons;
    const double *tagged_lats;
    const size_t *tagged_tag_ranges;
    /// Every way, in file order; node refs in way_ref_offsets/refs, tags in way_tag_ranges.
    size_t way_count;
    const int64_t *way_ids;
    const size_t *way_ref_offsets;
    const int64_t *refs;
    const size_t *way_tag_ranges;
    /// Every relation, in file order; members in relation_member_offsets, tags in relation_tag_ranges.
    size_t relation_count;
    const int64_t *relation_ids;
    const size_t *relation_member_offsets;
    const size_t *relation_tag_ranges;
    /// Members: 'n' (node), 'w' (way) or 'r' (relation), the id, the role's string index.
    const char *member_types;
    const int64_t *member_refs;
    const size_t *member_roles;
    /// Tags: the key's and the value's string indexes.
    const size_t *tag_keys;
    const size_t *tag_values;
    /// Interned strings.
    size_t string_count;
    const size_t *string_offsets;
    const char *chars;
} cosmium_view;

typedef struct cosmium_extract cosmium_extract;

/// Reads `path` as `format` ("pbf" or "xml"), keeping the tags whose key is one of `keys` (every tag when
/// `keys` is NULL) and the nodes that carry a kept tag; every node's position is kept. `threads` decode PBF
/// blocks (at least 1). All or nothing: on any error libosmium reports, returns NULL and writes a message
/// (NUL-terminated, at most `error_size` bytes) into `error`, with the counts read before it.
cosmium_extract *cosmium_read(const char *path, const char *format, const char *const *keys, size_t key_count,
                              int threads, char *error, size_t error_size);

/// The extract's arrays.
cosmium_view cosmium_view_of(const cosmium_extract *extract);

/// Frees an extract (NULL is ignored).
void cosmium_free(cosmium_extract *extract);

/// libosmium's version, e.g. "2.19.0".
const char *cosmium_version(void);

#ifdef __cplusplus
}
#endif

#endif
