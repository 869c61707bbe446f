// One recorded run of a program for the app: run under the Recorder, then per-step models, sentences and JSON records.
#include "ui/program_session.h"

#include <algorithm>
#include <exception>
#include <sstream>

#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/trace_export.h"

// The recorder-native adapter (DIAGRAM's RecordingModels) is used when it is in the tree; until
// then the models come from the JSON-lines export through TraceModels, which gives the same model.
#if __has_include("ui/layout/recording_to_model.h")
#include "ui/layout/recording_to_model.h"
#define CV_UI_HAS_RECORDING_MODELS 1
#else
#include "ui/layout/trace_to_model.h"
#define CV_UI_HAS_RECORDING_MODELS 0
#endif

namespace cv::ui {

struct ProgramSession::Models {
#if CV_UI_HAS_RECORDING_MODELS
  Models(const Recording& recording, std::string_view source) : models(recording, source) {}
  layout::RecordingModels models;
#else
  Models(const Recording& recording, std::string_view source) : models(build(recording, source, lines)) {}
  static layout::TraceModels build(const Recording& recording, std::string_view source, std::vector<std::string>& lines) {
    const std::string jsonl = export_jsonl(recording);
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
    return layout::TraceModels::parse(jsonl, source);
  }
  std::vector<std::string> lines;  // meta, step 1..N, end: lines[k] is step k's record
  layout::TraceModels models;
#endif
  static std::string export_jsonl(const Recording& recording) {
    std::ostringstream out;
    write_trace_jsonl(recording, "program.py", out);
    return std::move(out).str();
  }
};

int report_line(std::string_view report) {
  int line = 0;
  for (std::size_t at = report.find("line "); at != std::string_view::npos; at = report.find("line ", at + 5)) {
    // Only `File "...", line N` and "(line N)" count: a digit must follow.
    std::size_t i = at + 5;
    int value = 0;
    bool digits = false;
    while (i < report.size() && report[i] >= '0' && report[i] <= '9' && value < 100'000'000) {
      value = value * 10 + (report[i] - '0');
      digits = true;
      ++i;
    }
    if (digits) line = value;
  }
  return line;
}

namespace {

// The exception's type as CPython prints it on the report's last line (qualified for nested
// classes: `f.<locals>.E`), falling back to the bare type name.
std::string qualified_type(const ProgramOutcome& outcome) {
  std::istringstream report(outcome.error_report);
  std::string qualified = outcome.error_type;
  for (std::string line; std::getline(report, line);) {
    const std::size_t colon = line.find(": ");
    const std::string head = colon == std::string::npos ? line : line.substr(0, colon);
    const std::string& type = outcome.error_type;
    if (!type.empty() && head.size() >= type.size() && head.find(' ') == std::string::npos &&
        head.compare(head.size() - type.size(), std::string::npos, type) == 0) {
      qualified = head;
    }
  }
  return qualified;
}

// The last non-empty line of a report: "SyntaxError: invalid syntax".
std::string last_line(std::string_view report) {
  while (!report.empty() && (report.back() == '\n' || report.back() == '\r')) report.remove_suffix(1);
  const std::size_t eol = report.rfind('\n');
  return std::string(eol == std::string_view::npos ? report : report.substr(eol + 1));
}

}  // namespace

ProgramSession::~ProgramSession() = default;

struct RecordingInProgress::State {
  explicit State(std::uint64_t max_steps) : recorder(options_for(max_steps)) {}
  static RecorderOptions options_for(std::uint64_t max_steps) {
    RecorderOptions options;
    options.max_steps = max_steps;
    return options;
  }
  std::unique_ptr<ProgramSession> session{new ProgramSession()};
  Recorder recorder;
  std::unique_ptr<ProgramRun> run;
  RunEnd end;
  ProgramOutcome outcome;
};

RecordingInProgress::RecordingInProgress(std::string source, std::string filename, std::uint64_t max_steps)
    : state_(std::make_unique<State>(max_steps)) {
  state_->session->source_ = std::move(source);
  ProgramOptions options;
  options.filename = std::move(filename);
  options.write_stdout = state_->recorder.tee_stdout([](std::string_view) {});  // the recording keeps stdout
  options.read_stdin_line = nullptr;                                           // input() sees end of file
  options.trace_hook = &state_->recorder;
  state_->run = std::make_unique<ProgramRun>(state_->session->source_, std::move(options));
}

RecordingInProgress::~RecordingInProgress() = default;

bool RecordingInProgress::resume(std::uint64_t budget) {
  if (finished_) return true;
  State& st = *state_;
  try {
    if (!st.run->resume(budget)) return false;
    st.outcome = st.run->outcome();
    if (st.outcome.limit_reached) {
      st.end.status = RunEnd::Status::Limit;
      st.end.message = st.outcome.error_message;
    } else if (!st.outcome.ok) {
      st.end.status = RunEnd::Status::Error;
      st.end.exc_type = qualified_type(st.outcome);
      st.end.exc_message = st.outcome.error_message;
    }
  } catch (const RecordingLimitReached&) {
    st.end.status = RunEnd::Status::Limit;
  }
  finished_ = true;
  return true;
}

void RecordingInProgress::stop() {
  if (finished_) return;
  state_->run->stop();
  state_->end.status = RunEnd::Status::Limit;
  state_->end.message = "stopped by the user";
  finished_ = true;
}

std::unique_ptr<ProgramSession> RecordingInProgress::take() {
  if (!finished_ || !state_ || !state_->session) return nullptr;
  State& st = *state_;
  std::unique_ptr<ProgramSession> session = std::move(st.session);
  session->recording_ = st.recorder.finish(st.end);
  const Recording& rec = session->recording_;
  switch (rec.end.status) {
    case RunEnd::Status::Ok:
      session->status_ = RunStatus::Ok;
      break;
    case RunEnd::Status::Error:
      session->status_ = RunStatus::Error;
      session->error_report_ = st.outcome.error_report;
      session->message_ = last_line(st.outcome.error_report);
      if (session->message_.empty()) session->message_ = st.end.exc_type + ": " + st.end.exc_message;
      session->error_line_ = rec.step_count() > 0 ? rec.step(rec.step_count()).line : report_line(st.outcome.error_report);
      break;
    case RunEnd::Status::Limit:
      session->status_ = RunStatus::Limit;
      session->message_ = !rec.end.message.empty() ? rec.end.message : !st.end.message.empty() ? st.end.message : "stopped at the step limit";
      break;
  }
  for (std::uint32_t s = 1; s <= rec.step_count(); ++s) session->max_depth_ = std::max(session->max_depth_, rec.depth(s));
  if (rec.step_count() > 0) session->models_ = std::make_unique<ProgramSession::Models>(session->recording_, session->source_);
  state_.reset();
  return session;
}

std::unique_ptr<ProgramSession> ProgramSession::record(std::string source, std::string filename, std::uint64_t max_steps) {
  RecordingInProgress pending(std::move(source), std::move(filename), max_steps);
  while (!pending.resume(1'000'000)) {
  }
  return pending.take();
}

StepMark ProgramSession::mark(std::uint32_t step) const {
  switch (recording_.step(step).event()) {
    case StepEvent::Call: return StepMark::Call;
    case StepEvent::Return: return StepMark::Return;
    case StepEvent::Exception: return StepMark::Exception;
    case StepEvent::Line: break;
  }
  return StepMark::None;
}

layout::DiagramModel ProgramSession::model(std::uint32_t step, layout::ViewMode view) const {
  if (!models_ || step < 1 || step > step_count()) {
    layout::DiagramModel empty;
    empty.view = view;
    return empty;
  }
  return models_->models.model(step, view);
}

std::string ProgramSession::step_record_json(std::uint32_t step) const {
  if (!models_ || step < 1 || step > step_count()) return "null";
#if CV_UI_HAS_RECORDING_MODELS
  // The recorder numbers objects incrementally up to `step` (cached), instead of exporting the
  // whole run as text on first use: a 100,000-step run would cost seconds and 20 MB in the browser.
  return cv::step_record_json(recording_, step);
#else
  return step < models_->lines.size() ? models_->lines[step] : "null";
#endif
}

std::string ProgramSession::explain(std::uint32_t step) const {
  if (!models_ || step < 1 || step > step_count()) return {};
#if CV_UI_HAS_RECORDING_MODELS
  return models_->models.explain(step);
#else
  // A plain sentence from the step's event until the full explanation engine is in.
  const StepRecord& r = recording_.step(step);
  const std::string func(recording_.frame_name(r.fid));
  const bool module = func == "<module>";
  const StepView view(recording_, step);
  switch (r.event()) {
    case StepEvent::Call:
      return module ? std::string("The program starts: Python creates the Global frame.")
                    : "Called " + func + ": a new frame for it.";
    case StepEvent::Line:
      return "Line " + std::to_string(r.line) + (module ? std::string(" runs at module level.") : " runs in " + func + ".");
    case StepEvent::Return:
      if (module) return "The program ends.";
      return func + (r.is_yield() ? " yields." : r.is_unwind() ? " is left because of an exception." : " returns.");
    case StepEvent::Exception:
      if (auto exc = view.exception()) return std::string(exc->first) + " raised in " + (module ? std::string("the module") : func) + ": " + std::string(exc->second);
      return "An exception is raised.";
  }
  return {};
#endif
}

}  // namespace cv::ui
