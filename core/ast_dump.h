// Text forms of a cv::ast tree that CPython can produce too, so the parser can be checked against it.
#pragma once

#include <string>

#include "core/ast.h"

namespace cv {

// Exactly what CPython 3.11's `ast.dump(tree)` prints with its default arguments: one line,
// field names shown, no position attributes, None-valued optional fields left out.
std::string dump_ast(const ast::Module& module);

// One line per node that has a position (statements, expressions, except handlers,
// arguments, keywords, aliases): "Type lineno col_offset end_lineno end_col_offset".
// Nodes come in pre-order, children in the order of the node's `_fields` (a walk that
// tests/parser/check_ast.py reproduces with Python's ast module). Columns are code points.
std::string dump_ast_positions(const ast::Module& module);

}  // namespace cv
