// Compile-time errors (SyntaxError and friends) raised by the lexer, parser, scope analysis and compiler.
#pragma once

#include <stdexcept>
#include <string>

namespace cv {

// A source error CPython would report before running anything. The VM turns it into a
// Python exception of `type_name` whose last traceback line is `type_name: message`.
struct CompileError : std::runtime_error {
  CompileError(std::string type, std::string msg, int line_no, int column = 0)
      : std::runtime_error(type + ": " + msg), type_name(std::move(type)), message(std::move(msg)),
        line(line_no), col(column) {}
  std::string type_name;  // "SyntaxError", "IndentationError" or "TabError"
  std::string message;    // exactly CPython 3.11's wording, e.g. "'return' outside function"
  int line;               // 1-based line number as CPython reports it
  int col;                // 1-based column of the caret as CPython reports it (0 when CPython shows none)
};

// A Python exception raised by a pure helper (number formatting, string methods, ...)
// that has no access to the object model. The VM catches it and raises a real
// exception object of class `type_name` with `message` as its single argument.
struct PyError : std::runtime_error {
  PyError(std::string type, std::string msg)
      : std::runtime_error(type + ": " + msg), type_name(std::move(type)), message(std::move(msg)) {}
  std::string type_name;  // a builtin exception class name: "ValueError", "OverflowError", ...
  std::string message;    // str() of the exception, CPython 3.11's wording
};

}  // namespace cv
