// The diagram's colours, shared by the ImGui drawing and the SVG writer so both look the same.
#pragma once

#include <cstdint>

namespace cv::layout {

// 0xRRGGBBAA, as written in CSS.
using Rgba = std::uint32_t;

// The same colour as Dear ImGui's ImU32 (IM_COL32 packs A, B, G, R from the high byte down).
constexpr std::uint32_t to_imgui_color(Rgba c) {
  return (c >> 24) | ((c >> 8) & 0xFF00u) | ((c << 8) & 0xFF0000u) | (c << 24);
}
static_assert(to_imgui_color(0x11223344u) == 0x44332211u);

struct Theme {
  Rgba background = 0xFFFFFFFF;
  Rgba text = 0x1F2328FF;
  Rgba text_muted = 0x6E7781FF;       // notes, keys of containers, greyed frames' text
  Rgba value_text = 0x0B4F8AFF;       // inline primitives

  Rgba frame_fill = 0xF3F6FBFF;
  Rgba frame_header = 0xDCE6F4FF;
  Rgba frame_border = 0x8AA4C8FF;
  Rgba current_border = 0x1F5FAAFF;   // the current frame, drawn thicker
  Rgba greyed_fill = 0xF2F2F2FF;      // retained and suspended frames
  Rgba greyed_header = 0xE4E4E4FF;
  Rgba greyed_border = 0xA8A8A8FF;    // drawn dashed

  Rgba object_fill = 0xFFFCF0FF;
  Rgba object_header = 0xF8EDC8FF;
  Rgba object_border = 0xC2A24AFF;
  Rgba function_header = 0xDFF1E4FF;  // functions and lambdas
  Rgba function_border = 0x4F9A68FF;
  Rgba cell_header = 0xF8DCDCFF;      // cells (Cells view)
  Rgba cell_border = 0xC0504DFF;
  Rgba value_cell = 0xFFFFFFFF;       // the little box around a row's value
  Rgba value_cell_border = 0xC9CED6FF;

  Rgba arrow = 0x4A5568FF;
  Rgba parent_arrow = 0x7A8AA0FF;     // function -> parent frame, dashed
  Rgba scope_chain = 0x2B6CB0FF;      // scope-chain arcs and the chain's frame borders
  Rgba changed = 0xE07B00FF;          // what changed at this step: rows' marks, new boxes, new arrows
  Rgba changed_row = 0xFFF1D0FF;      // background of a changed row
  Rgba highlight = 0xD6336CFF;        // hover: what refers to the hovered thing
  float faded_opacity = 0.3f;         // unreachable objects and their arrows
};

}  // namespace cv::layout
