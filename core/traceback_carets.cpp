// Traceback carets: CPython 3.11's tb_displayline underline, from an instruction's columns and a re-parse.
#include "core/traceback_carets.h"

#include <algorithm>
#include <exception>

#include "core/parser.h"
#include "core/text.h"

namespace cv {

namespace {

// CPython's IS_WHITESPACE in traceback.c (no newline: the line has none).
bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\f'; }

// The span inside the underlined segment that gets the secondary character: [left, right).
struct Anchors {
  int64_t left = -1;
  int64_t right = -1;
};

// extract_anchors_from_line: the segment parsed on its own as a module. A single expression
// statement that is a binary operation marks its operator; a subscript marks `[index]`.
// Anything else (or a segment that does not parse) has no anchors.
Anchors anchors_in_segment(const std::u32string& segment) {
  Anchors none;
  ast::Module module;
  try {
    module = parse_module(utf8_encode(segment), "<traceback>");
  } catch (const std::exception&) {
    return none;
  }
  if (module.body.size() != 1 || module.body[0]->kind != ast::StmtKind::Expr) return none;
  const ast::Expr& expr = *ast::as<ast::ExprStmt>(*module.body[0]).value;
  const auto at = [&](int64_t i) { return i >= 0 && i < int64_t(segment.size()) ? segment[size_t(i)] : U'\0'; };
  if (expr.kind == ast::ExprKind::BinOp) {
    const auto& binop = ast::as<ast::BinOp>(expr);
    // The first non-blank character between the operands starts the operator; a second
    // non-blank one right after it makes it a two-character operator (`//`, `**`, `<<`).
    Anchors found;
    const int64_t right_start = binop.right->pos.col_offset;
    for (int64_t i = binop.left->pos.end_col_offset; i < right_start; ++i) {
      if (is_blank(at(i))) continue;
      found.left = i;
      found.right = i + 1;
      if (i + 1 < right_start && !is_blank(at(i + 1))) ++found.right;
      // A closing parenthesis of the left operand is not the operator: keep looking.
      if (i + 1 < right_start && at(i) == U')') continue;
      break;
    }
    return found;
  }
  if (expr.kind == ast::ExprKind::Subscript) {
    const auto& subscript = ast::as<ast::Subscript>(expr);
    Anchors found{subscript.value->pos.end_col_offset, subscript.slice->pos.end_col_offset + 1};
    const auto size = int64_t(segment.size());
    // From the end of the value to its '[', and past the slice to its ']' (parentheses and
    // blanks may sit in between).
    while (found.left < size && at(found.left) != U'[') ++found.left;
    while (found.right < size && at(found.right) != U']') ++found.right;
    if (found.right < size) ++found.right;
    return found;
  }
  return none;
}

}  // namespace

std::string traceback_caret_line(std::string_view source_line, const SourceColumns& columns, int line_number) {
  if (columns.col < 0 || columns.end_col < 0 || columns.end_line < 0) return "";
  const std::u32string line = utf8_decode(source_line);
  const auto length = int64_t(line.size());
  int64_t indent = 0;
  while (indent < length && is_blank(line[size_t(indent)])) ++indent;

  const int64_t start = std::min<int64_t>(columns.col, length);
  int64_t end = std::min<int64_t>(columns.end_col, length);
  Anchors anchors;
  if (columns.end_line == line_number) {
    if (end > start) anchors = anchors_in_segment(line.substr(size_t(start), size_t(end - start)));
    if (anchors.left >= 0) {
      anchors.left += start;
      anchors.right += start;
    }
  } else {
    // A span over several lines is underlined to the last non-blank character of its first line.
    end = length;
    while (end > 0 && is_blank(line[size_t(end - 1)])) --end;
  }
  const bool has_anchors = anchors.left >= 0 || anchors.right >= 0;
  if (end - start == length - indent && !has_anchors) return "";

  // Four spaces of margin, as under the printed (stripped) source line.
  std::string out = "    ";
  for (int64_t i = indent; i < end; ++i) {
    if (i < start) out += ' ';
    else if (has_anchors && anchors.left <= i && i < anchors.right) out += '^';
    else out += has_anchors ? '~' : '^';
  }
  out += '\n';
  return out;
}

}  // namespace cv
