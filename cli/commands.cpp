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
#include <functional>
#include <sstream>
#include <vector>

#include <pthread.h>

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

// What `closureviz run` was asked to do.
struct RunRequest {
  std::string path;        // FILE.py, or "-" for standard input
  std::string stdin_file;  // --stdin-file: input() reads from here instead of standard input
  ProgramOptions options;  // limits from the command line
};

// Reads FILE.py as `python3 FILE.py` opens it; on failure prints python3's one line (with our
// name) and returns nullopt. Files larger than the source limit are not read at all.
std::optional<std::string> read_program(const std::string& path, const std::string& shown_path, size_t max_bytes,
                                        bool* too_large) {
  auto cannot_open = [&](int error) {
    std::fprintf(stderr, "closureviz: can't open file '%s': [Errno %d] %s\n", shown_path.c_str(), error,
                 std::strerror(error));
    return std::nullopt;
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec && status.type() != std::filesystem::file_type::not_found) return cannot_open(ec.value());
  if (status.type() == std::filesystem::file_type::not_found) return cannot_open(ENOENT);
  // python3 would look for __main__.py in a directory; closureviz runs single files only.
  if (status.type() == std::filesystem::file_type::directory) return cannot_open(EISDIR);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return cannot_open(errno);
  std::string text;
  char block[1 << 16];
  for (size_t got; (got = std::fread(block, 1, sizeof block, file)) > 0;) {
    text.append(block, got);
    if (max_bytes && text.size() > max_bytes) {
      *too_large = true;
      break;
    }
  }
  const bool failed = std::ferror(file);
  const int error = errno;
  std::fclose(file);
  if (failed) return cannot_open(error);
  return text;
}

// Runs a program with stdout/stderr as `python3 FILE` has them; returns the exit code.
int run_file(RunRequest& request, const std::string& source) {
  ProgramOptions& options = request.options;
  // Test hook: collect garbage at every safe point, so a value the collector cannot see fails fast.
  if (const char* stress = std::getenv("CLOSUREVIZ_GC_STRESS")) options.limits.gc_stress = std::max(1, std::atoi(stress));
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
  if (!request.stdin_file.empty()) {
    input_file.open(request.stdin_file, std::ios::binary);
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
  std::fputs(outcome.error_report.c_str(), stderr);  // traceback, SystemExit's message, or a limit's note
  return outcome.exit_code;
}

// Parses a limit option's value: a whole number in [0, max]. False (message printed) when invalid.
bool parse_limit(std::string_view command, const std::string& option, const std::string& text, uint64_t max,
                 uint64_t* value) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || text[0] == '-' || !end || *end || errno || n > max) {
    usage_error(command, option + " needs a whole number from 0 to " + std::to_string(max) + ", not '" + text + "'");
    return false;
  }
  *value = n;
  return true;
}

// Native stack for the thread that runs the program: natives that call back into Python (sorted's
// key, a user __repr__) nest on it, about 2 KB per level at most as measured (README "Limits"),
// so the recursion limit, not the platform's 8 MB default, decides how deep a program may go.
size_t run_stack_bytes(int recursion_limit) { return (size_t(64) << 20) + size_t(recursion_limit) * 8192; }

// One of the run limits shared by `run` and `trace` (README "Limits"). Returns 1 when `name` was
// a limit and `value` valid, 0 when `name` is not a limit, -1 when the value was refused (message printed).
int parse_run_limit(std::string_view command, const std::string& name, const std::string& value, ProgramOptions& options) {
  uint64_t n = 0;
  if (name == "--max-memory-mb") {
    if (!parse_limit(command, name, value, uint64_t(1) << 20, &n)) return -1;
    options.limits.max_heap_bytes = n ? size_t(n) << 20 : SIZE_MAX / 2;
  } else if (name == "--max-output-kb") {
    if (!parse_limit(command, name, value, uint64_t(1) << 30, &n)) return -1;
    options.max_output_bytes = size_t(n) << 10;
  } else if (name == "--max-source-kb") {
    if (!parse_limit(command, name, value, uint64_t(1) << 30, &n)) return -1;
    options.max_source_bytes = size_t(n) << 10;
  } else if (name == "--recursion-limit") {
    if (!parse_limit(command, name, value, 100000, &n)) return -1;
    if (n < 1) {
      usage_error(command, "--recursion-limit must be at least 1");
      return -1;
    }
    options.limits.recursion_limit = int(n);
  } else {
    return 0;
  }
  return 1;
}

// Splits `--name=value` or `--name value` at all[*i] (advancing *i past a separate value).
// False when an option has no value (message printed for `command`).
bool split_option(std::string_view command, std::span<const std::string> all, size_t* i, std::string* name,
                  std::string* value, bool* is_option) {
  *name = all[*i];
  value->clear();
  const size_t eq = name->find('=');
  *is_option = (name->size() > 2 && name->compare(0, 2, "--") == 0) || *name == "-o";
  if (*is_option && eq != std::string::npos) {
    *value = name->substr(eq + 1);
    *name = name->substr(0, eq);
  } else if (*is_option && *i + 1 < all.size()) {
    *value = all[++*i];
  } else if (*is_option) {
    usage_error(command, *name + " needs a value");
    return false;
  }
  return true;
}

// Runs `job` on a thread whose native stack is sized for `recursion_limit` (natives that call back
// into Python nest on it), or on this thread when no such thread can be had.
int run_with_stack_for(int recursion_limit, std::function<int()> job) {
  int exit_code = kExitOk;
  struct Job {
    std::function<int()>* body;
    int* exit_code;
  } work{&job, &exit_code};
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, run_stack_bytes(recursion_limit));
  pthread_t thread;
  auto body = [](void* raw) -> void* {
    Job* j = static_cast<Job*>(raw);
    *j->exit_code = (*j->body)();
    return nullptr;
  };
  if (pthread_create(&thread, &attributes, body, &work) != 0) {
    exit_code = job();
  } else {
    pthread_join(thread, nullptr);
  }
  pthread_attr_destroy(&attributes);
  return exit_code;
}

// closureviz run FILE.py [--stdin-file F] [limits]: run a program and print what it prints, like `python3 FILE.py`.
int cmd_run(std::span<const std::string> all) {
  RunRequest request;
  std::vector<std::string> args;
  ProgramOptions& options = request.options;
  for (size_t i = 0; i < all.size(); ++i) {
    std::string name, value;
    bool is_option = false;
    if (!split_option("run", all, &i, &name, &value, &is_option)) return kExitUsage;
    if (!is_option) {
      args.push_back(name);
    } else if (name == "--stdin-file") {
      request.stdin_file = value;
    } else if (int limit = parse_run_limit("run", name, value, options); limit != 0) {
      if (limit < 0) return kExitUsage;
    } else {
      return usage_error("run", "unknown option '" + name + "' (see closureviz --help)");
    }
  }
  if (args.size() != 1) return usage_error("run", "expected exactly one argument: FILE.py");
  request.path = args[0];
  std::optional<std::string> source;
  bool too_large = false;
  if (request.path == "-") {
    options.filename = "<stdin>";
    std::string text;
    char block[1 << 16];
    for (size_t got; (got = std::fread(block, 1, sizeof block, stdin)) > 0;) {
      text.append(block, got);
      if (options.max_source_bytes && text.size() > options.max_source_bytes) break;  // the run reports it
    }
    source = std::move(text);
  } else {
    options.filename = std::filesystem::absolute(request.path).lexically_normal().string();
    source = read_program(request.path, options.filename, options.max_source_bytes, &too_large);
  }
  if (!source) return kExitUsage;
  // The program runs on a thread of its own with a stack sized for the recursion limit.
  return run_with_stack_for(options.limits.recursion_limit, [&] { return run_file(request, *source); });
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

// The body of `closureviz trace`, on the thread run_with_stack_for() gives it.
int trace_file(const std::string& path, const std::string& source_text, const std::string& stdin_file,
               const std::string& format, std::ofstream* out_file, uint64_t max_trace_bytes,
               const RecorderOptions& rec_options, ProgramOptions options) {
  const std::string* source = &source_text;
  Recorder recorder(rec_options);
  options.filename = std::filesystem::absolute(path).lexically_normal().string();
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
  Recording recording = recorder.finish(end);
  // exit(N) with a number leaves no message in the outcome (python3 prints nothing); the end
  // record carries str(the SystemExit) as for any exception, like the reference tracer: the
  // message of the exception event it made in the frame where it was raised last.
  if (end.status == RunEnd::Status::Error && outcome.error_type == "SystemExit" && recording.end.exc_message.empty()) {
    for (size_t s = recording.steps.size(); s-- > 0;) {
      if (recording.steps[s].event() != StepEvent::Exception) continue;
      if (auto exc = StepView(recording, uint32_t(s)).exception(); exc && exc->first == "SystemExit")
        recording.end.exc_message = std::string(exc->second);
      break;
    }
  }

  std::ostream& trace_out = out_file ? *out_file : std::cout;
  const ExportResult exported =
      format == "pytutor" ? write_trace_pytutor(recording, *source, trace_out, max_trace_bytes)
                          : write_trace_jsonl(recording, std::filesystem::path(path).filename().string(),
                                              trace_out, max_trace_bytes);
  trace_out.flush();
  if (!trace_out) {
    std::fprintf(stderr, "closureviz: trace: writing the trace failed: %s\n", std::strerror(errno));
    return kExitProgramError;
  }
  if (out_file) {
    std::fwrite(program_out.data(), 1, program_out.size(), stdout);
    std::fflush(stdout);
  }
  if (exported.truncated) {
    std::fprintf(stderr, "closureviz: trace: %s\n",
                 trace_size_limit_message(max_trace_bytes, exported.steps_written, recording.step_count()).c_str());
    return kExitProgramError;
  }
  if (end.status == RunEnd::Status::Limit) {
    std::fprintf(stderr, "closureviz: trace: %s\n", recording.end.message.c_str());
    return kExitProgramError;
  }
  if (!outcome.ok) {
    std::fputs(outcome.error_report.c_str(), stderr);
    return outcome.exit_code;  // 1, or the program's own exit(N), as `closureviz run` and python3 end
  }
  return kExitOk;
}

// closureviz trace FILE.py [-o OUT] [--max-steps N] [--max-trace-mb N] [--format jsonl|pytutor]
// [--stdin-file F] [run limits]: records the run and writes its trace (trace-format.md, or Online
// Python Tutor's). With -o the program's own output goes to stdout as under `run`; without, the trace does.
int cmd_trace(std::span<const std::string> all) {
  std::vector<std::string> args;
  std::string out_path, stdin_file, format = "jsonl";
  RecorderOptions rec_options;
  ProgramOptions options;
  uint64_t max_trace_mb = 1024;
  for (size_t i = 0; i < all.size(); ++i) {
    std::string name, value;
    bool is_option = false;
    if (!split_option("trace", all, &i, &name, &value, &is_option)) return kExitUsage;
    if (!is_option) {
      args.push_back(name);
    } else if (name == "-o" || name == "--output") {
      out_path = value;
    } else if (name == "--stdin-file") {
      stdin_file = value;
    } else if (name == "--format") {
      format = value;
    } else if (name == "--max-steps") {
      char* end = nullptr;
      long long n = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || !end || *end || n <= 0) return usage_error("trace", "--max-steps needs a positive number");
      rec_options.max_steps = uint64_t(n);
    } else if (name == "--max-trace-mb") {
      if (!parse_limit("trace", name, value, uint64_t(1) << 30, &max_trace_mb)) return kExitUsage;
    } else if (int limit = parse_run_limit("trace", name, value, options); limit != 0) {
      if (limit < 0) return kExitUsage;
    } else {
      return usage_error("trace", "unknown option '" + name + "' (see closureviz --help)");
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
  return run_with_stack_for(options.limits.recursion_limit, [&] {
    return trace_file(args[0], *source, stdin_file, format, out_path.empty() ? nullptr : &out_file,
                      uint64_t(max_trace_mb) << 20, rec_options, options);
  });
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
    {"run", "FILE.py [--stdin-file F] [--max-memory-mb N] [--max-output-kb N] [--max-source-kb N] [--recursion-limit N]",
     "run a Python program as python3 FILE.py does ('-' reads standard input)", cmd_run},
    {"scopes", "FILE.py", "print each code block's local, cell and free variables as JSON", cmd_scopes},
    {"dis", "FILE.py", "print the bytecode the compiler makes", cmd_dis},
    {"trace", "FILE.py [-o OUT] [--max-steps N] [--max-trace-mb N] [--format jsonl|pytutor] [run's limits]", "record a run and write its step-by-step trace", cmd_trace},
    {"ast", "FILE.py [--lines]", "print the parse tree as Python's ast.dump() does", cmd_ast},
    {"render", "FILE.py --step K [--view env|cells] [-o OUT.svg]", "draw one step of a run as an SVG diagram", cmd_render},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace cv::cli
