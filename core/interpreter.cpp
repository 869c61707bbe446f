// Interpreter: source checks, compile errors in CPython's format, and the run of a whole program.
#include "core/interpreter.h"

#include <cstdio>
#include <new>
#include <utility>

#include "core/compiler.h"
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
  size_t indent = text.find_first_not_of(" \t\f");
  if (indent != std::string::npos) {
    std::string shown = text.substr(indent);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t')) shown.pop_back();
    out += "    " + shown + "\n";
    if (e.col > 0) {
      int64_t caret = static_cast<int64_t>(e.col) - 1 - static_cast<int64_t>(indent);
      if (caret < 0) caret = 0;
      out += "    " + std::string(static_cast<size_t>(caret), ' ') + "^\n";
    }
  }
  out += e.type_name + ": " + e.message + "\n";
  return out;
}

}  // namespace

std::string check_source_bytes(std::string_view source, const std::string& filename) {
  if (source.find('\0') != std::string_view::npos)
    return "SyntaxError: source code cannot contain null bytes\n";
  size_t bad = 0;
  if (!valid_utf8(source, &bad)) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += source[i] == '\n';
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(source[bad]));
    return "SyntaxError: Non-UTF-8 code starting with '\\x" + std::string(hex) + "' in file " + filename +
           " on line " + std::to_string(line) +
           ", but no encoding declared; see https://peps.python.org/pep-0263/ for details\n";
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
    return end_with_limit("the program is " + std::to_string(source_.size()) + " bytes, more than the source limit of " +
                          kilobytes(options_.max_source_bytes) + " (--max-source-kb)");
  std::string bad = check_source_bytes(source_, options_.filename);
  if (!bad.empty()) {
    outcome_.ok = false;
    outcome_.error_report = bad;
    outcome_.error_type = "SyntaxError";
    outcome_.error_message = bad.substr(std::string("SyntaxError: ").size(), bad.size() - 14);
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
    return true;
  }
  VM& vm = *vm_;
  bool done = false;
  try {
    // operator new refuses to let the run hold much more than its memory limit (see
    // AllocationCeiling); the safe-point check in the VM normally raises MemoryError first.
    const int64_t baseline = thread_allocated_bytes() - vm.heap.bytes_in_use();
    const int64_t limit = int64_t(options_.limits.max_heap_bytes);
    AllocationCeiling ceiling(limit > 0 ? baseline + limit + limit / 4 : INT64_MAX);
    if (first) vm.start_main(source_, options_.filename);
    done = vm.continue_main(budget_steps);
  } catch (const CompileError& e) {
    outcome_.ok = false;
    outcome_.error_report = format_compile_error(e, source_, options_.filename);
    outcome_.error_type = e.type_name;
    outcome_.error_message = e.message;
    done = true;
  } catch (const PyRaise& r) {
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
  }
  return done;
}

}  // namespace cv
