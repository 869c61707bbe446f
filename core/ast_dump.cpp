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

Value convert(const Expr& e) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &e.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  switch (e.kind) {
    case ExprKind::BoolOp: {
      const auto& n = as<BoolOp>(e);
      start("BoolOp");
      field("op", leaf(n.op == BoolOpKind::And ? "And" : "Or"));
      field("values", exprs(n.values));
      break;
    }
    case ExprKind::NamedExpr: {
      const auto& n = as<NamedExpr>(e);
      start("NamedExpr");
      field("target", convert(*n.target));
      field("value", convert(*n.value));
      break;
    }
    case ExprKind::BinOp: {
      const auto& n = as<BinOp>(e);
      start("BinOp");
      field("left", convert(*n.left));
      field("op", leaf(operator_name(n.op)));
      field("right", convert(*n.right));
      break;
    }
    case ExprKind::UnaryOp: {
      const auto& n = as<UnaryOp>(e);
      start("UnaryOp");
      field("op", leaf(unary_name(n.op)));
      field("operand", convert(*n.operand));
      break;
    }
    case ExprKind::Lambda: {
      const auto& n = as<Lambda>(e);
      start("Lambda");
      field("args", convert_arguments(n.args));
      field("body", convert(*n.body));
      break;
    }
    case ExprKind::IfExp: {
      const auto& n = as<IfExp>(e);
      start("IfExp");
      field("test", convert(*n.test));
      field("body", convert(*n.body));
      field("orelse", convert(*n.orelse));
      break;
    }
    case ExprKind::Dict: {
      const auto& n = as<Dict>(e);
      start("Dict");
      field("keys", exprs(n.keys));
      field("values", exprs(n.values));
      break;
    }
    case ExprKind::Set: {
      start("Set");
      field("elts", exprs(as<Set>(e).elts));
      break;
    }
    case ExprKind::ListComp: {
      const auto& n = as<ListComp>(e);
      start("ListComp");
      field("elt", convert(*n.elt));
      field("generators", comprehensions(n.generators));
      break;
    }
    case ExprKind::SetComp: {
      const auto& n = as<SetComp>(e);
      start("SetComp");
      field("elt", convert(*n.elt));
      field("generators", comprehensions(n.generators));
      break;
    }
    case ExprKind::DictComp: {
      const auto& n = as<DictComp>(e);
      start("DictComp");
      field("key", convert(*n.key));
      field("value", convert(*n.value));
      field("generators", comprehensions(n.generators));
      break;
    }
    case ExprKind::GeneratorExp: {
      const auto& n = as<GeneratorExp>(e);
      start("GeneratorExp");
      field("elt", convert(*n.elt));
      field("generators", comprehensions(n.generators));
      break;
    }
    case ExprKind::Yield: {
      start("Yield");
      field("value", opt(as<Yield>(e).value));
      break;
    }
    case ExprKind::YieldFrom: {
      start("YieldFrom");
      field("value", convert(*as<YieldFrom>(e).value));
      break;
    }
    case ExprKind::Compare: {
      const auto& n = as<Compare>(e);
      start("Compare");
      field("left", convert(*n.left));
      Value ops = list_value();
      for (CmpOpKind op : n.ops) ops.list.push_back(leaf(cmp_name(op)));
      field("ops", std::move(ops));
      field("comparators", exprs(n.comparators));
      break;
    }
    case ExprKind::Call: {
      const auto& n = as<Call>(e);
      start("Call");
      field("func", convert(*n.func));
      field("args", exprs(n.args));
      field("keywords", keywords(n.keywords));
      break;
    }
    case ExprKind::FormattedValue: {
      const auto& n = as<FormattedValue>(e);
      start("FormattedValue");
      field("value", convert(*n.value));
      field("conversion", atom(std::to_string(n.conversion)));
      field("format_spec", opt(n.format_spec));
      break;
    }
    case ExprKind::JoinedStr: {
      start("JoinedStr");
      field("values", exprs(as<JoinedStr>(e).values));
      break;
    }
    case ExprKind::Constant: {
      const auto& n = as<Constant>(e);
      start("Constant");
      field("value", atom(constant_repr(n.value)));
      field("kind", n.u_prefix ? atom("'u'") : absent());
      break;
    }
    case ExprKind::Attribute: {
      const auto& n = as<Attribute>(e);
      start("Attribute");
      field("value", convert(*n.value));
      field("attr", atom(str_repr(n.attr)));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::Subscript: {
      const auto& n = as<Subscript>(e);
      start("Subscript");
      field("value", convert(*n.value));
      field("slice", convert(*n.slice));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::Starred: {
      const auto& n = as<Starred>(e);
      start("Starred");
      field("value", convert(*n.value));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::Name: {
      const auto& n = as<Name>(e);
      start("Name");
      field("id", atom(str_repr(n.id)));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::List: {
      const auto& n = as<List>(e);
      start("List");
      field("elts", exprs(n.elts));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::Tuple: {
      const auto& n = as<Tuple>(e);
      start("Tuple");
      field("elts", exprs(n.elts));
      field("ctx", leaf(context_name(n.ctx)));
      break;
    }
    case ExprKind::Slice: {
      const auto& n = as<Slice>(e);
      start("Slice");
      field("lower", opt(n.lower));
      field("upper", opt(n.upper));
      field("step", opt(n.step));
      break;
    }
  }
  return node_value(std::move(g));
}

Value convert(const Stmt& s) {
  std::unique_ptr<Generic> g;
  auto start = [&](const char* type) { g = make(type, &s.pos); };
  auto field = [&](const char* name, Value v) { g->fields.emplace_back(name, std::move(v)); };
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      const auto& n = as<FunctionDef>(s);
      start("FunctionDef");
      field("name", atom(str_repr(n.name)));
      field("args", convert_arguments(n.args));
      field("body", stmts(n.body));
      field("decorator_list", exprs(n.decorator_list));
      field("returns", opt(n.returns));
      break;
    }
    case StmtKind::ClassDef: {
      const auto& n = as<ClassDef>(s);
      start("ClassDef");
      field("name", atom(str_repr(n.name)));
      field("bases", exprs(n.bases));
      field("keywords", keywords(n.keywords));
      field("body", stmts(n.body));
      field("decorator_list", exprs(n.decorator_list));
      break;
    }
    case StmtKind::Return: {
      start("Return");
      field("value", opt(as<Return>(s).value));
      break;
    }
    case StmtKind::Delete: {
      start("Delete");
      field("targets", exprs(as<Delete>(s).targets));
      break;
    }
    case StmtKind::Assign: {
      const auto& n = as<Assign>(s);
      start("Assign");
      field("targets", exprs(n.targets));
      field("value", convert(*n.value));
      break;
    }
    case StmtKind::AugAssign: {
      const auto& n = as<AugAssign>(s);
      start("AugAssign");
      field("target", convert(*n.target));
      field("op", leaf(operator_name(n.op)));
      field("value", convert(*n.value));
      break;
    }
    case StmtKind::AnnAssign: {
      const auto& n = as<AnnAssign>(s);
      start("AnnAssign");
      field("target", convert(*n.target));
      field("annotation", convert(*n.annotation));
      field("value", opt(n.value));
      field("simple", atom(n.simple ? "1" : "0"));
      break;
    }
    case StmtKind::For: {
      const auto& n = as<For>(s);
      start("For");
      field("target", convert(*n.target));
      field("iter", convert(*n.iter));
      field("body", stmts(n.body));
      field("orelse", stmts(n.orelse));
      break;
    }
    case StmtKind::While: {
      const auto& n = as<While>(s);
      start("While");
      field("test", convert(*n.test));
      field("body", stmts(n.body));
      field("orelse", stmts(n.orelse));
      break;
    }
    case StmtKind::If: {
      const auto& n = as<If>(s);
      start("If");
      field("test", convert(*n.test));
      field("body", stmts(n.body));
      field("orelse", stmts(n.orelse));
      break;
    }
    case StmtKind::With: {
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
      break;
    }
    case StmtKind::Raise: {
      const auto& n = as<Raise>(s);
      start("Raise");
      field("exc", opt(n.exc));
      field("cause", opt(n.cause));
      break;
    }
    case StmtKind::Try: {
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
      break;
    }
    case StmtKind::Assert: {
      const auto& n = as<Assert>(s);
      start("Assert");
      field("test", convert(*n.test));
      field("msg", opt(n.msg));
      break;
    }
    case StmtKind::Import: {
      start("Import");
      field("names", aliases(as<Import>(s).names));
      break;
    }
    case StmtKind::ImportFrom: {
      const auto& n = as<ImportFrom>(s);
      start("ImportFrom");
      field("module", opt_string(n.module));
      field("names", aliases(n.names));
      field("level", atom(std::to_string(n.level)));
      break;
    }
    case StmtKind::Global: {
      start("Global");
      field("names", strings(as<Global>(s).names));
      break;
    }
    case StmtKind::Nonlocal: {
      start("Nonlocal");
      field("names", strings(as<Nonlocal>(s).names));
      break;
    }
    case StmtKind::Expr: {
      start("Expr");
      field("value", convert(*as<ExprStmt>(s).value));
      break;
    }
    case StmtKind::Pass: start("Pass"); break;
    case StmtKind::Break: start("Break"); break;
    case StmtKind::Continue: start("Continue"); break;
  }
  return node_value(std::move(g));
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
