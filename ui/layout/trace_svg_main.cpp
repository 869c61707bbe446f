// cv_trace_svg: one step of a saved JSON-lines trace as an SVG diagram (`closureviz render` draws a program directly).
//
//   cv_trace_svg TRACE.jsonl --step K [--view env|cells] [--source PROGRAM.py] [-o OUT.svg]
//
// Steps before K are laid out too (each with the previous layout), so objects sit where the UI,
// stepping from the start, would have put them.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ui/layout/layout.h"
#include "ui/layout/svg.h"
#include "ui/layout/trace_to_model.h"

namespace {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = std::move(text).str();
  return true;
}

int usage(const char* message) {
  std::fprintf(stderr, "cv_trace_svg: %s\nusage: cv_trace_svg TRACE.jsonl --step K [--view env|cells] [--source PROGRAM.py] [-o OUT.svg]\n", message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string trace_path, source_path, out_path, view = "env";
  long step = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--step") step = std::atol(next().c_str());
    else if (a == "--view") view = next();
    else if (a == "--source") source_path = next();
    else if (a == "-o") out_path = next();
    else if (trace_path.empty()) trace_path = a;
    else return usage(("unexpected argument " + a).c_str());
  }
  if (trace_path.empty() || step < 1) return usage("expected a trace and --step K (K >= 1)");
  if (view != "env" && view != "cells") return usage("--view is env or cells");
  std::string trace, source;
  if (!read_file(trace_path, trace)) return usage(("cannot read " + trace_path).c_str());
  if (!source_path.empty() && !read_file(source_path, source)) return usage(("cannot read " + source_path).c_str());
  try {
    auto models = cv::layout::TraceModels::parse(trace, source);
    if (static_cast<std::size_t>(step) > models.step_count()) return usage(("the trace has " + std::to_string(models.step_count()) + " steps").c_str());
    const auto mode = view == "env" ? cv::layout::ViewMode::Environment : cv::layout::ViewMode::Cells;
    cv::layout::LayoutStyle style;
    cv::layout::DiagramLayout layout;
    for (long k = 1; k <= step; ++k) {
      cv::layout::DiagramLayout next = cv::layout::layout_diagram(models.model(static_cast<std::size_t>(k), mode), k > 1 ? &layout : nullptr, style);
      layout = std::move(next);
    }
    cv::layout::SvgStyle svg_style;
    svg_style.title = "step " + std::to_string(step) + (view == "env" ? " (environment view)" : " (cells view)");
    const std::string svg = cv::layout::write_svg(layout, svg_style);
    if (out_path.empty() || out_path == "-") {
      std::fwrite(svg.data(), 1, svg.size(), stdout);
    } else {
      std::ofstream out(out_path, std::ios::binary);
      out << svg;
      if (!out) return usage(("cannot write " + out_path).c_str());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cv_trace_svg: %s\n", e.what());
    return 1;
  }
  return 0;
}
