// Disassembler: a readable listing of a code object's bytecode, for debugging the compiler (`closureviz dis`).
#pragma once

#include <string>

#include "core/bytecode.h"

namespace cv {

struct CodeObject;

const char* op_name(Op op);
// Lists `code` and, after it, every code object among its constants (nested functions, classes, comprehensions).
std::string disassemble(const CodeObject& code);
// The scopes of every code block as a JSON list, module first, then nested blocks depth-first in
// constant order: {"name","qualname","line","kind","varnames","cellvars","freevars"} per block.
// tests/corpus/check_scopes.py compares it with CPython's code objects.
std::string code_blocks_json(const CodeObject& code);

}  // namespace cv
