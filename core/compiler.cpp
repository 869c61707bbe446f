// Compiler: walks the AST with the scope analysis at hand and emits bytecode for each code block.
//
// Shape of the output (see bytecode.h): one CodeObject per module, def, lambda, class
// body and comprehension, as CPython 3.11 makes them. Names are resolved here, once:
// the scope analysis says Local / Cell / Free / Global for every name, so the VM only
// ever indexes slots or looks up globals, never searches scopes.
//
// Control flow that leaves a block early (return, break, continue) must undo what the
// blocks it leaves have pushed or set up: the `FrameBlock` stack records them, as
// CPython's compiler does with its fblocks. A `finally` body is emitted once for the
// normal path, once for the exceptional path, and once more for every early exit.
#include "core/compiler.h"
#include "core/line_table.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/parser.h"
#include "core/text.h"
#include "core/vm.h"

namespace cv {
namespace {

using namespace ast;

// A jump target. Jumps to a label that is not bound yet are patched when it is.
struct Label {
  int32_t target = -1;
  std::vector<int32_t> patches;
  int depth = -1;  // stack depth on arrival by a jump
};

// What an early exit must clean up when it leaves a block.
struct FrameBlock {
  enum class Kind {
    WhileLoop,       // nothing to pop
    ForLoop,         // the iterator is on the stack
    TryBody,         // nothing: leaving the protected range is enough
    FinallyBody,     // the try part of try/finally: run a copy of the finally body
    FinallyEnd,      // inside the exceptional copy of a finally: pop the exception, restore exc state
    HandlerCleanup,  // inside an except handler: restore exc state (and unbind `as name`)
    With,            // inside a with: call __exit__(None, None, None)
    PopValue,        // a value on the stack to discard (e.g. the return value in a finally)
  } kind;
  Label* continue_target = nullptr;  // loops
  Label* break_target = nullptr;     // loops
  const StmtList* finally_body = nullptr;
  std::string handler_name;          // HandlerCleanup with `as name`
  int line = 0;
};

struct CodeUnit {
  const BlockScope* scope = nullptr;
  CodeInfo info;
  std::vector<Value> constants;
  std::unordered_map<std::string, int32_t> str_constants;
  std::vector<StrObject*> names;
  std::unordered_map<std::string, int32_t> name_index;
  std::vector<StrObject*> varnames;
  std::unordered_map<std::string, int32_t> varname_index;
  std::unordered_map<std::string, int32_t> deref_index;  // cellvars then freevars
  std::vector<FrameBlock> blocks;
  int depth = 0;
  int max_depth = 0;
  int line = 0;
  // The node being compiled, for instruction columns; they apply while `line` is its line.
  int span_line = 0;
  SourceColumns span;
  bool last_was_terminal = false;
};

class Compiler {
 public:
  Compiler(VM& vm, const SymbolTable& symbols, std::string_view filename)
      : vm_(vm), symbols_(symbols), filename_(vm.intern(filename)) {}

  CodeObject* compile(const Module& module) {
    const BlockScope& scope = symbols_.block_for(&module);
    enter_unit(scope);
    unit().line = module.body.empty() ? 1 : module.body.front()->pos.lineno;
    if (auto doc = docstring(module.body)) {
      unit().line = module.body.front()->pos.lineno;
      emit(Op::LoadConst, str_const(*doc));
      emit_store_name("__doc__");
    }
    if (has_annotations(module.body)) emit(Op::SetupAnnotations);
    compile_body(module.body, docstring(module.body).has_value());
    {
      NoLine artificial(*this);  // the implicit `return None` (lines: line_table.h)
      emit(Op::LoadConst, const_none());
      emit(Op::ReturnValue);
    }
    return finish_unit();
  }

 private:
  VM& vm_;
  const SymbolTable& symbols_;
  StrObject* filename_;
  std::vector<CodeUnit> units_;

  CodeUnit& unit() { return units_.back(); }
  const BlockScope& scope() { return *units_.back().scope; }

  [[noreturn]] void syntax_error(const std::string& msg, const Position& pos) {
    throw CompileError("SyntaxError", msg, pos.lineno, pos.col_offset + 1);
  }
  [[noreturn]] void unsupported(const std::string& what, const Position& pos) {
    throw CompileError("NotImplementedError", "closureviz does not support " + what + " (line " +
                       std::to_string(pos.lineno) + ")", pos.lineno, pos.col_offset + 1);
  }

  // ------------------------------------------------------------------ units

  void enter_unit(const BlockScope& block) {
    units_.emplace_back();
    CodeUnit& u = unit();
    u.scope = &block;
    u.line = block.lineno;
    for (const auto& p : block.params) add_varname(p);
    for (const auto& v : block.varnames) add_varname(v);
    int32_t i = 0;
    for (const auto& c : block.cellvars) u.deref_index.emplace(c, i++);
    for (const auto& f : block.freevars) u.deref_index.emplace(f, i++);
    for (const auto& c : block.cellvars) {
      int32_t arg = -1;
      for (size_t k = 0; k < block.params.size(); ++k)
        if (block.params[k] == c) arg = static_cast<int32_t>(k);
      u.info.cell2arg.push_back(arg);
    }
  }

  CodeObject* finish_unit() {
    CodeUnit& u = unit();
    const BlockScope& b = *u.scope;
    CodeObject* code = vm_.heap.make<CodeObject>(vm_.t.code);
    u.info.stacksize = u.max_depth + 2;
    u.info.nlocals = static_cast<int32_t>(u.varnames.size());
    u.info.firstlineno = b.lineno;
    assign_artificial_lines(u.info);
    switch (b.kind) {
      case BlockKind::Module: u.info.flags |= kCodeModule; break;
      case BlockKind::Class: u.info.flags |= kCodeClassBody; break;
      case BlockKind::Comprehension: u.info.flags |= kCodeComprehension; break;
      case BlockKind::Lambda: u.info.flags |= kCodeLambda; break;
      case BlockKind::Function: break;
    }
    if (b.is_generator) u.info.flags |= kCodeGenerator;
    if (b.is_nested) u.info.flags |= kCodeNested;
    code->info = std::move(u.info);
    code->constants = std::move(u.constants);
    code->names = std::move(u.names);
    code->varnames = std::move(u.varnames);
    for (const auto& c : b.cellvars) code->cellvars.push_back(vm_.intern(c));
    for (const auto& f : b.freevars) code->freevars.push_back(vm_.intern(f));
    code->name = vm_.intern(b.name);
    code->qualname = vm_.intern(b.qualname);
    code->filename = filename_;
    units_.pop_back();
    return code;
  }

  int32_t add_varname(const std::string& name) {
    CodeUnit& u = unit();
    auto it = u.varname_index.find(name);
    if (it != u.varname_index.end()) return it->second;
    int32_t i = static_cast<int32_t>(u.varnames.size());
    u.varnames.push_back(vm_.intern(name));
    u.varname_index.emplace(name, i);
    return i;
  }

  int32_t name_index(const std::string& name) {
    CodeUnit& u = unit();
    auto it = u.name_index.find(name);
    if (it != u.name_index.end()) return it->second;
    int32_t i = static_cast<int32_t>(u.names.size());
    u.names.push_back(vm_.intern(name));
    u.name_index.emplace(name, i);
    return i;
  }

  int32_t add_const(Value v) {
    unit().constants.push_back(v);
    return static_cast<int32_t>(unit().constants.size() - 1);
  }
  int32_t str_const(const std::string& s) {
    auto it = unit().str_constants.find(s);
    if (it != unit().str_constants.end()) return it->second;
    int32_t i = add_const(vm_.intern(s));
    unit().str_constants.emplace(s, i);
    return i;
  }
  int32_t const_none() { return add_const(vm_.None); }

  // ------------------------------------------------------------------ emission

  static int stack_effect(Op op, int32_t arg) {
    switch (op) {
      case Op::Nop: case Op::Swap: case Op::UnaryOp: case Op::LoadAttr: case Op::ListToTuple:
      case Op::GetIter: case Op::KwNames: case Op::YieldValue: case Op::GetYieldFromIter:
      case Op::CheckExcMatch: case Op::Jump: case Op::DeleteFast: case Op::DeleteDeref:
      case Op::DeleteGlobal: case Op::DeleteName: case Op::SetupAnnotations:
        return 0;
      case Op::PopTop: case Op::StoreFast: case Op::StoreDeref: case Op::StoreGlobal: case Op::StoreName:
      case Op::DeleteAttr: case Op::BinarySubscr: case Op::BinaryOp: case Op::CompareOp: case Op::IsOp:
      case Op::ContainsOp: case Op::ListAppend: case Op::SetAdd: case Op::ListExtend: case Op::SetUpdate:
      case Op::DictUpdate: case Op::DictMerge: case Op::PopJumpIfFalse: case Op::PopJumpIfTrue:
      case Op::PopJumpIfNone: case Op::PopJumpIfNotNone: case Op::ReturnValue: case Op::Reraise:
      case Op::PopExcept: case Op::ImportName: case Op::ImportStar:
        return -1;
      case Op::Copy: case Op::PushNull: case Op::LoadConst: case Op::LoadFast: case Op::LoadDeref:
      case Op::LoadClassDeref: case Op::LoadClosure: case Op::LoadGlobal: case Op::LoadName:
      case Op::LoadMethod: case Op::LoadAssertionError: case Op::LoadBuildClass: case Op::PushExcInfo:
      case Op::BeforeWith: case Op::WithExceptStart: case Op::ImportFrom: case Op::ForIter:
        return 1;
      case Op::StoreAttr: case Op::DeleteSubscr: case Op::MapAdd: return -2;
      case Op::StoreSubscr: return -3;
      case Op::BuildSlice: return 1 - arg;
      case Op::BuildTuple: case Op::BuildList: case Op::BuildSet: case Op::BuildString: return 1 - arg;
      case Op::BuildMap: return 1 - 2 * arg;
      case Op::FormatValue: return (arg & 4) ? -1 : 0;
      case Op::UnpackSequence: return arg - 1;
      case Op::UnpackEx: return (arg & 0xff) + (arg >> 8);
      case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop: return -1;  // fall-through path
      case Op::MakeFunction: return -__builtin_popcount(static_cast<unsigned>(arg));
      case Op::Call: return -(arg + 1);
      case Op::CallEx: return -(2 + (arg & 1));
      case Op::Send: return 0;
      case Op::Raise: return -arg;
    }
    return 0;
  }

  void emit(Op op, int32_t arg = 0) {
    CodeUnit& u = unit();
    // Code after a return/raise/jump that no label makes reachable again is dropped, as CPython does.
    if (u.last_was_terminal) return;
    u.info.code.push_back({op, arg});
    int32_t line = u.line;
    bool starts = u.info.lines.empty() || u.info.lines.back() != line;
    u.info.lines.push_back(line);
    u.info.columns.push_back(line == u.span_line ? u.span : SourceColumns{});
    u.info.line_starts.push_back(starts ? 1 : 0);
    u.depth += stack_effect(op, arg);
    assert(u.depth >= 0);
    if (u.depth > u.max_depth) u.max_depth = u.depth;
    u.last_was_terminal = op == Op::Jump || op == Op::ReturnValue || op == Op::Raise || op == Op::Reraise;
  }

  void emit_jump(Op op, Label& label) {
    CodeUnit& u = unit();
    if (u.last_was_terminal) return;
    int jump_depth = u.depth;
    switch (op) {
      case Op::PopJumpIfFalse: case Op::PopJumpIfTrue: case Op::PopJumpIfNone: case Op::PopJumpIfNotNone:
        jump_depth -= 1; break;
      case Op::ForIter: jump_depth -= 1; break;
      case Op::Send: jump_depth -= 1; break;
      default: break;  // Jump, JumpIf*OrPop keep TOS when jumping
    }
    if (jump_depth > label.depth) label.depth = jump_depth;
    int32_t at = static_cast<int32_t>(u.info.code.size());
    if (label.target >= 0) {
      emit(op, label.target);
    } else {
      label.patches.push_back(at);
      emit(op, -1);
    }
  }

  void bind(Label& label) {
    CodeUnit& u = unit();
    label.target = static_cast<int32_t>(u.info.code.size());
    for (int32_t at : label.patches) u.info.code[at].arg = label.target;
    label.patches.clear();
    if (u.last_was_terminal) {
      if (label.depth < 0) return;  // nothing jumps here: the code that follows stays unreachable
      u.depth = label.depth;
    } else if (label.depth > u.depth) {
      u.depth = label.depth;
    }
    u.last_was_terminal = false;
  }

  int32_t here() { return static_cast<int32_t>(unit().info.code.size()); }

  // Instructions emitted in this scope have no line of their own (CPython's UNSET_LOC): the
  // line table pass gives them the line CPython would (line_table.h).
  struct NoLine {
    explicit NoLine(Compiler& c) : c_(c), saved_(c.unit().line) { c.unit().line = -1; }
    ~NoLine() { c_.unit().line = saved_; }
    Compiler& c_;
    int saved_;
  };

  // Scoped change of the line attributed to emitted instructions.
  struct LineScope {
    LineScope(Compiler& c, int line) : c_(c), saved_(c.unit().line) { if (line > 0) c.unit().line = line; }
    ~LineScope() { c_.unit().line = saved_; }
    Compiler& c_;
    int saved_;
  };

  // Scoped change of the whole source position (line and columns), as CPython's SET_LOC for
  // each statement and expression: tracebacks draw carets under the failing node.
  struct PositionScope {
    PositionScope(Compiler& c, const ast::Position& pos)
        : c_(c), saved_line_(c.unit().line), saved_span_line_(c.unit().span_line), saved_span_(c.unit().span) {
      if (pos.lineno <= 0) return;
      CodeUnit& u = c.unit();
      u.line = u.span_line = pos.lineno;
      u.span = {pos.end_lineno, pos.col_offset, pos.end_col_offset};
    }
    ~PositionScope() {
      CodeUnit& u = c_.unit();
      u.line = saved_line_;
      u.span_line = saved_span_line_;
      u.span = saved_span_;
    }
    Compiler& c_;
    int saved_line_;
    int saved_span_line_;
    SourceColumns saved_span_;
  };

  void add_handler(int32_t start, int32_t end, Label& handler, int depth, bool push_lasti = false) {
    if (start >= end) return;
    // The target is patched when the handler label is bound: keep its index and fix later.
    unit().info.exception_table.push_back({start, end, -1, depth, push_lasti});
    pending_handlers_.push_back({&unit().info.exception_table, unit().info.exception_table.size() - 1, &handler});
  }
  struct PendingHandler { std::vector<ExceptionTableEntry>* table; size_t index; Label* label; };
  std::vector<PendingHandler> pending_handlers_;
  void resolve_handlers(Label& label) {
    for (auto it = pending_handlers_.begin(); it != pending_handlers_.end();) {
      if (it->label == &label) {
        (*it->table)[it->index].target = label.target;
        it = pending_handlers_.erase(it);
      } else {
        ++it;
      }
    }
  }
  // Binds a handler label: an exception arrives with the stack cut to `depth` plus the exception.
  void bind_handler(Label& label, int depth) {
    label.depth = depth + 1;
    unit().last_was_terminal = true;
    bind(label);
    resolve_handlers(label);
  }

  // ------------------------------------------------------------------ names

  std::string mangle(const std::string& name) { return scope().mangle(name); }

  enum class NameOp { Load, Store, Delete };

  void emit_name(const std::string& raw, NameOp what) {
    std::string name = mangle(raw);
    const BlockScope& b = scope();
    NameScope s = b.scope_of(name);
    bool function_like = b.is_function_like();
    switch (s) {
      case NameScope::Local:
        if (function_like) {
          int32_t slot = add_varname(name);
          emit(what == NameOp::Load ? Op::LoadFast : what == NameOp::Store ? Op::StoreFast : Op::DeleteFast, slot);
        } else {
          int32_t n = name_index(name);
          if (b.kind == BlockKind::Module)
            emit(what == NameOp::Load ? Op::LoadGlobal : what == NameOp::Store ? Op::StoreGlobal : Op::DeleteGlobal, n);
          else
            emit(what == NameOp::Load ? Op::LoadName : what == NameOp::Store ? Op::StoreName : Op::DeleteName, n);
        }
        return;
      case NameScope::GlobalExplicit:
        emit(what == NameOp::Load ? Op::LoadGlobal : what == NameOp::Store ? Op::StoreGlobal : Op::DeleteGlobal,
             name_index(name));
        return;
      case NameScope::GlobalImplicit:
        if (b.kind == BlockKind::Class) {
          // A class body reads an undeclared name from its namespace first (LOAD_NAME).
          emit(what == NameOp::Load ? Op::LoadName : what == NameOp::Store ? Op::StoreName : Op::DeleteName,
               name_index(name));
        } else {
          emit(what == NameOp::Load ? Op::LoadGlobal : what == NameOp::Store ? Op::StoreGlobal : Op::DeleteGlobal,
               name_index(name));
        }
        return;
      case NameScope::Free:
      case NameScope::Cell: {
        auto it = unit().deref_index.find(name);
        assert(it != unit().deref_index.end());
        if (b.kind == BlockKind::Class && what == NameOp::Load && s == NameScope::Free) {
          emit(Op::LoadClassDeref, it->second);
          return;
        }
        emit(what == NameOp::Load ? Op::LoadDeref : what == NameOp::Store ? Op::StoreDeref : Op::DeleteDeref,
             it->second);
        return;
      }
    }
  }
  void emit_load_name(const std::string& n) { emit_name(n, NameOp::Load); }
  void emit_store_name(const std::string& n) { emit_name(n, NameOp::Store); }

  // ------------------------------------------------------------------ statements

  static std::optional<std::string> docstring(const StmtList& body) {
    if (body.empty() || body.front()->kind != StmtKind::Expr) return std::nullopt;
    const auto& e = as<ExprStmt>(*body.front());
    if (e.value->kind != ExprKind::Constant) return std::nullopt;
    const auto& c = as<Constant>(*e.value);
    if (c.value.kind != ConstantValue::Kind::Str) return std::nullopt;
    return c.value.str_value;
  }

  static bool has_annotations(const StmtList& body) {
    for (const auto& s : body) {
      if (s->kind == StmtKind::AnnAssign) return true;
    }
    return false;
  }

  void compile_body(const StmtList& body, bool skip_first = false) {
    for (size_t i = skip_first ? 1 : 0; i < body.size(); ++i) compile_stmt(*body[i]);
  }

  void compile_stmt(const Stmt& s) {
    PositionScope position(*this, s.pos);
    switch (s.kind) {
      case StmtKind::FunctionDef: compile_function_def(as<FunctionDef>(s)); break;
      case StmtKind::ClassDef: compile_class_def(as<ClassDef>(s)); break;
      case StmtKind::Return: compile_return(as<Return>(s)); break;
      case StmtKind::Delete:
        for (const auto& t : as<Delete>(s).targets) compile_delete(*t);
        break;
      case StmtKind::Assign: {
        const auto& a = as<Assign>(s);
        compile_expr(*a.value);
        for (size_t i = 0; i < a.targets.size(); ++i) {
          if (i + 1 < a.targets.size()) emit(Op::Copy, 1);
          compile_store(*a.targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign: compile_aug_assign(as<AugAssign>(s)); break;
      case StmtKind::AnnAssign: compile_ann_assign(as<AnnAssign>(s)); break;
      case StmtKind::For: compile_for(as<For>(s)); break;
      case StmtKind::While: compile_while(as<While>(s)); break;
      case StmtKind::If: compile_if(as<If>(s)); break;
      case StmtKind::With: compile_with(as<With>(s), 0); break;
      case StmtKind::Raise: {
        const auto& r = as<Raise>(s);
        int n = 0;
        if (r.exc) { compile_expr(*r.exc); n = 1; }
        if (r.cause) { compile_expr(*r.cause); n = 2; }
        emit(Op::Raise, n);
        break;
      }
      case StmtKind::Try: compile_try(as<Try>(s)); break;
      case StmtKind::Assert: compile_assert(as<Assert>(s)); break;
      case StmtKind::Import: compile_import(as<Import>(s)); break;
      case StmtKind::ImportFrom: compile_import_from(as<ImportFrom>(s)); break;
      case StmtKind::Global: case StmtKind::Nonlocal: break;
      case StmtKind::Expr: {
        const auto& e = as<ExprStmt>(s);
        if (e.value->kind == ExprKind::Constant && scope().kind != BlockKind::Module) {
          // A bare constant statement has no effect; CPython emits nothing (but keeps the line).
          emit(Op::Nop);
          break;
        }
        compile_expr(*e.value);
        emit(Op::PopTop);
        break;
      }
      case StmtKind::Pass: emit(Op::Nop); break;
      case StmtKind::Break: compile_break(s); break;
      case StmtKind::Continue: compile_continue(s); break;
    }
  }

  void compile_decorators(const ExprList& decorators) {
    for (const auto& d : decorators) {
      compile_expr(*d);
      NoLine artificial(*this);  // CPython has no such instruction: it must not report a line
      emit(Op::PushNull);
    }
  }
  void apply_decorators(const ExprList& decorators, int line) {
    LineScope ls(*this, line);
    for (size_t i = decorators.size(); i-- > 0;) {
      PositionScope dl(*this, decorators[i]->pos);
      emit(Op::Call, 1);
    }
  }

  // Pushes defaults / kwdefaults for a def or lambda; returns MakeFunction flags.
  int32_t compile_defaults(const Arguments& args) {
    int32_t flags = 0;
    if (!args.defaults.empty()) {
      for (const auto& d : args.defaults) compile_expr(*d);
      emit(Op::BuildTuple, static_cast<int32_t>(args.defaults.size()));
      flags |= kHasDefaults;
    }
    int kw = 0;
    for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
      if (i < args.kw_defaults.size() && args.kw_defaults[i]) {
        emit(Op::LoadConst, str_const(mangle(args.kwonlyargs[i].arg)));
        compile_expr(*args.kw_defaults[i]);
        ++kw;
      }
    }
    if (kw > 0) {
      emit(Op::BuildMap, kw);
      flags |= kHasKwDefaults;
    }
    return flags;
  }

  // Pushes the dict of parameter and return annotations (evaluated now, as CPython 3.11 does).
  int32_t compile_annotations(const Arguments& args, const Expr* returns) {
    int count = 0;
    auto add = [&](const Arg& a) {
      if (!a.annotation) return;
      emit(Op::LoadConst, str_const(mangle(a.arg)));
      compile_expr(*a.annotation);
      ++count;
    };
    for (const auto& a : args.posonlyargs) add(a);
    for (const auto& a : args.args) add(a);
    if (args.vararg) add(*args.vararg);
    for (const auto& a : args.kwonlyargs) add(a);
    if (args.kwarg) add(*args.kwarg);
    if (returns) {
      emit(Op::LoadConst, str_const("return"));
      compile_expr(*returns);
      ++count;
    }
    if (count == 0) return 0;
    emit(Op::BuildMap, count);
    return kHasAnnotations;
  }

  // Pushes the closure tuple for `child` if it has free variables, then the code; emits MakeFunction.
  void make_function(const BlockScope& child, CodeObject* code, int32_t flags) {
    if (!child.freevars.empty()) {
      for (const auto& name : child.freevars) {
        auto it = unit().deref_index.find(name);
        assert(it != unit().deref_index.end() && "free variable of a child must be a cell or free here");
        emit(Op::LoadClosure, it->second);
      }
      emit(Op::BuildTuple, static_cast<int32_t>(child.freevars.size()));
      flags |= kHasClosure;
    }
    emit(Op::LoadConst, add_const(code));
    emit(Op::MakeFunction, flags);
  }

  void compile_function_def(const FunctionDef& f) {
    int def_line = f.pos.lineno;
    int first_line = f.decorator_list.empty() ? def_line : f.decorator_list.front()->pos.lineno;
    {
      LineScope ls(*this, first_line);
      compile_decorators(f.decorator_list);
    }
    LineScope ls(*this, def_line);
    int32_t flags = compile_defaults(f.args);
    flags |= compile_annotations(f.args, f.returns.get());
    const BlockScope& child = symbols_.block_for(&f);
    CodeObject* code = compile_function_body(child, f.args, f.body, nullptr);
    make_function(child, code, flags);
    apply_decorators(f.decorator_list, def_line);
    emit_store_name(f.name);
  }

  void set_arg_counts(const Arguments& a) {
    CodeInfo& info = unit().info;
    info.argcount = static_cast<int32_t>(a.posonlyargs.size() + a.args.size());
    info.posonlyargcount = static_cast<int32_t>(a.posonlyargs.size());
    info.kwonlyargcount = static_cast<int32_t>(a.kwonlyargs.size());
    if (a.vararg) info.flags |= kCodeVarargs;
    if (a.kwarg) info.flags |= kCodeVarkeywords;
  }

  CodeObject* compile_function_body(const BlockScope& child, const Arguments& args, const StmtList& body,
                                    const Expr* lambda_body) {
    enter_unit(child);
    set_arg_counts(args);
    if (lambda_body) {
      unit().line = lambda_body->pos.lineno;
      // The docstring slot of a lambda is None, as CPython's co_consts[0].
      add_const(vm_.None);
      compile_expr(*lambda_body);
      emit(Op::ReturnValue);
    } else {
      auto doc = docstring(body);
      // co_consts[0] is the docstring (or None): FunctionObject::doc is taken from it.
      add_const(doc ? Value(vm_.intern(*doc)) : vm_.None);
      unit().line = body.empty() ? child.lineno : body.front()->pos.lineno;
      compile_body(body, doc.has_value());
      if (!body_ends_with_return(body)) {
        // Implicit `return None`: artificial, it gets its line from where control comes from.
        NoLine artificial(*this);
        emit(Op::LoadConst, const_none());
        emit(Op::ReturnValue);
      }
    }
    return finish_unit();
  }

  static bool body_ends_with_return(const StmtList& body) {
    return !body.empty() && body.back()->kind == StmtKind::Return;
  }

  void compile_class_def(const ClassDef& c) {
    int def_line = c.pos.lineno;
    int first_line = c.decorator_list.empty() ? def_line : c.decorator_list.front()->pos.lineno;
    {
      LineScope ls(*this, first_line);
      compile_decorators(c.decorator_list);
    }
    LineScope ls(*this, def_line);
    const BlockScope& child = symbols_.block_for(&c);
    CodeObject* body_code = compile_class_body(child, c);
    emit(Op::LoadBuildClass);
    emit(Op::PushNull);
    make_function(child, body_code, 0);
    emit(Op::LoadConst, str_const(c.name));
    for (const auto& b : c.bases) {
      if (b->kind == ExprKind::Starred) unsupported("star-unpacking of class bases", b->pos);
      compile_expr(*b);
    }
    std::vector<Value> keyword_names;
    for (const auto& k : c.keywords) {
      if (!k.arg) unsupported("**kwargs in a class statement", c.pos);
      if (*k.arg == "metaclass") unsupported("metaclasses", k.value->pos);
      compile_expr(*k.value);
      keyword_names.push_back(vm_.intern(*k.arg));
    }
    if (!keyword_names.empty()) emit(Op::KwNames, add_const(vm_.new_tuple(std::move(keyword_names))));
    emit(Op::Call, 2 + static_cast<int32_t>(c.bases.size() + c.keywords.size()));
    apply_decorators(c.decorator_list, def_line);
    emit_store_name(c.name);
  }

  CodeObject* compile_class_body(const BlockScope& child, const ClassDef& c) {
    enter_unit(child);
    unit().line = child.lineno;  // co_firstlineno: the first decorator's line, if any
    add_const(vm_.None);
    emit(Op::LoadName, name_index("__name__"));
    emit(Op::StoreName, name_index("__module__"));
    emit(Op::LoadConst, str_const(child.qualname));
    emit(Op::StoreName, name_index("__qualname__"));
    auto doc = docstring(c.body);
    if (doc) {
      LineScope ls(*this, c.body.front()->pos.lineno);
      emit(Op::LoadConst, str_const(*doc));
      emit(Op::StoreName, name_index("__doc__"));
    }
    if (has_annotations(c.body)) emit(Op::SetupAnnotations);
    compile_body(c.body, doc.has_value());
    {
      // CPython returns from a class body with the location its last statement left behind.
      const int end_line = c.body.empty() ? c.pos.lineno : location_after(*c.body.back());
      LineScope ls(*this, end_line);
      if (end_line < 0) unit().line = -1;
      // As CPython, a body whose methods use __class__ returns that cell (the __classcell__).
      auto class_cell = unit().deref_index.find("__class__");
      if (class_cell != unit().deref_index.end() && class_cell->second < int32_t(child.cellvars.size()))
        emit(Op::LoadClosure, class_cell->second);
      else
        emit(Op::LoadConst, const_none());
      emit(Op::ReturnValue);
    }
    return finish_unit();
  }

  // The source line CPython's compiler is left at after compiling `s` (-1 when its last
  // instructions are artificial): the line of a class body's closing `return`.
  static int location_after(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::For: return as<For>(s).orelse.empty() ? -1 : location_after(*as<For>(s).orelse.back());
      case StmtKind::While:
        return as<While>(s).orelse.empty() ? s.pos.lineno : location_after(*as<While>(s).orelse.back());
      case StmtKind::If: {
        const auto& i = as<If>(s);
        const StmtList& last = i.orelse.empty() ? i.body : i.orelse;
        return last.empty() ? s.pos.lineno : location_after(*last.back());
      }
      case StmtKind::Try: {
        const auto& t = as<Try>(s);
        if (!t.finalbody.empty()) return location_after(*t.finalbody.back());
        return -1;
      }
      case StmtKind::With: return -1;
      default: return s.pos.lineno;
    }
  }

  void compile_return(const Return& r) {
    if (r.value) compile_expr(*r.value);
    else emit(Op::LoadConst, const_none());
    // The value stays on the stack while enclosing blocks are unwound (finally bodies run).
    unwind_blocks(/*for_return=*/true, nullptr);
    // After a finally body or a with's __exit__ the return is artificial (line -1 already).
    LineScope ls(*this, unit().line < 0 ? -1 : r.pos.lineno);
    emit(Op::ReturnValue);
  }

  // Emits the clean-up for every block an early exit leaves. For break/continue it stops at
  // the innermost loop (returned); for return it unwinds everything.
  FrameBlock* unwind_blocks(bool for_return, const Stmt* loop_exit) {
    auto& blocks = unit().blocks;
    for (size_t i = blocks.size(); i-- > 0;) {
      FrameBlock b = blocks[i];
      bool is_loop = b.kind == FrameBlock::Kind::WhileLoop || b.kind == FrameBlock::Kind::ForLoop;
      if (!for_return && is_loop) return &blocks[i];
      // Pop the block while emitting its clean-up so that nested exits inside a finally body
      // do not unwind it again, then restore it.
      std::vector<FrameBlock> saved(blocks.begin() + static_cast<long>(i), blocks.end());
      blocks.resize(i);
      unwind_one(b, for_return);
      blocks.insert(blocks.end(), saved.begin(), saved.end());
      // As in CPython, what follows a finally body or an __exit__ call is artificial.
      if (b.kind == FrameBlock::Kind::FinallyBody || b.kind == FrameBlock::Kind::With) unit().line = -1;
    }
    (void)loop_exit;
    return nullptr;
  }

  void unwind_one(const FrameBlock& b, bool preserve_tos) {
    switch (b.kind) {
      case FrameBlock::Kind::WhileLoop:
      case FrameBlock::Kind::TryBody:
        return;
      case FrameBlock::Kind::ForLoop:
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PopTop);  // the iterator
        return;
      case FrameBlock::Kind::PopValue:
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PopTop);
        return;
      case FrameBlock::Kind::FinallyBody:
        // The finally body runs with the pending return value (if any) kept on the stack.
        if (preserve_tos) {
          unit().blocks.push_back({FrameBlock::Kind::PopValue});
          compile_body(*b.finally_body);
          unit().blocks.pop_back();
        } else {
          compile_body(*b.finally_body);
        }
        return;
      case FrameBlock::Kind::FinallyEnd:
        // Stack: ..., previous exc, exception [, value]: drop the exception, restore the previous one.
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PopTop);
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PopExcept);
        return;
      case FrameBlock::Kind::HandlerCleanup:
        // Stack: ..., previous exc [, value]
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PopExcept);
        if (!b.handler_name.empty()) {
          emit(Op::LoadConst, const_none());
          emit_name(b.handler_name, NameOp::Store);
          emit_name(b.handler_name, NameOp::Delete);
        }
        return;
      case FrameBlock::Kind::With: {
        // Stack: ..., __exit__ [, value]: call __exit__(None, None, None), on the with's line.
        LineScope ls(*this, b.line);
        if (preserve_tos) emit(Op::Swap, 2);
        emit(Op::PushNull);
        emit(Op::LoadConst, const_none());
        emit(Op::LoadConst, const_none());
        emit(Op::LoadConst, const_none());
        emit(Op::Call, 3);
        emit(Op::PopTop);
        return;
      }
    }
  }

  void compile_break(const Stmt& s) {
    FrameBlock* loop = find_loop();
    if (!loop) syntax_error("'break' outside loop", s.pos);
    Label* brk = loop->break_target;
    bool is_for = loop->kind == FrameBlock::Kind::ForLoop;
    emit(Op::Nop);  // the statement's own line, before any clean-up runs (as CPython)
    unwind_blocks(false, &s);
    if (is_for) emit(Op::PopTop);
    emit_jump(Op::Jump, *brk);
  }

  void compile_continue(const Stmt& s) {
    FrameBlock* loop = find_loop();
    if (!loop) syntax_error("'continue' not properly in loop", s.pos);
    Label* cont = loop->continue_target;
    emit(Op::Nop);
    unwind_blocks(false, &s);
    emit_jump(Op::Jump, *cont);
  }

  FrameBlock* find_loop() {
    auto& blocks = unit().blocks;
    for (size_t i = blocks.size(); i-- > 0;) {
      if (blocks[i].kind == FrameBlock::Kind::WhileLoop || blocks[i].kind == FrameBlock::Kind::ForLoop)
        return &blocks[i];
    }
    return nullptr;
  }

  void compile_aug_assign(const AugAssign& a) {
    int32_t op = static_cast<int32_t>(binary_op_arg(a.op)) + kInplaceOffset;
    // As CPython's compiler_augassign: the target is read and written at the target's position,
    // the operation happens at the statement's.
    switch (a.target->kind) {
      case ExprKind::Name: {
        const auto& n = as<Name>(*a.target);
        {
          PositionScope target(*this, a.target->pos);
          emit_load_name(n.id);
        }
        compile_expr(*a.value);
        LineScope ls(*this, a.pos.lineno);
        emit(Op::BinaryOp, op);
        PositionScope target(*this, a.target->pos);
        emit_store_name(n.id);
        break;
      }
      case ExprKind::Attribute: {
        const auto& at = as<Attribute>(*a.target);
        {
          PositionScope target(*this, a.target->pos);
          compile_expr(*at.value);
          emit(Op::Copy, 1);
          emit(Op::LoadAttr, name_index(mangle(at.attr)));
        }
        compile_expr(*a.value);
        LineScope ls(*this, a.pos.lineno);
        emit(Op::BinaryOp, op);
        PositionScope target(*this, a.target->pos);
        emit(Op::Swap, 2);
        emit(Op::StoreAttr, name_index(mangle(at.attr)));
        break;
      }
      case ExprKind::Subscript: {
        const auto& sub = as<Subscript>(*a.target);
        {
          PositionScope target(*this, a.target->pos);
          compile_expr(*sub.value);
          compile_expr(*sub.slice);
          emit(Op::Copy, 2);
          emit(Op::Copy, 2);
          emit(Op::BinarySubscr);
        }
        compile_expr(*a.value);
        LineScope ls(*this, a.pos.lineno);
        emit(Op::BinaryOp, op);
        PositionScope target(*this, a.target->pos);
        emit(Op::Swap, 3);
        emit(Op::Swap, 2);
        emit(Op::StoreSubscr);
        break;
      }
      default:
        syntax_error("'" + std::string("expression") + "' is an illegal expression for augmented assignment", a.pos);
    }
  }

  void compile_ann_assign(const AnnAssign& a) {
    if (a.value) {
      compile_expr(*a.value);
      compile_store(*a.target);
    }
    BlockKind k = scope().kind;
    if (a.simple && a.target->kind == ExprKind::Name && (k == BlockKind::Module || k == BlockKind::Class)) {
      // __annotations__[name] = annotation, evaluated as CPython does at module and class level.
      compile_expr(*a.annotation);
      emit(k == BlockKind::Module ? Op::LoadGlobal : Op::LoadName, name_index("__annotations__"));
      emit(Op::LoadConst, str_const(mangle(as<Name>(*a.target).id)));
      emit(Op::StoreSubscr);
    }
  }

  // The iterable of a for loop or comprehension. As CPython's AST optimizer (fold_iter), a
  // list display there is built as a tuple: the iterator a comprehension shows in `.0` is a
  // tuple_iterator.
  void compile_iterable(const Expr& e) {
    if (e.kind == ExprKind::List) {
      const auto& elts = as<List>(e).elts;
      bool starred = false;
      for (const auto& x : elts) starred |= x->kind == ExprKind::Starred;
      if (!starred) {
        LineScope ls(*this, e.pos.lineno);
        compile_sequence(elts, Op::BuildTuple, Op::ListAppend, Op::ListExtend, true);
        return;
      }
    }
    compile_expr(e);
  }

  void compile_for(const For& f) {
    Label start, cleanup, end;
    compile_iterable(*f.iter);
    {
      LineScope ls(*this, f.pos.lineno);
      emit(Op::GetIter);
    }
    bind(start);
    {
      LineScope ls(*this, f.pos.lineno);
      emit_jump(Op::ForIter, cleanup);
    }
    unit().blocks.push_back({FrameBlock::Kind::ForLoop, &start, &end});
    compile_store(*f.target);
    compile_body(f.body);
    unit().blocks.pop_back();
    {
      NoLine artificial(*this);  // the jump back has no line; the ForIter it reaches has the for's
      emit_jump(Op::Jump, start);
    }
    bind(cleanup);
    compile_body(f.orelse);
    bind(end);
  }

  void compile_while(const While& w) {
    // As CPython 3.11: the test at the top, and again at the bottom on the while's line,
    // jumping back to the body (so each iteration reports the while line once).
    Label start, body, anchor, end;
    bind(start);
    compile_jump_if(*w.test, false, anchor);
    bind(body);
    unit().blocks.push_back({FrameBlock::Kind::WhileLoop, &start, &end});
    compile_body(w.body);
    unit().blocks.pop_back();
    {
      LineScope ls(*this, w.pos.lineno);
      compile_jump_if(*w.test, true, body);
    }
    bind(anchor);
    compile_body(w.orelse);
    bind(end);
  }

  void compile_if(const If& s) {
    Label next, end;
    compile_jump_if(*s.test, false, next);
    compile_body(s.body);
    if (!s.orelse.empty()) {
      {
        NoLine artificial(*this);
        emit_jump(Op::Jump, end);
      }
      bind(next);
      compile_body(s.orelse);
      bind(end);
    } else {
      bind(next);
    }
  }

  // Jumps to `target` when the truth of `e` equals `jump_if`; short-circuits and/or/not.
  void compile_jump_if(const Expr& e, bool jump_if, Label& target) {
    LineScope ls(*this, e.pos.lineno);
    if (e.kind == ExprKind::UnaryOp && as<UnaryOp>(e).op == UnaryOpKind::Not) {
      compile_jump_if(*as<UnaryOp>(e).operand, !jump_if, target);
      return;
    }
    if (e.kind == ExprKind::BoolOp) {
      const auto& b = as<BoolOp>(e);
      bool is_or = b.op == BoolOpKind::Or;
      if (is_or == jump_if) {
        for (const auto& v : b.values) compile_jump_if(*v, jump_if, target);
      } else {
        Label skip;
        for (size_t i = 0; i + 1 < b.values.size(); ++i) compile_jump_if(*b.values[i], !jump_if, skip);
        compile_jump_if(*b.values.back(), jump_if, target);
        bind(skip);
      }
      return;
    }
    compile_expr(e);
    emit_jump(jump_if ? Op::PopJumpIfTrue : Op::PopJumpIfFalse, target);
  }

  void compile_with(const With& w, size_t item_index) {
    const WithItem& item = w.items[item_index];
    Label handler, cleanup, exit;
    compile_expr(*item.context_expr);
    LineScope ls(*this, w.pos.lineno);
    emit(Op::BeforeWith);  // stack: __exit__, result of __enter__()
    int depth = unit().depth - 1;  // with __exit__ on the stack
    int32_t start = here();
    FrameBlock with_block{FrameBlock::Kind::With};
    with_block.line = w.pos.lineno;
    unit().blocks.push_back(with_block);
    if (item.optional_vars) compile_store(*item.optional_vars);
    else emit(Op::PopTop);
    if (item_index + 1 < w.items.size()) compile_with(w, item_index + 1);
    else compile_body(w.body);
    unit().blocks.pop_back();
    int32_t end = here();
    add_handler(start, end, handler, depth);
    // Normal exit: __exit__(None, None, None).
    {
      LineScope exit_line(*this, w.pos.lineno);
      unwind_one({FrameBlock::Kind::With}, false);
      emit_jump(Op::Jump, exit);
    }
    // Exceptional exit: stack is __exit__, exception.
    LineScope exit_line(*this, w.pos.lineno);
    bind_handler(handler, depth);
    emit(Op::PushExcInfo);          // __exit__, previous exc, exception
    int32_t hstart = here();
    emit(Op::WithExceptStart);      // ..., result of __exit__(type, value, tb)
    NoLine artificial(*this);       // the rest of the clean-up has no line, as in CPython
    Label suppress;
    emit_jump(Op::PopJumpIfTrue, suppress);
    emit(Op::Reraise, 1);  // clean-up re-raise: reports the line where it was caught
    int32_t hend = here();
    add_handler(hstart, hend, cleanup, depth + 1);
    bind(suppress);
    emit(Op::PopTop);     // the exception
    emit(Op::PopExcept);  // restores the previous exception
    emit(Op::PopTop);     // __exit__
    emit_jump(Op::Jump, exit);
    bind_handler(cleanup, depth + 1);  // __exit__, previous exc, exception
    emit(Op::Swap, 2);
    emit(Op::PopExcept);
    emit(Op::Reraise, 1);  // clean-up re-raise: reports the line where it was caught
    bind(exit);
  }

  void compile_try(const Try& t) {
    emit(Op::Nop);  // CPython's SETUP_FINALLY, left as a NOP on the try line
    if (!t.finalbody.empty()) {
      compile_try_finally(t);
    } else {
      compile_try_except(t);
    }
  }

  void compile_try_finally(const Try& t) {
    Label handler, cleanup, end;
    int depth = unit().depth;
    int32_t start = here();
    unit().blocks.push_back({FrameBlock::Kind::FinallyBody, nullptr, nullptr, &t.finalbody});
    if (!t.handlers.empty()) compile_try_except(t);
    else compile_body(t.body);
    unit().blocks.pop_back();
    int32_t stop = here();
    add_handler(start, stop, handler, depth);
    // Normal path.
    compile_body(t.finalbody);
    {
      NoLine artificial(*this);
      emit_jump(Op::Jump, end);
    }
    // Exceptional path: run the finally body, then re-raise.
    {
      NoLine artificial(*this);
      bind_handler(handler, depth);
      emit(Op::PushExcInfo);
    }
    int32_t hstart = here();
    unit().blocks.push_back({FrameBlock::Kind::FinallyEnd});
    compile_body(t.finalbody);
    unit().blocks.pop_back();
    NoLine artificial(*this);
    emit(Op::Reraise);
    int32_t hend = here();
    add_handler(hstart, hend, cleanup, depth + 1);
    bind_handler(cleanup, depth + 1);
    emit(Op::Swap, 2);
    emit(Op::PopExcept);
    emit(Op::Reraise, 1);  // clean-up re-raise: reports the line where it was caught
    bind(end);
  }

  void compile_try_except(const Try& t) {
    Label handler, cleanup, orelse, end;
    int depth = unit().depth;
    int32_t start = here();
    unit().blocks.push_back({FrameBlock::Kind::TryBody});
    compile_body(t.body);
    unit().blocks.pop_back();
    int32_t stop = here();
    add_handler(start, stop, handler, depth);
    {
      NoLine artificial(*this);
      emit_jump(Op::Jump, orelse);
    }

    LineScope ls(*this, t.handlers.front().pos.lineno);
    bind_handler(handler, depth);
    {
      NoLine artificial(*this);
      emit(Op::PushExcInfo);  // previous exc, exception
    }
    int32_t hstart = here();
    for (size_t i = 0; i < t.handlers.size(); ++i) {
      const ExceptHandler& h = t.handlers[i];
      LineScope hl(*this, h.pos.lineno);
      Label next;
      if (h.type) {
        compile_expr(*h.type);
        emit(Op::CheckExcMatch);
        emit_jump(Op::PopJumpIfFalse, next);
      } else if (i + 1 < t.handlers.size()) {
        syntax_error("default 'except:' must be last", h.pos);
      }
      if (h.name) {
        emit_name(*h.name, NameOp::Store);
        // The body runs inside its own protected range so that the name is unbound on any exit.
        Label name_cleanup;
        int32_t bstart = here();
        unit().blocks.push_back({FrameBlock::Kind::HandlerCleanup, nullptr, nullptr, nullptr, *h.name});
        compile_body(h.body);
        unit().blocks.pop_back();
        int32_t bend = here();
        add_handler(bstart, bend, name_cleanup, depth + 1);
        NoLine artificial(*this);  // `name = None; del name` is artificial, as in CPython
        unwind_one({FrameBlock::Kind::HandlerCleanup, nullptr, nullptr, nullptr, *h.name}, false);
        emit_jump(Op::Jump, end);
        // Exception inside the handler body: unbind the name, then continue to the outer cleanup.
        bind_handler(name_cleanup, depth + 1);
        emit(Op::LoadConst, const_none());
        emit_name(*h.name, NameOp::Store);
        emit_name(*h.name, NameOp::Delete);
        emit(Op::Reraise, 1);  // clean-up re-raise: reports the line where it was caught
      } else {
        emit(Op::PopTop);
        unit().blocks.push_back({FrameBlock::Kind::HandlerCleanup});
        compile_body(h.body);
        unit().blocks.pop_back();
        NoLine artificial(*this);
        unwind_one({FrameBlock::Kind::HandlerCleanup}, false);
        emit_jump(Op::Jump, end);
      }
      if (h.type) {
        unit().depth = depth + 2;
        bind(next);
      }
    }
    // No handler matched: re-raise (stack: previous exc, exception).
    {
      NoLine artificial(*this);
      if (t.handlers.back().type) emit(Op::Reraise);
      int32_t hend = here();
      add_handler(hstart, hend, cleanup, depth + 1);
      bind_handler(cleanup, depth + 1);
      emit(Op::Swap, 2);
      emit(Op::PopExcept);
      emit(Op::Reraise, 1);  // clean-up re-raise: reports the line where it was caught
    }
    unit().depth = depth;
    unit().last_was_terminal = true;
    bind(orelse);
    compile_body(t.orelse);
    bind(end);
  }

  // The comparison whose position CPython 3.11's compiler_jump_if leaves behind for what the
  // statement emits next (through `not` and the last operand of `and`/`or`), or null.
  static const Expr* jump_if_leftover_position(const Expr& test) {
    switch (test.kind) {
      case ExprKind::UnaryOp:
        return as<UnaryOp>(test).op == UnaryOpKind::Not ? jump_if_leftover_position(*as<UnaryOp>(test).operand) : nullptr;
      case ExprKind::BoolOp: return jump_if_leftover_position(*as<BoolOp>(test).values.back());
      case ExprKind::Compare: return &test;
      default: return nullptr;
    }
  }

  void compile_assert(const Assert& a) {
    Label ok;
    compile_jump_if(*a.test, true, ok);
    // The AssertionError is raised at the failed comparison's position, as in CPython 3.11's
    // tracebacks (`assert x == 2` underlines `x == 2`).
    const Expr* leftover = jump_if_leftover_position(*a.test);
    PositionScope raise_position(*this, leftover ? leftover->pos : Position{});
    emit(Op::LoadAssertionError);
    if (a.msg) {
      emit(Op::PushNull);
      compile_expr(*a.msg);
      emit(Op::Call, 1);
    }
    emit(Op::Raise, 1);
    bind(ok);
  }

  void compile_import(const Import& s) {
    for (const auto& alias : s.names) {
      LineScope ls(*this, alias.pos.lineno ? alias.pos.lineno : s.pos.lineno);
      emit(Op::LoadConst, add_const(vm_.new_int(0)));
      emit(Op::LoadConst, const_none());
      emit(Op::ImportName, name_index(alias.name));
      if (alias.asname) {
        auto dot = alias.name.find('.');
        if (dot != std::string::npos) {
          // import a.b.c as d: walk the attributes from the top package.
          size_t pos = dot + 1;
          while (pos <= alias.name.size()) {
            auto next = alias.name.find('.', pos);
            std::string part = alias.name.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
            emit(Op::ImportFrom, name_index(part));
            emit(Op::Swap, 2);
            emit(Op::PopTop);
            if (next == std::string::npos) break;
            pos = next + 1;
          }
        }
        emit_store_name(*alias.asname);
      } else {
        emit_store_name(alias.name.substr(0, alias.name.find('.')));
      }
    }
  }

  void compile_import_from(const ImportFrom& s) {
    if (s.level > 0) unsupported("relative import", s.pos);
    std::vector<Value> names;
    for (const auto& alias : s.names) names.push_back(vm_.intern(alias.name));
    emit(Op::LoadConst, add_const(vm_.new_int(s.level)));
    emit(Op::LoadConst, add_const(vm_.new_tuple(std::move(names))));
    emit(Op::ImportName, name_index(s.module.value_or("")));
    if (s.names.size() == 1 && s.names[0].name == "*") {
      emit(Op::ImportStar);
      return;
    }
    for (const auto& alias : s.names) {
      emit(Op::ImportFrom, name_index(alias.name));
      emit_store_name(alias.asname ? *alias.asname : alias.name);
    }
    emit(Op::PopTop);
  }

  // ------------------------------------------------------------------ targets

  void compile_store(const Expr& target) {
    PositionScope position(*this, target.pos);
    switch (target.kind) {
      case ExprKind::Name: emit_store_name(as<Name>(target).id); return;
      case ExprKind::Attribute: {
        const auto& a = as<Attribute>(target);
        compile_expr(*a.value);
        emit(Op::StoreAttr, name_index(mangle(a.attr)));
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = as<Subscript>(target);
        compile_expr(*s.value);
        compile_expr(*s.slice);
        emit(Op::StoreSubscr);
        return;
      }
      case ExprKind::Tuple: compile_unpack(as<Tuple>(target).elts, target.pos); return;
      case ExprKind::List: compile_unpack(as<List>(target).elts, target.pos); return;
      case ExprKind::Starred:
        syntax_error("starred assignment target must be in a list or tuple", target.pos);
      default:
        syntax_error("cannot assign to expression", target.pos);
    }
  }

  void compile_unpack(const ExprList& elts, const Position& pos) {
    int star = -1;
    for (size_t i = 0; i < elts.size(); ++i) {
      if (elts[i]->kind == ExprKind::Starred) {
        if (star >= 0) syntax_error("multiple starred expressions in assignment", pos);
        star = static_cast<int>(i);
      }
    }
    if (star < 0) {
      emit(Op::UnpackSequence, static_cast<int32_t>(elts.size()));
    } else {
      int before = star;
      int after = static_cast<int>(elts.size()) - star - 1;
      if (before >= 256 || after >= (1 << 23)) syntax_error("too many expressions in star-unpacking assignment", pos);
      emit(Op::UnpackEx, before | (after << 8));
    }
    for (const auto& e : elts) {
      if (e->kind == ExprKind::Starred) compile_store(*as<Starred>(*e).value);
      else compile_store(*e);
    }
  }

  void compile_delete(const Expr& target) {
    PositionScope position(*this, target.pos);
    switch (target.kind) {
      case ExprKind::Name: emit_name(as<Name>(target).id, NameOp::Delete); return;
      case ExprKind::Attribute: {
        const auto& a = as<Attribute>(target);
        compile_expr(*a.value);
        emit(Op::DeleteAttr, name_index(mangle(a.attr)));
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = as<Subscript>(target);
        compile_expr(*s.value);
        compile_expr(*s.slice);
        emit(Op::DeleteSubscr);
        return;
      }
      case ExprKind::Tuple:
        for (const auto& e : as<Tuple>(target).elts) compile_delete(*e);
        return;
      case ExprKind::List:
        for (const auto& e : as<List>(target).elts) compile_delete(*e);
        return;
      default:
        syntax_error("cannot delete expression", target.pos);
    }
  }

  // ------------------------------------------------------------------ expressions

  static BinaryOpArg binary_op_arg(OperatorKind k) {
    switch (k) {
      case OperatorKind::Add: return BinaryOpArg::Add;
      case OperatorKind::Sub: return BinaryOpArg::Sub;
      case OperatorKind::Mult: return BinaryOpArg::Mul;
      case OperatorKind::MatMult: return BinaryOpArg::MatMul;
      case OperatorKind::Div: return BinaryOpArg::TrueDiv;
      case OperatorKind::Mod: return BinaryOpArg::Mod;
      case OperatorKind::Pow: return BinaryOpArg::Pow;
      case OperatorKind::LShift: return BinaryOpArg::LShift;
      case OperatorKind::RShift: return BinaryOpArg::RShift;
      case OperatorKind::BitOr: return BinaryOpArg::Or;
      case OperatorKind::BitXor: return BinaryOpArg::Xor;
      case OperatorKind::BitAnd: return BinaryOpArg::And;
      case OperatorKind::FloorDiv: return BinaryOpArg::FloorDiv;
    }
    return BinaryOpArg::Add;
  }

  Value constant_value(const ConstantValue& c, const Position& pos) {
    switch (c.kind) {
      case ConstantValue::Kind::None: return vm_.None;
      case ConstantValue::Kind::True: return vm_.True;
      case ConstantValue::Kind::False: return vm_.False;
      case ConstantValue::Kind::Ellipsis: return vm_.Ellipsis;
      case ConstantValue::Kind::Int: return vm_.new_int(BigInt(c.int_digits));
      case ConstantValue::Kind::Float: return vm_.new_float(c.float_value);
      case ConstantValue::Kind::Str: return vm_.intern(c.str_value);
      case ConstantValue::Kind::Bytes: unsupported("bytes literals", pos);
    }
    return vm_.None;
  }

  // The value of an expression CPython's AST optimizer folds to a constant (literals, tuples of
  // constants, signed numbers), or nothing. Folding matters to traces: a folded multi-line
  // tuple reports no line events of its own.
  std::optional<Value> fold_constant(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant: {
        const auto& c = as<Constant>(e);
        if (c.value.kind == ConstantValue::Kind::Bytes) return std::nullopt;
        return constant_value(c.value, e.pos);
      }
      case ExprKind::UnaryOp: {
        const auto& u = as<UnaryOp>(e);
        if ((u.op != UnaryOpKind::USub && u.op != UnaryOpKind::UAdd) || u.operand->kind != ExprKind::Constant)
          return std::nullopt;
        const auto& c = as<Constant>(*u.operand).value;
        if (c.kind != ConstantValue::Kind::Int && c.kind != ConstantValue::Kind::Float) return std::nullopt;
        Value v = constant_value(c, e.pos);
        return u.op == UnaryOpKind::USub ? vm_.unary_op(v, UnaryOpArg::Negative) : v;
      }
      case ExprKind::Tuple: {
        std::vector<Value> items;
        for (const auto& x : as<Tuple>(e).elts) {
          std::optional<Value> v = fold_constant(*x);
          if (!v) return std::nullopt;
          items.push_back(*v);
        }
        return Value(vm_.new_tuple(std::move(items)));
      }
      default: return std::nullopt;
    }
  }

  Value constant_tuple(const ExprList& elts) {
    std::vector<Value> items;
    for (const auto& x : elts) items.push_back(*fold_constant(*x));
    return vm_.new_tuple(std::move(items));
  }

  bool all_constant(const ExprList& elts) {
    for (const auto& x : elts)
      if (!fold_constant(*x)) return false;
    return true;
  }

  void compile_expr(const Expr& e) {
    PositionScope position(*this, e.pos);
    switch (e.kind) {
      case ExprKind::BoolOp: {
        const auto& b = as<BoolOp>(e);
        Label end;
        for (size_t i = 0; i < b.values.size(); ++i) {
          compile_expr(*b.values[i]);
          if (i + 1 < b.values.size())
            emit_jump(b.op == BoolOpKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop, end);
        }
        bind(end);
        return;
      }
      case ExprKind::NamedExpr: {
        const auto& n = as<NamedExpr>(e);
        compile_expr(*n.value);
        emit(Op::Copy, 1);
        compile_store(*n.target);
        return;
      }
      case ExprKind::BinOp: {
        const auto& b = as<BinOp>(e);
        compile_expr(*b.left);
        compile_expr(*b.right);
        emit(Op::BinaryOp, static_cast<int32_t>(binary_op_arg(b.op)));
        return;
      }
      case ExprKind::UnaryOp: {
        const auto& u = as<UnaryOp>(e);
        compile_expr(*u.operand);
        UnaryOpArg arg = UnaryOpArg::Not;
        switch (u.op) {
          case UnaryOpKind::Invert: arg = UnaryOpArg::Invert; break;
          case UnaryOpKind::Not: arg = UnaryOpArg::Not; break;
          case UnaryOpKind::UAdd: arg = UnaryOpArg::Positive; break;
          case UnaryOpKind::USub: arg = UnaryOpArg::Negative; break;
        }
        emit(Op::UnaryOp, static_cast<int32_t>(arg));
        return;
      }
      case ExprKind::Lambda: {
        const auto& l = as<Lambda>(e);
        int32_t flags = compile_defaults(l.args);
        const BlockScope& child = symbols_.block_for(&l);
        CodeObject* code = compile_function_body(child, l.args, {}, l.body.get());
        make_function(child, code, flags);
        return;
      }
      case ExprKind::IfExp: {
        const auto& i = as<IfExp>(e);
        Label orelse, end;
        compile_jump_if(*i.test, false, orelse);
        compile_expr(*i.body);
        emit_jump(Op::Jump, end);
        bind(orelse);
        compile_expr(*i.orelse);
        bind(end);
        return;
      }
      case ExprKind::Dict: compile_dict(as<Dict>(e)); return;
      case ExprKind::Set: {
        const auto& s = as<Set>(e);
        compile_sequence(s.elts, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false);
        return;
      }
      case ExprKind::List: {
        const auto& l = as<List>(e);
        if (l.elts.size() > 2 && all_constant(l.elts)) {
          // As CPython: BUILD_LIST 0; LOAD_CONST (the items); LIST_EXTEND, all on the list's line.
          emit(Op::BuildList, 0);
          emit(Op::LoadConst, add_const(constant_tuple(l.elts)));
          emit(Op::ListExtend, 1);
          return;
        }
        compile_sequence(l.elts, Op::BuildList, Op::ListAppend, Op::ListExtend, false);
        return;
      }
      case ExprKind::Tuple: {
        const auto& t = as<Tuple>(e);
        if (std::optional<Value> folded = fold_constant(e)) {
          emit(Op::LoadConst, add_const(*folded));
          return;
        }
        compile_sequence(t.elts, Op::BuildTuple, Op::ListAppend, Op::ListExtend, true);
        return;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp:
        compile_comprehension(e);
        return;
      case ExprKind::Yield: {
        const auto& y = as<Yield>(e);
        if (!scope().is_function_like()) syntax_error("'yield' outside function", e.pos);
        if (y.value) compile_expr(*y.value);
        else emit(Op::LoadConst, const_none());
        emit(Op::YieldValue);
        return;
      }
      case ExprKind::YieldFrom: {
        const auto& y = as<YieldFrom>(e);
        if (!scope().is_function_like()) syntax_error("'yield' outside function", e.pos);
        compile_expr(*y.value);
        emit(Op::GetYieldFromIter);
        emit(Op::LoadConst, const_none());
        Label loop, done;
        bind(loop);
        emit_jump(Op::Send, done);
        emit(Op::YieldValue);
        emit_jump(Op::Jump, loop);
        bind(done);
        return;
      }
      case ExprKind::Compare: compile_compare(as<Compare>(e)); return;
      case ExprKind::Call: compile_call(as<Call>(e)); return;
      case ExprKind::FormattedValue: {
        const auto& f = as<FormattedValue>(e);
        compile_expr(*f.value);
        int32_t arg = f.conversion == 's' ? 1 : f.conversion == 'r' ? 2 : f.conversion == 'a' ? 3 : 0;
        if (f.format_spec) {
          compile_expr(*f.format_spec);
          arg |= 4;
        }
        emit(Op::FormatValue, arg);
        return;
      }
      case ExprKind::JoinedStr: {
        const auto& j = as<JoinedStr>(e);
        if (j.values.size() == 1 && j.values[0]->kind == ExprKind::Constant) {
          compile_expr(*j.values[0]);
          return;
        }
        for (const auto& v : j.values) compile_expr(*v);
        emit(Op::BuildString, static_cast<int32_t>(j.values.size()));
        return;
      }
      case ExprKind::Constant: {
        const auto& c = as<Constant>(e);
        if (c.value.kind == ConstantValue::Kind::Str) emit(Op::LoadConst, str_const(c.value.str_value));
        else emit(Op::LoadConst, add_const(constant_value(c.value, e.pos)));
        return;
      }
      case ExprKind::Attribute: {
        const auto& a = as<Attribute>(e);
        compile_expr(*a.value);
        LineScope al(*this, a.pos.end_lineno > 0 ? a.pos.end_lineno : a.pos.lineno);
        emit(Op::LoadAttr, name_index(mangle(a.attr)));
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = as<Subscript>(e);
        compile_expr(*s.value);
        compile_expr(*s.slice);
        emit(Op::BinarySubscr);
        return;
      }
      case ExprKind::Starred:
        syntax_error("can't use starred expression here", e.pos);
      case ExprKind::Name: emit_load_name(as<Name>(e).id); return;
      case ExprKind::Slice: {
        const auto& s = as<Slice>(e);
        if (s.lower) compile_expr(*s.lower); else emit(Op::LoadConst, const_none());
        if (s.upper) compile_expr(*s.upper); else emit(Op::LoadConst, const_none());
        if (s.step) {
          compile_expr(*s.step);
          emit(Op::BuildSlice, 3);
        } else {
          emit(Op::BuildSlice, 2);
        }
        return;
      }
    }
  }

  // Builds a list/tuple/set display, handling `*iterable` items.
  void compile_sequence(const ExprList& elts, Op build, Op add, Op extend, bool is_tuple) {
    bool has_star = false;
    for (const auto& e : elts) has_star |= e->kind == ExprKind::Starred;
    if (!has_star) {
      for (const auto& e : elts) compile_expr(*e);
      emit(build, static_cast<int32_t>(elts.size()));
      return;
    }
    emit(is_tuple ? Op::BuildList : build, 0);
    for (const auto& e : elts) {
      if (e->kind == ExprKind::Starred) {
        compile_expr(*as<Starred>(*e).value);
        emit(extend, 1);
      } else {
        compile_expr(*e);
        emit(add, 1);
      }
    }
    if (is_tuple) emit(Op::ListToTuple);
  }

  void compile_dict(const Dict& d) {
    bool has_unpack = false;
    for (const auto& k : d.keys) has_unpack |= !k;
    if (!has_unpack) {
      for (size_t i = 0; i < d.keys.size(); ++i) {
        compile_expr(*d.keys[i]);
        compile_expr(*d.values[i]);
      }
      emit(Op::BuildMap, static_cast<int32_t>(d.keys.size()));
      return;
    }
    emit(Op::BuildMap, 0);
    for (size_t i = 0; i < d.keys.size(); ++i) {
      if (!d.keys[i]) {
        compile_expr(*d.values[i]);
        emit(Op::DictUpdate, 1);
      } else {
        compile_expr(*d.keys[i]);
        compile_expr(*d.values[i]);
        emit(Op::MapAdd, 1);
      }
    }
  }

  void compile_compare(const Compare& c) {
    compile_expr(*c.left);
    if (c.ops.size() == 1) {
      compile_expr(*c.comparators[0]);
      emit_compare_op(c.ops[0]);
      return;
    }
    Label cleanup, end;
    for (size_t i = 0; i + 1 < c.ops.size(); ++i) {
      compile_expr(*c.comparators[i]);
      emit(Op::Swap, 2);
      emit(Op::Copy, 2);
      emit_compare_op(c.ops[i]);
      emit_jump(Op::JumpIfFalseOrPop, cleanup);
    }
    compile_expr(*c.comparators.back());
    emit_compare_op(c.ops.back());
    emit_jump(Op::Jump, end);
    bind(cleanup);
    emit(Op::Swap, 2);
    emit(Op::PopTop);
    bind(end);
  }

  void emit_compare_op(CmpOpKind k) {
    switch (k) {
      case CmpOpKind::Eq: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Eq)); break;
      case CmpOpKind::NotEq: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Ne)); break;
      case CmpOpKind::Lt: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Lt)); break;
      case CmpOpKind::LtE: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Le)); break;
      case CmpOpKind::Gt: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Gt)); break;
      case CmpOpKind::GtE: emit(Op::CompareOp, static_cast<int32_t>(CompareOpArg::Ge)); break;
      case CmpOpKind::Is: emit(Op::IsOp, 0); break;
      case CmpOpKind::IsNot: emit(Op::IsOp, 1); break;
      case CmpOpKind::In: emit(Op::ContainsOp, 0); break;
      case CmpOpKind::NotIn: emit(Op::ContainsOp, 1); break;
    }
  }

  void compile_call(const Call& c) {
    // obj.method(...) avoids building a bound method.
    bool method = c.func->kind == ExprKind::Attribute && c.args.size() < 256;
    for (const auto& a : c.args) method &= a->kind != ExprKind::Starred;
    for (const auto& k : c.keywords) method &= k.arg.has_value();
    Position call_at = c.pos;
    if (method) {
      const auto& a = as<Attribute>(*c.func);
      compile_expr(*a.value);
      // The attribute's position, or (CPython's update_start_location_to_match_attr) from the
      // name after the dot when the attribute spans lines; the call then starts there too.
      Position at = a.pos;
      if (a.pos.end_lineno > a.pos.lineno) {
        const int name_length = int(utf8_decode(a.attr).size());
        at = {a.pos.end_lineno, std::max(0, a.pos.end_col_offset - name_length), a.pos.end_lineno, a.pos.end_col_offset};
        call_at.lineno = at.lineno;
        call_at.col_offset = at.col_offset;
      }
      PositionScope al(*this, at);
      emit(Op::LoadMethod, name_index(mangle(a.attr)));
    } else {
      compile_expr(*c.func);
      emit(Op::PushNull);
    }
    compile_call_args(c.args, c.keywords, call_at);
  }

  // Stack on entry: callable, self-or-null. Emits the arguments and the call.
  void compile_call_args(const ExprList& args, const std::vector<Keyword>& keywords, const Position& pos) {
    bool dynamic = false;
    for (const auto& a : args) dynamic |= a->kind == ExprKind::Starred;
    for (const auto& k : keywords) dynamic |= !k.arg.has_value();
    if (!dynamic) {
      for (const auto& a : args) compile_expr(*a);
      std::vector<Value> names;
      for (const auto& k : keywords) {
        compile_expr(*k.value);
        names.push_back(vm_.intern(*k.arg));
      }
      PositionScope call_position(*this, pos);
      if (!names.empty()) emit(Op::KwNames, add_const(vm_.new_tuple(std::move(names))));
      emit(Op::Call, static_cast<int32_t>(args.size() + keywords.size()));
      return;
    }
    // Positional arguments as a tuple, keywords as a dict. A lone `*x` is passed as it is and
    // CallEx makes the tuple, as CPython does (its errors name the callee).
    if (args.size() == 1 && args[0]->kind == ExprKind::Starred) {
      compile_expr(*as<Starred>(*args[0]).value);
    } else {
      emit(Op::BuildList, 0);
      for (const auto& a : args) {
        if (a->kind == ExprKind::Starred) {
          compile_expr(*as<Starred>(*a).value);
          emit(Op::ListExtend, 1);
        } else {
          compile_expr(*a);
          emit(Op::ListAppend, 1);
        }
      }
      emit(Op::ListToTuple);
    }
    bool has_kw = !keywords.empty();
    if (has_kw) {
      emit(Op::BuildMap, 0);
      for (const auto& k : keywords) {
        if (!k.arg) {
          compile_expr(*k.value);
          emit(Op::DictMerge, 1);
        } else {
          emit(Op::LoadConst, str_const(*k.arg));
          compile_expr(*k.value);
          emit(Op::MapAdd, 1);
        }
      }
    }
    PositionScope call_position(*this, pos);
    emit(Op::CallEx, has_kw ? 1 : 0);
  }

  void compile_comprehension(const Expr& e) {
    const std::vector<Comprehension>* generators = nullptr;
    switch (e.kind) {
      case ExprKind::ListComp: generators = &as<ListComp>(e).generators; break;
      case ExprKind::SetComp: generators = &as<SetComp>(e).generators; break;
      case ExprKind::DictComp: generators = &as<DictComp>(e).generators; break;
      default: generators = &as<GeneratorExp>(e).generators; break;
    }
    const BlockScope& child = symbols_.block_for(&e);
    enter_unit(child);
    unit().line = e.pos.lineno;
    add_const(vm_.None);
    unit().info.argcount = 1;
    if (e.kind != ExprKind::GeneratorExp) {
      emit(e.kind == ExprKind::ListComp ? Op::BuildList : e.kind == ExprKind::SetComp ? Op::BuildSet : Op::BuildMap, 0);
    }
    compile_comprehension_generator(e, *generators, 0, 0);
    if (e.kind == ExprKind::GeneratorExp) emit(Op::LoadConst, const_none());
    emit(Op::ReturnValue);
    CodeObject* code = finish_unit();
    make_function(child, code, 0);
    emit(Op::PushNull);
    compile_iterable(*(*generators)[0].iter);
    emit(Op::GetIter);
    emit(Op::Call, 1);
  }

  // Emits the loop for generators[index]; `depth` counts the iterators on the stack above the result.
  void compile_comprehension_generator(const Expr& e, const std::vector<Comprehension>& generators, size_t index,
                                       int depth) {
    const Comprehension& gen = generators[index];
    if (gen.is_async) unsupported("async comprehension", e.pos);
    Label start, end, skip;
    if (index == 0) {
      emit(Op::LoadFast, add_varname(".0"));
    } else {
      compile_iterable(*gen.iter);
      emit(Op::GetIter);
    }
    bind(start);
    emit_jump(Op::ForIter, end);
    compile_store(*gen.target);
    for (const auto& cond : gen.ifs) compile_jump_if(*cond, false, skip);
    // CPython 3.11 leaves the comprehension's location at its last condition's line: the
    // append and the jumps back carry it (and so jump straight back to the loop's head).
    if (!gen.ifs.empty()) unit().line = gen.ifs.back()->pos.lineno;
    if (index + 1 < generators.size()) {
      compile_comprehension_generator(e, generators, index + 1, depth + 1);
    } else {
      // depth + 1 iterators sit above the collection being built.
      int32_t below = depth + 2;
      switch (e.kind) {
        case ExprKind::ListComp:
          compile_expr(*as<ListComp>(e).elt);
          emit(Op::ListAppend, below);
          break;
        case ExprKind::SetComp:
          compile_expr(*as<SetComp>(e).elt);
          emit(Op::SetAdd, below);
          break;
        case ExprKind::DictComp:
          compile_expr(*as<DictComp>(e).key);
          compile_expr(*as<DictComp>(e).value);
          emit(Op::MapAdd, below);
          break;
        default:
          compile_expr(*as<GeneratorExp>(e).elt);
          emit(Op::YieldValue);
          emit(Op::PopTop);
          break;
      }
    }
    bind(skip);
    emit_jump(Op::Jump, start);
    bind(end);
  }
};

}  // namespace

CodeObject* compile_module(VM& vm, const ast::Module& module, const SymbolTable& symbols, std::string_view filename) {
  Compiler compiler(vm, symbols, filename);
  return compiler.compile(module);
}

CodeObject* compile_source(VM& vm, std::string_view source, std::string_view filename) {
  ast::Module module = parse_module(source, filename);
  SymbolTable symbols = analyze_scopes(module, filename);
  check_statement_context(module);
  return compile_module(vm, module, symbols, filename);
}

}  // namespace cv
