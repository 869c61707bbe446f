// Interpreter: source checks, compile errors in CPython's format, and the run of a whole program.
#include "core/interpreter.h"

#include <cstdio>

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
  ProgramOutcome outcome;
  std::string bad = check_source_bytes(source, options.filename);
  if (!bad.empty()) {
    outcome.ok = false;
    outcome.error_report = bad;
    outcome.error_type = "SyntaxError";
    outcome.error_message = bad.substr(std::string("SyntaxError: ").size(), bad.size() - 14);
    return outcome;
  }
  VM vm(options.limits);
  vm.write_stdout = options.write_stdout;
  vm.read_stdin_line = options.read_stdin_line ? options.read_stdin_line : [](std::string&) { return false; };
  vm.trace_hook = options.trace_hook;
  try {
    vm.run_main(source, options.filename);
  } catch (const CompileError& e) {
    outcome.ok = false;
    outcome.error_report = format_compile_error(e, source, options.filename);
    outcome.error_type = e.type_name;
    outcome.error_message = e.message;
  } catch (const PyRaise& r) {
    outcome.ok = false;
    outcome.error_report = vm.format_traceback(r.exception);
    outcome.error_type = r.exception->type->name;
    std::string last = vm.format_exception_only(r.exception);
    size_t colon = last.find(": ");
    outcome.error_message = colon == std::string::npos ? "" : last.substr(colon + 2);
  }
  return outcome;
}

}  // namespace cv
