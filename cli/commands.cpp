// The closureviz subcommands. Each is one function with the CommandFn signature, listed in kCommands.
#include "cli/commands.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <vector>

#include "core/compiler.h"
#include "core/disassembler.h"
#include "core/interpreter.h"

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

constexpr Command kCommands[] = {
    {"run", "FILE.py [--stdin-file F]", "run a Python program and print its output", cmd_run},
    {"scopes", "FILE.py", "print each code block's local, cell and free variables as JSON", cmd_scopes},
    {"dis", "FILE.py", "print the bytecode the compiler makes", cmd_dis},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace cv::cli
