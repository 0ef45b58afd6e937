// The C interface of cosmium.h over libosmium: one read collects a whole file into flat arrays.
#include "cosmium.h"

#include <osmium/handler.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/io/xml_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/thread/pool.hpp>
#include <osmium/version.hpp>
#include <osmium/visitor.hpp>

#include <cstring>
#include <exception>
#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct cosmium_extract {
    std::vector<int64_t> node_ids;
    std::vector<double> node_lons, node_lats;
    size_t skipped_nodes = 0;
    std::vector<int64_t> tagged_ids;
    std::vector<double> tagged_lons, tagged_lats;
    std::vector<size_t> tagged_tag_ranges;
    std::vector<int64_t> way_ids;
    std::vector<size_t> way_ref_offsets{0};
    std::vector<int64_t> refs;
    std::vector<size_t> way_tag_ranges;
    std::vector<int64_t> relation_ids;
    std::vector<size_t> relation_member_offsets{0};
    std::vector<size_t> relation_tag_ranges;
    std::vector<char> member_types;
    std::vector<int64_t> member_refs;
    std::vector<size_t> member_roles;
    std::vector<size_t> tag_keys, tag_values;
    std::vector<size_t> string_offsets{0};
    std::vector<char> chars;
    // The interning table: open addressing over string indexes + 1 (0 is an empty slot).
    std::vector<size_t> slots = std::vector<size_t>(1 << 12, 0);
    size_t used = 0;

    std::string_view string(size_t i) const {
        return {chars.data() + string_offsets[i], string_offsets[i + 1] - string_offsets[i]};
    }

    size_t intern(std::string_view s) {
        size_t mask = slots.size() - 1;
        size_t h = std::hash<std::string_view>{}(s) & mask;
        while (slots[h] != 0) {
            if (string(slots[h] - 1) == s) return slots[h] - 1;
            h = (h + 1) & mask;
        }
        size_t index = string_offsets.size() - 1;
        chars.insert(chars.end(), s.begin(), s.end());
        string_offsets.push_back(chars.size());
        slots[h] = index + 1;
        if (++used * 2 > slots.size()) grow();
        return index;
    }

    void grow() {
        std::vector<size_t> old(slots.size() * 2, 0);
        old.swap(slots);
        size_t mask = slots.size() - 1;
        for (size_t entry : old) {
            if (entry == 0) continue;
            size_t h = std::hash<std::string_view>{}(string(entry - 1)) & mask;
            while (slots[h] != 0) h = (h + 1) & mask;
            slots[h] = entry;
        }
    }
};

namespace {

/// Collects elements into an extract, keeping the tags asked for.
class Collector : public osmium::handler::Handler {
public:
    Collector(cosmium_extract &out, const std::unordered_set<std::string_view> *keys) : m_out(out), m_keys(keys) {}

    void node(const osmium::Node &node) {
        const osmium::Location location = node.location();
        if (!location.valid()) {
            ++m_out.skipped_nodes;
            return;
        }
        m_out.node_ids.push_back(node.id());
        m_out.node_lons.push_back(location.lon());
        m_out.node_lats.push_back(location.lat());
        if (node.tags().empty()) return;
        const size_t begin = m_out.tag_keys.size();
        if (add_tags(node.tags()) > 0) {
            m_out.tagged_ids.push_back(node.id());
            m_out.tagged_lons.push_back(location.lon());
            m_out.tagged_lats.push_back(location.lat());
            m_out.tagged_tag_ranges.push_back(begin);
            m_out.tagged_tag_ranges.push_back(m_out.tag_keys.size());
        }
    }

    void way(const osmium::Way &way) {
        m_out.way_ids.push_back(way.id());
        for (const osmium::NodeRef &ref : way.nodes()) m_out.refs.push_back(ref.ref());
        m_out.way_ref_offsets.push_back(m_out.refs.size());
        m_out.way_tag_ranges.push_back(m_out.tag_keys.size());
        add_tags(way.tags());
        m_out.way_tag_ranges.push_back(m_out.tag_keys.size());
    }

    void relation(const osmium::Relation &relation) {
        m_out.relation_ids.push_back(relation.id());
        for (const osmium::RelationMember &member : relation.members()) {
            char type;
            switch (member.type()) {
            case osmium::item_type::node: type = 'n'; break;
            case osmium::item_type::way: type = 'w'; break;
            case osmium::item_type::relation: type = 'r'; break;
            default: continue;
            }
            m_out.member_types.push_back(type);
            m_out.member_refs.push_back(member.ref());
            m_out.member_roles.push_back(m_out.intern(member.role()));
        }
        m_out.relation_member_offsets.push_back(m_out.member_refs.size());
        m_out.relation_tag_ranges.push_back(m_out.tag_keys.size());
        add_tags(relation.tags());
        m_out.relation_tag_ranges.push_back(m_out.tag_keys.size());
    }

private:
    /// Appends the kept tags; returns how many.
    size_t add_tags(const osmium::TagList &tags) {
        size_t kept = 0;
        for (const osmium::Tag &tag : tags) {
            std::string_view key{tag.key()};
            if (m_keys && m_keys->find(key) == m_keys->end()) continue;
            m_out.tag_keys.push_back(m_out.intern(key));
            m_out.tag_values.push_back(m_out.intern(tag.value()));
            ++kept;
        }
        return kept;
    }

    cosmium_extract &m_out;
    const std::unordered_set<std::string_view> *m_keys;
};

void write_error(char *error, size_t size, const std::string &text) {
    if (!error || size == 0) return;
    size_t n = text.size() < size - 1 ? text.size() : size - 1;
    std::memcpy(error, text.data(), n);
    error[n] = '\0';
}

} // namespace

extern "C" cosmium_extract *cosmium_read(const char *path, const char *format, const char *const *keys, size_t key_count,
                                         int threads, char *error, size_t error_size) {
    cosmium_extract *out = nullptr;
    try {
        out = new cosmium_extract();
        std::unordered_set<std::string_view> kept;
        if (keys) {
            for (size_t i = 0; i < key_count; ++i) kept.insert(keys[i]);
        }
        Collector collector{*out, keys ? &kept : nullptr};
        osmium::thread::Pool pool{threads < 1 ? 1 : threads};
        osmium::io::File file{path, format};
        osmium::io::Reader reader{file, pool, osmium::io::read_meta::no};
        osmium::apply(reader, collector);
        reader.close();
        return out;
    } catch (const std::exception &e) {
        std::string text = e.what();
        if (out && (!out->node_ids.empty() || !out->way_ids.empty() || !out->relation_ids.empty())) {
            text += " after " + std::to_string(out->node_ids.size()) + " nodes, " + std::to_string(out->way_ids.size())
                + " ways and " + std::to_string(out->relation_ids.size()) + " relations (nothing read is used)";
        }
        write_error(error, error_size, text);
    } catch (...) {
        write_error(error, error_size, "libosmium failed with an unknown error");
    }
    delete out;
    return nullptr;
}

extern "C" cosmium_view cosmium_view_of(const cosmium_extract *e) {
    cosmium_view v{};
    v.node_count = e->node_ids.size();
    v.node_ids = e->node_ids.data();
    v.node_lons = e->node_lons.data();
    v.node_lats = e->node_lats.data();
    v.skipped_nodes = e->skipped_nodes;
    v.tagged_count = e->tagged_ids.size();
    v.tagged_ids = e->tagged_ids.data();
    v.tagged_lons = e->tagged_lons.data();
    v.tagged_lats = e->tagged_lats.data();
    v.tagged_tag_ranges = e->tagged_tag_ranges.data();
    v.way_count = e->way_ids.size();
    v.way_ids = e->way_ids.data();
    v.way_ref_offsets = e->way_ref_offsets.data();
    v.refs = e->refs.data();
    v.way_tag_ranges = e->way_tag_ranges.data();
    v.relation_count = e->relation_ids.size();
    v.relation_ids = e->relation_ids.data();
    v.relation_member_offsets = e->relation_member_offsets.data();
    v.relation_tag_ranges = e->relation_tag_ranges.data();
    v.member_types = e->member_types.data();
    v.member_refs = e->member_refs.data();
    v.member_roles = e->member_roles.data();
    v.tag_keys = e->tag_keys.data();
    v.tag_values = e->tag_values.data();
    v.string_count = e->string_offsets.size() - 1;
    v.string_offsets = e->string_offsets.data();
    v.chars = e->chars.data();
    return v;
}

extern "C" void cosmium_free(cosmium_extract *extract) { delete extract; }

extern "C" const char *cosmium_version(void) { return LIBOSMIUM_VERSION_STRING; }
