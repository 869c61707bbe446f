// SVG export of a diagram layout: one <g> per channel of layout.h's draw order, CSS classes per state.
#include "ui/layout/svg.h"

#include <cstdio>

namespace cv::layout {

namespace {

// ---- Output helpers ---------------------------------------------------------------------------------

// Appends a coordinate with at most one decimal: "12", "12.5", "-3.2". Hand-rolled because
// snprintf would dominate the export time of a large diagram.
void num(std::string& out, float v) {
  long tenths = static_cast<long>(v * 10 + (v < 0 ? -0.5f : 0.5f));
  if (tenths < 0) {
    out += '-';
    tenths = -tenths;
  }
  char buf[24];
  int n = 0;
  long whole = tenths / 10;
  do {
    buf[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole > 0);
  while (n > 0) out += buf[--n];
  if (tenths % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
  }
}

std::string css_color(Rgba c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>(c >> 24), static_cast<unsigned>((c >> 16) & 0xFF),
                static_cast<unsigned>((c >> 8) & 0xFF));
  return buf;
}

void append_escaped(std::string& out, std::string_view s) {
  static const char kReplacement[] = "\xEF\xBF\xBD";   // U+FFFD
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += kReplacement;
          else out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A multi-byte sequence: validate it (shortest form, no surrogates, at most U+10FFFF).
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (c > 0xF4) len = 0;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
    std::uint32_t cp = ok ? (c & (0x7F >> len)) : 0;
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = p[i + static_cast<std::size_t>(k)];
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      ok = !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
           !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }
    if (ok) {
      out.append(s.substr(i, static_cast<std::size_t>(len)));
      i += static_cast<std::size_t>(len);
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

class Writer {
 public:
  Writer(const DiagramLayout& layout, const SvgStyle& style) : l_(layout), s_(style) {
    out_.reserve(4096 + layout.boxes.size() * 900 + layout.arrows.size() * 160);
  }

  std::string finish() && {
    header();
    // channel 0: background
    out_ += "<rect class=\"bg\" x=\"";
    num(out_, l_.bounds.x0);
    out_ += "\" y=\"";
    num(out_, l_.bounds.y0);
    out_ += "\" width=\"";
    num(out_, l_.bounds.width());
    out_ += "\" height=\"";
    num(out_, l_.bounds.height());
    out_ += "\"/>\n";
    // channel 1: scope-chain arcs
    out_ += "<g id=\"scope-chain\">\n";
    for (const Arrow& a : l_.arrows)
      if (a.kind == Arrow::Kind::ScopeChain) arrow(a);
    out_ += "</g>\n";
    // channel 2: boxes, faded ones first
    out_ += "<g id=\"boxes\">\n";
    for (int pass = 0; pass < 2; ++pass)
      for (const Box& b : l_.boxes)
        if (b.faded == (pass == 0)) box(b);
    out_ += "</g>\n";
    // channel 3: arrows (the layout's order: faded, normal, changed), highlighted ones last
    out_ += "<g id=\"arrows\">\n";
    for (int pass = 0; pass < 2; ++pass)
      for (const Arrow& a : l_.arrows)
        if (a.kind != Arrow::Kind::ScopeChain && a.highlighted == (pass == 1)) arrow(a);
    out_ += "</g>\n";
    // channel 4: anchor dots
    out_ += "<g id=\"anchors\">\n";
    for (const Arrow& a : l_.arrows) {
      if (a.kind != Arrow::Kind::Reference && a.kind != Arrow::Kind::ClosureCell) continue;
      out_ += "<circle class=\"dot";
      arrow_state_classes(a);
      out_ += "\" cx=\"";
      num(out_, a.p0.x);
      out_ += "\" cy=\"";
      num(out_, a.p0.y);
      out_ += "\" r=\"3.5\"/>\n";
    }
    out_ += "</g>\n</svg>\n";
    return std::move(out_);
  }

 private:
  void header() {
    const Theme& t = s_.theme;
    const Rect& b = l_.bounds;
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"";
    num(out_, b.width() * s_.scale);
    out_ += "\" height=\"";
    num(out_, b.height() * s_.scale);
    out_ += "\" viewBox=\"";
    num(out_, b.x0);
    out_ += ' ';
    num(out_, b.y0);
    out_ += ' ';
    num(out_, b.width());
    out_ += ' ';
    num(out_, b.height());
    out_ += "\" class=\"";
    out_ += l_.view == ViewMode::Environment ? "env" : "cells";
    out_ += "\">\n<title>";
    append_escaped(out_, s_.title);
    out_ += "</title>\n<defs>\n<style type=\"text/css\"><![CDATA[\n";
    auto rule = [&](const char* selector, const std::string& body) {
      out_ += selector;
      out_ += '{';
      out_ += body;
      out_ += "}\n";
    };
    auto fs = [](float v) {
      std::string s;
      num(s, v);
      return s + "px";
    };
    rule("text", "font-family:" + s_.font_family + ";fill:" + css_color(t.text) + ";font-size:" + fs(l_.font_size) + ";white-space:pre");
    rule(".bg", "fill:" + css_color(t.background));
    rule(".body", "stroke-width:1.2");
    rule(".frame .body", "fill:" + css_color(t.frame_fill) + ";stroke:" + css_color(t.frame_border));
    rule(".frame .hdr", "fill:" + css_color(t.frame_header));
    rule(".frame.chain .body", "stroke:" + css_color(t.scope_chain) + ";stroke-width:1.8");
    rule(".frame.current .body", "stroke:" + css_color(t.current_border) + ";stroke-width:2.6");
    rule(".frame.greyed .body", "fill:" + css_color(t.greyed_fill) + ";stroke:" + css_color(t.greyed_border) + ";stroke-dasharray:5 3");
    rule(".frame.greyed .hdr", "fill:" + css_color(t.greyed_header));
    rule(".frame.greyed text", "fill:" + css_color(t.text_muted));
    rule(".frame.greyed.chain .body", "stroke:" + css_color(t.scope_chain));   // dashed, on the chain
    rule(".object .body", "fill:" + css_color(t.object_fill) + ";stroke:" + css_color(t.object_border));
    rule(".object .hdr", "fill:" + css_color(t.object_header));
    rule(".function .body", "stroke:" + css_color(t.function_border));
    rule(".function .hdr", "fill:" + css_color(t.function_header));
    rule(".cell .body", "stroke:" + css_color(t.cell_border));
    rule(".cell .hdr", "fill:" + css_color(t.cell_header));
    rule(".new .body", "stroke:" + css_color(t.changed) + ";stroke-width:2.2");
    rule(".hl .body", "stroke:" + css_color(t.highlight) + ";stroke-width:2.6");
    rule(".faded", "opacity:" + std::to_string(t.faded_opacity).substr(0, 4));
    rule(".sep", "stroke:" + css_color(t.value_cell_border) + ";stroke-width:1");
    rule(".chg", "fill:" + css_color(t.changed_row));
    rule(".mark", "fill:" + css_color(t.changed));
    rule(".vc", "fill:" + css_color(t.value_cell) + ";stroke:" + css_color(t.value_cell_border) + ";stroke-width:1");
    rule(".slot", "fill:" + css_color(t.value_cell) + ";stroke:" + css_color(t.cell_border) + ";stroke-width:1");
    rule(".ttl", "font-weight:bold;font-size:" + fs(l_.title_font_size));
    rule(".note", "font-style:italic;font-size:" + fs(l_.note_font_size) + ";fill:" + css_color(t.text_muted));
    rule(".key", "fill:" + css_color(t.text_muted));
    rule(".free", "font-style:italic;fill:" + css_color(t.text_muted));
    rule(".ret", "font-style:italic");
    rule(".val", "fill:" + css_color(t.value_text));
    rule(".a", "fill:none;stroke:" + css_color(t.arrow) + ";stroke-width:1.4");
    rule(".a.par", "stroke:" + css_color(t.parent_arrow) + ";stroke-dasharray:5 3");
    rule(".a.scope", "stroke:" + css_color(t.scope_chain) + ";stroke-width:2");
    rule(".a.chg", "stroke:" + css_color(t.changed) + ";stroke-width:2");
    rule(".a.hl", "stroke:" + css_color(t.highlight) + ";stroke-width:2.4");
    rule(".dot", "fill:" + css_color(t.arrow));
    rule(".dot.chg", "fill:" + css_color(t.changed));
    rule(".dot.hl", "fill:" + css_color(t.highlight));
    out_ += "]]></style>\n";
    // SVG 1.1 markers cannot take the colour of the path using them: one marker per arrow colour.
    marker("h", t.arrow);
    marker("h-par", t.parent_arrow);
    marker("h-scope", t.scope_chain);
    marker("h-chg", t.changed);
    marker("h-hl", t.highlight);
    out_ += "</defs>\n";
  }

  void marker(const char* id, Rgba color) {
    out_ += "<marker id=\"";
    out_ += id;
    out_ += "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
            "markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\"><path d=\"M0,1 L10,5 L0,9 z\" fill=\"";
    out_ += css_color(color);
    out_ += "\"/></marker>\n";
  }

  void rect(const char* cls, const Rect& r) {
    out_ += "<rect class=\"";
    out_ += cls;
    out_ += "\" x=\"";
    num(out_, r.x0);
    out_ += "\" y=\"";
    num(out_, r.y0);
    out_ += "\" width=\"";
    num(out_, r.width());
    out_ += "\" height=\"";
    num(out_, r.height());
    out_ += "\"/>\n";
  }

  void line(float x0, float y0, float x1, float y1) {
    out_ += "<line class=\"sep\" x1=\"";
    num(out_, x0);
    out_ += "\" y1=\"";
    num(out_, y0);
    out_ += "\" x2=\"";
    num(out_, x1);
    out_ += "\" y2=\"";
    num(out_, y1);
    out_ += "\"/>\n";
  }

  // Text left-aligned `padding` into `r`, vertically centred (baseline ~0.35 em below the middle).
  void text(const char* cls, const Rect& r, float font_size, std::string_view s, float inset) {
    if (s.empty()) return;
    out_ += "<text";
    if (cls && *cls) {
      out_ += " class=\"";
      out_ += cls;
      out_ += '"';
    }
    out_ += " x=\"";
    num(out_, r.x0 + inset);
    out_ += "\" y=\"";
    num(out_, (r.y0 + r.y1) / 2 + 0.35f * font_size);
    out_ += "\">";
    append_escaped(out_, s);
    out_ += "</text>\n";
  }

  static const char* kind_class(const Box& b) {
    if (b.kind == Box::Kind::Frame) return "frame";
    switch (b.object_kind) {
      case ObjectKind::Function:
      case ObjectKind::Lambda: return "object function";
      case ObjectKind::Cell: return "object cell";
      default: return "object";
    }
  }

  void box(const Box& b) {
    out_ += "<g id=\"";
    out_ += b.kind == Box::Kind::Frame ? "frame-" : "object-";
    out_ += std::to_string(b.id);
    out_ += "\" class=\"box ";
    out_ += kind_class(b);
    if (b.current) out_ += " current";
    if (b.scope_chain) out_ += " chain";
    if (b.greyed) out_ += " greyed";
    if (b.is_new) out_ += " new";
    if (b.faded) out_ += " faded";
    if (b.highlighted) out_ += " hl";
    out_ += "\">\n";
    rect("body", b.rect);
    rect("hdr", b.header_rect);
    const bool keyed = b.kind == Box::Kind::Frame || (!b.rows.empty() && b.rows.front().name_rect.width() > 0);
    for (const Row& r : b.rows) {
      if (r.changed) rect("chg", {r.rect.x0 + 1, r.rect.y0, r.rect.x1 - 1, r.rect.y1});
    }
    if (b.kind == Box::Kind::Object) {
      for (std::size_t i = 0; i < b.rows.size(); ++i)
        if (i > 0) line(b.rect.x0, b.rows[i].rect.y0, b.rect.x1, b.rows[i].rect.y0);
      if (keyed && !b.rows.empty()) {
        const float x = b.rows.front().name_rect.x1 + l_.padding / 2;
        line(x, b.rows.front().rect.y0, x, b.rows.back().rect.y1);
      }
    }
    text("ttl", b.title_rect, l_.title_font_size, b.title, l_.padding);
    text("note", b.note_rect, l_.note_font_size, b.note, l_.padding);
    for (const Row& r : b.rows) {
      if (r.changed) rect("mark", {r.rect.x0 + 1, r.rect.y0 + 2, r.rect.x0 + 4, r.rect.y1 - 2});
      if (b.kind == Box::Kind::Frame) rect("vc", r.value_rect);
      const char* name_class = r.is_return ? "ret" : r.role == VariableRole::FreeVar ? "free"
                               : b.kind == Box::Kind::Object                          ? "key"
                                                                                      : "";
      text(name_class, r.name_rect, l_.font_size, r.name, 0);
      text("val", r.value_rect, l_.font_size, r.value_text, l_.padding);
    }
    if (!b.slots.empty()) {
      const Row& first = b.slots.front();
      text("key", {b.rect.x0, first.rect.y0, first.rect.x0, first.rect.y1}, l_.font_size, b.closure_label, l_.padding);
      for (const Row& s : b.slots) {
        rect("slot", s.rect);
        text("free", s.name_rect, l_.font_size, s.name, 0);
      }
    }
    out_ += "</g>\n";
  }

  void arrow_state_classes(const Arrow& a) {
    if (a.highlighted) out_ += " hl";
    else if (a.changed) out_ += " chg";
    if (a.faded) out_ += " faded";
  }

  void arrow(const Arrow& a) {
    out_ += "<path class=\"a";
    if (a.kind == Arrow::Kind::Parent) out_ += " par";
    if (a.kind == Arrow::Kind::ScopeChain) out_ += " scope";
    arrow_state_classes(a);
    out_ += "\" d=\"M";
    num(out_, a.p0.x);
    out_ += ',';
    num(out_, a.p0.y);
    out_ += " C";
    for (const Vec2* p : {&a.p1, &a.p2, &a.p3}) {
      num(out_, p->x);
      out_ += ',';
      num(out_, p->y);
      if (p != &a.p3) out_ += ' ';
    }
    const char* head = a.highlighted                      ? "h-hl"
                       : a.changed                        ? "h-chg"
                       : a.kind == Arrow::Kind::ScopeChain ? "h-scope"
                       : a.kind == Arrow::Kind::Parent     ? "h-par"
                                                           : "h";
    out_ += "\" marker-end=\"url(#";
    out_ += head;
    out_ += ")\"/>\n";
  }

  const DiagramLayout& l_;
  const SvgStyle& s_;
  std::string out_;
};

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string write_svg(const DiagramLayout& layout, const SvgStyle& style) { return Writer(layout, style).finish(); }

}  // namespace cv::layout
