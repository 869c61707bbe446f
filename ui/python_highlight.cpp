// A lexical highlighter for the code pane: keywords, builtins, numbers, strings, comments.
#include "ui/python_highlight.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace cv::ui {

namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",   "True",  "and",      "as",     "assert", "async", "await",    "break",
    "class", "continue", "def", "del",      "elif",   "else",   "except", "finally", "for",
    "from",  "global", "if",    "import",   "in",     "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise", "return",   "try",    "while",  "with",  "yield"};

constexpr std::array<std::string_view, 20> kBuiltins = {
    "print", "len",   "range", "int",   "str",      "list",  "dict",  "set",   "tuple", "sum",
    "min",   "max",   "abs",   "sorted", "enumerate", "zip", "map",   "filter", "isinstance", "repr"};

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

std::vector<Span> highlight_python_line(std::string_view line) {
  std::vector<Span> spans;
  auto emit = [&](std::size_t begin, std::size_t end, TokenKind kind) {
    if (end <= begin) return;
    if (!spans.empty() && spans.back().kind == kind && kind == TokenKind::kPlain &&
        spans.back().text.data() + spans.back().text.size() == line.data() + begin) {
      spans.back().text = std::string_view(spans.back().text.data(), spans.back().text.size() + (end - begin));
      return;
    }
    spans.push_back({line.substr(begin, end - begin), kind});
  };
  bool after_def = false;  // the previous word was `def` or `class`
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    std::size_t j = i + 1;
    if (c == '#') {
      emit(i, line.size(), TokenKind::kComment);
      break;
    }
    if (c == '\'' || c == '"') {
      while (j < line.size() && line[j] != c) j += (line[j] == '\\') ? 2 : 1;
      j = std::min(j + 1, line.size());
      emit(i, j, TokenKind::kString);
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (j < line.size() && (is_ident_char(line[j]) || line[j] == '.')) ++j;
      emit(i, j, TokenKind::kNumber);
    } else if (is_ident_start(c)) {
      while (j < line.size() && is_ident_char(line[j])) ++j;
      const std::string_view word = line.substr(i, j - i);
      TokenKind kind = TokenKind::kPlain;
      if (after_def) kind = TokenKind::kDefName;
      else if (contains(kKeywords, word)) kind = TokenKind::kKeyword;
      else if (contains(kBuiltins, word)) kind = TokenKind::kBuiltin;
      after_def = (word == "def" || word == "class");
      emit(i, j, kind);
    } else {
      emit(i, j, TokenKind::kPlain);
    }
    i = j;
  }
  return spans;
}

}  // namespace cv::ui
