// cv_layout_bench: times layout_diagram and write_svg on a synthetic step of 50 frames and 200 objects.
//
//   cv_layout_bench [RUNS]      prints the median and the fastest CPU time of each phase, in ms
//
// The budget (issue 5) is 2 ms of CPU for layout plus draw-list building of such a step, native.
// The model mixes what real steps hold: nested frames with locals, cell and free variables, a few
// retained frames, functions with closures, cells, lists, dicts and instances referring to each
// other, some of them changed or unreachable.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "ui/layout/layout.h"
#include "ui/layout/svg.h"

using namespace cv::layout;

namespace {

DiagramModel synthetic_model(ViewMode view) {
  constexpr int kFrames = 50, kObjects = 200;
  DiagramModel m;
  m.view = view;
  // Objects: ids 1..200. Every 5th is a function, the next one its cell; the rest containers.
  for (int id = 1; id <= kObjects; ++id) {
    DiagramObject o;
    o.id = id;
    o.is_new = id % 37 == 0;
    o.reachable = id % 53 != 0;
    switch (id % 5) {
      case 0:
        o.kind = ObjectKind::Function;
        o.header = "func helper_" + std::to_string(id) + "(a, b) [parent=f" + std::to_string(id % kFrames) + "]";
        o.parent_frame = id % kFrames + 1;
        o.closure = {{"total", id + 1}, {"step", id + 1}};
        break;
      case 1:
        o.kind = ObjectKind::Cell;
        o.header = "cell";
        o.items = {{"", Value::inline_text(std::to_string(id * 7)), false}};
        break;
      case 2:
        o.kind = ObjectKind::List;
        o.header = "list";
        for (int i = 0; i < 4; ++i)
          o.items.push_back({std::to_string(i), i == 3 && id + 3 <= kObjects ? Value::object(id + 3) : Value::inline_text(std::to_string(i * id)), i == 1});
        break;
      case 3:
        o.kind = ObjectKind::Dict;
        o.header = "dict";
        o.items = {{"'name'", Value::inline_text("'item " + std::to_string(id) + "'"), false},
                   {"'count'", Value::inline_text(std::to_string(id)), false},
                   {"'next'", id + 4 <= kObjects ? Value::object(id + 4) : Value::inline_text("None"), false}};
        break;
      default:
        o.kind = ObjectKind::Instance;
        o.header = "Node instance";
        o.items = {{"value", Value::inline_text(std::to_string(id)), false},
                   {"left", Value::object((id * 7) % kObjects + 1), false},
                   {"right", Value::inline_text("None"), false}};
        break;
    }
    m.objects.push_back(std::move(o));
  }
  // Frames: Global, then f1..f49, each defined in the one before; every 10th has returned and is retained.
  for (int f = 1; f <= kFrames; ++f) {
    DiagramFrame fr;
    fr.id = f;
    fr.label = f == 1 ? "Global" : "f" + std::to_string(f - 1);
    fr.title = f == 1 ? "Global frame" : fr.label + ": level_" + std::to_string(f - 1);
    fr.parent = f == 1 ? kNoId : f - 1;
    fr.state = f == kFrames ? FrameState::Current : f % 10 == 5 ? FrameState::Retained : FrameState::Active;
    if (fr.state == FrameState::Retained) {
      fr.retained_by = {f * 4};
      fr.note = "returned; retained by helper_" + std::to_string(f * 4);
    }
    const int base = (f * 4) % kObjects;   // 4 references per frame: every object is referred to
    for (int r = 0; r < 5; ++r) {
      FrameRow row;
      row.name = "var_" + std::to_string(r);
      row.value = r == 4 ? Value::inline_text(std::to_string(f * 100 + r)) : Value::object(base + r + 1);
      row.changed = f == kFrames && r == 0;
      fr.rows.push_back(row);
    }
    FrameRow cellvar;
    cellvar.name = "total";
    cellvar.role = VariableRole::CellVar;
    cellvar.cell = (f * 5) % kObjects + 1;
    cellvar.value = Value::inline_text(std::to_string(f));
    fr.rows.push_back(cellvar);
    m.frames.push_back(std::move(fr));
  }
  m.current_frame = kFrames;
  return m;
}

// CPU time of this thread, in ms: the budget is CPU time, and the build machines are shared, so
// wall-clock time would mostly measure the neighbours.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Stats {
  double median, best;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v.front()};
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 201;
  const LayoutStyle style;
  for (ViewMode view : {ViewMode::Environment, ViewMode::Cells}) {
    const DiagramModel model = synthetic_model(view);
    const DiagramLayout first = layout_diagram(model, nullptr, style);   // the "previous step"
    std::vector<double> fresh, stable, svg, total;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      double t0 = cpu_ms();
      DiagramLayout a = layout_diagram(model, nullptr, style);
      fresh.push_back(cpu_ms() - t0);
      t0 = cpu_ms();
      DiagramLayout b = layout_diagram(model, &first, style);
      const double t1 = cpu_ms();
      stable.push_back(t1 - t0);
      std::string s = write_svg(b);
      const double t2 = cpu_ms();
      svg.push_back(t2 - t1);
      total.push_back(t2 - t0);
      bytes = s.size();
    }
    const DiagramLayout l = layout_diagram(model, &first, style);
    std::printf("%s view: %zu boxes, %zu arrows, SVG %zu bytes, %d runs\n",
                view == ViewMode::Environment ? "environment" : "cells", l.boxes.size(), l.arrows.size(), bytes, runs);
    auto row = [](const char* what, Stats s) { std::printf("  %-34s median %7.3f ms   best %7.3f ms\n", what, s.median, s.best); };
    row("layout (no previous layout)", stats(fresh));
    row("layout (with previous layout)", stats(stable));
    row("write_svg", stats(svg));
    row("layout (with previous) + write_svg", stats(total));
  }
  return 0;
}
