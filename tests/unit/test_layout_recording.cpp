// RecordingModels (ui/layout/recording_to_model.h): equal to TraceModels of the exported trace at every
// step, and the layout's invariants at every step of every lesson, example and closure program.
//
// Programs are globbed from the repository at run time (assets/lessons, assets/examples and some
// topics of tests/programs), so new lessons are covered without touching this file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/trace_export.h"
#include "tests/unit/layout_checks.h"
#include "ui/layout/layout.h"
#include "ui/layout/recording_to_model.h"
#include "ui/layout/svg.h"
#include "ui/layout/trace_to_model.h"

namespace {

using namespace cv::layout;
using namespace layout_checks;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// The .py files of a directory of the repository, sorted.
std::vector<std::filesystem::path> programs_in(const std::string& dir) {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path root = std::filesystem::path(CV_SOURCE_DIR) / dir;
  if (!std::filesystem::is_directory(root)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".py") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Programs whose run needs no stdin and stays small enough to check every step in both adapters.
std::vector<std::filesystem::path> diagram_programs() {
  std::vector<std::filesystem::path> all;
  for (const char* dir : {"assets/lessons", "assets/examples", "tests/programs/closures", "tests/programs/generators",
                          "tests/programs/nonlocal_global", "tests/programs/late_binding", "tests/programs/decorators"})
    for (auto& p : programs_in(dir)) all.push_back(p);
  return all;
}

std::string trace_of(const cv::Recording& recording) {
  std::ostringstream out;
  cv::write_trace_jsonl(recording, "program.py", out);
  return std::move(out).str();
}

// ---- Model equality up to a renaming of object ids -------------------------------------------------
//
// RecordingModels uses the Recording's object ids and the trace its renumbered ones; everything else
// must be equal. The renaming is learnt while comparing (the first time an id meets an id) and must
// stay one-to-one for the whole run: the same object is the same object at every step.
struct IdRenaming {
  std::unordered_map<std::int64_t, std::int64_t> forward, backward;
  bool unify(std::int64_t a, std::int64_t b) {
    if (a == kNoId || b == kNoId) return a == b;
    auto f = forward.find(a);
    auto g = backward.find(b);
    if (f != forward.end() || g != backward.end()) return f != forward.end() && f->second == b && g != backward.end() && g->second == a;
    forward.emplace(a, b);
    backward.emplace(b, a);
    return true;
  }
};

struct ModelComparison {
  IdRenaming& ids;
  std::string problem;   // the first difference found

  bool fail(const std::string& what) {
    if (problem.empty()) problem = what;
    return false;
  }
  bool value(const Value& a, const Value& b, const std::string& where) {
    if (a.kind != b.kind) return fail(where + ": value kinds differ");
    if (a.text != b.text) return fail(where + ": '" + a.text + "' vs '" + b.text + "'");
    if (a.kind == Value::Kind::Object) return ids.unify(a.id, b.id) || fail(where + ": refers to different objects");
    return a.id == b.id || fail(where + ": different frame ids");
  }
  bool frame(const DiagramFrame& a, const DiagramFrame& b) {
    const std::string w = "frame " + b.title;
    if (a.id != b.id || a.label != b.label || a.title != b.title) return fail(w + ": id/label/title '" + a.title + "'");
    if (a.parent != b.parent) return fail(w + ": parent");
    if (a.state != b.state) return fail(w + ": state");
    if (a.note != b.note) return fail(w + ": note '" + a.note + "' vs '" + b.note + "'");
    if (a.is_new != b.is_new) return fail(w + ": is_new");
    if (a.has_return_value != b.has_return_value || a.return_label != b.return_label) return fail(w + ": return value");
    if (!value(a.return_value, b.return_value, w + " return value")) return false;
    if (a.retained_by.size() != b.retained_by.size()) return fail(w + ": retained_by size");
    for (std::size_t i = 0; i < a.retained_by.size(); ++i)
      if (!ids.unify(a.retained_by[i], b.retained_by[i])) return fail(w + ": retained_by");
    if (a.rows.size() != b.rows.size()) return fail(w + ": " + std::to_string(a.rows.size()) + " rows vs " + std::to_string(b.rows.size()));
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
      const FrameRow &x = a.rows[i], &y = b.rows[i];
      const std::string rw = w + " row " + y.name;
      if (x.name != y.name) return fail(rw + ": name '" + x.name + "'");
      if (x.role != y.role) return fail(rw + ": role");
      if (x.changed != y.changed) return fail(rw + ": changed");
      if (!ids.unify(x.cell, y.cell)) return fail(rw + ": cell");
      if (!value(x.value, y.value, rw)) return false;
    }
    return true;
  }
  bool object(const DiagramObject& a, const DiagramObject& b) {
    const std::string w = "object " + b.header;
    if (!ids.unify(a.id, b.id)) return fail(w + ": a different object at this position");
    if (a.kind != b.kind) return fail(w + ": kind");
    if (a.header != b.header) return fail(w + ": header '" + a.header + "'");
    if (a.parent_frame != b.parent_frame) return fail(w + ": parent frame");
    if (a.is_new != b.is_new || a.changed != b.changed || a.reachable != b.reachable) return fail(w + ": new/changed/reachable marks");
    if (a.closure.size() != b.closure.size()) return fail(w + ": closure size");
    for (std::size_t i = 0; i < a.closure.size(); ++i)
      if (a.closure[i].name != b.closure[i].name || !ids.unify(a.closure[i].cell, b.closure[i].cell)) return fail(w + ": closure slot");
    if (a.items.size() != b.items.size()) return fail(w + ": item count");
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      if (a.items[i].key != b.items[i].key) return fail(w + ": key '" + a.items[i].key + "' vs '" + b.items[i].key + "'");
      if (a.items[i].changed != b.items[i].changed) return fail(w + " item " + b.items[i].key + ": changed");
      if (!value(a.items[i].value, b.items[i].value, w + " item " + b.items[i].key)) return false;
    }
    return true;
  }
  bool model(const DiagramModel& a, const DiagramModel& b) {
    if (a.view != b.view) return fail("view");
    if (a.current_frame != b.current_frame) return fail("current frame");
    if (a.frames.size() != b.frames.size()) return fail(std::to_string(a.frames.size()) + " frames vs " + std::to_string(b.frames.size()));
    for (std::size_t i = 0; i < a.frames.size(); ++i)
      if (!frame(a.frames[i], b.frames[i])) return false;
    if (a.objects.size() != b.objects.size()) return fail(std::to_string(a.objects.size()) + " objects vs " + std::to_string(b.objects.size()));
    for (std::size_t i = 0; i < a.objects.size(); ++i)
      if (!object(a.objects[i], b.objects[i])) return false;
    return true;
  }
};

}  // namespace

TEST_CASE("RecordingModels equals TraceModels of the exported trace at every step", "[layout][recording]") {
  const std::vector<std::filesystem::path> programs = diagram_programs();
  REQUIRE(programs.size() >= 20);
  std::size_t steps_checked = 0;
  for (const auto& path : programs) {
    const std::string source = read_text(path);
    RecordedProgram run = record_program(source, path.string(), 20000);
    if (run.recording.step_count() == 0) continue;   // a program that does not compile: nothing to draw
    const TraceModels from_trace = TraceModels::parse(trace_of(run.recording), source);
    const RecordingModels from_recording(run.recording, source);
    INFO(path.filename().string());
    REQUIRE(from_recording.step_count() == from_trace.step_count());
    IdRenaming ids;
    for (std::size_t k = 1; k <= from_recording.step_count(); ++k) {
      for (ViewMode view : {ViewMode::Environment, ViewMode::Cells}) {
        ModelComparison compare{ids, {}};
        const bool same = compare.model(from_recording.model(k, view), from_trace.model(k, view));
        INFO("step " << k << ": " << compare.problem);
        REQUIRE(same);
      }
      ++steps_checked;
    }
  }
  CHECK(steps_checked > 1000);
}

TEST_CASE("RecordingModels rejects steps outside the recording", "[layout][recording]") {
  RecordedProgram run = record_program("x = 1\n", "t.py");
  const RecordingModels models(run.recording, "x = 1\n");
  REQUIRE(models.step_count() == run.recording.step_count());
  CHECK_THROWS_AS(models.model(0, ViewMode::Environment), std::out_of_range);
  CHECK_THROWS_AS(models.model(models.step_count() + 1, ViewMode::Cells), std::out_of_range);
  CHECK_THROWS_AS(models.explain(models.step_count() + 1), std::out_of_range);
  CHECK_NOTHROW(models.model(models.step_count(), ViewMode::Cells));
}

// Calls visit(model, k) with the model of step k of every lesson, example and closure program, in
// both views, steps in order (k == 1 starts each program and view), its name and step in INFO.
template <class Visit>
void for_each_diagram_step(Visit visit) {
  for (const auto& path : diagram_programs()) {
    const std::string source = read_text(path);
    RecordedProgram run = record_program(source, path.string(), 20000);
    const RecordingModels models(run.recording, source);
    for (ViewMode view : {ViewMode::Environment, ViewMode::Cells}) {
      INFO(path.filename().string() << (view == ViewMode::Environment ? " (env)" : " (cells)"));
      for (std::size_t k = 1; k <= models.step_count(); ++k) {
        INFO("step " << k);
        visit(models.model(k, view), k);
      }
    }
  }
}

TEST_CASE("layout invariants hold at every step of every lesson, example and closure program", "[layout][recording]") {
  const LayoutStyle style;
  DiagramLayout previous;
  for_each_diagram_step([&](const DiagramModel& model, std::size_t k) {
    DiagramLayout now = layout_diagram(model, k > 1 ? &previous : nullptr, style);
    check_invariants(now, k > 1 ? &previous : nullptr);
    previous = std::move(now);
  });
}

TEST_CASE("reusing the previous step's arrow routes gives the layout that routing afresh gives", "[layout][recording]") {
  // Stepping takes unchanged arrows' routes from the previous layout (LayoutStyle::reuse_routes);
  // routing every arrow again must give exactly the same boxes and curves, at every step.
  LayoutStyle reusing, routing;
  routing.reuse_routes = false;
  std::size_t bowed = 0;   // arrows bent around boxes: the routes that reuse could get wrong
  DiagramLayout previous_reusing, previous_routing;
  for_each_diagram_step([&](const DiagramModel& model, std::size_t k) {
    DiagramLayout a = layout_diagram(model, k > 1 ? &previous_reusing : nullptr, reusing);
    DiagramLayout b = layout_diagram(model, k > 1 ? &previous_routing : nullptr, routing);
    REQUIRE(a.boxes.size() == b.boxes.size());
    for (std::size_t i = 0; i < a.boxes.size(); ++i) CHECK(a.boxes[i].rect == b.boxes[i].rect);
    REQUIRE(a.arrows.size() == b.arrows.size());
    for (std::size_t i = 0; i < a.arrows.size(); ++i) {
      const Arrow &x = a.arrows[i], &y = b.arrows[i];
      CHECK((x.from_box == y.from_box && x.from_row == y.from_row && x.to_box == y.to_box));
      CHECK((x.p0 == y.p0 && x.p1 == y.p1 && x.p2 == y.p2 && x.p3 == y.p3));
      if (!(y.p1 == y.plain_p1)) ++bowed;
    }
    CHECK(a.bounds == b.bounds);
    previous_reusing = std::move(a);
    previous_routing = std::move(b);
  });
  CHECK(bowed > 100);   // the programs do exercise routing
}
