// Splits one line of Python source into coloured spans for the code pane. Lexical only, no parsing.
#pragma once

#include <string_view>
#include <vector>

namespace cv::ui {

enum class TokenKind {
  kPlain,    // names, operators, whitespace
  kKeyword,  // def, return, lambda, nonlocal, ...
  kBuiltin,  // print, len, range, ... (a name bound in builtins)
  kNumber,   // integer or float literal
  kString,   // string literal, quotes included (single line only)
  kComment,  // from '#' to end of line
  kDefName,  // the name right after `def` or `class`
};

struct Span {
  std::string_view text;  // a slice of the input line
  TokenKind kind;
};

// Spans cover the whole line, in order.
std::vector<Span> highlight_python_line(std::string_view line);

}  // namespace cv::ui
