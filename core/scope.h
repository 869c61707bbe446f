// Scope analysis: decides the final scope of every name in every code block, exactly as CPython 3.11's symtable.c.
//
// The result answers, per block (module, def, class, lambda, comprehension): which names
// are fast locals, cells, free variables, explicit or implicit globals, and the exact
// co_varnames / co_cellvars / co_freevars / co_qualname / co_firstlineno CPython gives the
// block's code object. Keys of every table are names as CPython stores them, i.e. after
// private-name mangling (`__x` inside class C is `_C__x`). scope.cpp opens with the algorithm.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ast.h"

namespace cv {

// What kind of code object a block becomes.
enum class BlockKind {
  Module,         // the module body: its names live in the globals dict
  Function,       // def: fast locals, cells, free variables
  Class,          // class body: names live in the class namespace, which nested functions never see
  Lambda,         // lambda: a function block named "<lambda>"
  Comprehension,  // list/set/dict comprehension or generator expression: a function block whose only parameter is ".0"
};

// The one final scope of a name in a block (CPython's LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL).
enum class NameScope {
  Local,           // bound here; a fast local in function-like blocks, a namespace entry in module and class blocks
  GlobalExplicit,  // declared `global` here (also a walrus target in a comprehension at module level)
  GlobalImplicit,  // read here and bound in no enclosing function: looked up in globals, then builtins
  Free,            // lives in a cell of an enclosing function, reached through this block's closure
  Cell,            // bound here and captured by a nested block: this frame creates the cell
};

// Raw facts about one name in one block, gathered while walking the block and never revised
// by the analysis (CPython's DEF_* flags). The final answer is `BlockScope::names`.
struct NameFacts {
  bool bound = false;               // DEF_LOCAL: assigned, deleted, a for/with/except/walrus target, a def/class name
  bool parameter = false;           // DEF_PARAM: a parameter of this function (".0" for a comprehension)
  bool imported = false;            // DEF_IMPORT: bound by import / from-import
  bool declared_global = false;     // DEF_GLOBAL: `global` statement, or walrus-in-comprehension redirect
  bool declared_nonlocal = false;   // DEF_NONLOCAL: `nonlocal` statement, or walrus-in-comprehension redirect
  bool used = false;                // USE: read somewhere in this block (a `super` read also reads `__class__`)
  bool annotated = false;           // DEF_ANNOT: target of a simple annotation `x: T`
  bool comprehension_iter = false;  // DEF_COMP_ITER: an iteration variable of this comprehension
  bool binds() const { return bound || parameter || imported; }  // CPython's DEF_BOUND
};

struct BlockScope {
  BlockKind kind = BlockKind::Module;
  std::string name;      // co_name: "<module>", "f", "C", "<lambda>", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"
  std::string qualname;  // co_qualname: "outer.<locals>.inner", "C.method", "f.<locals>.<lambda>", "<listcomp>" ...
  int lineno = 1;        // co_firstlineno (a decorated def/class: the line of its first decorator)
  const void* node = nullptr;  // ast::Module*, ast::FunctionDef*, ast::ClassDef*, ast::Lambda*, ast::ListComp* ...
  BlockScope* parent = nullptr;  // null for the module
  std::vector<std::unique_ptr<BlockScope>> children;  // nested blocks in source order: by (lineno, pos.col_offset),
                                                      // i.e. a decorated def sorts at its first decorator's line
  std::unordered_map<std::string, NameScope> names;   // final scope of every name bound or used in this block
  std::vector<std::string> params;    // parameters in co_varnames order: posonly, args, kwonly, *vararg, **kwarg (comprehensions: ".0")
  std::vector<std::string> cellvars;  // exactly co_cellvars: captured parameters in parameter order, then the other cells sorted
                                      // (a class whose methods use super()/__class__ has just "__class__")
  std::vector<std::string> freevars;  // exactly co_freevars, sorted. A class also lists names it binds itself but whose
                                      // enclosing-function cell its methods read (CPython's DEF_FREE_CLASS)
  bool is_generator = false;          // contains yield / yield from (a generator expression always)
  bool is_nested = false;             // CPython's ste_nested: some enclosing block is function-like
  bool needs_class_closure = false;   // class body must create the __class__ cell

  // ---- additions beyond the agreed API
  ast::Position pos;                  // position of `node` (for a def/class: of the `def`/`class` keyword line)
  std::string private_name;           // class name in effect for __private mangling in this block ("" outside classes)
  std::unordered_map<std::string, NameFacts> facts;  // raw facts per name; same keys as `names`
  std::vector<std::string> symbols;   // the keys of `names` in the order the walk first met them (CPython's dict order)
  std::vector<std::string> varnames;  // predicted co_varnames: params, then the other fast locals in the order CPython's
                                      // compiler first emits a load/store/delete of them; empty for module and class

  // Final scope of `name` (mangled here if needed). A name this block never mentions:
  // GlobalImplicit in function-like blocks; Local in module and class blocks, where an
  // unknown name (e.g. the compiler's own __module__/__qualname__) is a namespace access.
  NameScope scope_of(const std::string& name) const;
  // `name` as this block's tables store it (private-name mangling).
  std::string mangle(std::string_view name) const;
  bool is_function_like() const { return kind == BlockKind::Function || kind == BlockKind::Lambda || kind == BlockKind::Comprehension; }
};

struct SymbolTable {
  std::unique_ptr<BlockScope> module;
  std::unordered_map<const void*, BlockScope*> by_node;  // AST node -> its block; the AST must outlive the table
  const BlockScope& block_for(const void* ast_node) const;  // asserts it exists
};

// Runs both passes over `module`. Throws CompileError (SyntaxError) with CPython 3.11's message,
// line and column, reporting the error CPython would report first.
SymbolTable analyze_scopes(const ast::Module& module, std::string_view filename);

// The checks CPython's compiler makes while walking the module in its emission order:
// 'return' outside function, 'yield' outside function, 'break' outside loop, 'continue' not
// properly in loop (and 'yield' inside a comprehension, which analyze_scopes normally reports
// first). Call after analyze_scopes succeeded, as CPython reports all symtable errors first.
void check_statement_context(const ast::Module& module);

// What `closureviz scopes FILE` prints (tests/corpus/check_scopes.py compares it with CPython):
// a JSON list with one object per code block, {"name","qualname","line","kind","varnames",
// "cellvars","freevars"}, the module first, then nested blocks depth first in source order
// (the order of `children`), one object per line as check_scopes.py --dump lays it out.
std::string scopes_to_json(const SymbolTable& table);

// CPython's _Py_Mangle: `__spam` inside class `_Ham` becomes `_Ham__spam`; dunder names,
// dotted names and names in classes made only of underscores are left alone.
std::string mangle_private_name(std::string_view private_name, std::string_view name);

const char* to_string(BlockKind kind);   // "module", "function", "class", "lambda", "comprehension"
const char* to_string(NameScope scope);  // "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"

}  // namespace cv
