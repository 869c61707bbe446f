// Abstract syntax tree: the parser's output, mirroring the node names and fields of CPython 3.11's `ast` module.
//
// Why mirror CPython: every later stage (scope analysis, compiler) is checked
// against CPython, and a reader who knows `ast.dump()` can read this tree. Node
// classes carry a kind tag so consumers `switch` on the kind and `static_cast`
// to the concrete node; there is no visitor machinery.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cv::ast {

// Source span, 1-based lines and 0-based columns (in code points), as CPython reports them.
struct Position {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

struct Node {
  Position pos;
  virtual ~Node() = default;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp,
  DictComp, GeneratorExp, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr,
  Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

// Whether a Name/Attribute/Subscript/Starred/List/Tuple is read, assigned or deleted.
enum class ExprContext { Load, Store, Del };

enum class BoolOpKind { And, Or };
enum class OperatorKind { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  const ExprKind kind;
};
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

// A literal value. Ints keep all their digits (arbitrary precision is decided later).
struct ConstantValue {
  enum class Kind { None, True, False, Ellipsis, Int, Float, Str, Bytes };
  Kind kind = Kind::None;
  std::string int_digits;   // Int: canonical decimal digits, with '-' never present (literals are non-negative)
  double float_value = 0;   // Float
  std::string str_value;    // Str: UTF-8 text after escape processing; Bytes: raw bytes
};

struct BoolOp : Expr { BoolOp() : Expr(ExprKind::BoolOp) {} BoolOpKind op{}; ExprList values; };
struct NamedExpr : Expr { NamedExpr() : Expr(ExprKind::NamedExpr) {} ExprPtr target; ExprPtr value; };
struct BinOp : Expr { BinOp() : Expr(ExprKind::BinOp) {} ExprPtr left; OperatorKind op{}; ExprPtr right; };
struct UnaryOp : Expr { UnaryOp() : Expr(ExprKind::UnaryOp) {} UnaryOpKind op{}; ExprPtr operand; };

struct Arg : Node {
  std::string arg;
  ExprPtr annotation;  // may be null; parsed, never evaluated for locals
};

// Parameters exactly as CPython splits them: posonlyargs / args / *vararg / kwonlyargs / **kwarg.
// `defaults` align with the LAST len(defaults) of posonlyargs+args; `kw_defaults` align one-to-one
// with kwonlyargs and hold null where a keyword-only parameter has no default.
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::optional<Arg> vararg;
  std::vector<Arg> kwonlyargs;
  ExprList kw_defaults;
  std::optional<Arg> kwarg;
  ExprList defaults;
};

struct Lambda : Expr { Lambda() : Expr(ExprKind::Lambda) {} Arguments args; ExprPtr body; };
struct IfExp : Expr { IfExp() : Expr(ExprKind::IfExp) {} ExprPtr test; ExprPtr body; ExprPtr orelse; };
// `keys[i]` is null for a `**mapping` entry, whose mapping is `values[i]`.
struct Dict : Expr { Dict() : Expr(ExprKind::Dict) {} ExprList keys; ExprList values; };
struct Set : Expr { Set() : Expr(ExprKind::Set) {} ExprList elts; };

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  bool is_async = false;
};
struct ListComp : Expr { ListComp() : Expr(ExprKind::ListComp) {} ExprPtr elt; std::vector<Comprehension> generators; };
struct SetComp : Expr { SetComp() : Expr(ExprKind::SetComp) {} ExprPtr elt; std::vector<Comprehension> generators; };
struct DictComp : Expr { DictComp() : Expr(ExprKind::DictComp) {} ExprPtr key; ExprPtr value; std::vector<Comprehension> generators; };
struct GeneratorExp : Expr { GeneratorExp() : Expr(ExprKind::GeneratorExp) {} ExprPtr elt; std::vector<Comprehension> generators; };
struct Yield : Expr { Yield() : Expr(ExprKind::Yield) {} ExprPtr value; /* may be null */ };
struct YieldFrom : Expr { YieldFrom() : Expr(ExprKind::YieldFrom) {} ExprPtr value; };
struct Compare : Expr { Compare() : Expr(ExprKind::Compare) {} ExprPtr left; std::vector<CmpOpKind> ops; ExprList comparators; };

struct Keyword : Node {
  std::optional<std::string> arg;  // empty for `**kwargs`
  ExprPtr value;
};
struct Call : Expr { Call() : Expr(ExprKind::Call) {} ExprPtr func; ExprList args; std::vector<Keyword> keywords; };

// One `{...}` replacement field of an f-string. conversion: -1 none, 's', 'r' or 'a'.
// format_spec is a JoinedStr (it may itself contain fields) or null.
struct FormattedValue : Expr { FormattedValue() : Expr(ExprKind::FormattedValue) {} ExprPtr value; int conversion = -1; ExprPtr format_spec; };
// An f-string: Constant(str) and FormattedValue parts, in order.
struct JoinedStr : Expr { JoinedStr() : Expr(ExprKind::JoinedStr) {} ExprList values; };
// `u_prefix`: a u'...' literal, which CPython's ast shows as Constant(kind='u').
struct Constant : Expr { Constant() : Expr(ExprKind::Constant) {} ConstantValue value; bool u_prefix = false; };
struct Attribute : Expr { Attribute() : Expr(ExprKind::Attribute) {} ExprPtr value; std::string attr; ExprContext ctx = ExprContext::Load; };
struct Subscript : Expr { Subscript() : Expr(ExprKind::Subscript) {} ExprPtr value; ExprPtr slice; ExprContext ctx = ExprContext::Load; };
struct Starred : Expr { Starred() : Expr(ExprKind::Starred) {} ExprPtr value; ExprContext ctx = ExprContext::Load; };
struct Name : Expr { Name() : Expr(ExprKind::Name) {} std::string id; ExprContext ctx = ExprContext::Load; };
struct List : Expr { List() : Expr(ExprKind::List) {} ExprList elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : Expr { Tuple() : Expr(ExprKind::Tuple) {} ExprList elts; ExprContext ctx = ExprContext::Load; };
// Any part may be null: `a[:]`, `a[::2]`.
struct Slice : Expr { Slice() : Expr(ExprKind::Slice) {} ExprPtr lower; ExprPtr upper; ExprPtr step; };

// ----------------------------------------------------------------- statements

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If,
  With, Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct Stmt : Node {
  explicit Stmt(StmtKind k) : kind(k) {}
  const StmtKind kind;
};

struct FunctionDef : Stmt {
  FunctionDef() : Stmt(StmtKind::FunctionDef) {}
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorator_list;
  ExprPtr returns;  // annotation, may be null
};
struct ClassDef : Stmt {
  ClassDef() : Stmt(StmtKind::ClassDef) {}
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  StmtList body;
  ExprList decorator_list;
};
struct Return : Stmt { Return() : Stmt(StmtKind::Return) {} ExprPtr value; /* may be null */ };
struct Delete : Stmt { Delete() : Stmt(StmtKind::Delete) {} ExprList targets; };
// `a = b = value` has targets [a, b].
struct Assign : Stmt { Assign() : Stmt(StmtKind::Assign) {} ExprList targets; ExprPtr value; };
struct AugAssign : Stmt { AugAssign() : Stmt(StmtKind::AugAssign) {} ExprPtr target; OperatorKind op{}; ExprPtr value; };
// `simple` is true for a bare name target without parentheses, as in CPython.
struct AnnAssign : Stmt { AnnAssign() : Stmt(StmtKind::AnnAssign) {} ExprPtr target; ExprPtr annotation; ExprPtr value; bool simple = false; };
struct For : Stmt { For() : Stmt(StmtKind::For) {} ExprPtr target; ExprPtr iter; StmtList body; StmtList orelse; };
struct While : Stmt { While() : Stmt(StmtKind::While) {} ExprPtr test; StmtList body; StmtList orelse; };
struct If : Stmt { If() : Stmt(StmtKind::If) {} ExprPtr test; StmtList body; StmtList orelse; };

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;  // may be null
};
struct With : Stmt { With() : Stmt(StmtKind::With) {} std::vector<WithItem> items; StmtList body; };
struct Raise : Stmt { Raise() : Stmt(StmtKind::Raise) {} ExprPtr exc; ExprPtr cause; /* both may be null */ };

struct ExceptHandler : Node {
  ExprPtr type;                    // null for a bare `except:`
  std::optional<std::string> name; // `as name`
  StmtList body;
};
// `is_star`: `except*` handlers (CPython's TryStar node); only parse_module(..., ast_only) makes one.
struct Try : Stmt { Try() : Stmt(StmtKind::Try) {} StmtList body; std::vector<ExceptHandler> handlers; StmtList orelse; StmtList finalbody; bool is_star = false; };
struct Assert : Stmt { Assert() : Stmt(StmtKind::Assert) {} ExprPtr test; ExprPtr msg; };

struct Alias : Node {
  std::string name;                  // dotted for `import a.b`; "*" for `from m import *`
  std::optional<std::string> asname;
};
struct Import : Stmt { Import() : Stmt(StmtKind::Import) {} std::vector<Alias> names; };
struct ImportFrom : Stmt { ImportFrom() : Stmt(StmtKind::ImportFrom) {} std::optional<std::string> module; std::vector<Alias> names; int level = 0; };
struct Global : Stmt { Global() : Stmt(StmtKind::Global) {} std::vector<std::string> names; };
struct Nonlocal : Stmt { Nonlocal() : Stmt(StmtKind::Nonlocal) {} std::vector<std::string> names; };
struct ExprStmt : Stmt { ExprStmt() : Stmt(StmtKind::Expr) {} ExprPtr value; };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

struct Module {
  StmtList body;
};

// Checked downcast for the `switch (node.kind)` idiom.
template <class T, class Base>
const T& as(const Base& node) { return static_cast<const T&>(node); }
template <class T, class Base>
T& as(Base& node) { return static_cast<T&>(node); }

}  // namespace cv::ast
