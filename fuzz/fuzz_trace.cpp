// libFuzzer target: record a run and export it as JSON lines and as Online Python Tutor's trace; both must be valid JSON.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/trace_export.h"
#include "fuzz/fuzz_support.h"

namespace {

// Small enough that a recording costs milliseconds, big enough for loops, calls and closures.
// Both exports write the whole stack at every step, so their size grows with steps x depth
// (tests/programs/errors/016_recursion_error.py, 1000 frames deep, exports 214 MB of JSON
// lines): the depth is kept low here so that one input stays well under a second.
constexpr uint64_t kMaxRecordedSteps = 1'000;
constexpr int kMaxRecordedDepth = 40;

void check_json(std::string_view what, const std::string& text, const std::string& source) {
  if (!nlohmann::json::accept(text)) cv::fuzz::fail(what, text + "\n--- program:\n" + source);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source;
  if (!cv::fuzz::accepted_source(data, size, source)) return 0;

  cv::RecorderOptions recorder_options;
  recorder_options.max_steps = kMaxRecordedSteps;
  cv::Recorder recorder(recorder_options);
  cv::ProgramOptions options;
  options.filename = "<fuzz>";
  options.limits = cv::fuzz::small_run_limits();
  options.limits.recursion_limit = kMaxRecordedDepth;
  options.write_stdout = recorder.tee_stdout([](std::string_view) {});
  options.trace_hook = &recorder;
  // The same ending as `closureviz trace` reports it.
  cv::RunEnd end;
  try {
    const cv::ProgramOutcome outcome = cv::run_program(source, options);
    if (!outcome.ok) {
      end.status = cv::RunEnd::Status::Error;
      end.exc_type = outcome.error_type;
      end.exc_message = outcome.error_message;
    }
  } catch (const cv::RecordingLimitReached&) {
    end.status = cv::RunEnd::Status::Limit;
  }
  const cv::Recording recording = recorder.finish(end);

  std::ostringstream jsonl;
  cv::write_trace_jsonl(recording, "fuzz.py", jsonl);
  std::istringstream lines(jsonl.str());
  size_t line_count = 0;
  for (std::string line; std::getline(lines, line); ++line_count) check_json("trace line is not JSON", line, source);
  if (line_count < 2) cv::fuzz::fail("trace without meta and end records", jsonl.str());

  std::ostringstream pytutor;
  cv::write_trace_pytutor(recording, source, pytutor);
  check_json("pytutor trace is not JSON", pytutor.str(), source);
  return 0;
}
