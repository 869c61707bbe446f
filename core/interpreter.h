// Interpreter: the one-call entry point that checks, compiles and runs a whole program as `python3 FILE` would.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/vm.h"

namespace cv {

struct ProgramOptions {
  std::string filename = "<stdin>";  // shown in tracebacks (the CLI passes the absolute path, as CPython does)
  RunLimits limits;
  std::function<void(std::string_view)> write_stdout;  // required
  std::function<bool(std::string&)> read_stdin_line;   // input(); null = EOF at once
  TraceHook* trace_hook = nullptr;                      // the recorder, when recording
};

struct ProgramOutcome {
  bool ok = true;            // false: an uncaught exception or a compile error
  std::string error_report;  // what CPython prints on stderr (traceback or SyntaxError report), ending in '\n'
  std::string error_type;    // e.g. "UnboundLocalError"
  std::string error_message; // str() of the exception
};

// Runs `source` to completion (or to its first uncaught exception). Never throws for
// anything the program does; the VM is created and destroyed inside.
ProgramOutcome run_program(std::string_view source, const ProgramOptions& options);

// Checks what CPython checks before tokenizing (NUL bytes, UTF-8); returns the SyntaxError
// report or "" when the source is acceptable.
std::string check_source_bytes(std::string_view source, const std::string& filename);

}  // namespace cv
