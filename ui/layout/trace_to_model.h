// Adapter: a JSON-lines trace (docs/trace-format.md, version 1) -> one DiagramModel per step.
#pragma once

// The trace of a whole run is read once; model(k, view) then builds step k's model on demand.
// What one step record does not say is taken from the earlier steps of the same trace:
//   * frames that are no longer on the stack: a returned frame that is the defining environment of
//     a live function is Retained (its rows are its cell variables, read from the live cells:
//     the rest of a returned frame is gone in CPython); a generator's frame between yields is
//     Suspended (its rows as at the yield, cells read live);
//   * what changed: model k is compared with model k-1 (new frames and objects, new or changed
//     rows and items); objects of step k-1 that are gone at step k are kept once, unreachable;
//   * function signatures: from the program's source when given (`def f(a, b=1)` -> "(a, b=1)"),
//     otherwise from the first call of the function anywhere in the trace.
// Frames are labelled as in environment diagrams: "Global" for <module>, then f1, f2, ... in the
// order of the frames' first call.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ui/layout/diagram_model.h"

namespace cv::layout {

// A malformed trace: the message starts with "line N: ".
struct TraceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class TraceModels {
 public:
  // Parses a whole trace (meta, step and end records, one per line; blank lines are skipped).
  // `source` is the program's text, or empty. Throws TraceError.
  static TraceModels parse(std::string_view jsonl, std::string_view source = {});

  TraceModels(TraceModels&&) noexcept;
  TraceModels& operator=(TraceModels&&) noexcept;
  ~TraceModels();

  std::size_t step_count() const;
  // Step `step` (counting from 1, as the trace's "step" key) drawn in `view`. Throws
  // std::out_of_range for a step that is not in the trace.
  DiagramModel model(std::size_t step, ViewMode view) const;

 private:
  struct Impl;
  explicit TraceModels(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Python's repr() of a str, as the diagram shows string values: 'it\'s' -> "it's" (double quotes),
// control characters escaped.
std::string python_str_repr(std::string_view s);

}  // namespace cv::layout
