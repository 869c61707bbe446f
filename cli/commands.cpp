// The closureviz subcommands. Each is one function with the CommandFn signature, listed in kCommands.
#include "cli/commands.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "core/ast_dump.h"
#include "core/compiler.h"
#include "core/disassembler.h"
#include "core/interpreter.h"
#include "core/recorder.h"
#include "core/trace_export.h"
#include "core/parser.h"
#include "ui/layout/layout.h"
#include "ui/layout/recording_to_model.h"
#include "ui/layout/svg.h"

namespace cv::cli {

int usage_error(std::string_view command, std::string_view message) {
  std::cerr << "closureviz: " << command << ": " << message << '\n';
  return kExitUsage;
}

std::optional<std::string> read_source_file(std::string_view command, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    usage_error(command, "cannot open '" + path + "': " + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

namespace {

// Runs a program with stdout/stderr as `python3 FILE` has them; returns the exit code.
int run_file(const std::string& path, const std::string& source, const std::string& stdin_file) {
  ProgramOptions options;
  // Test hook: collect garbage at every safe point, so a value the collector cannot see fails fast.
  if (const char* stress = std::getenv("CLOSUREVIZ_GC_STRESS")) options.limits.gc_stress = std::max(1, std::atoi(stress));
  options.filename = path == "-" ? "<stdin>" : std::filesystem::absolute(path).lexically_normal().string();
  std::string out_buffer;
  options.write_stdout = [&out_buffer](std::string_view text) {
    out_buffer.append(text);
    if (out_buffer.size() > (1u << 16)) {
      std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
      out_buffer.clear();
    }
  };
  std::ifstream input_file;
  std::istream* input = &std::cin;
  if (!stdin_file.empty()) {
    input_file.open(stdin_file, std::ios::binary);
    input = &input_file;
  }
  options.read_stdin_line = [input](std::string& line) {
    if (!std::getline(*input, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  ProgramOutcome outcome = run_program(source, options);
  std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
  std::fflush(stdout);
  if (!outcome.ok) {
    std::fputs(outcome.error_report.c_str(), stderr);
    return kExitProgramError;
  }
  return kExitOk;
}

// closureviz run FILE.py [--stdin-file F]: run a program and print what it prints, like `python3 FILE.py`.
int cmd_run(std::span<const std::string> all) {
  std::vector<std::string> args;
  std::string stdin_file;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i] == "--stdin-file" && i + 1 < all.size()) stdin_file = all[++i];
    else args.push_back(all[i]);
  }
  if (args.size() != 1) return usage_error("run", "expected exactly one argument: FILE.py");
  std::optional<std::string> source;
  if (args[0] == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    source = std::move(text).str();
  } else {
    source = read_source_file("run", args[0]);
  }
  if (!source) return kExitUsage;
  return run_file(args[0], *source, stdin_file);
}

// Compiles FILE.py and hands the module's code object to `use`; compile errors are reported as `run` does.
template <class Use>
int with_compiled(std::string_view command, std::span<const std::string> args, Use use) {
  if (args.size() != 1) return usage_error(command, "expected exactly one argument: FILE.py");
  const std::optional<std::string> source = read_source_file(command, args[0]);
  if (!source) return kExitUsage;
  const std::string filename = std::filesystem::absolute(args[0]).lexically_normal().string();
  if (std::string bad = check_source_bytes(*source, filename); !bad.empty()) {
    std::fputs(bad.c_str(), stderr);
    return kExitProgramError;
  }
  VM vm;
  try {
    use(*compile_source(vm, *source, filename));
  } catch (const CompileError& e) {
    std::fprintf(stderr, "%s: %s (line %d)\n", e.type_name.c_str(), e.message.c_str(), e.line);
    return kExitProgramError;
  }
  return kExitOk;
}

// closureviz scopes FILE.py: every code block's varnames, cellvars and freevars as JSON (checked against CPython).
int cmd_scopes(std::span<const std::string> args) {
  return with_compiled("scopes", args, [](const CodeObject& code) { std::fputs(code_blocks_json(code).c_str(), stdout); });
}

// closureviz dis FILE.py: the bytecode of every code block, for debugging the compiler.
int cmd_dis(std::span<const std::string> args) {
  return with_compiled("dis", args, [](const CodeObject& code) { std::fputs(disassemble(code).c_str(), stdout); });
}

// closureviz ast FILE.py [--lines]: the parse tree as CPython's ast.dump() prints it, or with
// --lines one "Type lineno col end_lineno end_col" line per node (tests/parser/check_ast.py).
int cmd_ast(std::span<const std::string> all) {
  bool lines = false;
  std::vector<std::string> args;
  for (const std::string& a : all) {
    if (a == "--lines") lines = true;
    else args.push_back(a);
  }
  if (args.size() != 1) return usage_error("ast", "expected exactly one argument: FILE.py");
  const std::optional<std::string> source = read_source_file("ast", args[0]);
  if (!source) return kExitUsage;
  const std::string filename = std::filesystem::absolute(args[0]).lexically_normal().string();
  if (std::string bad = check_source_bytes(*source, filename); !bad.empty()) {
    std::fputs(bad.c_str(), stderr);
    return kExitProgramError;
  }
  try {
    ParseOptions options;
    options.ast_only = true;
    const ast::Module module = parse_module(*source, filename, options);
    std::string text = lines ? dump_ast_positions(module) : dump_ast(module) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } catch (const CompileError& e) {
    std::fprintf(stderr, "%s: %s (line %d)\n", e.type_name.c_str(), e.message.c_str(), e.line);
    return kExitProgramError;
  }
  return kExitOk;
}

// closureviz trace FILE.py [-o OUT] [--max-steps N] [--format jsonl|pytutor] [--stdin-file F]: records
// the run and writes its trace (trace-format.md, or Online Python Tutor's). With -o the program's
// own output goes to stdout as under `run`; without, the trace does.
int cmd_trace(std::span<const std::string> all) {
  std::vector<std::string> args;
  std::string out_path, stdin_file, format = "jsonl";
  RecorderOptions rec_options;
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string& a = all[i];
    bool has_value = i + 1 < all.size();
    if ((a == "-o" || a == "--output") && has_value) out_path = all[++i];
    else if (a == "--stdin-file" && has_value) stdin_file = all[++i];
    else if (a == "--format" && has_value) format = all[++i];
    else if (a == "--max-steps" && has_value) {
      char* end = nullptr;
      long long n = std::strtoll(all[++i].c_str(), &end, 10);
      if (!end || *end || n <= 0) return usage_error("trace", "--max-steps needs a positive number");
      rec_options.max_steps = uint64_t(n);
    } else {
      args.push_back(a);
    }
  }
  if (args.size() != 1) return usage_error("trace", "expected exactly one argument: FILE.py");
  if (format != "jsonl" && format != "pytutor") return usage_error("trace", "--format is jsonl or pytutor");
  const std::optional<std::string> source = read_source_file("trace", args[0]);
  if (!source) return kExitUsage;
  std::ofstream out_file;
  if (!out_path.empty()) {
    out_file.open(out_path, std::ios::binary);
    if (!out_file) return usage_error("trace", "cannot write '" + out_path + "': " + std::strerror(errno));
  }

  Recorder recorder(rec_options);
  ProgramOptions options;
  options.filename = std::filesystem::absolute(args[0]).lexically_normal().string();
  std::string program_out;
  options.write_stdout = recorder.tee_stdout([&program_out](std::string_view text) { program_out.append(text); });
  std::ifstream input_file;
  std::istream* input = &std::cin;
  if (!stdin_file.empty()) {
    input_file.open(stdin_file, std::ios::binary);
    input = &input_file;
  }
  options.read_stdin_line = [input](std::string& line) {
    if (!std::getline(*input, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  options.trace_hook = &recorder;
  RunEnd end;
  ProgramOutcome outcome;
  try {
    outcome = run_program(*source, options);
    if (!outcome.ok) {
      end.status = RunEnd::Status::Error;
      end.exc_type = outcome.error_type;
      end.exc_message = outcome.error_message;
      // The type as CPython prints it on the last line: qualified (`f.<locals>.E`, `mod.E`).
      std::istringstream report(outcome.error_report);
      for (std::string line; std::getline(report, line);) {
        size_t colon = line.find(": ");
        std::string head = colon == std::string::npos ? line : line.substr(0, colon);
        if (head.size() >= outcome.error_type.size() && head.find(' ') == std::string::npos &&
            head.compare(head.size() - outcome.error_type.size(), std::string::npos, outcome.error_type) == 0)
          end.exc_type = head;
      }
    }
  } catch (const RecordingLimitReached&) {
    end.status = RunEnd::Status::Limit;
  }
  const Recording recording = recorder.finish(end);

  std::ostream& trace_out = out_path.empty() ? std::cout : out_file;
  if (format == "pytutor") write_trace_pytutor(recording, *source, trace_out);
  else write_trace_jsonl(recording, std::filesystem::path(args[0]).filename().string(), trace_out);
  trace_out.flush();
  if (!out_path.empty()) {
    std::fwrite(program_out.data(), 1, program_out.size(), stdout);
    std::fflush(stdout);
  }
  if (end.status == RunEnd::Status::Limit) {
    std::fprintf(stderr, "closureviz: trace: %s\n", recording.end.message.c_str());
    return kExitProgramError;
  }
  if (!outcome.ok) {
    std::fputs(outcome.error_report.c_str(), stderr);
    return kExitProgramError;
  }
  return kExitOk;
}

// closureviz render FILE.py --step K [--view env|cells] [-o OUT.svg] [--max-steps N]: records the run
// in-process and writes step K's diagram as SVG (to stdout without -o). Exit 1 when FILE does not
// compile (CPython's report on stderr), 2 for bad arguments or a step outside the run.
int cmd_render(std::span<const std::string> all) {
  std::vector<std::string> args;
  std::string out_path, view_name = "env";
  long long step = 0;
  uint64_t max_steps = 10'000'000;
  auto positive = [](const std::string& text, long long* value) {
    char* end = nullptr;
    errno = 0;
    *value = std::strtoll(text.c_str(), &end, 10);
    return !text.empty() && end && !*end && errno == 0 && *value > 0;
  };
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string& a = all[i];
    const bool has_value = i + 1 < all.size();
    if ((a == "-o" || a == "--output") && has_value) {
      out_path = all[++i];
    } else if (a == "--view" && has_value) {
      view_name = all[++i];
    } else if (a == "--step" && has_value) {
      if (!positive(all[++i], &step)) return usage_error("render", "--step needs a positive step number, not '" + all[i] + "'");
    } else if (a == "--max-steps" && has_value) {
      long long n = 0;
      if (!positive(all[++i], &n)) return usage_error("render", "--max-steps needs a positive number");
      max_steps = uint64_t(n);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("render", "unknown option '" + a + "' (or it needs a value)");
    } else {
      args.push_back(a);
    }
  }
  if (args.size() != 1) return usage_error("render", "expected exactly one argument: FILE.py");
  if (step == 0) return usage_error("render", "--step K is required (steps count from 1)");
  if (view_name != "env" && view_name != "cells") return usage_error("render", "--view is env or cells, not '" + view_name + "'");
  const std::optional<std::string> source = read_source_file("render", args[0]);
  if (!source) return kExitUsage;

  const std::string filename = std::filesystem::absolute(args[0]).lexically_normal().string();
  layout::RecordedProgram run = layout::record_program(*source, filename, max_steps);
  if (!run.compiled) {
    std::fputs(run.outcome.error_report.c_str(), stderr);
    return kExitProgramError;
  }
  const layout::RecordingModels models(run.recording, *source);
  if (uint64_t(step) > models.step_count())
    return usage_error("render", "step " + std::to_string(step) + " is not in the run (it has steps 1.." +
                                     std::to_string(models.step_count()) + ")");
  const layout::ViewMode view = view_name == "cells" ? layout::ViewMode::Cells : layout::ViewMode::Environment;
  // Laid out after the step before, as the app shows it when stepping forward.
  const layout::LayoutStyle style;
  std::optional<layout::DiagramLayout> previous;
  if (step > 1) previous = layout::layout_diagram(models.model(size_t(step - 1), view), nullptr, style);
  const layout::DiagramLayout diagram = layout::layout_diagram(models.model(size_t(step), view), previous ? &*previous : nullptr, style);
  layout::SvgStyle svg_style;
  svg_style.title = std::filesystem::path(args[0]).filename().string() + ", step " + std::to_string(step) + ": " + models.explain(size_t(step));
  const std::string svg = layout::write_svg(diagram, svg_style);
  if (out_path.empty() || out_path == "-") {
    std::fwrite(svg.data(), 1, svg.size(), stdout);
    std::fflush(stdout);
    return kExitOk;
  }
  std::ofstream out(out_path, std::ios::binary);
  if (!out || !out.write(svg.data(), std::streamsize(svg.size())) || !out.flush())
    return usage_error("render", "cannot write '" + out_path + "': " + std::strerror(errno));
  return kExitOk;
}

constexpr Command kCommands[] = {
    {"run", "FILE.py [--stdin-file F]", "run a Python program and print its output", cmd_run},
    {"scopes", "FILE.py", "print each code block's local, cell and free variables as JSON", cmd_scopes},
    {"dis", "FILE.py", "print the bytecode the compiler makes", cmd_dis},
    {"trace", "FILE.py [-o OUT] [--max-steps N] [--format jsonl|pytutor]", "record a run and write its step-by-step trace", cmd_trace},
    {"ast", "FILE.py [--lines]", "print the parse tree as Python's ast.dump() does", cmd_ast},
    {"render", "FILE.py --step K [--view env|cells] [-o OUT.svg]", "draw one step of a run as an SVG diagram", cmd_render},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace cv::cli
