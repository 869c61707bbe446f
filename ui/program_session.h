// One recorded run of a program as the app shows it: the source, the const Recording, and per-step queries (models, explanation, JSON record).
#pragma once

// The app never owns interpreter state: load() runs the program to the end under a cv::Recorder
// and keeps only the finished Recording. Everything the UI draws is derived from it, step by step,
// on demand. No ImGui here, so the same code runs natively, in the browser and in tests.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/recording.h"
#include "ui/layout/diagram_model.h"

namespace cv::ui {

// How a load ended.
enum class RunStatus {
  Ok,         // the program ran to its end
  Error,      // an uncaught exception (steps recorded up to it) or a compile error (no steps)
  Limit,      // the step limit stopped it; the steps so far are recorded
};

// Marks for the timeline: what happened at a step.
enum class StepMark : std::uint8_t { None, Call, Return, Exception };

class ProgramSession;

// A recording being made in slices (the browser records between frames so the page stays live).
class RecordingInProgress {
 public:
  RecordingInProgress(std::string source, std::string filename, std::uint64_t max_steps);
  ~RecordingInProgress();
  RecordingInProgress(const RecordingInProgress&) = delete;
  RecordingInProgress& operator=(const RecordingInProgress&) = delete;

  // Runs about `budget` more VM instructions (the first call compiles). Returns true once the run
  // is over; take() then hands over the session.
  bool resume(std::uint64_t budget);
  bool finished() const { return finished_; }
  // Abandons the run: the steps recorded so far become the session, ended as a limit (the page's Stop).
  void stop();
  std::unique_ptr<ProgramSession> take();

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool finished_ = false;
};

class ProgramSession {
 public:
  // Compiles, runs and records `source` to its end. Never throws for anything the program does.
  static std::unique_ptr<ProgramSession> record(std::string source, std::string filename, std::uint64_t max_steps);
  ~ProgramSession();

  const Recording& recording() const { return recording_; }
  std::string_view source() const { return source_; }
  RunStatus status() const { return status_; }
  bool compile_error() const { return status_ == RunStatus::Error && step_count() == 0; }
  // The message shown for an error or a limit: the line CPython prints last ("NameError: name 'x'
  // is not defined"), or the limit's message. Empty when the run ended normally.
  const std::string& message() const { return message_; }
  // CPython's whole report on stderr (traceback or SyntaxError report).
  const std::string& error_report() const { return error_report_; }
  // The line of a compile or runtime error (0: none or unknown).
  int error_line() const { return error_line_; }

  std::uint32_t step_count() const { return recording_.step_count(); }
  // Per step: call depth (1 = <module>), event mark, line, and the frame that ran it.
  std::uint32_t depth(std::uint32_t step) const { return recording_.depth(step); }
  StepMark mark(std::uint32_t step) const;
  int line(std::uint32_t step) const { return recording_.step(step).line; }
  std::uint32_t fid(std::uint32_t step) const { return recording_.step(step).fid; }
  std::uint32_t max_depth() const { return max_depth_; }
  std::string_view stdout_at(std::uint32_t step) const { return recording_.stdout_at(step); }

  // Step `step` (1..step_count) as a diagram model.
  layout::DiagramModel model(std::uint32_t step, layout::ViewMode view) const;
  // One plain-English sentence about what happened at `step`.
  std::string explain(std::uint32_t step) const;
  // The trace-format "step" record of `step` (one JSON object, no newline), as `closureviz trace`.
  std::string step_record_json(std::uint32_t step) const;

 private:
  ProgramSession() = default;
  friend class RecordingInProgress;
  struct Models;

  std::string source_;
  Recording recording_;
  RunStatus status_ = RunStatus::Ok;
  std::string message_;
  std::string error_report_;
  int error_line_ = 0;
  std::uint32_t max_depth_ = 0;
  std::unique_ptr<Models> models_;
  mutable std::vector<std::string> export_lines_;  // the trace export's lines, written on first use
};

// The number in the last `line N` of a CPython error report, or 0.
int report_line(std::string_view report);

}  // namespace cv::ui
