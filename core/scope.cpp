// Scope analysis: CPython 3.11's Python/symtable.c rewritten for our AST, plus the compiler-order checks.
//
// ============================================================================ design
//
// Python decides the scope of a name from the whole program text, never at run time:
// `x` in a function is local if the function binds `x` anywhere, even after the read.
// So the analysis cannot decide anything while walking; it works in two passes over a
// tree of blocks (module, def, class, lambda, comprehension), as CPython does.
//
// Pass 1 -- collect raw facts (FactCollector).
//   One walk over the AST in exactly the order CPython's symtable visits it. Each block
//   gets a table name -> NameFacts (bound / parameter / imported / declared global /
//   declared nonlocal / used / annotated / comprehension iteration variable). Nothing is
//   decided here, but the errors that only need facts already seen are raised here, in
//   walk order: duplicate parameters, `global x` after x was used or assigned,
//   `import *` outside the module, the walrus-in-comprehension errors, `yield` in a
//   comprehension. Expressions that Python evaluates in the enclosing block are walked
//   there: default values, decorators, annotations of parameters and returns, class
//   bases, and the first iterable of a comprehension.
//   Two CPython rules live in this pass because they move facts between blocks:
//   * a walrus `(y := ...)` inside a comprehension binds y in the nearest enclosing block
//     that is not a comprehension: the comprehension holding the walrus gets "declared
//     nonlocal y" (or "declared global y" when that block is the module or declares y
//     global), and that block gets "bound y"; comprehensions in between are handled by
//     pass 2 like any intermediate block. A class there is an error.
//   * every `global x` anywhere also marks x "declared global" in the module's table.
//   Under `from __future__ import annotations` annotations are strings: they are walked
//   in a detached block that pass 2 never sees, only to raise its errors.
//
// Pass 2 -- decide one scope per name (Analyzer), top-down with results flowing back up.
//   A block is analysed with two sets handed down by its parent (copies it may change):
//     bound  - names bound in enclosing function blocks (null for the module);
//     global - names known to be global (declared so, or module-level, by an ancestor);
//   and fills a third, `free`: names that it or its descendants read from an enclosing
//   function. For each name, in the order the walk first met it:
//     declared global            -> GlobalExplicit (error if also declared nonlocal)
//     declared nonlocal          -> Free; error if no enclosing function binds it
//     bound/parameter/imported   -> Local
//     in `bound`                 -> Free
//     otherwise                  -> GlobalImplicit
//   Then the children are analysed, seeing `bound` plus this block's locals if this block
//   is function-like. A class adds nothing: class-level names are invisible to methods,
//   except the implicit `__class__`, which a class offers to its methods (a method that
//   reads `super` or `__class__` then has `__class__` free).
//   Only AFTER all children are done can cells be decided: a Local name that some child
//   needs free becomes Cell, and is satisfied. A class instead absorbs a free
//   `__class__` (it will create that cell: needs_class_closure). Free names still
//   unsatisfied pass upward; a block that does not mention such a name but lies between
//   the binder and the user gets it as Free too, because it must carry the cell in its
//   own closure for the inner function to be created. A class that binds (or declares
//   global) a name that its methods read freely keeps Local for its own body and still
//   lists the name in its co_freevars (CPython's DEF_FREE_CLASS).
//   Error order is CPython's: every pass-1 error (first in walk order) before any pass-2
//   error, and in pass 2 a block's own names before its children's.
//
// Afterwards (finish) the tables are turned into what code objects show: co_cellvars
// (captured parameters in parameter order, then the other cells sorted by name),
// co_freevars (sorted), co_qualname (with ".<locals>" after function-like parents, and
// just the name for a def declared `global` in its parent), co_firstlineno.
//
// Compiler order (EmissionWalker). CPython's compiler walks the tree in a slightly
// different order from the symtable (assignment value before targets, decorators before
// defaults, a class body before its bases, a comprehension's body before its first
// iterable, a `finally` body compiled again at each break/continue/return that leaves it).
// Two results depend on that order, so one walker mirrors it: co_varnames (parameters,
// then fast locals in order of their first load/store/delete; a local that is only
// annotated is never emitted) and the compiler's own errors ('return' outside function,
// 'yield' outside function, 'break' outside loop, 'continue' not properly in loop), which
// CPython reports only after the symtable succeeded, in emission order.
//
// Names are stored mangled (`__x` in class C is `_C__x`), as CPython stores them.
// ============================================================================

#include "core/scope.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <unordered_set>

#include "core/diagnostics.h"

namespace cv {

using NameSet = std::unordered_set<std::string>;

// ------------------------------------------------------------------ small helpers

std::string mangle_private_name(std::string_view private_name, std::string_view name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
  if (name.back() == '_' && name[name.size() - 2] == '_') return std::string(name);  // __dunder__ (and "__")
  if (name.find('.') != std::string_view::npos) return std::string(name);             // dotted import name
  size_t strip = private_name.find_first_not_of('_');
  if (strip == std::string_view::npos) return std::string(name);  // class name is only underscores
  std::string out = "_";
  out += private_name.substr(strip);
  out += name;
  return out;
}

std::string BlockScope::mangle(std::string_view n) const { return mangle_private_name(private_name, n); }

NameScope BlockScope::scope_of(const std::string& n) const {
  auto it = names.find(mangle(n));
  if (it != names.end()) return it->second;
  return is_function_like() ? NameScope::GlobalImplicit : NameScope::Local;
}

const BlockScope& SymbolTable::block_for(const void* ast_node) const {
  auto it = by_node.find(ast_node);
  assert(it != by_node.end() && "AST node has no block: was it part of the analysed module?");
  if (it == by_node.end()) throw std::logic_error("block_for: AST node has no block");
  return *it->second;
}

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Module: return "module";
    case BlockKind::Function: return "function";
    case BlockKind::Class: return "class";
    case BlockKind::Lambda: return "lambda";
    case BlockKind::Comprehension: return "comprehension";
  }
  return "?";
}

const char* to_string(NameScope scope) {
  switch (scope) {
    case NameScope::Local: return "LOCAL";
    case NameScope::GlobalExplicit: return "GLOBAL_EXPLICIT";
    case NameScope::GlobalImplicit: return "GLOBAL_IMPLICIT";
    case NameScope::Free: return "FREE";
    case NameScope::Cell: return "CELL";
  }
  return "?";
}

namespace {

[[noreturn]] void syntax_error(const std::string& msg, int line, int col_offset) {
  throw CompileError("SyntaxError", msg, line, col_offset + 1);
}

std::string quoted(const std::string& name) { return "'" + name + "'"; }

// Which comprehension a block is; the 'yield' error names it.
enum class ComprehensionKind { None, List, Set, Dict, Generator };

// Where a `global`/`nonlocal` (or walrus-implied) declaration was seen: errors found in
// pass 2 point at the first declaration of the name in its block.
struct Directive {
  int line = 0;
  int col = 0;
};

// Per-block state that only pass 1 and pass 2 need; the public BlockScope keeps results.
struct BuildState {
  int comp_iter_expr = 0;          // > 0 while walking a comprehension's iterable expression
  bool comp_iter_target = false;   // walking a comprehension's `for` target
  ComprehensionKind comprehension = ComprehensionKind::None;
  bool annotation = false;         // a detached block for a `from __future__ import annotations` annotation
  std::unordered_map<std::string, Directive> directives;  // first declaration per (mangled) name
  NameSet class_free;              // class only: names it binds/declares global that its methods read freely
};

using BuildStates = std::unordered_map<const BlockScope*, BuildState>;

// The raw facts an `add_def` can record (CPython's DEF_* flag being added).
enum class Fact { Bound, Parameter, Imported, DeclaredGlobal, DeclaredNonlocal, Used, Annotated };

void set_fact(NameFacts& f, Fact fact) {
  switch (fact) {
    case Fact::Bound: f.bound = true; break;
    case Fact::Parameter: f.parameter = true; break;
    case Fact::Imported: f.imported = true; break;
    case Fact::DeclaredGlobal: f.declared_global = true; break;
    case Fact::DeclaredNonlocal: f.declared_nonlocal = true; break;
    case Fact::Used: f.used = true; break;
    case Fact::Annotated: f.annotated = true; break;
  }
}

// Inserts `key` into a block's table, remembering first-seen order.
NameFacts& facts_entry(BlockScope& b, const std::string& key) {
  auto [it, inserted] = b.facts.try_emplace(key);
  if (inserted) b.symbols.push_back(key);
  return it->second;
}

// `from __future__ import annotations` among the leading statements: annotations are then
// never evaluated, so their names are no uses (CPython walks them in a detached block).
bool has_future_annotations(const ast::Module& m) {
  size_t i = 0;
  if (!m.body.empty() && m.body[0]->kind == ast::StmtKind::Expr) {
    const ast::Expr& e = *ast::as<ast::ExprStmt>(*m.body[0]).value;
    if (e.kind == ast::ExprKind::Constant && ast::as<ast::Constant>(e).value.kind == ast::ConstantValue::Kind::Str) i = 1;
  }
  for (; i < m.body.size() && m.body[i]->kind == ast::StmtKind::ImportFrom; ++i) {
    auto& f = ast::as<ast::ImportFrom>(*m.body[i]);
    if (f.level != 0 || f.module != "__future__") break;
    for (auto& alias : f.names)
      if (alias.name == "annotations") return true;
  }
  return false;
}

// ================================================================== pass 1: raw facts

class FactCollector {
 public:
  FactCollector(SymbolTable& table, BuildStates& states) : table_(table), states_(states) {}

  void run(const ast::Module& m) {
    future_annotations_ = has_future_annotations(m);
    ast::Position pos;
    pos.lineno = 1;
    enter_block(BlockKind::Module, "<module>", &m, pos);
    for (auto& s : m.body) visit_stmt(*s);
    exit_block();
  }

 private:
  SymbolTable& table_;
  BuildStates& states_;
  std::vector<BlockScope*> stack_;  // enclosing blocks, current last
  std::string private_;             // class name for mangling (CPython's st_private)
  bool future_annotations_ = false;
  std::vector<std::unique_ptr<BlockScope>> annotation_blocks_;  // detached: see visit_annotation
  int in_annotation_block_ = 0;     // > 0 inside a detached block: nothing there is registered in by_node

  BlockScope& cur() { return *stack_.back(); }
  BuildState& state(const BlockScope& b) { return states_[&b]; }

  void enter_block(BlockKind kind, std::string name, const void* node, const ast::Position& pos, bool detached = false) {
    auto block = std::make_unique<BlockScope>();
    BlockScope* b = block.get();
    b->kind = kind;
    b->name = std::move(name);
    b->node = node;
    b->pos = pos;
    b->lineno = pos.lineno;
    b->private_name = private_;
    BuildState& st = state(*b);
    if (!stack_.empty()) {
      BlockScope& parent = cur();
      b->parent = &parent;
      b->is_nested = parent.is_nested || parent.is_function_like();
      // bpo-37757: a walrus is refused anywhere inside a comprehension's iterable, even in a nested lambda.
      st.comp_iter_expr = state(parent).comp_iter_expr;
      if (detached) annotation_blocks_.push_back(std::move(block));
      else parent.children.push_back(std::move(block));
    } else {
      table_.module = std::move(block);
    }
    if (in_annotation_block_ == 0 && !detached) table_.by_node[node] = b;
    stack_.push_back(b);
  }

  void exit_block() { stack_.pop_back(); }

  // CPython's symtable_add_def_helper: record `fact` for `name` in block `b`.
  void add_def_in(BlockScope& b, const std::string& name, Fact fact, int line, int col) {
    std::string key = mangle_private_name(private_, name);
    bool existed = b.facts.count(key) != 0;
    NameFacts& f = facts_entry(b, key);
    if (existed && fact == Fact::Parameter && f.parameter)
      syntax_error("duplicate argument " + quoted(name) + " in function definition", line, col);
    set_fact(f, fact);
    if (state(b).comp_iter_target) {
      if (f.declared_global || f.declared_nonlocal)
        syntax_error("comprehension inner loop cannot rebind assignment expression target " + quoted(name), line, col);
      f.comprehension_iter = true;
    }
    if (fact == Fact::Parameter) {
      b.params.push_back(key);
    } else if (fact == Fact::DeclaredGlobal) {
      // CPython records every global declaration in the module's own table too.
      facts_entry(*table_.module, key).declared_global = true;
    }
  }
  void add_def(const std::string& name, Fact fact, int line, int col) { add_def_in(cur(), name, fact, line, col); }
  void add_def(const std::string& name, Fact fact, const ast::Position& p) { add_def(name, fact, p.lineno, p.col_offset); }

  const NameFacts* lookup(const BlockScope& b, const std::string& name) const {
    auto it = b.facts.find(mangle_private_name(private_, name));
    return it == b.facts.end() ? nullptr : &it->second;
  }

  void record_directive(const std::string& name, int line, int col) {
    state(cur()).directives.try_emplace(mangle_private_name(private_, name), Directive{line, col});
  }

  // ---------------------------------------------------------------- statements

  void visit_body(const ast::StmtList& body) {
    for (auto& s : body) visit_stmt(*s);
  }

  void visit_stmt(const ast::Stmt& s) {
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef: {
        auto& d = ast::as<ast::FunctionDef>(s);
        add_def(d.name, Fact::Bound, d.pos);
        visit_exprs(d.args.defaults);
        visit_exprs(d.args.kw_defaults);
        visit_annotations(d.args, d.returns.get());
        visit_exprs(d.decorator_list);
        enter_block(BlockKind::Function, d.name, &d, d.pos);
        if (!d.decorator_list.empty()) cur().lineno = d.decorator_list.front()->pos.lineno;  // co_firstlineno
        visit_arguments(d.args);
        visit_body(d.body);
        exit_block();
        break;
      }
      case K::ClassDef: {
        auto& c = ast::as<ast::ClassDef>(s);
        add_def(c.name, Fact::Bound, c.pos);
        visit_exprs(c.bases);
        for (auto& kw : c.keywords) visit_expr(*kw.value);
        visit_exprs(c.decorator_list);
        enter_block(BlockKind::Class, c.name, &c, c.pos);
        if (!c.decorator_list.empty()) cur().lineno = c.decorator_list.front()->pos.lineno;  // co_firstlineno
        std::string saved = private_;
        private_ = c.name;
        cur().private_name = c.name;
        visit_body(c.body);
        private_ = saved;
        exit_block();
        break;
      }
      case K::Return: {
        auto& r = ast::as<ast::Return>(s);
        if (r.value) visit_expr(*r.value);
        break;
      }
      case K::Delete: visit_exprs(ast::as<ast::Delete>(s).targets); break;
      case K::Assign: {
        auto& a = ast::as<ast::Assign>(s);
        visit_exprs(a.targets);
        visit_expr(*a.value);
        break;
      }
      case K::AnnAssign: visit_annassign(ast::as<ast::AnnAssign>(s)); break;
      case K::AugAssign: {
        auto& a = ast::as<ast::AugAssign>(s);
        visit_expr(*a.target);
        visit_expr(*a.value);
        break;
      }
      case K::For: {
        auto& f = ast::as<ast::For>(s);
        visit_expr(*f.target);
        visit_expr(*f.iter);
        visit_body(f.body);
        visit_body(f.orelse);
        break;
      }
      case K::While: {
        auto& w = ast::as<ast::While>(s);
        visit_expr(*w.test);
        visit_body(w.body);
        visit_body(w.orelse);
        break;
      }
      case K::If: {
        auto& i = ast::as<ast::If>(s);
        visit_expr(*i.test);
        visit_body(i.body);
        visit_body(i.orelse);
        break;
      }
      case K::With: {
        auto& w = ast::as<ast::With>(s);
        for (auto& item : w.items) {
          visit_expr(*item.context_expr);
          if (item.optional_vars) visit_expr(*item.optional_vars);
        }
        visit_body(w.body);
        break;
      }
      case K::Raise: {
        auto& r = ast::as<ast::Raise>(s);
        if (r.exc) {
          visit_expr(*r.exc);
          if (r.cause) visit_expr(*r.cause);
        }
        break;
      }
      case K::Try: {
        auto& t = ast::as<ast::Try>(s);
        visit_body(t.body);
        visit_body(t.orelse);  // CPython's symtable walks `else` before the handlers
        for (auto& h : t.handlers) {
          if (h.type) visit_expr(*h.type);
          if (h.name) add_def(*h.name, Fact::Bound, h.pos);
          visit_body(h.body);
        }
        visit_body(t.finalbody);
        break;
      }
      case K::Assert: {
        auto& a = ast::as<ast::Assert>(s);
        visit_expr(*a.test);
        if (a.msg) visit_expr(*a.msg);
        break;
      }
      case K::Import:
        for (auto& alias : ast::as<ast::Import>(s).names) visit_alias(alias);
        break;
      case K::ImportFrom:
        for (auto& alias : ast::as<ast::ImportFrom>(s).names) visit_alias(alias);
        break;
      case K::Global:
        for (auto& name : ast::as<ast::Global>(s).names) visit_declaration(s, name, /*global=*/true);
        break;
      case K::Nonlocal:
        for (auto& name : ast::as<ast::Nonlocal>(s).names) visit_declaration(s, name, /*global=*/false);
        break;
      case K::Expr: visit_expr(*ast::as<ast::ExprStmt>(s).value); break;
      case K::Pass:
      case K::Break:
      case K::Continue: break;
    }
  }

  // `global name` / `nonlocal name`: refused once the block has already used, assigned,
  // annotated or taken the name as a parameter (an import before it is accepted, as in CPython).
  void visit_declaration(const ast::Stmt& s, const std::string& name, bool global) {
    if (const NameFacts* f = lookup(cur(), name)) {
      const char* what = nullptr;
      if (f->parameter) what = global ? "name %s is parameter and global" : "name %s is parameter and nonlocal";
      else if (f->used) what = global ? "name %s is used prior to global declaration" : "name %s is used prior to nonlocal declaration";
      else if (f->annotated) what = global ? "annotated name %s can't be global" : "annotated name %s can't be nonlocal";
      else if (f->bound) what = global ? "name %s is assigned to before global declaration" : "name %s is assigned to before nonlocal declaration";
      if (what) {
        std::string msg = what;
        msg.replace(msg.find("%s"), 2, quoted(name));
        syntax_error(msg, s.pos.lineno, s.pos.col_offset);
      }
    }
    add_def(name, global ? Fact::DeclaredGlobal : Fact::DeclaredNonlocal, s.pos);
    record_directive(name, s.pos.lineno, s.pos.col_offset);
  }

  void visit_annassign(const ast::AnnAssign& s) {
    if (s.target->kind == ast::ExprKind::Name) {
      auto& target = ast::as<ast::Name>(*s.target);
      const NameFacts* f = lookup(cur(), target.id);
      if (f && (f->declared_global || f->declared_nonlocal) && &cur() != table_.module.get() && s.simple) {
        syntax_error(std::string("annotated name ") + quoted(target.id) + (f->declared_global ? " can't be global" : " can't be nonlocal"),
                     s.pos.lineno, s.pos.col_offset);
      }
      if (s.simple) {
        add_def(target.id, Fact::Annotated, target.pos);
        add_def(target.id, Fact::Bound, target.pos);
      } else if (s.value) {
        add_def(target.id, Fact::Bound, target.pos);
      }
    } else {
      visit_expr(*s.target);
    }
    visit_annotation(*s.annotation);
    if (s.value) visit_expr(*s.value);
  }

  // Annotations are evaluated, and their names used, in the current block -- unless
  // `from __future__ import annotations` turns them into strings. Then CPython walks them
  // in an annotation block that is never analysed (only its errors count), as here.
  void visit_annotation(const ast::Expr& annotation) {
    if (!future_annotations_) {
      visit_expr(annotation);
      return;
    }
    // Kind Class: not function-like, so a `super` inside means no __class__.
    enter_block(BlockKind::Class, "_annotation", &annotation, annotation.pos, /*detached=*/true);
    state(cur()).annotation = true;
    ++in_annotation_block_;
    visit_expr(annotation);
    --in_annotation_block_;
    exit_block();
  }

  void refuse_in_annotation(const char* what, const ast::Position& p) {
    if (state(cur()).annotation) syntax_error(std::string("'") + what + "' can not be used within an annotation", p.lineno, p.col_offset);
  }

  void visit_alias(const ast::Alias& a) {
    const std::string& name = a.asname ? *a.asname : a.name;
    if (name == "*") {
      if (cur().kind != BlockKind::Module) syntax_error("import * only allowed at module level", a.pos.lineno, a.pos.col_offset);
      return;
    }
    add_def(name.substr(0, name.find('.')), Fact::Imported, a.pos);  // `import a.b` binds `a`
  }

  void visit_arguments(const ast::Arguments& a) {
    for (auto& arg : a.posonlyargs) add_def(arg.arg, Fact::Parameter, arg.pos);
    for (auto& arg : a.args) add_def(arg.arg, Fact::Parameter, arg.pos);
    for (auto& arg : a.kwonlyargs) add_def(arg.arg, Fact::Parameter, arg.pos);
    if (a.vararg) add_def(a.vararg->arg, Fact::Parameter, a.vararg->pos);
    if (a.kwarg) add_def(a.kwarg->arg, Fact::Parameter, a.kwarg->pos);
  }

  // Parameter and return annotations, walked in the enclosing block (CPython's order).
  void visit_annotations(const ast::Arguments& a, const ast::Expr* returns) {
    for (auto& arg : a.posonlyargs) if (arg.annotation) visit_annotation(*arg.annotation);
    for (auto& arg : a.args) if (arg.annotation) visit_annotation(*arg.annotation);
    if (a.vararg && a.vararg->annotation) visit_annotation(*a.vararg->annotation);
    if (a.kwarg && a.kwarg->annotation) visit_annotation(*a.kwarg->annotation);
    for (auto& arg : a.kwonlyargs) if (arg.annotation) visit_annotation(*arg.annotation);
    if (returns) visit_annotation(*returns);
  }

  // ---------------------------------------------------------------- expressions

  void visit_exprs(const ast::ExprList& list) {
    for (auto& e : list) if (e) visit_expr(*e);  // null entries: kw_defaults holes, `**` dict keys
  }

  void visit_expr(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::NamedExpr:
        refuse_in_annotation("named expression", e.pos);
        visit_named_expr(ast::as<ast::NamedExpr>(e));
        break;
      case K::BoolOp: visit_exprs(ast::as<ast::BoolOp>(e).values); break;
      case K::BinOp: {
        auto& b = ast::as<ast::BinOp>(e);
        visit_expr(*b.left);
        visit_expr(*b.right);
        break;
      }
      case K::UnaryOp: visit_expr(*ast::as<ast::UnaryOp>(e).operand); break;
      case K::Lambda: {
        auto& l = ast::as<ast::Lambda>(e);
        visit_exprs(l.args.defaults);
        visit_exprs(l.args.kw_defaults);
        enter_block(BlockKind::Lambda, "<lambda>", &l, l.pos);
        visit_arguments(l.args);
        visit_expr(*l.body);
        exit_block();
        break;
      }
      case K::IfExp: {
        auto& i = ast::as<ast::IfExp>(e);
        visit_expr(*i.test);
        visit_expr(*i.body);
        visit_expr(*i.orelse);
        break;
      }
      case K::Dict: {
        auto& d = ast::as<ast::Dict>(e);
        visit_exprs(d.keys);
        visit_exprs(d.values);
        break;
      }
      case K::Set: visit_exprs(ast::as<ast::Set>(e).elts); break;
      case K::ListComp: {
        auto& c = ast::as<ast::ListComp>(e);
        visit_comprehension(e, "<listcomp>", ComprehensionKind::List, c.generators, *c.elt, nullptr);
        break;
      }
      case K::SetComp: {
        auto& c = ast::as<ast::SetComp>(e);
        visit_comprehension(e, "<setcomp>", ComprehensionKind::Set, c.generators, *c.elt, nullptr);
        break;
      }
      case K::DictComp: {
        auto& c = ast::as<ast::DictComp>(e);
        visit_comprehension(e, "<dictcomp>", ComprehensionKind::Dict, c.generators, *c.key, c.value.get());
        break;
      }
      case K::GeneratorExp: {
        auto& c = ast::as<ast::GeneratorExp>(e);
        visit_comprehension(e, "<genexpr>", ComprehensionKind::Generator, c.generators, *c.elt, nullptr);
        break;
      }
      case K::Yield:
      case K::YieldFrom: {
        refuse_in_annotation("yield expression", e.pos);
        const ast::Expr* value = e.kind == K::Yield ? ast::as<ast::Yield>(e).value.get() : ast::as<ast::YieldFrom>(e).value.get();
        if (value) visit_expr(*value);
        cur().is_generator = true;
        if (ComprehensionKind k = state(cur()).comprehension; k != ComprehensionKind::None) yield_in_comprehension_error(k, e.pos);
        break;
      }
      case K::Compare: {
        auto& c = ast::as<ast::Compare>(e);
        visit_expr(*c.left);
        visit_exprs(c.comparators);
        break;
      }
      case K::Call: {
        auto& c = ast::as<ast::Call>(e);
        visit_expr(*c.func);
        visit_exprs(c.args);
        for (auto& kw : c.keywords) visit_expr(*kw.value);
        break;
      }
      case K::FormattedValue: {
        auto& f = ast::as<ast::FormattedValue>(e);
        visit_expr(*f.value);
        if (f.format_spec) visit_expr(*f.format_spec);
        break;
      }
      case K::JoinedStr: visit_exprs(ast::as<ast::JoinedStr>(e).values); break;
      case K::Constant: break;
      case K::Attribute: visit_expr(*ast::as<ast::Attribute>(e).value); break;
      case K::Subscript: {
        auto& s = ast::as<ast::Subscript>(e);
        visit_expr(*s.value);
        visit_expr(*s.slice);
        break;
      }
      case K::Starred: visit_expr(*ast::as<ast::Starred>(e).value); break;
      case K::Slice: {
        auto& s = ast::as<ast::Slice>(e);
        if (s.lower) visit_expr(*s.lower);
        if (s.upper) visit_expr(*s.upper);
        if (s.step) visit_expr(*s.step);
        break;
      }
      case K::Name: {
        auto& n = ast::as<ast::Name>(e);
        add_def(n.id, n.ctx == ast::ExprContext::Load ? Fact::Used : Fact::Bound, n.pos);
        // Zero-argument super() finds the class through the __class__ cell.
        if (n.ctx == ast::ExprContext::Load && cur().is_function_like() && n.id == "super")
          add_def("__class__", Fact::Used, n.pos);
        break;
      }
      case K::List: visit_exprs(ast::as<ast::List>(e).elts); break;
      case K::Tuple: visit_exprs(ast::as<ast::Tuple>(e).elts); break;
    }
  }

  [[noreturn]] static void yield_in_comprehension_error(ComprehensionKind k, const ast::Position& p) {
    const char* msg = k == ComprehensionKind::List  ? "'yield' inside list comprehension"
                      : k == ComprehensionKind::Set ? "'yield' inside set comprehension"
                      : k == ComprehensionKind::Dict ? "'yield' inside dict comprehension"
                                                     : "'yield' inside generator expression";
    syntax_error(msg, p.lineno, p.col_offset);
  }

  void visit_comprehension(const ast::Expr& e, const char* name, ComprehensionKind kind,
                           const std::vector<ast::Comprehension>& generators, const ast::Expr& elt, const ast::Expr* value) {
    const ast::Comprehension& outermost = generators.front();
    // The outermost iterable is evaluated in the enclosing block.
    state(cur()).comp_iter_expr++;
    visit_expr(*outermost.iter);
    state(cur()).comp_iter_expr--;

    enter_block(BlockKind::Comprehension, name, &e, e.pos);
    BuildState& st = state(cur());
    st.comprehension = kind;
    add_def(".0", Fact::Parameter, e.pos);  // the outermost iterator arrives as argument ".0"
    st.comp_iter_target = true;
    visit_expr(*outermost.target);
    st.comp_iter_target = false;
    visit_exprs(outermost.ifs);
    for (size_t i = 1; i < generators.size(); ++i) {
      const ast::Comprehension& g = generators[i];
      state(cur()).comp_iter_target = true;
      visit_expr(*g.target);
      state(cur()).comp_iter_target = false;
      state(cur()).comp_iter_expr++;
      visit_expr(*g.iter);
      state(cur()).comp_iter_expr--;
      visit_exprs(g.ifs);
    }
    if (value) visit_expr(*value);  // CPython walks a dict comprehension's value before its key
    visit_expr(elt);
    cur().is_generator = kind == ComprehensionKind::Generator;
    exit_block();
  }

  void visit_named_expr(const ast::NamedExpr& e) {
    if (state(cur()).comp_iter_expr > 0)
      syntax_error("assignment expression cannot be used in a comprehension iterable expression", e.pos.lineno, e.pos.col_offset);
    if (state(cur()).comprehension != ComprehensionKind::None) {
      assert(e.target->kind == ast::ExprKind::Name);
      bind_walrus_outside_comprehension(ast::as<ast::Name>(*e.target));
    }
    visit_expr(*e.value);
    visit_expr(*e.target);
  }

  // A walrus target inside a comprehension belongs to the nearest enclosing block that is
  // not a comprehension (CPython's symtable_extend_namedexpr_scope).
  void bind_walrus_outside_comprehension(const ast::Name& target) {
    const std::string& name = target.id;
    const ast::Position& p = target.pos;
    for (size_t i = stack_.size(); i-- > 0;) {
      BlockScope& b = *stack_[i];
      if (state(b).annotation) continue;
      // CPython looks the target up unmangled here.
      auto it = b.facts.find(name);
      const NameFacts* f = it == b.facts.end() ? nullptr : &it->second;
      switch (b.kind) {
        case BlockKind::Comprehension:
          if (f && f->comprehension_iter)
            syntax_error("assignment expression cannot rebind comprehension iteration variable " + quoted(name), p.lineno, p.col_offset);
          continue;
        case BlockKind::Function:
        case BlockKind::Lambda:
          add_def(name, f && f->declared_global ? Fact::DeclaredGlobal : Fact::DeclaredNonlocal, p);
          record_directive(name, p.lineno, p.col_offset);
          add_def_in(b, name, Fact::Bound, p.lineno, p.col_offset);
          return;
        case BlockKind::Module:
          add_def(name, Fact::DeclaredGlobal, p);
          record_directive(name, p.lineno, p.col_offset);
          add_def_in(b, name, Fact::DeclaredGlobal, p.lineno, p.col_offset);
          return;
        case BlockKind::Class:
          syntax_error("assignment expression within a comprehension cannot be used in a class body", p.lineno, p.col_offset);
      }
    }
    assert(false && "the module block is always on the stack");
  }
};

// ================================================================== pass 2: decisions

class Analyzer {
 public:
  explicit Analyzer(BuildStates& states) : states_(states) {}

  void run(BlockScope& module) {
    NameSet free, global;
    analyze_block(module, nullptr, free, global);
  }

 private:
  BuildStates& states_;

  // `bound`: names bound by enclosing functions (null at module level).
  // `free`: receives the names this block and its children read from enclosing functions.
  // `global`: names known global; this block's copy, which it may extend for its children.
  void analyze_block(BlockScope& b, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newbound, newglobal, newfree;
    const bool is_class = b.kind == BlockKind::Class;
    if (is_class) {
      // Class-level names never reach methods: children see only what the class saw.
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (const std::string& name : b.symbols) analyze_name(b, name, b.facts.at(name), bound, local, free, global);

    if (!is_class) {
      if (b.is_function_like()) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");  // methods may capture the class being built
    }

    // Children in pass-1 walk order (CPython's order, which decides which error comes first).
    NameSet allfree;
    for (auto& child : b.children) {
      NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
      analyze_block(*child, &child_bound, child_free, child_global);
      allfree.insert(child_free.begin(), child_free.end());
    }
    newfree.insert(allfree.begin(), allfree.end());

    if (b.is_function_like()) {
      // Cells are decided only now: a local that a child reads freely becomes a cell.
      for (auto& [name, scope] : b.names) {
        if (scope == NameScope::Local && newfree.erase(name)) scope = NameScope::Cell;
      }
    } else if (is_class) {
      if (newfree.erase("__class__")) b.needs_class_closure = true;
    }
    pass_free_through(b, bound, newfree, is_class);
    free.insert(newfree.begin(), newfree.end());
  }

  void analyze_name(BlockScope& b, const std::string& name, const NameFacts& f, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global) {
    if (f.declared_global) {
      if (f.declared_nonlocal) directive_error(b, name, "name " + quoted(name) + " is nonlocal and global");
      b.names[name] = NameScope::GlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return;
    }
    if (f.declared_nonlocal) {
      if (!bound) directive_error(b, name, "nonlocal declaration not allowed at module level");
      if (!bound->count(name)) directive_error(b, name, "no binding for nonlocal " + quoted(name) + " found");
      b.names[name] = NameScope::Free;
      free.insert(name);
      return;
    }
    if (f.binds()) {
      b.names[name] = NameScope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      b.names[name] = NameScope::Free;
      free.insert(name);
      return;
    }
    b.names[name] = NameScope::GlobalImplicit;
  }

  [[noreturn]] void directive_error(const BlockScope& b, const std::string& name, const std::string& msg) {
    // Only names declared nonlocal reach here, and every such declaration was recorded.
    const BuildState& st = states_[&b];
    auto it = st.directives.find(name);
    assert(it != st.directives.end());
    if (it == st.directives.end()) syntax_error(msg, b.lineno, 0);
    syntax_error(msg, it->second.line, it->second.col);
  }

  // Free names of the children that this block does not satisfy: a block between the
  // binder and the user carries the cell in its own closure, so it gets the name as Free.
  void pass_free_through(BlockScope& b, const NameSet* bound, const NameSet& newfree, bool is_class) {
    std::vector<std::string> sorted(newfree.begin(), newfree.end());
    std::sort(sorted.begin(), sorted.end());  // deterministic `symbols` order
    for (const std::string& name : sorted) {
      auto it = b.facts.find(name);
      if (it != b.facts.end()) {
        // A class that binds the name keeps it Local for its body, yet must pass the
        // enclosing cell on to its methods (CPython's DEF_FREE_CLASS).
        if (is_class && (it->second.binds() || it->second.declared_global)) states_[&b].class_free.insert(name);
        continue;  // already a cell here, or already free
      }
      if (bound && !bound->count(name)) continue;  // global for this block
      facts_entry(b, name);  // no raw fact: present only to carry the cell
      b.names[name] = NameScope::Free;
    }
  }
};

// ================================================================== compiler-order walk

// Walks the module in the order CPython 3.11's compiler emits code, to raise the compiler's
// context errors or to predict co_varnames.
class EmissionWalker {
 public:
  struct Options {
    const SymbolTable* table = nullptr;  // needed for record_varnames
    bool strict = false;                 // throw the compiler's context errors
    bool record_varnames = false;        // fill BlockScope::varnames
  };
  explicit EmissionWalker(Options options) : opt_(std::move(options)) {}

  void run(const ast::Module& m) {
    future_annotations_ = has_future_annotations(m);
    enter_unit(&m, BlockKind::Module, ComprehensionKind::None);
    walk_body(m.body);
    exit_unit();
  }

 private:
  // A frame-block the compiler tracks: only loops and try/finally matter for these checks.
  struct FBlock {
    bool is_loop;                        // for/while body
    const ast::StmtList* finalbody;      // try/finally: compiled again at each jump out of it
  };
  struct Unit {
    BlockScope* block;  // null without a symbol table
    BlockKind kind;
    ComprehensionKind comprehension;
    std::vector<FBlock> fblocks;
  };

  Options opt_;
  bool future_annotations_ = false;
  std::vector<Unit> units_;
  std::unordered_map<const BlockScope*, NameSet> emitted_;  // names already in varnames, per block

  Unit& unit() { return units_.back(); }
  bool in_function() { return unit().kind != BlockKind::Module && unit().kind != BlockKind::Class; }

  void enter_unit(const void* node, BlockKind kind, ComprehensionKind comp) {
    BlockScope* block = opt_.table ? const_cast<BlockScope*>(&opt_.table->block_for(node)) : nullptr;
    // A `finally` body can be compiled several times; its blocks start their varnames once.
    if (block && opt_.record_varnames && !emitted_.count(block)) {
      emitted_[block].insert(block->params.begin(), block->params.end());
      block->varnames = block->params;
    }
    units_.push_back(Unit{block, kind, comp, {}});
  }
  void exit_unit() { units_.pop_back(); }

  void error(const char* msg, const ast::Position& p) {
    if (opt_.strict) syntax_error(msg, p.lineno, p.col_offset);
  }

  // A load/store/delete of `name`: the first one of a fast local fixes its co_varnames slot.
  void name_op(const std::string& name) {
    Unit& u = unit();
    if (!opt_.record_varnames || !u.block || !u.block->is_function_like()) return;
    std::string key = u.block->mangle(name);
    auto it = u.block->names.find(key);
    if (it == u.block->names.end() || it->second != NameScope::Local) return;
    if (emitted_[u.block].insert(key).second) u.block->varnames.push_back(key);
  }

  // CPython's compiler_unwind_fblock_stack: leaving try/finally blocks compiles their
  // `finally` bodies right here, with the frame-blocks above them popped.
  bool unwind(bool stop_at_loop) {
    auto& fb = unit().fblocks;
    if (fb.empty()) return false;
    FBlock top = fb.back();
    if (stop_at_loop && top.is_loop) return true;
    fb.pop_back();
    if (top.finalbody) walk_body(*top.finalbody);
    bool found = unwind(stop_at_loop);
    unit().fblocks.push_back(top);
    return found;
  }

  void walk_body(const ast::StmtList& body) {
    for (auto& s : body) walk_stmt(*s);
  }

  // Under `from __future__ import annotations` an annotation compiles to a string constant.
  void walk_annotation(const ast::Expr* annotation) {
    if (annotation && !future_annotations_) walk_expr(*annotation);
  }

  void walk_exprs(const ast::ExprList& list) {
    for (auto& e : list) if (e) walk_expr(*e);
  }

  void walk_stmt(const ast::Stmt& s) {
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef: {
        auto& d = ast::as<ast::FunctionDef>(s);
        walk_exprs(d.decorator_list);
        walk_exprs(d.args.defaults);
        walk_exprs(d.args.kw_defaults);
        // compiler_visit_annotations: args, posonly, *vararg, kwonly, **kwarg, return
        for (auto& a : d.args.args) walk_annotation(a.annotation.get());
        for (auto& a : d.args.posonlyargs) walk_annotation(a.annotation.get());
        if (d.args.vararg) walk_annotation(d.args.vararg->annotation.get());
        for (auto& a : d.args.kwonlyargs) walk_annotation(a.annotation.get());
        if (d.args.kwarg) walk_annotation(d.args.kwarg->annotation.get());
        walk_annotation(d.returns.get());
        enter_unit(&d, BlockKind::Function, ComprehensionKind::None);
        walk_body(d.body);
        exit_unit();
        name_op(d.name);
        break;
      }
      case K::ClassDef: {
        auto& c = ast::as<ast::ClassDef>(s);
        walk_exprs(c.decorator_list);
        enter_unit(&c, BlockKind::Class, ComprehensionKind::None);
        walk_body(c.body);
        exit_unit();
        walk_exprs(c.bases);  // the class body is compiled before the bases are evaluated
        for (auto& kw : c.keywords) walk_expr(*kw.value);
        name_op(c.name);
        break;
      }
      case K::Return: {
        auto& r = ast::as<ast::Return>(s);
        if (!in_function()) error("'return' outside function", s.pos);
        if (r.value) walk_expr(*r.value);
        unwind(/*stop_at_loop=*/false);
        break;
      }
      case K::Delete: walk_exprs(ast::as<ast::Delete>(s).targets); break;
      case K::Assign: {
        auto& a = ast::as<ast::Assign>(s);
        walk_expr(*a.value);
        walk_exprs(a.targets);
        break;
      }
      case K::AugAssign: {
        auto& a = ast::as<ast::AugAssign>(s);
        walk_expr(*a.target);  // a Name target is loaded first; its store comes later
        walk_expr(*a.value);
        break;
      }
      case K::AnnAssign: {
        auto& a = ast::as<ast::AnnAssign>(s);
        if (a.value) {
          walk_expr(*a.value);
          walk_expr(*a.target);
        }
        const bool namespace_block = !in_function();
        if (a.target->kind == ast::ExprKind::Name) {
          if (a.simple && namespace_block) walk_annotation(a.annotation.get());
        } else if (!a.value) {
          if (a.target->kind == ast::ExprKind::Attribute) walk_expr(*ast::as<ast::Attribute>(*a.target).value);
          if (a.target->kind == ast::ExprKind::Subscript) {
            auto& sub = ast::as<ast::Subscript>(*a.target);
            walk_expr(*sub.value);
            walk_expr(*sub.slice);
          }
        }
        if (!a.simple && namespace_block) walk_annotation(a.annotation.get());  // annotations run only in module/class
        break;
      }
      case K::For: {
        auto& f = ast::as<ast::For>(s);
        walk_expr(*f.iter);
        unit().fblocks.push_back(FBlock{true, nullptr});
        walk_expr(*f.target);
        walk_body(f.body);
        unit().fblocks.pop_back();
        walk_body(f.orelse);
        break;
      }
      case K::While: {
        auto& w = ast::as<ast::While>(s);
        unit().fblocks.push_back(FBlock{true, nullptr});
        walk_expr(*w.test);
        walk_body(w.body);
        unit().fblocks.pop_back();
        walk_body(w.orelse);
        break;
      }
      case K::If: {
        auto& i = ast::as<ast::If>(s);
        walk_expr(*i.test);
        walk_body(i.body);
        walk_body(i.orelse);
        break;
      }
      case K::With: {
        auto& w = ast::as<ast::With>(s);
        for (auto& item : w.items) {
          walk_expr(*item.context_expr);
          if (item.optional_vars) walk_expr(*item.optional_vars);
        }
        walk_body(w.body);
        break;
      }
      case K::Raise: {
        auto& r = ast::as<ast::Raise>(s);
        if (r.exc) walk_expr(*r.exc);
        if (r.cause) walk_expr(*r.cause);
        break;
      }
      case K::Try: {
        auto& t = ast::as<ast::Try>(s);
        const bool has_finally = !t.finalbody.empty();
        if (has_finally) unit().fblocks.push_back(FBlock{false, &t.finalbody});
        walk_body(t.body);
        walk_body(t.orelse);
        for (auto& h : t.handlers) {
          if (h.type) walk_expr(*h.type);
          if (h.name) name_op(*h.name);
          walk_body(h.body);
        }
        if (has_finally) {
          unit().fblocks.pop_back();
          walk_body(t.finalbody);
        }
        break;
      }
      case K::Assert: {
        auto& a = ast::as<ast::Assert>(s);
        walk_expr(*a.test);
        if (a.msg) walk_expr(*a.msg);
        break;
      }
      case K::Import:
        for (auto& alias : ast::as<ast::Import>(s).names)
          name_op(alias.asname ? *alias.asname : alias.name.substr(0, alias.name.find('.')));
        break;
      case K::ImportFrom:
        for (auto& alias : ast::as<ast::ImportFrom>(s).names)
          if (alias.name != "*") name_op(alias.asname ? *alias.asname : alias.name);
        break;
      case K::Global:
      case K::Nonlocal:
      case K::Pass: break;
      case K::Break:
        if (!unwind(/*stop_at_loop=*/true)) error("'break' outside loop", s.pos);
        break;
      case K::Continue:
        if (!unwind(/*stop_at_loop=*/true)) error("'continue' not properly in loop", s.pos);
        break;
      case K::Expr: {
        auto& e = ast::as<ast::ExprStmt>(s);
        if (e.value->kind != ast::ExprKind::Constant) walk_expr(*e.value);
        break;
      }
    }
  }

  void walk_expr(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::BoolOp: walk_exprs(ast::as<ast::BoolOp>(e).values); break;
      case K::NamedExpr: {
        auto& n = ast::as<ast::NamedExpr>(e);
        walk_expr(*n.value);
        walk_expr(*n.target);
        break;
      }
      case K::BinOp: {
        auto& b = ast::as<ast::BinOp>(e);
        walk_expr(*b.left);
        walk_expr(*b.right);
        break;
      }
      case K::UnaryOp: walk_expr(*ast::as<ast::UnaryOp>(e).operand); break;
      case K::Lambda: {
        auto& l = ast::as<ast::Lambda>(e);
        walk_exprs(l.args.defaults);
        walk_exprs(l.args.kw_defaults);
        enter_unit(&l, BlockKind::Lambda, ComprehensionKind::None);
        walk_expr(*l.body);
        exit_unit();
        break;
      }
      case K::IfExp: {
        auto& i = ast::as<ast::IfExp>(e);
        walk_expr(*i.test);
        walk_expr(*i.body);
        walk_expr(*i.orelse);
        break;
      }
      case K::Dict: {
        auto& d = ast::as<ast::Dict>(e);
        for (size_t i = 0; i < d.values.size(); ++i) {
          if (i < d.keys.size() && d.keys[i]) walk_expr(*d.keys[i]);
          walk_expr(*d.values[i]);
        }
        break;
      }
      case K::Set: walk_exprs(ast::as<ast::Set>(e).elts); break;
      case K::ListComp: {
        auto& c = ast::as<ast::ListComp>(e);
        walk_comprehension(e, ComprehensionKind::List, c.generators, *c.elt, nullptr);
        break;
      }
      case K::SetComp: {
        auto& c = ast::as<ast::SetComp>(e);
        walk_comprehension(e, ComprehensionKind::Set, c.generators, *c.elt, nullptr);
        break;
      }
      case K::DictComp: {
        auto& c = ast::as<ast::DictComp>(e);
        walk_comprehension(e, ComprehensionKind::Dict, c.generators, *c.key, c.value.get());
        break;
      }
      case K::GeneratorExp: {
        auto& c = ast::as<ast::GeneratorExp>(e);
        walk_comprehension(e, ComprehensionKind::Generator, c.generators, *c.elt, nullptr);
        break;
      }
      case K::Yield:
      case K::YieldFrom: {
        ComprehensionKind comp = unit().comprehension;
        if (comp != ComprehensionKind::None) {
          error(comp == ComprehensionKind::List  ? "'yield' inside list comprehension"
                : comp == ComprehensionKind::Set ? "'yield' inside set comprehension"
                : comp == ComprehensionKind::Dict ? "'yield' inside dict comprehension"
                                                  : "'yield' inside generator expression",
                e.pos);
        }
        if (!in_function()) error("'yield' outside function", e.pos);
        const ast::Expr* value = e.kind == K::Yield ? ast::as<ast::Yield>(e).value.get() : ast::as<ast::YieldFrom>(e).value.get();
        if (value) walk_expr(*value);
        break;
      }
      case K::Compare: {
        auto& c = ast::as<ast::Compare>(e);
        walk_expr(*c.left);
        walk_exprs(c.comparators);
        break;
      }
      case K::Call: {
        auto& c = ast::as<ast::Call>(e);
        walk_expr(*c.func);
        walk_exprs(c.args);  // all positional (and *starred) arguments before any keyword
        for (auto& kw : c.keywords) walk_expr(*kw.value);
        break;
      }
      case K::FormattedValue: {
        auto& f = ast::as<ast::FormattedValue>(e);
        walk_expr(*f.value);
        if (f.format_spec) walk_expr(*f.format_spec);
        break;
      }
      case K::JoinedStr: walk_exprs(ast::as<ast::JoinedStr>(e).values); break;
      case K::Constant: break;
      case K::Attribute: walk_expr(*ast::as<ast::Attribute>(e).value); break;
      case K::Subscript: {
        auto& s = ast::as<ast::Subscript>(e);
        walk_expr(*s.value);
        walk_expr(*s.slice);
        break;
      }
      case K::Starred: walk_expr(*ast::as<ast::Starred>(e).value); break;
      case K::Name: name_op(ast::as<ast::Name>(e).id); break;
      case K::List: walk_exprs(ast::as<ast::List>(e).elts); break;
      case K::Tuple: walk_exprs(ast::as<ast::Tuple>(e).elts); break;
      case K::Slice: {
        auto& s = ast::as<ast::Slice>(e);
        if (s.lower) walk_expr(*s.lower);
        if (s.upper) walk_expr(*s.upper);
        if (s.step) walk_expr(*s.step);
        break;
      }
    }
  }

  // The comprehension's code is compiled first; its outermost iterable is evaluated afterwards, outside.
  void walk_comprehension(const ast::Expr& e, ComprehensionKind kind, const std::vector<ast::Comprehension>& generators,
                          const ast::Expr& elt, const ast::Expr* value) {
    enter_unit(&e, BlockKind::Comprehension, kind);
    for (size_t i = 0; i < generators.size(); ++i) {
      const ast::Comprehension& g = generators[i];
      if (i > 0) walk_expr(*g.iter);
      walk_expr(*g.target);
      walk_exprs(g.ifs);
    }
    walk_expr(elt);
    if (value) walk_expr(*value);
    exit_unit();
    walk_expr(*generators.front().iter);
  }
};

// ================================================================== finishing touches

// co_qualname, as compiler_set_qualname computes it.
void set_qualnames(BlockScope& b) {
  for (auto& child : b.children) {
    BlockScope& c = *child;
    if (b.kind == BlockKind::Module) {
      c.qualname = c.name;
    } else {
      bool force_global = false;
      if (c.kind == BlockKind::Function || c.kind == BlockKind::Class) {
        auto it = b.names.find(b.mangle(c.name));
        force_global = it != b.names.end() && it->second == NameScope::GlobalExplicit;
      }
      if (force_global) c.qualname = c.name;
      else if (b.kind == BlockKind::Function || b.kind == BlockKind::Lambda) c.qualname = b.qualname + ".<locals>." + c.name;
      else c.qualname = b.qualname + "." + c.name;
    }
    set_qualnames(c);
  }
}

// co_cellvars, co_freevars; children put in source order.
void finish_block(BlockScope& b, const BuildStates& states) {
  if (b.kind == BlockKind::Class) {
    if (b.needs_class_closure) b.cellvars.push_back("__class__");
  } else if (b.is_function_like()) {
    // Captured parameters keep their co_varnames slot, so they come first, in parameter order.
    NameSet param_set(b.params.begin(), b.params.end());
    for (const std::string& p : b.params)
      if (b.names.at(p) == NameScope::Cell) b.cellvars.push_back(p);
    std::vector<std::string> other;
    for (auto& [name, scope] : b.names)
      if (scope == NameScope::Cell && !param_set.count(name)) other.push_back(name);
    std::sort(other.begin(), other.end());
    b.cellvars.insert(b.cellvars.end(), other.begin(), other.end());
  }
  // Free here, or (a class) bound here yet read freely by its methods: each name once.
  const NameSet* class_free = nullptr;
  if (auto it = states.find(&b); it != states.end()) class_free = &it->second.class_free;
  for (auto& [name, scope] : b.names)
    if (scope == NameScope::Free || (class_free && class_free->count(name))) b.freevars.push_back(name);
  std::sort(b.freevars.begin(), b.freevars.end());

  // Source order as tests/corpus/check_scopes.py defines it: (co_firstlineno, column of
  // the `def`/`class`/`lambda` keyword or opening bracket); ties keep the walk order.
  std::stable_sort(b.children.begin(), b.children.end(), [](const auto& x, const auto& y) {
    return std::pair(x->lineno, x->pos.col_offset) < std::pair(y->lineno, y->pos.col_offset);
  });
  for (auto& child : b.children) finish_block(*child, states);
}

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[ch >> 4];
          out += hex[ch & 15];
        } else {
          out += static_cast<char>(ch);  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

void append_json_list(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    append_json_string(out, items[i]);
  }
  out += ']';
}

// One block per line, laid out like check_scopes.py --dump (Python's json.dumps spacing).
void append_block_json(std::string& out, const BlockScope& b, bool& first) {
  out += first ? "  {\"name\": " : ",\n  {\"name\": ";
  first = false;
  append_json_string(out, b.name);
  out += ", \"qualname\": ";
  append_json_string(out, b.qualname);
  out += ", \"line\": " + std::to_string(b.lineno);
  out += ", \"kind\": \"";
  out += to_string(b.kind);
  out += "\", \"varnames\": ";
  append_json_list(out, b.varnames);
  out += ", \"cellvars\": ";
  append_json_list(out, b.cellvars);
  out += ", \"freevars\": ";
  append_json_list(out, b.freevars);
  out += "}";
  for (auto& child : b.children) append_block_json(out, *child, first);
}

}  // namespace

// ------------------------------------------------------------------ entry points

SymbolTable analyze_scopes(const ast::Module& module, std::string_view filename) {
  (void)filename;  // CompileError carries no file name; kept for CPython's signature and future warnings
  SymbolTable table;
  BuildStates states;
  FactCollector(table, states).run(module);
  Analyzer(states).run(*table.module);
  table.module->qualname = "<module>";
  set_qualnames(*table.module);
  finish_block(*table.module, states);
  EmissionWalker::Options options;
  options.table = &table;
  options.record_varnames = true;
  EmissionWalker(options).run(module);
  return table;
}

void check_statement_context(const ast::Module& module) {
  EmissionWalker::Options options;
  options.strict = true;
  EmissionWalker(options).run(module);
}

std::string scopes_to_json(const SymbolTable& table) {
  std::string out = "[\n";
  bool first = true;
  if (table.module) append_block_json(out, *table.module, first);
  out += "\n]\n";
  return out;
}

}  // namespace cv
