// libFuzzer target: a whole program run (compile + VM) under small recursion, heap, step and output limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/interpreter.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source;
  if (!cv::fuzz::accepted_source(data, size, source)) return 0;

  cv::fuzz::StepBudget budget(cv::fuzz::kMaxRunEvents);
  cv::ProgramOptions options;
  options.filename = "<fuzz>";
  options.limits = cv::fuzz::small_run_limits();
  size_t printed = 0;
  options.write_stdout = [&printed](std::string_view text) { printed += text.size(); };
  // input() gets a few lines, then EOF, as from a short stdin file.
  int lines_left = 3;
  options.read_stdin_line = [&lines_left](std::string& line) {
    if (lines_left-- <= 0) return false;
    line = "7";
    return true;
  };
  options.trace_hook = &budget;
  try {
    const cv::ProgramOutcome outcome = cv::run_program(source, options);
    if (outcome.ok != (outcome.exit_code == 0)) cv::fuzz::fail("exit status disagrees with the outcome", source);
    if (outcome.ok && !outcome.error_report.empty()) cv::fuzz::fail("successful run with an error report", source);
    // A failed program must say what failed, as CPython's last stderr line does; only an uncaught
    // SystemExit ends quietly (exit(4): status 4, nothing printed), and a closureviz limit names itself.
    if (!outcome.ok) {
      if (outcome.limit_reached) {
        if (outcome.error_report.rfind("closureviz: ", 0) != 0) cv::fuzz::fail("limit without its closureviz: message", source);
      } else if (outcome.error_type != "SystemExit" && (outcome.error_type.empty() || outcome.error_report.empty())) {
        cv::fuzz::fail("failed run without an error type or report", source);
      }
    }
  } catch (const cv::fuzz::StepBudgetSpent&) {
    // The program ran out of steps: fine, and the VM must have unwound cleanly (ASan/LSan check that).
  }
  return 0;
}
