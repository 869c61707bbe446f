// SVG export of a diagram layout: a standalone SVG 1.1 document (for slides, handouts, textbooks).
#pragma once

#include <string>
#include <string_view>

#include "ui/layout/layout.h"
#include "ui/layout/theme.h"

namespace cv::layout {

struct SvgStyle {
  Theme theme;
  // The layout measured text with fixed_advance_measure() (0.6 em per glyph): ask for fonts with
  // that advance first so that text fits its boxes exactly.
  std::string font_family = "'DejaVu Sans Mono', 'JetBrains Mono', Menlo, Consolas, monospace";
  std::string title = "closureviz diagram";   // the document's <title>
  float scale = 1;                            // width/height attributes = bounds * scale
};

// The whole document: styles embedded, no external references. Draw order as in layout.h.
std::string write_svg(const DiagramLayout& layout, const SvgStyle& style = {});

// `text` as XML character data or attribute value: & < > " ' escaped; bytes that are not valid
// UTF-8 and characters XML 1.0 forbids (control characters other than tab, newline and return)
// become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace cv::layout
