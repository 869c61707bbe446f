// cv_layout_recording_bench: times one UI step change on a real recording: RecordingModels::model + layout_diagram + write_svg.
//
//   cv_layout_recording_bench [RUNS]      prints the median and the fastest CPU time of each phase, in ms
//
// The program below recurses 49 levels below Global (50 frames); each level holds a list, a dict, a
// closure over two cells and adds the closure to a shared list, so the deepest step has 50 frames and
// about 250 objects. The budget (issue 5) is 2 ms of CPU for layout plus draw-list building of such a
// step, natively; write_svg stands in for the draw list (both walk every box, row and arrow once).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "ui/layout/layout.h"
#include "ui/layout/recording_to_model.h"
#include "ui/layout/svg.h"

using namespace cv::layout;

namespace {

constexpr const char* kProgram =
    "def level(depth, acc):\n"
    "    items = [depth, str(depth)]\n"
    "    info = {'depth': depth, 'items': items}\n"
    "    def helper(x):\n"
    "        return x + depth + len(acc)\n"
    "    acc.append(helper)\n"
    "    if depth < 49:\n"
    "        return level(depth + 1, acc)\n"
    "    return len(acc)\n"
    "level(1, [])\n";

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
  const RecordedProgram run = record_program(kProgram, "bench.py");
  if (!run.outcome.ok) {
    std::fprintf(stderr, "the benchmark program failed: %s", run.outcome.error_report.c_str());
    return 1;
  }
  const RecordingModels models(run.recording, kProgram);
  // The deepest step: the line event of `return len(acc)` in the 49th level.
  std::size_t step = 1;
  for (std::size_t s = 1; s <= models.step_count(); ++s)
    if (run.recording.depth(static_cast<std::uint32_t>(s)) > run.recording.depth(static_cast<std::uint32_t>(step))) step = s;
  const LayoutStyle style;
  for (ViewMode view : {ViewMode::Environment, ViewMode::Cells}) {
    const DiagramLayout previous = layout_diagram(models.model(step - 1, view), nullptr, style);
    std::vector<double> model_ms, layout_ms, fresh_ms, svg_ms, total_ms;
    DiagramModel m;
    DiagramLayout l;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const double t0 = cpu_ms();
      m = models.model(step, view);
      const double t1 = cpu_ms();
      l = layout_diagram(m, &previous, style);
      const double t2 = cpu_ms();
      const std::string svg = write_svg(l);
      const double t3 = cpu_ms();
      bytes = svg.size();
      // The same step laid out afresh (a new program, another view): every arrow is routed.
      const double t4 = cpu_ms();
      const DiagramLayout fresh = layout_diagram(m, nullptr, style);
      fresh_ms.push_back(cpu_ms() - t4);
      model_ms.push_back(t1 - t0);
      layout_ms.push_back(t2 - t1);
      svg_ms.push_back(t3 - t2);
      total_ms.push_back(t3 - t0);
    }
    std::printf("%s view, step %zu of %zu: %zu frames, %zu objects in the model, %zu boxes, %zu arrows, SVG %zu bytes, %d runs\n",
                view == ViewMode::Environment ? "environment" : "cells", step, models.step_count(), m.frames.size(),
                m.objects.size(), l.boxes.size(), l.arrows.size(), bytes, runs);
    auto row = [](const char* what, Stats s) { std::printf("  %-40s median %7.3f ms   best %7.3f ms\n", what, s.median, s.best); };
    row("RecordingModels::model (steps k and k-1)", stats(model_ms));
    row("layout_diagram (with previous layout)", stats(layout_ms));
    row("layout_diagram (no previous layout)", stats(fresh_ms));
    row("write_svg", stats(svg_ms));
    row("model + layout + write_svg", stats(total_ms));
  }
  return 0;
}
