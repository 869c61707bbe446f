// Adapter: a Recording (core/recording.h) -> one DiagramModel per step, read straight from StepView.
#pragma once

// The same models as TraceModels::parse() of the same run's `closureviz trace` output (a unit test
// compares them at every step of several programs), without writing or parsing JSON, and without
// a pass over the whole run per step: model(k) opens steps k and k-1 as StepViews (cost: the stack
// and the reachable objects of those two steps), so the UI can call it at every step change.
//
// Object ids in the model are the Recording's own ids (the trace export renumbers them by first
// appearance); frame ids are fids in both. Everything else follows trace_to_model.h: which objects
// a step holds (those the export writes, in its order), frame labels (Global, f1, f2, ...),
// retained and suspended frames, signatures (from the source when given), change marks.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/interpreter.h"
#include "core/recording.h"
#include "ui/layout/diagram_model.h"

namespace cv::layout {

class RecordingModels {
 public:
  // Keeps a reference to `recording`, which must outlive this object; copies `source`.
  RecordingModels(const cv::Recording& recording, std::string_view source);
  RecordingModels(RecordingModels&&) noexcept;
  RecordingModels& operator=(RecordingModels&&) noexcept;
  ~RecordingModels();

  std::size_t step_count() const;
  // Step `step` (counting from 1, as the trace export) drawn in `view`. Throws std::out_of_range
  // for a step that is not in the recording.
  DiagramModel model(std::size_t step, ViewMode view) const;
  // One plain-English sentence about what step `step` did (explain.h). Throws std::out_of_range.
  std::string explain(std::size_t step) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A program recorded in-process, as `closureviz trace` records it.
struct RecordedProgram {
  cv::Recording recording;
  cv::ProgramOutcome outcome;   // ok = false: uncaught exception or compile error (error_report set)
  bool compiled = true;         // false: a compile error (SyntaxError, ...): the recording has no steps
};

// Runs `source` under the recorder. `filename` is what tracebacks show; input() reads nothing
// (EOF); at most `max_steps` steps are recorded (then recording.end.status is Limit).
RecordedProgram record_program(std::string_view source, const std::string& filename, std::uint64_t max_steps = 10'000'000);

}  // namespace cv::layout
