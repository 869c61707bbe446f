// Compiler: turns the AST plus its scope analysis into code objects (bytecode.h) ready for the VM.
#pragma once

#include <string_view>

#include "core/ast.h"
#include "core/scope.h"

namespace cv {

class VM;
struct CodeObject;

// Compiles a whole module. Throws CompileError for errors CPython's compiler reports
// (misplaced starred expressions, unsupported constructs, ...).
CodeObject* compile_module(VM& vm, const ast::Module& module, const SymbolTable& symbols, std::string_view filename);

// Parses, analyses and compiles source text in one step (the usual entry point).
CodeObject* compile_source(VM& vm, std::string_view source, std::string_view filename);

}  // namespace cv
