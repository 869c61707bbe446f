// Subcommands of the closureviz command line: one function each, dispatched by cli/main.cpp.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cv::cli {

// Exit codes shared by all subcommands.
enum ExitCode : int {
  kExitOk = 0,        // success
  kExitProgramError = 1,  // the Python program raised an uncaught exception
  kExitUsage = 2,     // bad arguments, unreadable file, or a feature not implemented yet
};

// A subcommand receives the arguments after its name and returns the process exit code.
// Errors go to stderr as one line: "closureviz: <command>: <message>".
using CommandFn = int (*)(std::span<const std::string> args);

struct Command {
  std::string_view name;     // as typed: "run"
  std::string_view usage;    // arguments after the name: "FILE.py"
  std::string_view summary;  // one line for --help
  CommandFn fn;
};

// The command table, in --help order. To add a subcommand: write its function in
// cli/commands.cpp and add one row to kCommands there.
std::span<const Command> commands();

// Helpers for subcommands.
int usage_error(std::string_view command, std::string_view message);  // prints, returns kExitUsage
std::optional<std::string> read_source_file(std::string_view command, const std::string& path);

}  // namespace cv::cli
