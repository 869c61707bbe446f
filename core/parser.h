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

struct ParseOptions {
  // Parse like ast.parse() for `closureviz ast`, which only shows the tree: build
  // Try{is_star=true} for `except*` instead of rejecting it (the compiler cannot run
  // exception groups), and leave out the errors CPython's compiler reports (keyword
  // argument repeated, assignment to __debug__), which parse_module otherwise raises once
  // the whole file parsed.
  bool ast_only = false;
};

// Parses `source` (UTF-8, no NUL bytes) as a module, like compile(source, filename, "exec").
// `filename` is accepted for symmetry with compile(); messages do not include it.
ast::Module parse_module(std::string_view source, std::string_view filename, const ParseOptions& options = {});

// Limits on nesting, so that hostile input gets an error instead of overflowing the native
// stack here or in the passes that recurse over the tree. Both raise CPython's
// "RecursionError: maximum recursion depth exceeded during compilation":
//  * kMaxAstDepth: nodes on a path from a top-level statement down to a leaf. CPython 3.11
//    running a file accepts exactly 3000 (`x = ` followed by 2998 unary minuses and a
//    number) and fails from 3001 on, in its AST optimizer.
//  * kMaxParserNesting: recursion of the parser itself (roughly one level per unary
//    operator, `not`, `**`, lambda or conditional expression, four per bracket). Where
//    CPython's parser runs out first (about 6000 levels) it raises a bare MemoryError.
// The parser also stops with that RecursionError when the parsing thread's native stack runs
// low (core/native_stack.h), so builds with larger frames (sanitizers) are safe on any thread.
// Brackets are also bounded by the tokenizer (200 levels: "too many nested parentheses") and
// blocks by the indentation limit (100: "too many levels of indentation").
// In WebAssembly the limits are lower: with Emscripten's -fexceptions every call that may throw
// goes through a JavaScript wrapper, so the passes use up V8's ~984 KB stack long before a native
// stack would run out. Measured under node 20 (tests/hostile/README.md): a lambda chain overflowed
// beyond 1469 levels, a unary-minus chain beyond 2450; 1000 leaves a third of the stack spare.
#ifdef __EMSCRIPTEN__
inline constexpr int kMaxAstDepth = 1000;
inline constexpr int kMaxParserNesting = 1000;
#else
inline constexpr int kMaxAstDepth = 3000;
inline constexpr int kMaxParserNesting = 4000;
#endif

}  // namespace cv
