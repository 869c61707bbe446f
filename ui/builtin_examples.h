// Example programs compiled into the binaries from assets/examples/*.py (see cmake/EmbedExamples.cmake).
#pragma once

#include <span>
#include <string_view>

namespace cv {

struct Example {
  std::string_view name;    // file name, e.g. "adder.py"
  std::string_view source;  // the file's bytes, UTF-8 Python source
};

// All built-in examples, sorted by file name; never empty.
std::span<const Example> builtin_examples();

}  // namespace cv
