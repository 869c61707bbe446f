// Shared checks of the layout tests (test_layout*.cpp): box and row lookups, the layout invariants, an XML check.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "ui/layout/layout.h"

namespace layout_checks {

using namespace cv::layout;

inline const Box* frame_titled(const DiagramLayout& l, const std::string& prefix) {
  for (const Box& b : l.boxes)
    if (b.kind == Box::Kind::Frame && b.title.rfind(prefix, 0) == 0) return &b;
  return nullptr;
}

inline const Box* object_titled(const DiagramLayout& l, const std::string& prefix) {
  for (const Box& b : l.boxes)
    if (b.kind == Box::Kind::Object && b.title.rfind(prefix, 0) == 0) return &b;
  return nullptr;
}

inline std::size_t index_of(const DiagramLayout& l, const Box* b) { return static_cast<std::size_t>(b - l.boxes.data()); }

inline const Row* row_named(const Box& b, const std::string& name) {
  for (const Row& r : b.rows)
    if (r.name == name) return &r;
  return nullptr;
}

// The arrows of a kind leaving box `from` (at `row`, or any row when row < -1).
inline std::vector<const Arrow*> arrows_from(const DiagramLayout& l, std::size_t from, Arrow::Kind kind, int row = -2) {
  std::vector<const Arrow*> out;
  for (const Arrow& a : l.arrows)
    if (a.from_box == from && a.kind == kind && (row < -1 || a.from_row == row)) out.push_back(&a);
  return out;
}

inline std::size_t count_kind(const DiagramLayout& l, ObjectKind kind) {
  return static_cast<std::size_t>(std::count_if(l.boxes.begin(), l.boxes.end(), [&](const Box& b) {
    return b.kind == Box::Kind::Object && b.object_kind == kind;
  }));
}

inline int row_index(const Box& b, const std::string& name) {
  for (std::size_t i = 0; i < b.rows.size(); ++i)
    if (b.rows[i].name == name) return static_cast<int>(i);
  return -1;
}

inline bool on_edge(Vec2 p, const Rect& r) {
  constexpr float e = 0.01f;
  const bool on_vertical = (std::fabs(p.x - r.x0) < e || std::fabs(p.x - r.x1) < e) && p.y >= r.y0 - e && p.y <= r.y1 + e;
  const bool on_horizontal = (std::fabs(p.y - r.y0) < e || std::fabs(p.y - r.y1) < e) && p.x >= r.x0 - e && p.x <= r.x1 + e;
  return on_vertical || on_horizontal;
}

inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// A small XML 1.0 well-formedness check: one root element, tags nest and match, attributes are
// quoted and unique, `&` only starts a known entity or a character reference, no `<` in text or
// attribute values. Returns an empty string when well-formed, else what is wrong.
inline std::string xml_problem(const std::string& x) {
  std::size_t i = 0;
  std::vector<std::string> open;
  bool root_seen = false;
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.'; };
  auto check_text = [&](std::size_t from, std::size_t to) -> std::string {
    for (std::size_t k = from; k < to; ++k) {
      if (x[k] == '<') return "'<' in text or attribute at " + std::to_string(k);
      if (x[k] != '&') continue;
      std::size_t semi = x.find(';', k);
      if (semi == std::string::npos || semi > to) return "unterminated entity at " + std::to_string(k);
      std::string name = x.substr(k + 1, semi - k - 1);
      bool ok = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
                (name.size() > 1 && name[0] == '#');
      if (!ok) return "unknown entity &" + name + "; at " + std::to_string(k);
    }
    return {};
  };
  while (i < x.size()) {
    if (x[i] != '<') {
      std::size_t next = x.find('<', i);
      if (next == std::string::npos) next = x.size();
      if (open.empty() && x.find_first_not_of(" \t\r\n", i) < next) return "text outside the root at " + std::to_string(i);
      if (auto p = check_text(i, next); !p.empty()) return p;
      i = next;
      continue;
    }
    if (x.compare(i, 5, "<?xml") == 0 || x.compare(i, 2, "<?") == 0) {
      std::size_t end = x.find("?>", i);
      if (end == std::string::npos) return "unterminated processing instruction";
      i = end + 2;
      continue;
    }
    if (x.compare(i, 4, "<!--") == 0) {
      std::size_t end = x.find("-->", i);
      if (end == std::string::npos) return "unterminated comment";
      i = end + 3;
      continue;
    }
    if (x.compare(i, 9, "<![CDATA[") == 0) {
      if (open.empty()) return "CDATA outside the root";
      std::size_t end = x.find("]]>", i);
      if (end == std::string::npos) return "unterminated CDATA";
      i = end + 3;
      continue;
    }
    if (x.compare(i, 2, "</") == 0) {
      std::size_t end = x.find('>', i);
      if (end == std::string::npos) return "unterminated end tag";
      std::string name = x.substr(i + 2, end - i - 2);
      if (open.empty() || open.back() != name) return "mismatched </" + name + "> at " + std::to_string(i);
      open.pop_back();
      i = end + 1;
      continue;
    }
    // Start tag.
    std::size_t k = i + 1;
    while (k < x.size() && is_name(x[k])) ++k;
    std::string name = x.substr(i + 1, k - i - 1);
    if (name.empty()) return "bad tag at " + std::to_string(i);
    if (open.empty()) {
      if (root_seen) return "second root element <" + name + ">";
      root_seen = true;
    }
    std::vector<std::string> attrs;
    for (;;) {
      while (k < x.size() && std::isspace(static_cast<unsigned char>(x[k]))) ++k;
      if (k >= x.size()) return "unterminated tag <" + name + ">";
      if (x[k] == '>' || x.compare(k, 2, "/>") == 0) break;
      std::size_t a = k;
      while (k < x.size() && is_name(x[k])) ++k;
      std::string attr = x.substr(a, k - a);
      if (attr.empty() || k + 1 >= x.size() || x[k] != '=' || (x[k + 1] != '"' && x[k + 1] != '\''))
        return "bad attribute in <" + name + "> at " + std::to_string(a);
      if (std::find(attrs.begin(), attrs.end(), attr) != attrs.end()) return "duplicate attribute " + attr;
      attrs.push_back(attr);
      char q = x[k + 1];
      std::size_t end = x.find(q, k + 2);
      if (end == std::string::npos) return "unterminated attribute value";
      if (auto p = check_text(k + 2, end); !p.empty()) return p;
      k = end + 1;
    }
    if (x[k] == '>') {
      open.push_back(name);
      i = k + 1;
    } else {
      i = k + 2;
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (!root_seen) return "no root element";
  return {};
}

// ---- Invariants checked at every step --------------------------------------------------------------

inline void check_invariants(const DiagramLayout& l, const DiagramLayout* previous) {
  // No two boxes overlap.
  for (std::size_t i = 0; i < l.boxes.size(); ++i)
    for (std::size_t j = i + 1; j < l.boxes.size(); ++j) {
      INFO("boxes '" << l.boxes[i].title << "' and '" << l.boxes[j].title << "'");
      CHECK_FALSE(l.boxes[i].rect.overlaps(l.boxes[j].rect));
    }
  // Every arrow starts at its binding's anchor and ends on its target's edge.
  for (const Arrow& a : l.arrows) {
    REQUIRE(a.from_box < l.boxes.size());
    REQUIRE(a.to_box < l.boxes.size());
    const Box& from = l.boxes[a.from_box];
    const Box& to = l.boxes[a.to_box];
    INFO("arrow from '" << from.title << "' row " << a.from_row << " to '" << to.title << "'");
    switch (a.kind) {
      case Arrow::Kind::Reference:
        REQUIRE(a.from_row >= 0);
        REQUIRE(static_cast<std::size_t>(a.from_row) < from.rows.size());
        CHECK(from.rows[static_cast<std::size_t>(a.from_row)].is_reference);
        CHECK(a.p0 == from.rows[static_cast<std::size_t>(a.from_row)].anchor);
        CHECK(from.rows[static_cast<std::size_t>(a.from_row)].value_rect.contains(a.p0));
        break;
      case Arrow::Kind::ClosureCell:
        REQUIRE(a.from_row >= 0);
        REQUIRE(static_cast<std::size_t>(a.from_row) < from.slots.size());
        CHECK(a.p0 == from.slots[static_cast<std::size_t>(a.from_row)].anchor);
        CHECK(to.object_kind == ObjectKind::Cell);
        break;
      case Arrow::Kind::Parent:
        CHECK(a.p0 == from.header_anchor);
        CHECK(to.kind == Box::Kind::Frame);
        break;
      case Arrow::Kind::ScopeChain:
        CHECK(from.kind == Box::Kind::Frame);
        CHECK(to.kind == Box::Kind::Frame);
        CHECK(from.scope_chain);
        CHECK(to.scope_chain);
        break;
    }
    CHECK(on_edge(a.p3, to.rect));
  }
  // Every reference row has exactly one arrow.
  for (std::size_t b = 0; b < l.boxes.size(); ++b) {
    for (std::size_t r = 0; r < l.boxes[b].rows.size(); ++r) {
      if (!l.boxes[b].rows[r].is_reference) continue;
      INFO("row " << l.boxes[b].rows[r].name << " of " << l.boxes[b].title);
      CHECK(arrows_from(l, b, Arrow::Kind::Reference, static_cast<int>(r)).size() == 1);
    }
  }
  // Everything drawn is inside the bounds.
  for (const Box& b : l.boxes) {
    CHECK(b.rect.x0 >= l.bounds.x0);
    CHECK(b.rect.y0 >= l.bounds.y0);
    CHECK(b.rect.x1 <= l.bounds.x1);
    CHECK(b.rect.y1 <= l.bounds.y1);
  }
  // An object that did not change keeps its position (relative to the object area).
  if (previous) {
    for (const Box& b : l.boxes) {
      if (b.kind != Box::Kind::Object || b.changed || b.is_new) continue;
      int p = previous->object_box(b.id);
      if (p < 0) continue;
      const Box& was = previous->boxes[static_cast<std::size_t>(p)];
      INFO("object '" << b.title << "'");
      CHECK(b.rect.x0 - l.objects_origin_x == Approx(was.rect.x0 - previous->objects_origin_x));
      CHECK(b.rect.y0 == Approx(was.rect.y0));
    }
  }
}

}  // namespace layout_checks
