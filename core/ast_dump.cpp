// ast.dump() and a position listing for cv::ast trees, in CPython 3.11's exact text format.
//
// The tree is first converted to a generic form (type name, ordered fields, position),
// mirroring the `_fields` of CPython's ast classes; both outputs are simple walks over it.
// A field that is an absent optional (`expr?` in Python.asdl) is dropped, as ast.dump does.
#include "core/ast_dump.h"

#include <memory>
#include <utility>
#include <vector>

#include "core/numeric.h"
#include "core/text.h"

namespace cv {

namespace {

using namespace ast;

struct Generic;

// A field value: a node, a list of values, a literal already in repr() form, or absent.
struct Value {
  enum class Kind { Node, List, Atom, Absent };
  Kind kind = Kind::Absent;
  std::unique_ptr<Generic> node;
  std::vector<Value> list;
  std::string atom;
};

struct Generic {
  std::string type;
  const Position* pos = nullptr;  // null for nodes without attributes (ctx, operators, arguments, ...)
  std::vector<std::pair<const char*, Value>> fields;
};

Value atom(std::string text) {
  Value v;
  v.kind = Value::Kind::Atom;
  v.atom = std::move(text);
  return v;
}
Value absent() { return Value{}; }
Value node_value(std::unique_ptr<Generic> g) {
  Value v;
  v.kind = Value::Kind::Node;
  v.node = std::move(g);
  return v;
}
Value list_value() {
  Value v;
  v.kind = Value::Kind::List;
  return v;
}
// A node with no fields and no position: Load(), Add(), And(), ...
Value leaf(const char* type) {
  auto g = std::make_unique<Generic>();
  g->type = type;
  return node_value(std::move(g));
}

std::unique_ptr<Generic> make(const char* type, const Position* pos) {
  auto g = std::make_unique<Generic>();
  g->type = type;
  g->pos = pos;
  return g;
}

std::string bytes_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  static const char kHex[] = "0123456789abcdef";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

std::string constant_repr(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::True: return "True";
    case ConstantValue::Kind::False: return "False";
    case ConstantValue::Kind::Ellipsis: return "Ellipsis";
    case ConstantValue::Kind::Int: return v.int_digits;
    case ConstantValue::Kind::Float: return float_repr(v.float_value);
    case ConstantValue::Kind::Str: return str_repr(v.str_value);
    case ConstantValue::Kind::Bytes: return bytes_repr(v.str_value);
  }
  return "?";
}

const char* context_name(ExprContext c) {
  switch (c) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

const char* operator_name(OperatorKind op) {
  switch (op) {
    case OperatorKind::Add: return "Add";
    case OperatorKind::Sub: return "Sub";
    case OperatorKind::Mult: return "Mult";
    case OperatorKind::MatMult: return "MatMult";
    case OperatorKind::Div: return "Div";
    case OperatorKind::Mod: return "Mod";
    case OperatorKind::Pow: return "Pow";
    case OperatorKind::LShift: return "LShift";
    case OperatorKind::RShift: return "RShift";
    case OperatorKind::BitOr: return "BitOr";
    case OperatorKind::BitXor: return "BitXor";
    case OperatorKind::BitAnd: return "BitAnd";
    case OperatorKind::FloorDiv: return "FloorDiv";
  }
  return "?";
}

const char* unary_name(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::Invert: return "Invert";
    case UnaryOpKind::Not: return "Not";
    case UnaryOpKind::UAdd: return "UAdd";
    case UnaryOpKind::USub: return "USub";
  }
  return "?";
}

const char* cmp_name(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: return "Eq";
    case CmpOpKind::NotEq: return "NotEq";
    case CmpOpKind::Lt: return "Lt";
    case CmpOpKind::LtE: return "LtE";
    case CmpOpKind::Gt: return "Gt";
    case CmpOpKind::GtE: return "GtE";
    case CmpOpKind::Is: return "Is";
    case CmpOpKind::IsNot: return "IsNot";
    case CmpOpKind::In: return "In";
    case CmpOpKind::NotIn: return "NotIn";
  }
  return "?";
}

Value convert(const Expr& e);
Value convert(const Stmt& s);

// An optional expression field: absent when null (`expr?` fields).
Value opt(const ExprPtr& e) { return e ? convert(*e) : absent(); }

// An element of expr* that may be null (Dict keys, kw_defaults): shown as None.
Value expr_or_none(const ExprPtr& e) { return e ? convert(*e) : atom("None"); }

Value exprs(const ExprList& list) {
  Value v = list_value();
  for (const ExprPtr& e : list) v.list.push_back(expr_or_none(e));
  return v;
}

Value stmts(const StmtList& list) {
  Value v = list_value();
  for (const StmtPtr& s : list) v.list.push_back(convert(*s));
  return v;
}

Value strings(const std::vector<std::string>& list) {
  Value v = list_value();
  for (const std::string& s : list) v.list.push_back(atom(str_repr(s)));
  return v;
}

Value opt_string(const std::optional<std::string>& s) { return s ? atom(str_repr(*s)) : absent(); }

Value convert_arg(const Arg& a) {
  auto g = make("arg", &a.pos);
  g->fields.emplace_back("arg", atom(str_repr(a.arg)));
  g->fields.emplace_back("annotation", opt(a.annotation));
  return node_value(std::move(g));
}

Value args_list(const std::vector<Arg>& list) {
  Value v = list_value();
  for (const Arg& a : list) v.list.push_back(convert_arg(a));
  return v;
}

Value convert_arguments(const Arguments& a) {
  auto g = make("arguments", nullptr);
  g->fields.emplace_back("posonlyargs", args_list(a.posonlyargs));
  g->fields.emplace_back("args", args_list(a.args));
  g->fields.emplace_back("vararg", a.vararg ? convert_arg(*a.vararg) : absent());
  g->fields.emplace_back("kwonlyargs", args_list(a.kwonlyargs));
  g->fields.emplace_back("kw_defaults", exprs(a.kw_defaults));
  g->fields.emplace_back("kwarg", a.kwarg ? convert_arg(*a.kwarg) : absent());
  g->fields.emplace_back("defaults", exprs(a.defaults));
  return node_value(std::move(g));
}

Value keywords(const std::vector<Keyword>& list) {
  Value v = list_value();
  for (const Keyword& k : list) {
    auto g = make("keyword", &k.pos);
    g->fields.emplace_back("arg", opt_string(k.arg));
    g->fields.emplace_back("value", convert(*k.value));
    v.list.push_back(node_value(std::move(g)));
  }
  return v;
}

Value comprehensions(const std::vector<Comprehension>& list) {
  Value v = list_value();
  for (const Comprehension& c : list) {
    auto g = make("comprehension", nullptr);
    g->fields.emplace_back("target", convert(*c.target));
    g->fields.emplace_back("iter", convert(*c.iter));
    g->fields.emplace_back("ifs", exprs(c.ifs));
    g->fields.emplace_back("is_async", atom(c.is_async ? "1" : "0"));
    v.list.push_back(node_value(std::move(g)));
  }
  return v;
}

Value aliases(const std::vector<Alias>& list) {
  Value v = list_value();
  for (const Alias& a : list) {
    auto g = make("alias", &a.pos);
    g->fields.emplace_back("name", atom(str_repr(a.name)));
    g->fields.emplace_back("asname", opt_string(a.asname));
    v.list.push_back(node_value(std::move(g)));
  }
  return v;
}

// One function per node kind, out of line, so that the recursion through convert() keeps
// small stack frames (deep trees are allowed up to kMaxAstDepth).
[[gnu::noinline]] Value convert_BoolOp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<BoolOp>(e);
  start("BoolOp");
  field("op", leaf(n.op == BoolOpKind::And ? "And" : "Or"));
  field("values", exprs(n.values));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_NamedExpr(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<NamedExpr>(e);
  start("NamedExpr");
  field("target", convert(*n.target));
  field("value", convert(*n.value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_BinOp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<BinOp>(e);
  start("BinOp");
  field("left", convert(*n.left));
  field("op", leaf(operator_name(n.op)));
  field("right", convert(*n.right));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_UnaryOp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<UnaryOp>(e);
  start("UnaryOp");
  field("op", leaf(unary_name(n.op)));
  field("operand", convert(*n.operand));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Lambda(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Lambda>(e);
  start("Lambda");
  field("args", convert_arguments(n.args));
  field("body", convert(*n.body));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_IfExp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<IfExp>(e);
  start("IfExp");
  field("test", convert(*n.test));
  field("body", convert(*n.body));
  field("orelse", convert(*n.orelse));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Dict(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Dict>(e);
  start("Dict");
  field("keys", exprs(n.keys));
  field("values", exprs(n.values));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Set(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Set");
  field("elts", exprs(as<Set>(e).elts));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_ListComp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<ListComp>(e);
  start("ListComp");
  field("elt", convert(*n.elt));
  field("generators", comprehensions(n.generators));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_SetComp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<SetComp>(e);
  start("SetComp");
  field("elt", convert(*n.elt));
  field("generators", comprehensions(n.generators));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_DictComp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<DictComp>(e);
  start("DictComp");
  field("key", convert(*n.key));
  field("value", convert(*n.value));
  field("generators", comprehensions(n.generators));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_GeneratorExp(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<GeneratorExp>(e);
  start("GeneratorExp");
  field("elt", convert(*n.elt));
  field("generators", comprehensions(n.generators));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Yield(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Yield");
  field("value", opt(as<Yield>(e).value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_YieldFrom(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("YieldFrom");
  field("value", convert(*as<YieldFrom>(e).value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Compare(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Compare>(e);
  start("Compare");
  field("left", convert(*n.left));
  Value ops = list_value();
  for (CmpOpKind op : n.ops) ops.list.push_back(leaf(cmp_name(op)));
  field("ops", std::move(ops));
  field("comparators", exprs(n.comparators));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Call(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Call>(e);
  start("Call");
  field("func", convert(*n.func));
  field("args", exprs(n.args));
  field("keywords", keywords(n.keywords));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_FormattedValue(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<FormattedValue>(e);
  start("FormattedValue");
  field("value", convert(*n.value));
  field("conversion", atom(std::to_string(n.conversion)));
  field("format_spec", opt(n.format_spec));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_JoinedStr(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("JoinedStr");
  field("values", exprs(as<JoinedStr>(e).values));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Constant(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Constant>(e);
  start("Constant");
  field("value", atom(constant_repr(n.value)));
  field("kind", n.u_prefix ? atom("'u'") : absent());
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Attribute(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Attribute>(e);
  start("Attribute");
  field("value", convert(*n.value));
  field("attr", atom(str_repr(n.attr)));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Subscript(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Subscript>(e);
  start("Subscript");
  field("value", convert(*n.value));
  field("slice", convert(*n.slice));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Starred(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Starred>(e);
  start("Starred");
  field("value", convert(*n.value));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Name(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Name>(e);
  start("Name");
  field("id", atom(str_repr(n.id)));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_List(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<List>(e);
  start("List");
  field("elts", exprs(n.elts));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Tuple(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Tuple>(e);
  start("Tuple");
  field("elts", exprs(n.elts));
  field("ctx", leaf(context_name(n.ctx)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Slice(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Slice>(e);
  start("Slice");
  field("lower", opt(n.lower));
  field("upper", opt(n.upper));
  field("step", opt(n.step));
  return node_value(std::move(g));
}

Value convert(const Expr& e) {
  switch (e.kind) {
    case ExprKind::BoolOp: return convert_BoolOp(e);
    case ExprKind::NamedExpr: return convert_NamedExpr(e);
    case ExprKind::BinOp: return convert_BinOp(e);
    case ExprKind::UnaryOp: return convert_UnaryOp(e);
    case ExprKind::Lambda: return convert_Lambda(e);
    case ExprKind::IfExp: return convert_IfExp(e);
    case ExprKind::Dict: return convert_Dict(e);
    case ExprKind::Set: return convert_Set(e);
    case ExprKind::ListComp: return convert_ListComp(e);
    case ExprKind::SetComp: return convert_SetComp(e);
    case ExprKind::DictComp: return convert_DictComp(e);
    case ExprKind::GeneratorExp: return convert_GeneratorExp(e);
    case ExprKind::Yield: return convert_Yield(e);
    case ExprKind::YieldFrom: return convert_YieldFrom(e);
    case ExprKind::Compare: return convert_Compare(e);
    case ExprKind::Call: return convert_Call(e);
    case ExprKind::FormattedValue: return convert_FormattedValue(e);
    case ExprKind::JoinedStr: return convert_JoinedStr(e);
    case ExprKind::Constant: return convert_Constant(e);
    case ExprKind::Attribute: return convert_Attribute(e);
    case ExprKind::Subscript: return convert_Subscript(e);
    case ExprKind::Starred: return convert_Starred(e);
    case ExprKind::Name: return convert_Name(e);
    case ExprKind::List: return convert_List(e);
    case ExprKind::Tuple: return convert_Tuple(e);
    case ExprKind::Slice: return convert_Slice(e);
  }
  return Value{};
}

[[gnu::noinline]] Value convert_FunctionDef(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<FunctionDef>(s);
  start("FunctionDef");
  field("name", atom(str_repr(n.name)));
  field("args", convert_arguments(n.args));
  field("body", stmts(n.body));
  field("decorator_list", exprs(n.decorator_list));
  field("returns", opt(n.returns));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_ClassDef(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<ClassDef>(s);
  start("ClassDef");
  field("name", atom(str_repr(n.name)));
  field("bases", exprs(n.bases));
  field("keywords", keywords(n.keywords));
  field("body", stmts(n.body));
  field("decorator_list", exprs(n.decorator_list));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Return(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Return");
  field("value", opt(as<Return>(s).value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Delete(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Delete");
  field("targets", exprs(as<Delete>(s).targets));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Assign(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Assign>(s);
  start("Assign");
  field("targets", exprs(n.targets));
  field("value", convert(*n.value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_AugAssign(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<AugAssign>(s);
  start("AugAssign");
  field("target", convert(*n.target));
  field("op", leaf(operator_name(n.op)));
  field("value", convert(*n.value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_AnnAssign(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<AnnAssign>(s);
  start("AnnAssign");
  field("target", convert(*n.target));
  field("annotation", convert(*n.annotation));
  field("value", opt(n.value));
  field("simple", atom(n.simple ? "1" : "0"));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_For(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<For>(s);
  start("For");
  field("target", convert(*n.target));
  field("iter", convert(*n.iter));
  field("body", stmts(n.body));
  field("orelse", stmts(n.orelse));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_While(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<While>(s);
  start("While");
  field("test", convert(*n.test));
  field("body", stmts(n.body));
  field("orelse", stmts(n.orelse));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_If(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<If>(s);
  start("If");
  field("test", convert(*n.test));
  field("body", stmts(n.body));
  field("orelse", stmts(n.orelse));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_With(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<With>(s);
  start("With");
  Value items = list_value();
  for (const WithItem& item : n.items) {
    auto w = make("withitem", nullptr);
    w->fields.emplace_back("context_expr", convert(*item.context_expr));
    w->fields.emplace_back("optional_vars", opt(item.optional_vars));
    items.list.push_back(node_value(std::move(w)));
  }
  field("items", std::move(items));
  field("body", stmts(n.body));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Raise(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Raise>(s);
  start("Raise");
  field("exc", opt(n.exc));
  field("cause", opt(n.cause));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Try(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Try>(s);
  start(n.is_star ? "TryStar" : "Try");
  field("body", stmts(n.body));
  Value handlers = list_value();
  for (const ExceptHandler& h : n.handlers) {
    auto x = make("ExceptHandler", &h.pos);
    x->fields.emplace_back("type", opt(h.type));
    x->fields.emplace_back("name", opt_string(h.name));
    x->fields.emplace_back("body", stmts(h.body));
    handlers.list.push_back(node_value(std::move(x)));
  }
  field("handlers", std::move(handlers));
  field("orelse", stmts(n.orelse));
  field("finalbody", stmts(n.finalbody));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Assert(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<Assert>(s);
  start("Assert");
  field("test", convert(*n.test));
  field("msg", opt(n.msg));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Import(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Import");
  field("names", aliases(as<Import>(s).names));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_ImportFrom(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  const auto& n = as<ImportFrom>(s);
  start("ImportFrom");
  field("module", opt_string(n.module));
  field("names", aliases(n.names));
  field("level", atom(std::to_string(n.level)));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Global(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Global");
  field("names", strings(as<Global>(s).names));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Nonlocal(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Nonlocal");
  field("names", strings(as<Nonlocal>(s).names));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Expr(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  start("Expr");
  field("value", convert(*as<ExprStmt>(s).value));
  return node_value(std::move(g));
}
[[gnu::noinline]] Value convert_Pass(const Stmt& s) { return node_value(make("Pass", &s.pos)); }
[[gnu::noinline]] Value convert_Break(const Stmt& s) { return node_value(make("Break", &s.pos)); }
[[gnu::noinline]] Value convert_Continue(const Stmt& s) { return node_value(make("Continue", &s.pos)); }

Value convert(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: return convert_FunctionDef(s);
    case StmtKind::ClassDef: return convert_ClassDef(s);
    case StmtKind::Return: return convert_Return(s);
    case StmtKind::Delete: return convert_Delete(s);
    case StmtKind::Assign: return convert_Assign(s);
    case StmtKind::AugAssign: return convert_AugAssign(s);
    case StmtKind::AnnAssign: return convert_AnnAssign(s);
    case StmtKind::For: return convert_For(s);
    case StmtKind::While: return convert_While(s);
    case StmtKind::If: return convert_If(s);
    case StmtKind::With: return convert_With(s);
    case StmtKind::Raise: return convert_Raise(s);
    case StmtKind::Try: return convert_Try(s);
    case StmtKind::Assert: return convert_Assert(s);
    case StmtKind::Import: return convert_Import(s);
    case StmtKind::ImportFrom: return convert_ImportFrom(s);
    case StmtKind::Global: return convert_Global(s);
    case StmtKind::Nonlocal: return convert_Nonlocal(s);
    case StmtKind::Expr: return convert_Expr(s);
    case StmtKind::Pass: return convert_Pass(s);
    case StmtKind::Break: return convert_Break(s);
    case StmtKind::Continue: return convert_Continue(s);
  }
  return Value{};
}

Value convert_module(const Module& m) {
  auto g = make("Module", nullptr);
  g->fields.emplace_back("body", stmts(m.body));
  g->fields.emplace_back("type_ignores", list_value());
  return node_value(std::move(g));
}

// CPython's ast.dump()._format with annotate_fields=True and indent=None.
void format(const Value& v, std::string& out) {
  switch (v.kind) {
    case Value::Kind::Atom: out += v.atom; return;
    case Value::Kind::Absent: return;
    case Value::Kind::List: {
      out += '[';
      bool first = true;
      for (const Value& x : v.list) {
        if (!first) out += ", ";
        first = false;
        format(x, out);
      }
      out += ']';
      return;
    }
    case Value::Kind::Node: {
      out += v.node->type;
      out += '(';
      bool first = true;
      for (const auto& [name, value] : v.node->fields) {
        if (value.kind == Value::Kind::Absent) continue;
        if (!first) out += ", ";
        first = false;
        out += name;
        out += '=';
        format(value, out);
      }
      out += ')';
      return;
    }
  }
}

void list_positions(const Value& v, std::string& out) {
  if (v.kind == Value::Kind::List) {
    for (const Value& x : v.list) list_positions(x, out);
    return;
  }
  if (v.kind != Value::Kind::Node) return;
  if (const Position* p = v.node->pos) {
    out += v.node->type;
    for (int n : {p->lineno, p->col_offset, p->end_lineno, p->end_col_offset}) {
      out += ' ';
      out += std::to_string(n);
    }
    out += '\n';
  }
  for (const auto& field : v.node->fields) list_positions(field.second, out);
}

}  // namespace

std::string dump_ast(const ast::Module& module) {
  std::string out;
  format(convert_module(module), out);
  return out;
}

std::string dump_ast_positions(const ast::Module& module) {
  std::string out;
  list_positions(convert_module(module), out);
  return out;
}

}  // namespace cv
