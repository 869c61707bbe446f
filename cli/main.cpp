// closureviz command line entry point: global flags, then dispatch to a subcommand (cli/commands.h).
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/version.h"

namespace {

void print_usage(std::ostream& out) {
  out << "usage: closureviz [--version] [--help] <command> [args]\n\ncommands:\n";
  for (const cv::cli::Command& c : cv::cli::commands()) {
    const std::string head = std::string(c.name) + " " + std::string(c.usage);
    out << "  " << head << std::string(head.size() < 22 ? 22 - head.size() : 1, ' ') << c.summary << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return cv::cli::kExitUsage;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    std::cout << "closureviz " << cv::version() << '\n';
    return cv::cli::kExitOk;
  }
  if (first == "--help" || first == "-h") {
    print_usage(std::cout);
    return cv::cli::kExitOk;
  }
  for (const cv::cli::Command& c : cv::cli::commands()) {
    if (c.name == first) return c.fn(std::span<const std::string>(args).subspan(1));
  }
  std::cerr << "closureviz: unknown command '" << first << "' (see closureviz --help)\n";
  return cv::cli::kExitUsage;
}
