// Interpreter: source checks, compile errors in CPython's format, and the run of a whole program.
#include "core/interpreter.h"

#include <cstdio>
#include <new>
#include <utility>

#include "core/compiler.h"
#include "core/natives.h"
#include "core/source_encoding.h"
#include "core/text.h"

namespace cv {

namespace {

std::string source_line(std::string_view source, int line) {
  int current = 1;
  size_t start = 0;
  while (current < line && start < source.size()) {
    size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return "";
    start = nl + 1;
    ++current;
  }
  if (current != line) return "";
  size_t end = source.find('\n', start);
  std::string text(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

// Thrown through the VM by the stdout writer when the output limit is passed: not a Python
// exception, so the program cannot catch it, and every native frame on the way lets it pass.
struct OutputLimitReached {};

std::string kilobytes(size_t bytes) { return std::to_string((bytes + 1023) / 1024) + " KB"; }

// CPython's report for a compile error: location, the source line with a caret, then the message.
std::string format_compile_error(const CompileError& e, std::string_view source, const std::string& filename) {
  std::string out = "  File \"" + filename + "\", line " + std::to_string(e.line) + "\n";
  std::string text = source_line(source, e.line);
  if (e.line == 1 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // the BOM is not part of the line
  size_t indent = text.find_first_not_of(" \t\f");
  if (indent != std::string::npos) {
    std::string shown = text.substr(indent);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t')) shown.pop_back();
    out += "    " + shown + "\n";
    // As CPython's print_error_text: the caret moves left with the stripped indentation, and a
    // column inside the indentation (TabError, "too many levels of indentation") shows none.
    int64_t caret = static_cast<int64_t>(e.col) - 1 - static_cast<int64_t>(indent);
    if (e.col > 0 && caret >= 0) out += "    " + std::string(static_cast<size_t>(caret), ' ') + "^\n";
  }
  out += e.type_name + ": " + e.message + "\n";
  return out;
}

}  // namespace

std::string check_source_bytes(std::string_view source, const std::string& filename) {
  // CPython reads and decodes the file a line at a time and tokenizes each line before reading the
  // next, so the first bad line decides; within it, decoding stops at a NUL (C strings), so bad
  // UTF-8 before the NUL is reported, and otherwise the NUL itself.
  int line = 1;
  for (size_t start = 0; start < source.size(); ++line) {
    size_t newline = source.find('\n', start);
    size_t stop = newline == std::string_view::npos ? source.size() : newline + 1;
    std::string_view text = source.substr(start, stop - start);
    size_t nul = text.find('\0');
    std::string_view before_nul = text.substr(0, nul);
    size_t bad = 0;
    if (!valid_utf8(before_nul, &bad)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(before_nul[bad]));
      return "SyntaxError: Non-UTF-8 code starting with '\\x" + std::string(hex) + "' in file " + filename +
             " on line " + std::to_string(line) +
             ", but no encoding declared; see https://peps.python.org/pep-0263/ for details\n";
    }
    if (nul != std::string_view::npos) {
      if (line == 1 && before_nul.substr(0, 3) == "\xEF\xBB\xBF") before_nul.remove_prefix(3);
      size_t indent = before_nul.find_first_not_of(" \t\f");
      std::string_view shown = indent == std::string_view::npos ? std::string_view() : before_nul.substr(indent);
      return "  File \"" + filename + "\", line " + std::to_string(line) + "\n    " + std::string(shown) +
             "\nSyntaxError: source code cannot contain null bytes\n";
    }
    start = stop;
  }
  return "";
}

ProgramOutcome run_program(std::string_view source, const ProgramOptions& options) {
  // One code path for both ways of running, so that a sliced run cannot drift from a whole one.
  ProgramRun run(std::string(source), options);
  run.resume(UINT64_MAX);
  return run.outcome();
}

ProgramRun::ProgramRun(std::string source, ProgramOptions options)
    : source_(std::move(source)), options_(std::move(options)) {}

ProgramRun::~ProgramRun() = default;

void ProgramRun::stop() {
  if (finished_) return;
  finished_ = true;
  vm_.reset();
  outcome_ = ProgramOutcome{};
  outcome_.ok = false;
  outcome_.stopped = true;
  outcome_.error_message = "the run was stopped";
  outcome_.error_report = "closureviz: the run was stopped\n";
}

bool ProgramRun::start() {
  auto end_with_limit = [this](std::string message) {
    outcome_.ok = false;
    outcome_.limit_reached = true;
    outcome_.error_message = message;
    outcome_.error_report = "closureviz: " + message + "\n";
    return false;
  };
  if (options_.max_source_bytes && source_.size() > options_.max_source_bytes)
    return end_with_limit("the program is larger than the source limit of " + kilobytes(options_.max_source_bytes) +
                          " (--max-source-kb)");
  // A declared Latin-1 or cp1252 file becomes UTF-8 here; a bad declaration is reported as CPython does.
  std::string bad = apply_source_encoding(source_);
  if (bad.empty()) bad = check_source_bytes(source_, options_.filename);
  if (!bad.empty()) {
    outcome_.ok = false;
    outcome_.error_report = bad;
    // The report's last line is "Type: message".
    const size_t line_start = bad.rfind('\n', bad.size() - 2) == std::string::npos ? 0 : bad.rfind('\n', bad.size() - 2) + 1;
    const size_t colon = bad.find(": ", line_start);
    outcome_.error_type = bad.substr(line_start, colon - line_start);
    outcome_.error_message = bad.substr(colon + 2, bad.size() - 1 - (colon + 2));
    return false;
  }
  vm_ = std::make_unique<VM>(options_.limits);
  VM& vm = *vm_;
  vm.write_stdout = [this](std::string_view text) {
    const size_t limit = options_.max_output_bytes;
    if (limit && output_bytes_ + text.size() > limit) {
      // Keep what fits (never half a character), then end the run: a runaway print loop
      // would otherwise run forever with nothing more to show.
      size_t room = limit - output_bytes_;
      while (room > 0 && (static_cast<unsigned char>(text[room]) & 0xC0) == 0x80) --room;
      if (room) options_.write_stdout(text.substr(0, room));
      output_bytes_ = limit;
      throw OutputLimitReached{};
    }
    output_bytes_ += text.size();
    options_.write_stdout(text);
  };
  vm.read_stdin_line = options_.read_stdin_line ? options_.read_stdin_line : [](std::string&) { return false; };
  vm.trace_hook = options_.trace_hook;
  return true;
}

bool ProgramRun::resume(uint64_t budget_steps) {
  if (finished_) return true;
  bool first = !started_;
  started_ = true;
  if (first && !start()) {
    finished_ = true;
    outcome_.exit_code = 1;
    return true;
  }
  VM& vm = *vm_;
  bool done = false;
  try {
    // operator new refuses to let the run hold much more than its memory limit (see
    // AllocationCeiling); the safe-point check in the VM normally raises MemoryError first.
    const int64_t baseline = thread_allocated_bytes() - vm.heap.bytes_in_use();
    const size_t limit = options_.limits.max_heap_bytes;
    const bool bounded = limit > 0 && limit < (size_t(1) << 60);  // "no limit" is a huge number
    AllocationCeiling ceiling(bounded ? baseline + int64_t(limit + limit / 4) : INT64_MAX);
    if (first) vm.start_main(source_, options_.filename);
    done = vm.continue_main(budget_steps);
  } catch (const CompileError& e) {
    outcome_.ok = false;
    outcome_.error_report = format_compile_error(e, source_, options_.filename);
    outcome_.error_type = e.type_name;
    outcome_.error_message = e.message;
    done = true;
  } catch (const PyRaise& r) {
    if (r.exception->type->is_subtype_of(vm.t.SystemExit)) {
      end_with_system_exit(r.exception);
      finished_ = true;
      vm_.reset();
      return true;
    }
    outcome_.ok = false;
    outcome_.error_report = vm.format_traceback(r.exception);
    outcome_.error_type = r.exception->type->name;
    std::string last = vm.format_exception_only(r.exception);
    size_t colon = last.find(": ");
    outcome_.error_message = colon == std::string::npos ? "" : last.substr(colon + 2);
    done = true;
  } catch (const OutputLimitReached&) {
    outcome_.ok = false;
    outcome_.limit_reached = true;
    outcome_.error_message = "output limit reached: the program printed more than " +
                             kilobytes(options_.max_output_bytes) + " (--max-output-kb); the run was stopped";
    outcome_.error_report = "closureviz: " + outcome_.error_message + "\n";
    done = true;
  } catch (const std::bad_alloc&) {
    // Only when memory ran out outside any Python frame (while compiling, or unwinding the last one).
    outcome_.ok = false;
    outcome_.error_report = "MemoryError\n";
    outcome_.error_type = "MemoryError";
    done = true;
  } catch (...) {
    // The trace hook's own exception (a recorder's step limit): the run cannot go on.
    finished_ = true;
    outcome_.ok = false;
    outcome_.stopped = true;
    vm_.reset();
    throw;
  }
  if (done) {
    finished_ = true;
    vm_.reset();
    if (!outcome_.ok) outcome_.exit_code = 1;
  }
  return done;
}

// An uncaught SystemExit ends the program quietly, as python3 does: exit(None) and exit() give status 0,
// exit(N) status N, and any other argument is printed on stderr with status 1.
void ProgramRun::end_with_system_exit(ExceptionObject* exit) {
  VM& vm = *vm_;
  outcome_ = ProgramOutcome{};
  outcome_.error_type = "SystemExit";
  // CPython's _Py_HandleSystemExit reads the code attribute, which the program may have reassigned.
  Value code = system_exit_code(vm, exit);
  if (code == vm.None) {
    outcome_.exit_code = 0;
  } else if (code.is_small_int() && !VM::is_str(code) && vm.type_of(code) != vm.t.bool_) {
    outcome_.exit_code = int(code.as_small_int() & 0xff);
  } else if (code == vm.True || code == vm.False) {
    outcome_.exit_code = code == vm.True ? 1 : 0;
  } else {
    outcome_.exit_code = 1;
    try {
      outcome_.error_report = vm.to_str(code)->text + "\n";
    } catch (...) {
      outcome_.error_report = "\n";
    }
  }
  outcome_.ok = outcome_.exit_code == 0;
  outcome_.error_message = outcome_.error_report.empty() ? "" : outcome_.error_report.substr(0, outcome_.error_report.size() - 1);
}

}  // namespace cv
