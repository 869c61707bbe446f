// Interpreter: the one-call entry point that checks, compiles and runs a whole program as `python3 FILE` would.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/vm.h"

namespace cv {

// Defaults of the limits closureviz adds on top of CPython's (README "Limits"). 0 = unlimited.
inline constexpr size_t kDefaultMaxOutputBytes = size_t(8) << 20;   // --max-output-kb 8192
inline constexpr size_t kDefaultMaxSourceBytes = size_t(16) << 20;  // --max-source-kb 16384

struct ProgramOptions {
  std::string filename = "<stdin>";  // shown in tracebacks (the CLI passes the absolute path, as CPython does)
  RunLimits limits;                  // recursion limit, memory (max_heap_bytes), GC stress
  size_t max_output_bytes = kDefaultMaxOutputBytes;  // stdout beyond this ends the run with a note
  size_t max_source_bytes = kDefaultMaxSourceBytes;  // larger programs are refused before compiling
  std::function<void(std::string_view)> write_stdout;  // required
  std::function<bool(std::string&)> read_stdin_line;   // input(); null = EOF at once
  TraceHook* trace_hook = nullptr;                      // the recorder, when recording
};

struct ProgramOutcome {
  bool ok = true;            // false: an uncaught exception, a compile error, a closureviz limit, or stopped
  std::string error_report;  // what CPython prints on stderr (traceback or SyntaxError report), ending in '\n';
                             // for a closureviz limit one line "closureviz: ..." naming the limit and its option
  std::string error_type;    // e.g. "UnboundLocalError"; "" for a closureviz limit or a stopped run
  std::string error_message; // str() of the exception, or the limit's message
  bool limit_reached = false;  // a closureviz limit (output, source size) ended the run
  bool stopped = false;        // ProgramRun::stop() abandoned the run
  int exit_code = 0;           // python3's exit status: 0, 1, or an uncaught SystemExit's code (exit(3) gives 3)
};

// Runs `source` to completion (or to its first uncaught exception). Never throws for
// anything the program does; the VM is created and destroyed inside. Exceptions thrown by
// options.trace_hook (e.g. a recorder's step limit) propagate.
ProgramOutcome run_program(std::string_view source, const ProgramOptions& options);

// Checks what CPython checks before tokenizing (NUL bytes, UTF-8); returns the SyntaxError
// report or "" when the source is acceptable.
std::string check_source_bytes(std::string_view source, const std::string& filename);

// The same run as run_program, in slices: the browser records a program between frames.
// resume() runs until the program ends (returns true) or about `budget_steps` VM instructions
// have passed (returns false). It pauses only at the outermost dispatch loop: inside a native
// call back into Python (sorted's key, a user __repr__) it runs on until that returns. Output,
// input, the trace hook and every limit behave exactly as under run_program, and the output and
// recording equal run_program's whatever the slicing. Compiling happens in the first resume().
class ProgramRun {
 public:
  ProgramRun(std::string source, ProgramOptions options);
  ~ProgramRun();
  ProgramRun(const ProgramRun&) = delete;
  ProgramRun& operator=(const ProgramRun&) = delete;

  // An exception thrown by the trace hook propagates out of resume() and finishes the run.
  bool resume(uint64_t budget_steps);
  bool finished() const { return finished_; }
  const ProgramOutcome& outcome() const { return outcome_; }  // final once finished()
  // Abandons the run (no effect once finished): finished() becomes true and the outcome says stopped.
  void stop();

 private:
  bool start();  // checks and compiles; false when the run ended there (outcome set)
  void end_with_system_exit(ExceptionObject* exit);
  std::string source_;
  ProgramOptions options_;
  std::unique_ptr<VM> vm_;
  size_t output_bytes_ = 0;
  bool started_ = false;
  bool finished_ = false;
  ProgramOutcome outcome_;
};

}  // namespace cv
