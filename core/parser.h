// Parser for Python 3.11 source: builds a cv::ast::Module, or throws CompileError with CPython 3.11's message and line.
//
// What is accepted is CPython 3.11's grammar minus what closureviz cannot run: `match`,
// `async`/`await`, `except*` and complex literals are rejected with a NotImplementedError
// CompileError that names the feature. Errors that CPython leaves to later stages
// ('return' outside function, duplicate argument names, nonlocal/global conflicts, ...)
// are not reported here: scope analysis and the compiler own them.
#pragma once

#include <string_view>

#include "core/ast.h"
#include "core/diagnostics.h"

namespace cv {

// Parses `source` (UTF-8, no NUL bytes) as a module, like compile(source, filename, "exec").
// `filename` is accepted for symmetry with compile(); messages do not include it.
ast::Module parse_module(std::string_view source, std::string_view filename);

// Nesting that does not involve brackets (`- - - x`, `not not x`, chained lambdas and
// conditional expressions) is bounded by this depth; beyond it the parser raises
// RecursionError "maximum recursion depth exceeded during compilation", as CPython does
// for absurdly deep expressions, instead of overflowing the native stack. Brackets are
// bounded earlier by the tokenizer (200 levels) and blocks by the indentation limit (100).
inline constexpr int kMaxParserNesting = 1000;

}  // namespace cv
