// Parser: recursive descent over the token stream into cv::ast, following the structure of CPython's Grammar/python.gram.
//
// Tokens are read up front into a vector so that the few places where Python's grammar
// needs to look far ahead (a parenthesized `with` item list, an assignment target that
// turns out to be an expression) can try one reading and back off. Expression nesting is
// bounded by kMaxParserNesting so hostile input cannot overflow the native stack.
#include "core/parser.h"

#include <cassert>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "core/lexer.h"
#include "core/numeric.h"
#include "core/text.h"

namespace cv {

namespace {

using namespace ast;

// How a backtracking attempt signals "this reading does not fit" without it being an error yet.
struct ParseMismatch {};

const char* expression_name(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      switch (as<Constant>(e).value.kind) {
        case ConstantValue::Kind::None: return "None";
        case ConstantValue::Kind::True: return "True";
        case ConstantValue::Kind::False: return "False";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

class Parser {
 public:
  Parser(std::string_view source, int first_line = 1, int col_shift = 0) : lexer_(source, first_line, col_shift) {
    for (;;) {
      Token t = lexer_.next();
      if (t.kind == TokenKind::ErrorToken) {
        if (lexer_.error_is_eager()) throw *lexer_.error();
        tokens_.push_back(t);
        break;
      }
      tokens_.push_back(t);
      if (t.kind == TokenKind::EndMarker) break;
    }
  }

  Module parse_file() {
    Module m;
    while (!at(TokenKind::EndMarker)) {
      if (at(TokenKind::Newline)) {
        advance();
        continue;
      }
      parse_statement_into(m.body);
    }
    return m;
  }

  // An f-string replacement field's expression: the whole text must be one expression.
  ExprPtr parse_fstring_expression() {
    while (at(TokenKind::Newline) || at(TokenKind::Indent) || at(TokenKind::Dedent)) advance();
    ExprPtr e = parse_star_expressions_or_yield();
    while (at(TokenKind::Newline) || at(TokenKind::Dedent)) advance();
    if (!at(TokenKind::EndMarker)) throw CompileError("SyntaxError", "f-string: invalid syntax", peek().lineno, peek().col_offset + 1);
    return e;
  }

 private:
  Lexer lexer_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int nesting_ = 0;

  // ------------------------------------------------------------------ tokens

  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  bool at(TokenKind k) const { return peek().kind == k; }
  bool at_op(TokenKind k) const { return peek().kind == k; }
  const Token& advance() {
    const Token& t = tokens_[pos_];
    if (t.kind == TokenKind::ErrorToken) throw *lexer_.error();
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool accept(TokenKind k) {
    if (at(k)) {
      advance();
      return true;
    }
    return false;
  }
  const Token& expect(TokenKind k, const char* what) {
    if (!at(k)) {
      if (at(TokenKind::ErrorToken)) throw *lexer_.error();
      std::string msg = std::string("expected '") + what + "'";
      error_at(peek(), msg);
    }
    return advance();
  }
  bool at_name(std::string_view text) const { return peek().kind == TokenKind::Name && peek().text == text; }

  [[noreturn]] void error_at(const Token& t, const std::string& msg, const char* type = "SyntaxError") {
    if (t.kind == TokenKind::ErrorToken) throw *lexer_.error();
    if (t.kind == TokenKind::EndMarker && !lexer_.open_brackets().empty()) throw lexer_.unclosed_bracket_error();
    throw CompileError(type, msg, t.lineno, t.col_offset + 1);
  }
  [[noreturn]] void invalid_syntax() {
    const Token& t = peek();
    if (t.kind == TokenKind::ErrorToken) throw *lexer_.error();
    if (t.kind == TokenKind::Indent) error_at(t, "unexpected indent", "IndentationError");
    if (t.kind == TokenKind::EndMarker && !lexer_.open_brackets().empty()) throw lexer_.unclosed_bracket_error();
    if (t.kind == TokenKind::EndMarker) error_at(t, "unexpected EOF while parsing");
    error_at(t, "invalid syntax");
  }
  [[noreturn]] void error_node(const Node& n, const std::string& msg) {
    throw CompileError("SyntaxError", msg, n.pos.lineno, n.pos.col_offset + 1);
  }
  [[noreturn]] void unsupported(const Token& t, const std::string& what) {
    throw CompileError("NotImplementedError", what + " is not supported by closureviz (line " + std::to_string(t.lineno) + ")",
                       t.lineno, t.col_offset + 1);
  }

  struct NestingGuard {
    explicit NestingGuard(Parser& p) : p_(p) {
      if (++p_.nesting_ > kMaxParserNesting)
        throw CompileError("RecursionError", "maximum recursion depth exceeded during compilation", p.peek().lineno, 0);
    }
    ~NestingGuard() { --p_.nesting_; }
    Parser& p_;
  };

  static Position start_of(const Token& t) { return {t.lineno, t.col_offset, t.end_lineno, t.end_col_offset}; }
  void finish(Node& n, const Token& start) {
    n.pos.lineno = start.lineno;
    n.pos.col_offset = start.col_offset;
    const Token& last = tokens_[pos_ > 0 ? pos_ - 1 : 0];
    n.pos.end_lineno = last.end_lineno;
    n.pos.end_col_offset = last.end_col_offset;
  }
  void span(Node& n, const Position& from, const Position& to) {
    n.pos.lineno = from.lineno;
    n.pos.col_offset = from.col_offset;
    n.pos.end_lineno = to.end_lineno;
    n.pos.end_col_offset = to.end_col_offset;
  }

  template <class T>
  std::unique_ptr<T> node(const Token& start) {
    auto n = std::make_unique<T>();
    n->pos = start_of(start);
    return n;
  }

  // ------------------------------------------------------------------ statements

  void parse_statement_into(StmtList& out) {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::KwDef: case TokenKind::KwIf: case TokenKind::KwClass: case TokenKind::KwWith:
      case TokenKind::KwFor: case TokenKind::KwTry: case TokenKind::KwWhile: case TokenKind::At:
        out.push_back(parse_compound());
        return;
      case TokenKind::KwAsync:
        unsupported(t, "'async'");
      case TokenKind::Indent:
        error_at(t, "unexpected indent", "IndentationError");
      case TokenKind::Dedent:
        invalid_syntax();
      default:
        break;
    }
    if (at_name("match") && looks_like_match()) unsupported(t, "the 'match' statement");
    parse_simple_statements(out);
  }

  bool looks_like_match() const {
    // `match x:` at statement start: a soft keyword followed by an expression and a colon on the line.
    size_t i = pos_ + 1;
    if (tokens_[std::min(i, tokens_.size() - 1)].kind == TokenKind::Equal ||
        tokens_[std::min(i, tokens_.size() - 1)].kind == TokenKind::Dot ||
        tokens_[std::min(i, tokens_.size() - 1)].kind == TokenKind::LPar)
      return false;
    int depth = 0;
    for (; i < tokens_.size(); ++i) {
      TokenKind k = tokens_[i].kind;
      if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
      if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
      if (k == TokenKind::Newline || k == TokenKind::EndMarker) return false;
      if (k == TokenKind::Colon && depth == 0) return tokens_[i + 1].kind == TokenKind::Newline;
      if (k == TokenKind::Equal && depth == 0) return false;
    }
    return false;
  }

  void parse_simple_statements(StmtList& out) {
    for (;;) {
      out.push_back(parse_simple_statement());
      if (accept(TokenKind::Semi)) {
        if (at(TokenKind::Newline)) break;
        continue;
      }
      break;
    }
    if (!at(TokenKind::Newline)) {
      if (at(TokenKind::EndMarker)) return;
      invalid_syntax();
    }
    advance();
  }

  StmtPtr parse_simple_statement() {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::KwPass: { advance(); auto s = node<Pass>(t); finish(*s, t); return s; }
      case TokenKind::KwBreak: { advance(); auto s = node<Break>(t); finish(*s, t); return s; }
      case TokenKind::KwContinue: { advance(); auto s = node<Continue>(t); finish(*s, t); return s; }
      case TokenKind::KwReturn: {
        advance();
        auto s = node<Return>(t);
        if (!at(TokenKind::Newline) && !at(TokenKind::Semi) && !at(TokenKind::EndMarker)) s->value = parse_star_expressions();
        finish(*s, t);
        return s;
      }
      case TokenKind::KwRaise: {
        advance();
        auto s = node<Raise>(t);
        if (!at(TokenKind::Newline) && !at(TokenKind::Semi) && !at(TokenKind::EndMarker)) {
          s->exc = parse_expression();
          if (accept(TokenKind::KwFrom)) s->cause = parse_expression();
        }
        finish(*s, t);
        return s;
      }
      case TokenKind::KwGlobal: case TokenKind::KwNonlocal: {
        advance();
        std::vector<std::string> names;
        do {
          const Token& n = peek();
          if (n.kind != TokenKind::Name) invalid_syntax();
          advance();
          names.emplace_back(n.text);
        } while (accept(TokenKind::Comma));
        if (t.kind == TokenKind::KwGlobal) {
          auto s = node<Global>(t);
          s->names = std::move(names);
          finish(*s, t);
          return s;
        }
        auto s = node<Nonlocal>(t);
        s->names = std::move(names);
        finish(*s, t);
        return s;
      }
      case TokenKind::KwDel: {
        advance();
        auto s = node<Delete>(t);
        do {
          if (at(TokenKind::Newline) || at(TokenKind::Semi)) break;
          ExprPtr target = parse_bitwise_or_target();
          set_context(*target, ExprContext::Del, "delete");
          s->targets.push_back(std::move(target));
        } while (accept(TokenKind::Comma));
        if (s->targets.empty()) invalid_syntax();
        finish(*s, t);
        return s;
      }
      case TokenKind::KwAssert: {
        advance();
        auto s = node<Assert>(t);
        s->test = parse_expression();
        if (accept(TokenKind::Comma)) s->msg = parse_expression();
        finish(*s, t);
        return s;
      }
      case TokenKind::KwImport: return parse_import();
      case TokenKind::KwFrom: return parse_from_import();
      default: return parse_expression_statement();
    }
  }

  StmtPtr parse_import() {
    const Token& t = advance();
    auto s = node<Import>(t);
    do {
      Alias a;
      a.pos = start_of(peek());
      a.name = parse_dotted_name();
      if (accept(TokenKind::KwAs)) a.asname = std::string(expect(TokenKind::Name, "name").text);
      s->names.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    finish(*s, t);
    return s;
  }

  std::string parse_dotted_name() {
    if (!at(TokenKind::Name)) invalid_syntax();
    std::string name(advance().text);
    while (at(TokenKind::Dot) && peek(1).kind == TokenKind::Name) {
      advance();
      name += ".";
      name += advance().text;
    }
    return name;
  }

  StmtPtr parse_from_import() {
    const Token& t = advance();
    auto s = node<ImportFrom>(t);
    while (at(TokenKind::Dot) || at(TokenKind::Ellipsis)) {
      s->level += at(TokenKind::Dot) ? 1 : 3;
      advance();
    }
    if (!at(TokenKind::KwImport)) s->module = parse_dotted_name();
    if (!accept(TokenKind::KwImport)) invalid_syntax();
    if (at(TokenKind::Star)) {
      Alias a;
      a.pos = start_of(advance());
      a.name = "*";
      s->names.push_back(std::move(a));
      finish(*s, t);
      return s;
    }
    bool paren = accept(TokenKind::LPar);
    do {
      if (paren && at(TokenKind::RPar)) break;
      Alias a;
      a.pos = start_of(peek());
      a.name = std::string(expect(TokenKind::Name, "name").text);
      if (accept(TokenKind::KwAs)) a.asname = std::string(expect(TokenKind::Name, "name").text);
      s->names.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    if (paren) expect(TokenKind::RPar, ")");
    if (s->names.empty()) invalid_syntax();
    finish(*s, t);
    return s;
  }

  static bool is_augassign(TokenKind k, OperatorKind* op) {
    switch (k) {
      case TokenKind::PlusEqual: *op = OperatorKind::Add; return true;
      case TokenKind::MinEqual: *op = OperatorKind::Sub; return true;
      case TokenKind::StarEqual: *op = OperatorKind::Mult; return true;
      case TokenKind::AtEqual: *op = OperatorKind::MatMult; return true;
      case TokenKind::SlashEqual: *op = OperatorKind::Div; return true;
      case TokenKind::PercentEqual: *op = OperatorKind::Mod; return true;
      case TokenKind::AmperEqual: *op = OperatorKind::BitAnd; return true;
      case TokenKind::VBarEqual: *op = OperatorKind::BitOr; return true;
      case TokenKind::CircumflexEqual: *op = OperatorKind::BitXor; return true;
      case TokenKind::LeftShiftEqual: *op = OperatorKind::LShift; return true;
      case TokenKind::RightShiftEqual: *op = OperatorKind::RShift; return true;
      case TokenKind::DoubleStarEqual: *op = OperatorKind::Pow; return true;
      case TokenKind::DoubleSlashEqual: *op = OperatorKind::FloorDiv; return true;
      default: return false;
    }
  }

  StmtPtr parse_expression_statement() {
    const Token& start = peek();
    // Python 2's print statement: CPython's friendly hint.
    if (at_name("print") && (peek(1).kind == TokenKind::String || peek(1).kind == TokenKind::Name ||
                             peek(1).kind == TokenKind::Number)) {
      error_at(start, "Missing parentheses in call to 'print'. Did you mean print(...)?");
    }
    ExprPtr first = parse_star_expressions_or_yield();
    OperatorKind op;
    if (at(TokenKind::Colon)) {
      // Annotated assignment.
      advance();
      auto s = node<AnnAssign>(start);
      bool simple = first->kind == ExprKind::Name && start.kind != TokenKind::LPar;
      if (first->kind == ExprKind::Tuple) error_node(*first, "only single target (not tuple) can be annotated");
      if (first->kind == ExprKind::List) error_node(*first, "only single target (not list) can be annotated");
      set_context(*first, ExprContext::Store, "assign");
      s->target = std::move(first);
      s->annotation = parse_expression();
      if (accept(TokenKind::Equal)) s->value = parse_star_expressions_or_yield();
      s->simple = simple;
      finish(*s, start);
      return s;
    }
    if (is_augassign(peek().kind, &op)) {
      advance();
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
        error_node(*first, std::string("'") + expression_name(*first) + "' is an illegal expression for augmented assignment");
      set_context(*first, ExprContext::Store, "assign");
      auto s = node<AugAssign>(start);
      s->target = std::move(first);
      s->op = op;
      s->value = parse_star_expressions_or_yield();
      finish(*s, start);
      return s;
    }
    if (at(TokenKind::Equal)) {
      auto s = node<Assign>(start);
      ExprList chain;
      chain.push_back(std::move(first));
      while (accept(TokenKind::Equal)) chain.push_back(parse_star_expressions_or_yield());
      s->value = std::move(chain.back());
      chain.pop_back();
      for (auto& target : chain) {
        set_context(*target, ExprContext::Store, "assign", /*suggest_eq=*/true);
        s->targets.push_back(std::move(target));
      }
      finish(*s, start);
      return s;
    }
    if (!at(TokenKind::Newline) && !at(TokenKind::Semi) && !at(TokenKind::EndMarker)) {
      // CPython's "Perhaps you forgot a comma?" for two expressions side by side inside brackets
      // is reported by parse_atom; here the statement simply does not end where it should.
      invalid_syntax();
    }
    auto s = node<ExprStmt>(start);
    s->value = std::move(first);
    finish(*s, start);
    return s;
  }

  // Marks `e` as an assignment/deletion target, or raises CPython's error for an invalid one.
  void set_context(Expr& e, ExprContext ctx, const char* verb, bool suggest_eq = false) {
    switch (e.kind) {
      case ExprKind::Name: as<Name>(e).ctx = ctx; return;
      case ExprKind::Attribute: as<Attribute>(e).ctx = ctx; return;
      case ExprKind::Subscript: as<Subscript>(e).ctx = ctx; return;
      case ExprKind::Starred:
        if (ctx == ExprContext::Del) error_node(e, "cannot delete starred");
        as<Starred>(e).ctx = ctx;
        set_context(*as<Starred>(e).value, ctx, verb, suggest_eq);
        return;
      case ExprKind::Tuple:
        as<Tuple>(e).ctx = ctx;
        for (auto& x : as<Tuple>(e).elts) set_context(*x, ctx, verb, suggest_eq);
        return;
      case ExprKind::List:
        as<List>(e).ctx = ctx;
        for (auto& x : as<List>(e).elts) set_context(*x, ctx, verb, suggest_eq);
        return;
      default: {
        std::string msg = std::string("cannot ") + verb + " to " + expression_name(e);
        if (std::string(verb) == "delete") msg = std::string("cannot delete ") + expression_name(e);
        bool is_comparison_like = e.kind == ExprKind::Compare;
        if (suggest_eq && !is_comparison_like) msg += " here. Maybe you meant '==' instead of '='?";
        error_node(e, msg);
      }
    }
  }

  // ------------------------------------------------------------------ compound statements

  StmtPtr parse_compound() {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::At: return parse_decorated();
      case TokenKind::KwDef: return parse_function_def({});
      case TokenKind::KwClass: return parse_class_def({});
      case TokenKind::KwIf: return parse_if();
      case TokenKind::KwWhile: return parse_while();
      case TokenKind::KwFor: return parse_for();
      case TokenKind::KwTry: return parse_try();
      case TokenKind::KwWith: return parse_with();
      default: invalid_syntax();
    }
  }

  // A block after `what` (on line `line`): NEWLINE INDENT statements DEDENT, or simple statements on the same line.
  StmtList parse_block(const std::string& what, int line) {
    StmtList body;
    if (accept(TokenKind::Newline)) {
      if (!at(TokenKind::Indent)) {
        if (at(TokenKind::ErrorToken)) throw *lexer_.error();
        error_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(line),
                 "IndentationError");
      }
      advance();
      while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) {
        if (at(TokenKind::Newline)) {
          advance();
          continue;
        }
        parse_statement_into(body);
      }
      accept(TokenKind::Dedent);
      return body;
    }
    if (at(TokenKind::EndMarker)) {
      error_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(line),
               "IndentationError");
    }
    parse_simple_statements(body);
    return body;
  }

  void expect_colon() {
    if (!at(TokenKind::Colon)) {
      if (at(TokenKind::ErrorToken)) throw *lexer_.error();
      error_at(peek(), "expected ':'");
    }
    advance();
  }

  StmtPtr parse_decorated() {
    ExprList decorators;
    while (at(TokenKind::At)) {
      advance();
      decorators.push_back(parse_named_expression());
      if (!accept(TokenKind::Newline)) invalid_syntax();
    }
    if (at(TokenKind::KwDef)) return parse_function_def(std::move(decorators));
    if (at(TokenKind::KwClass)) return parse_class_def(std::move(decorators));
    if (at(TokenKind::KwAsync)) unsupported(peek(), "'async'");
    invalid_syntax();
  }

  StmtPtr parse_function_def(ExprList decorators) {
    const Token& t = advance();  // def
    auto s = node<FunctionDef>(t);
    s->decorator_list = std::move(decorators);
    const Token& name = peek();
    if (name.kind != TokenKind::Name) invalid_syntax();
    advance();
    s->name = std::string(name.text);
    if (!at(TokenKind::LPar)) error_at(peek(), "expected '('");
    advance();
    s->args = parse_parameters(TokenKind::RPar, /*annotations=*/true);
    expect(TokenKind::RPar, ")");
    if (accept(TokenKind::RArrow)) s->returns = parse_expression();
    expect_colon();
    s->body = parse_block("function definition", t.lineno);
    finish(*s, t);
    return s;
  }

  Arg parse_param(bool annotations) {
    const Token& n = peek();
    if (n.kind != TokenKind::Name) invalid_syntax();
    advance();
    Arg a;
    a.pos = start_of(n);
    a.arg = std::string(n.text);
    if (annotations && accept(TokenKind::Colon)) a.annotation = parse_expression();
    return a;
  }

  // Parameters up to `close` (`)` for def, `:` for lambda).
  Arguments parse_parameters(TokenKind close, bool annotations) {
    Arguments args;
    bool seen_default = false;
    bool seen_star = false;
    std::vector<Arg> positional;
    std::vector<ExprPtr> defaults;
    while (!at(close)) {
      if (at(TokenKind::Slash)) {
        const Token& slash = advance();
        if (seen_star) error_at(slash, "/ must be ahead of *");
        if (!args.posonlyargs.empty() || positional.empty()) {
          if (positional.empty()) error_at(slash, "at least one argument must precede /");
          error_at(slash, "/ may appear only once");
        }
        args.posonlyargs = std::move(positional);
        positional.clear();
      } else if (at(TokenKind::Star)) {
        const Token& star = advance();
        if (seen_star) error_at(star, "* argument may appear only once");
        seen_star = true;
        if (at(TokenKind::Name)) args.vararg = parse_param(annotations);
        else if (at(close) || (at(TokenKind::Comma) && peek(1).kind == close))
          error_at(star, "named arguments must follow bare *");
      } else if (at(TokenKind::DoubleStar)) {
        advance();
        args.kwarg = parse_param(annotations);
        accept(TokenKind::Comma);
        if (!at(close)) error_at(peek(), "arguments cannot follow var-keyword argument");
        break;
      } else {
        Arg a = parse_param(annotations);
        ExprPtr def;
        if (accept(TokenKind::Equal)) def = parse_expression();
        if (seen_star) {
          args.kwonlyargs.push_back(std::move(a));
          args.kw_defaults.push_back(std::move(def));
        } else {
          if (def) {
            seen_default = true;
            defaults.push_back(std::move(def));
          } else if (seen_default) {
            error_at(tokens_[pos_ - 1], "non-default argument follows default argument");
          }
          positional.push_back(std::move(a));
        }
      }
      if (!accept(TokenKind::Comma)) break;
    }
    args.args = std::move(positional);
    args.defaults = std::move(defaults);
    return args;
  }

  StmtPtr parse_class_def(ExprList decorators) {
    const Token& t = advance();  // class
    auto s = node<ClassDef>(t);
    s->decorator_list = std::move(decorators);
    const Token& name = peek();
    if (name.kind != TokenKind::Name) invalid_syntax();
    advance();
    s->name = std::string(name.text);
    if (accept(TokenKind::LPar)) {
      auto call = parse_call_arguments();
      s->bases = std::move(call.first);
      s->keywords = std::move(call.second);
      expect(TokenKind::RPar, ")");
    }
    expect_colon();
    s->body = parse_block("class definition", t.lineno);
    finish(*s, t);
    return s;
  }

  StmtPtr parse_if() {
    const Token& t = advance();  // if / elif
    auto s = node<If>(t);
    s->test = parse_named_expression();
    expect_colon();
    s->body = parse_block(t.kind == TokenKind::KwIf ? "'if' statement" : "'elif' statement", t.lineno);
    if (at(TokenKind::KwElif)) {
      s->orelse.push_back(parse_if());
    } else if (at(TokenKind::KwElse)) {
      const Token& e = advance();
      expect_colon();
      s->orelse = parse_block("'else' statement", e.lineno);
    }
    finish(*s, t);
    return s;
  }

  StmtPtr parse_while() {
    const Token& t = advance();
    auto s = node<While>(t);
    s->test = parse_named_expression();
    expect_colon();
    s->body = parse_block("'while' statement", t.lineno);
    if (at(TokenKind::KwElse)) {
      const Token& e = advance();
      expect_colon();
      s->orelse = parse_block("'else' statement", e.lineno);
    }
    finish(*s, t);
    return s;
  }

  StmtPtr parse_for() {
    const Token& t = advance();
    auto s = node<For>(t);
    s->target = parse_star_targets();
    set_context(*s->target, ExprContext::Store, "assign");
    if (!accept(TokenKind::KwIn)) invalid_syntax();
    s->iter = parse_star_expressions();
    expect_colon();
    s->body = parse_block("'for' statement", t.lineno);
    if (at(TokenKind::KwElse)) {
      const Token& e = advance();
      expect_colon();
      s->orelse = parse_block("'else' statement", e.lineno);
    }
    finish(*s, t);
    return s;
  }

  StmtPtr parse_try() {
    const Token& t = advance();
    auto s = node<Try>(t);
    expect_colon();
    s->body = parse_block("'try' statement", t.lineno);
    while (at(TokenKind::KwExcept)) {
      const Token& e = advance();
      if (at(TokenKind::Star)) unsupported(e, "'except*'");
      ExceptHandler h;
      h.pos = start_of(e);
      if (!at(TokenKind::Colon)) {
        h.type = parse_expression();
        if (at(TokenKind::Comma)) {
          // `except A, B:` is Python 2 syntax.
          error_at(peek(), "multiple exception types must be parenthesized");
        }
        if (accept(TokenKind::KwAs)) h.name = std::string(expect(TokenKind::Name, "name").text);
      }
      expect_colon();
      h.body = parse_block("'except' statement", e.lineno);
      s->handlers.push_back(std::move(h));
    }
    if (at(TokenKind::KwElse)) {
      const Token& e = advance();
      if (s->handlers.empty()) invalid_syntax();
      expect_colon();
      s->orelse = parse_block("'else' statement", e.lineno);
    }
    if (at(TokenKind::KwFinally)) {
      const Token& f = advance();
      expect_colon();
      s->finalbody = parse_block("'finally' statement", f.lineno);
    }
    if (s->handlers.empty() && s->finalbody.empty()) error_at(peek(), "expected 'except' or 'finally' block");
    finish(*s, t);
    return s;
  }

  WithItem parse_with_item() {
    WithItem item;
    item.context_expr = parse_expression();
    if (accept(TokenKind::KwAs)) {
      item.optional_vars = parse_star_target();
      set_context(*item.optional_vars, ExprContext::Store, "assign");
    }
    return item;
  }

  StmtPtr parse_with() {
    const Token& t = advance();
    auto s = node<With>(t);
    bool parsed = false;
    if (at(TokenKind::LPar)) {
      // `with (a as b, c as d):` — try the parenthesized item list; fall back to an expression.
      size_t saved = pos_;
      try {
        advance();
        std::vector<WithItem> items;
        do {
          if (at(TokenKind::RPar)) break;
          items.push_back(parse_with_item());
        } while (accept(TokenKind::Comma));
        if (!accept(TokenKind::RPar) || !at(TokenKind::Colon)) throw ParseMismatch{};
        s->items = std::move(items);
        parsed = true;
      } catch (const ParseMismatch&) {
        pos_ = saved;
      } catch (const CompileError&) {
        pos_ = saved;
      }
    }
    if (!parsed) {
      do {
        s->items.push_back(parse_with_item());
      } while (accept(TokenKind::Comma));
    }
    expect_colon();
    s->body = parse_block("'with' statement", t.lineno);
    finish(*s, t);
    return s;
  }

  // ------------------------------------------------------------------ targets

  // star_targets for `for` and comprehensions: targets up to `in`, a tuple when there are commas.
  ExprPtr parse_star_targets() {
    const Token& start = peek();
    ExprPtr first = parse_star_target();
    if (!at(TokenKind::Comma)) return first;
    auto tuple = node<Tuple>(start);
    tuple->elts.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::KwIn) || at(TokenKind::Equal)) break;
      tuple->elts.push_back(parse_star_target());
    }
    finish(*tuple, start);
    return tuple;
  }

  ExprPtr parse_star_target() {
    const Token& start = peek();
    if (accept(TokenKind::Star)) {
      auto s = node<Starred>(start);
      s->value = parse_star_target();
      finish(*s, start);
      return s;
    }
    return parse_bitwise_or_target();
  }

  ExprPtr parse_bitwise_or_target() { return parse_bitwise_or(); }

  // ------------------------------------------------------------------ expressions

  ExprPtr parse_star_expressions_or_yield() {
    if (at(TokenKind::KwYield)) return parse_yield();
    return parse_star_expressions();
  }

  // expression (',' expression)* [','] with starred items; a tuple when there is a comma.
  ExprPtr parse_star_expressions() {
    const Token& start = peek();
    ExprPtr first = parse_star_expression();
    if (!at(TokenKind::Comma)) return first;
    auto tuple = node<Tuple>(start);
    tuple->elts.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      if (ends_expression_list()) break;
      tuple->elts.push_back(parse_star_expression());
    }
    finish(*tuple, start);
    return tuple;
  }

  bool ends_expression_list() const {
    switch (peek().kind) {
      case TokenKind::Newline: case TokenKind::Semi: case TokenKind::EndMarker: case TokenKind::Equal:
      case TokenKind::RPar: case TokenKind::RSqb: case TokenKind::RBrace: case TokenKind::Colon:
      case TokenKind::PlusEqual: case TokenKind::MinEqual: case TokenKind::StarEqual:
        return true;
      default: return false;
    }
  }

  ExprPtr parse_star_expression() {
    const Token& start = peek();
    if (accept(TokenKind::Star)) {
      auto s = node<Starred>(start);
      s->value = parse_bitwise_or();
      finish(*s, start);
      return s;
    }
    return parse_expression();
  }

  ExprPtr parse_yield() {
    const Token& t = advance();
    if (accept(TokenKind::KwFrom)) {
      auto y = node<YieldFrom>(t);
      y->value = parse_expression();
      finish(*y, t);
      return y;
    }
    auto y = node<Yield>(t);
    if (!ends_expression_list()) y->value = parse_star_expressions();
    finish(*y, t);
    return y;
  }

  ExprPtr parse_named_expression() {
    if (at(TokenKind::Name) && peek(1).kind == TokenKind::ColonEqual) {
      const Token& name = advance();
      advance();
      auto n = node<NamedExpr>(name);
      auto target = node<Name>(name);
      target->id = std::string(name.text);
      target->ctx = ExprContext::Store;
      finish(*target, name);
      n->target = std::move(target);
      n->value = parse_expression();
      finish(*n, name);
      return n;
    }
    ExprPtr e = parse_expression();
    if (at(TokenKind::ColonEqual)) error_at(peek(), std::string("cannot use assignment expressions with ") + expression_name(*e));
    return e;
  }

  ExprPtr parse_expression() {
    NestingGuard guard(*this);
    const Token& start = peek();
    if (at(TokenKind::KwLambda)) return parse_lambda();
    ExprPtr body = parse_disjunction();
    if (at(TokenKind::KwIf)) {
      advance();
      auto e = node<IfExp>(start);
      e->body = std::move(body);
      e->test = parse_disjunction();
      if (!accept(TokenKind::KwElse)) error_at(peek(), "expected 'else' after 'if' expression");
      e->orelse = parse_expression();
      finish(*e, start);
      return e;
    }
    return body;
  }

  ExprPtr parse_lambda() {
    const Token& t = advance();
    auto l = node<Lambda>(t);
    l->args = parse_parameters(TokenKind::Colon, /*annotations=*/false);
    expect_colon();
    l->body = parse_expression();
    finish(*l, t);
    return l;
  }

  ExprPtr parse_disjunction() {
    const Token& start = peek();
    ExprPtr first = parse_conjunction();
    if (!at(TokenKind::KwOr)) return first;
    auto b = node<BoolOp>(start);
    b->op = BoolOpKind::Or;
    b->values.push_back(std::move(first));
    while (accept(TokenKind::KwOr)) b->values.push_back(parse_conjunction());
    finish(*b, start);
    return b;
  }

  ExprPtr parse_conjunction() {
    const Token& start = peek();
    ExprPtr first = parse_inversion();
    if (!at(TokenKind::KwAnd)) return first;
    auto b = node<BoolOp>(start);
    b->op = BoolOpKind::And;
    b->values.push_back(std::move(first));
    while (accept(TokenKind::KwAnd)) b->values.push_back(parse_inversion());
    finish(*b, start);
    return b;
  }

  ExprPtr parse_inversion() {
    NestingGuard guard(*this);
    const Token& start = peek();
    if (accept(TokenKind::KwNot)) {
      auto u = node<UnaryOp>(start);
      u->op = UnaryOpKind::Not;
      u->operand = parse_inversion();
      finish(*u, start);
      return u;
    }
    return parse_comparison();
  }

  bool comparison_operator(CmpOpKind* op) {
    switch (peek().kind) {
      case TokenKind::EqEqual: advance(); *op = CmpOpKind::Eq; return true;
      case TokenKind::NotEqual: advance(); *op = CmpOpKind::NotEq; return true;
      case TokenKind::Less: advance(); *op = CmpOpKind::Lt; return true;
      case TokenKind::LessEqual: advance(); *op = CmpOpKind::LtE; return true;
      case TokenKind::Greater: advance(); *op = CmpOpKind::Gt; return true;
      case TokenKind::GreaterEqual: advance(); *op = CmpOpKind::GtE; return true;
      case TokenKind::KwIn: advance(); *op = CmpOpKind::In; return true;
      case TokenKind::KwNot:
        if (peek(1).kind == TokenKind::KwIn) {
          advance();
          advance();
          *op = CmpOpKind::NotIn;
          return true;
        }
        return false;
      case TokenKind::KwIs:
        advance();
        *op = accept(TokenKind::KwNot) ? CmpOpKind::IsNot : CmpOpKind::Is;
        return true;
      case TokenKind::OldNotEqual: error_at(peek(), "invalid syntax");
      default: return false;
    }
  }

  ExprPtr parse_comparison() {
    const Token& start = peek();
    ExprPtr left = parse_bitwise_or();
    CmpOpKind op;
    if (!comparison_operator(&op)) return left;
    auto c = node<Compare>(start);
    c->left = std::move(left);
    do {
      c->ops.push_back(op);
      c->comparators.push_back(parse_bitwise_or());
    } while (comparison_operator(&op));
    finish(*c, start);
    return c;
  }

  ExprPtr binary(const Token& start, ExprPtr left, OperatorKind op, ExprPtr right) {
    auto b = node<BinOp>(start);
    b->left = std::move(left);
    b->op = op;
    b->right = std::move(right);
    finish(*b, start);
    return b;
  }

  ExprPtr parse_bitwise_or() {
    const Token& start = peek();
    ExprPtr e = parse_bitwise_xor();
    while (accept(TokenKind::VBar)) e = binary(start, std::move(e), OperatorKind::BitOr, parse_bitwise_xor());
    return e;
  }
  ExprPtr parse_bitwise_xor() {
    const Token& start = peek();
    ExprPtr e = parse_bitwise_and();
    while (accept(TokenKind::CircumFlex)) e = binary(start, std::move(e), OperatorKind::BitXor, parse_bitwise_and());
    return e;
  }
  ExprPtr parse_bitwise_and() {
    const Token& start = peek();
    ExprPtr e = parse_shift();
    while (accept(TokenKind::Amper)) e = binary(start, std::move(e), OperatorKind::BitAnd, parse_shift());
    return e;
  }
  ExprPtr parse_shift() {
    const Token& start = peek();
    ExprPtr e = parse_sum();
    for (;;) {
      if (accept(TokenKind::LeftShift)) e = binary(start, std::move(e), OperatorKind::LShift, parse_sum());
      else if (accept(TokenKind::RightShift)) e = binary(start, std::move(e), OperatorKind::RShift, parse_sum());
      else return e;
    }
  }
  ExprPtr parse_sum() {
    const Token& start = peek();
    ExprPtr e = parse_term();
    for (;;) {
      if (accept(TokenKind::Plus)) e = binary(start, std::move(e), OperatorKind::Add, parse_term());
      else if (accept(TokenKind::Minus)) e = binary(start, std::move(e), OperatorKind::Sub, parse_term());
      else return e;
    }
  }
  ExprPtr parse_term() {
    const Token& start = peek();
    ExprPtr e = parse_factor();
    for (;;) {
      OperatorKind op;
      switch (peek().kind) {
        case TokenKind::Star: op = OperatorKind::Mult; break;
        case TokenKind::Slash: op = OperatorKind::Div; break;
        case TokenKind::DoubleSlash: op = OperatorKind::FloorDiv; break;
        case TokenKind::Percent: op = OperatorKind::Mod; break;
        case TokenKind::At: op = OperatorKind::MatMult; break;
        default: return e;
      }
      advance();
      e = binary(start, std::move(e), op, parse_factor());
    }
  }
  ExprPtr parse_factor() {
    NestingGuard guard(*this);
    const Token& start = peek();
    UnaryOpKind op;
    switch (start.kind) {
      case TokenKind::Plus: op = UnaryOpKind::UAdd; break;
      case TokenKind::Minus: op = UnaryOpKind::USub; break;
      case TokenKind::Tilde: op = UnaryOpKind::Invert; break;
      default: return parse_power();
    }
    advance();
    auto u = node<UnaryOp>(start);
    u->op = op;
    u->operand = parse_factor();
    finish(*u, start);
    return u;
  }
  ExprPtr parse_power() {
    const Token& start = peek();
    if (at(TokenKind::KwAwait)) unsupported(start, "'await'");
    ExprPtr base = parse_primary();
    if (accept(TokenKind::DoubleStar)) return binary(start, std::move(base), OperatorKind::Pow, parse_factor());
    return base;
  }

  ExprPtr parse_primary() {
    const Token& start = peek();
    ExprPtr e = parse_atom();
    for (;;) {
      if (at(TokenKind::Dot)) {
        advance();
        const Token& name = peek();
        if (name.kind != TokenKind::Name) invalid_syntax();
        advance();
        auto a = node<Attribute>(start);
        a->value = std::move(e);
        a->attr = std::string(name.text);
        finish(*a, start);
        e = std::move(a);
      } else if (at(TokenKind::LPar)) {
        advance();
        auto c = node<Call>(start);
        c->func = std::move(e);
        auto args = parse_call_arguments();
        c->args = std::move(args.first);
        c->keywords = std::move(args.second);
        if (!at(TokenKind::RPar)) {
          if (at(TokenKind::EndMarker) || at(TokenKind::ErrorToken)) invalid_syntax();
          error_at(peek(), "invalid syntax. Perhaps you forgot a comma?");
        }
        advance();
        finish(*c, start);
        e = std::move(c);
      } else if (at(TokenKind::LSqb)) {
        advance();
        auto s = node<Subscript>(start);
        s->value = std::move(e);
        s->slice = parse_slices();
        expect(TokenKind::RSqb, "]");
        finish(*s, start);
        e = std::move(s);
      } else {
        return e;
      }
    }
  }

  ExprPtr parse_slices() {
    const Token& start = peek();
    ExprPtr first = parse_slice();
    if (!at(TokenKind::Comma)) return first;
    auto t = node<Tuple>(start);
    t->elts.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RSqb)) break;
      t->elts.push_back(parse_slice());
    }
    finish(*t, start);
    return t;
  }

  ExprPtr parse_slice() {
    const Token& start = peek();
    ExprPtr lower;
    if (!at(TokenKind::Colon)) {
      lower = at(TokenKind::Star) ? parse_star_expression() : parse_named_expression();
      if (!at(TokenKind::Colon)) return lower;
    }
    auto s = node<Slice>(start);
    s->lower = std::move(lower);
    expect(TokenKind::Colon, ":");
    if (!at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb)) s->upper = parse_expression();
    if (accept(TokenKind::Colon)) {
      if (!at(TokenKind::Comma) && !at(TokenKind::RSqb)) s->step = parse_expression();
    }
    finish(*s, start);
    return s;
  }

  // Arguments of a call (after `(`, up to but not including `)`).
  std::pair<ExprList, std::vector<Keyword>> parse_call_arguments() {
    ExprList args;
    std::vector<Keyword> keywords;
    bool seen_keyword = false;
    bool seen_double_star = false;
    while (!at(TokenKind::RPar)) {
      const Token& start = peek();
      if (at(TokenKind::Star)) {
        advance();
        if (seen_double_star) error_at(start, "iterable argument unpacking follows keyword argument unpacking");
        auto s = node<Starred>(start);
        s->value = parse_expression();
        finish(*s, start);
        args.push_back(std::move(s));
      } else if (at(TokenKind::DoubleStar)) {
        advance();
        seen_double_star = true;
        Keyword k;
        k.pos = start_of(start);
        k.value = parse_expression();
        keywords.push_back(std::move(k));
      } else if (at(TokenKind::Name) && peek(1).kind == TokenKind::Equal) {
        const Token& name = advance();
        advance();
        seen_keyword = true;
        Keyword k;
        k.pos = start_of(name);
        k.arg = std::string(name.text);
        k.value = parse_expression();
        keywords.push_back(std::move(k));
      } else {
        ExprPtr value = parse_named_expression();
        if (at(TokenKind::KwFor)) {
          // f(x for x in y): a generator expression as the sole argument.
          auto g = node<GeneratorExp>(start);
          g->elt = std::move(value);
          g->generators = parse_comprehension_clauses();
          finish(*g, start);
          if (!args.empty() || !keywords.empty() || at(TokenKind::Comma)) {
            if (!(at(TokenKind::Comma) && peek(1).kind == TokenKind::RPar && args.empty() && keywords.empty()))
              error_node(*g, "Generator expression must be parenthesized");
          }
          value = std::move(g);
        } else if (at(TokenKind::Equal)) {
          error_at(peek(), "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (seen_double_star) error_node(*value, "positional argument follows keyword argument unpacking");
        if (seen_keyword) error_node(*value, "positional argument follows keyword argument");
        args.push_back(std::move(value));
      }
      if (!accept(TokenKind::Comma)) break;
    }
    return {std::move(args), std::move(keywords)};
  }

  std::vector<Comprehension> parse_comprehension_clauses() {
    std::vector<Comprehension> out;
    while (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
      if (at(TokenKind::KwAsync)) unsupported(peek(), "'async'");
      advance();
      Comprehension c;
      c.target = parse_star_targets();
      set_context(*c.target, ExprContext::Store, "assign");
      if (!accept(TokenKind::KwIn)) invalid_syntax();
      c.iter = parse_disjunction();
      while (at(TokenKind::KwIf)) {
        advance();
        c.ifs.push_back(parse_disjunction());
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  ExprPtr parse_atom() {
    NestingGuard guard(*this);
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Name: {
        advance();
        auto n = node<Name>(t);
        n->id = std::string(t.text);
        finish(*n, t);
        return n;
      }
      case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::KwNone: {
        advance();
        auto c = node<Constant>(t);
        c->value.kind = t.kind == TokenKind::KwTrue ? ConstantValue::Kind::True
                        : t.kind == TokenKind::KwFalse ? ConstantValue::Kind::False
                                                       : ConstantValue::Kind::None;
        finish(*c, t);
        return c;
      }
      case TokenKind::Ellipsis: {
        advance();
        auto c = node<Constant>(t);
        c->value.kind = ConstantValue::Kind::Ellipsis;
        finish(*c, t);
        return c;
      }
      case TokenKind::Number: return parse_number();
      case TokenKind::String: return parse_strings();
      case TokenKind::LPar: return parse_paren();
      case TokenKind::LSqb: return parse_list();
      case TokenKind::LBrace: return parse_brace();
      case TokenKind::KwYield: error_at(t, "invalid syntax");
      default: invalid_syntax();
    }
  }

  ExprPtr parse_number() {
    const Token& t = advance();
    auto c = node<Constant>(t);
    std::string text;
    for (char ch : t.text)
      if (ch != '_') text += ch;
    char last = text.empty() ? '\0' : text.back();
    if (last == 'j' || last == 'J') unsupported(t, "complex numbers");
    bool is_float = false;
    bool prefixed = text.size() > 1 && text[0] == '0' &&
                    (text[1] == 'x' || text[1] == 'X' || text[1] == 'o' || text[1] == 'O' || text[1] == 'b' || text[1] == 'B');
    if (!prefixed) {
      for (char ch : text) is_float |= ch == '.' || ch == 'e' || ch == 'E';
    }
    if (is_float) {
      c->value.kind = ConstantValue::Kind::Float;
      c->value.float_value = float_from_string(text);
    } else {
      c->value.kind = ConstantValue::Kind::Int;
      int base = 10;
      size_t skip = 0;
      if (prefixed) {
        char p = static_cast<char>(text[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        skip = 2;
      }
      BigInt value = 0;
      for (size_t i = skip; i < text.size(); ++i) {
        char ch = text[i];
        int digit = ch >= '0' && ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        value = value * base + digit;
      }
      c->value.int_digits = value.str();
    }
    finish(*c, t);
    return c;
  }

  ExprPtr parse_paren() {
    const Token& t = advance();  // (
    if (accept(TokenKind::RPar)) {
      auto tuple = node<Tuple>(t);
      finish(*tuple, t);
      return tuple;
    }
    if (at(TokenKind::KwYield)) {
      ExprPtr y = parse_yield();
      expect(TokenKind::RPar, ")");
      return y;
    }
    ExprPtr first = at(TokenKind::Star) ? parse_star_expression() : parse_named_expression();
    if (at(TokenKind::KwFor)) {
      auto g = node<GeneratorExp>(t);
      g->elt = std::move(first);
      g->generators = parse_comprehension_clauses();
      expect(TokenKind::RPar, ")");
      finish(*g, t);
      return g;
    }
    if (at(TokenKind::Comma)) {
      auto tuple = node<Tuple>(t);
      tuple->elts.push_back(std::move(first));
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar)) break;
        tuple->elts.push_back(at(TokenKind::Star) ? parse_star_expression() : parse_named_expression());
      }
      close_bracket(TokenKind::RPar);
      finish(*tuple, t);
      return tuple;
    }
    close_bracket(TokenKind::RPar);
    if (first->kind == ExprKind::Starred) error_node(*first, "cannot use starred expression here");
    return first;
  }

  // Expects the closing bracket, with CPython's comma hint when two expressions sit side by side.
  void close_bracket(TokenKind close) {
    if (at(close)) {
      advance();
      return;
    }
    if (at(TokenKind::EndMarker) || at(TokenKind::ErrorToken) || at(TokenKind::Newline)) invalid_syntax();
    const Token& next = peek();
    bool starts_expression = next.kind == TokenKind::Name || next.kind == TokenKind::Number ||
                             next.kind == TokenKind::String || next.kind == TokenKind::LPar ||
                             next.kind == TokenKind::LSqb || next.kind == TokenKind::LBrace;
    if (starts_expression) error_at(tokens_[pos_ - 1], "invalid syntax. Perhaps you forgot a comma?");
    invalid_syntax();
  }

  ExprPtr parse_list() {
    const Token& t = advance();  // [
    if (accept(TokenKind::RSqb)) {
      auto l = node<List>(t);
      finish(*l, t);
      return l;
    }
    ExprPtr first = at(TokenKind::Star) ? parse_star_expression() : parse_named_expression();
    if (at(TokenKind::KwFor)) {
      auto c = node<ListComp>(t);
      c->elt = std::move(first);
      c->generators = parse_comprehension_clauses();
      expect(TokenKind::RSqb, "]");
      finish(*c, t);
      return c;
    }
    auto l = node<List>(t);
    l->elts.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RSqb)) break;
      l->elts.push_back(at(TokenKind::Star) ? parse_star_expression() : parse_named_expression());
    }
    close_bracket(TokenKind::RSqb);
    finish(*l, t);
    return l;
  }

  ExprPtr parse_brace() {
    const Token& t = advance();  // {
    if (accept(TokenKind::RBrace)) {
      auto d = node<Dict>(t);
      finish(*d, t);
      return d;
    }
    if (at(TokenKind::DoubleStar)) return parse_dict_rest(t, nullptr, nullptr);
    ExprPtr first = at(TokenKind::Star) ? parse_star_expression() : parse_named_expression();
    if (accept(TokenKind::Colon)) {
      ExprPtr value = parse_expression();
      if (at(TokenKind::KwFor)) {
        auto c = node<DictComp>(t);
        c->key = std::move(first);
        c->value = std::move(value);
        c->generators = parse_comprehension_clauses();
        expect(TokenKind::RBrace, "}");
        finish(*c, t);
        return c;
      }
      return parse_dict_rest(t, std::move(first), std::move(value));
    }
    if (at(TokenKind::KwFor)) {
      auto c = node<SetComp>(t);
      c->elt = std::move(first);
      c->generators = parse_comprehension_clauses();
      expect(TokenKind::RBrace, "}");
      finish(*c, t);
      return c;
    }
    auto s = node<Set>(t);
    s->elts.push_back(std::move(first));
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RBrace)) break;
      s->elts.push_back(at(TokenKind::Star) ? parse_star_expression() : parse_named_expression());
    }
    close_bracket(TokenKind::RBrace);
    finish(*s, t);
    return s;
  }

  ExprPtr parse_dict_rest(const Token& t, ExprPtr first_key, ExprPtr first_value) {
    auto d = node<Dict>(t);
    bool have_first = first_value != nullptr;
    if (have_first) {
      d->keys.push_back(std::move(first_key));
      d->values.push_back(std::move(first_value));
    }
    for (;;) {
      if (have_first) {
        if (!accept(TokenKind::Comma)) break;
        if (at(TokenKind::RBrace)) break;
      }
      have_first = true;
      if (accept(TokenKind::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(parse_bitwise_or());
        continue;
      }
      d->keys.push_back(parse_expression());
      if (!accept(TokenKind::Colon)) error_at(peek(), "':' expected after dictionary key");
      d->values.push_back(parse_expression());
    }
    close_bracket(TokenKind::RBrace);
    finish(*d, t);
    return d;
  }

  // ------------------------------------------------------------------ strings

  struct StringPiece {
    std::string prefix;  // lower-cased letters
    std::string_view body;
    int body_line;       // line and column where the body starts (for f-string expressions)
    int body_col;
    const Token* token;
  };

  static StringPiece split_literal(const Token& t) {
    StringPiece p;
    p.token = &t;
    size_t i = 0;
    std::string_view s = t.text;
    while (i < s.size() && s[i] != '\'' && s[i] != '"') p.prefix += static_cast<char>(s[i++] | 0x20);
    size_t quote = (s.size() - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    p.body = s.substr(i + quote, s.size() - i - 2 * quote);
    // Position of the body: count lines/columns in the literal text before it.
    p.body_line = t.lineno;
    p.body_col = t.col_offset + static_cast<int>(i + quote);
    return p;
  }

  // Decodes backslash escapes of a non-raw literal body.
  std::string decode_escapes(std::string_view body, const Token& t) {
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c != '\\' || i + 1 >= body.size()) {
        out += c;
        continue;
      }
      char e = body[++i];
      switch (e) {
        case '\n': break;  // line continuation inside a string
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          int value = e - '0';
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
            value = value * 8 + (body[++i] - '0');
          utf8_append(out, static_cast<char32_t>(value));
          break;
        }
        case 'x': case 'u': case 'U': {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          char32_t value = 0;
          for (int k = 0; k < digits; ++k) {
            if (i + 1 >= body.size() || !std::isxdigit(static_cast<unsigned char>(body[i + 1]))) {
              const char* kind = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
              throw CompileError("SyntaxError",
                                 std::string("(unicode error) 'unicodeescape' codec can't decode bytes in position ") +
                                     "0-" + std::to_string(k + 1) + ": truncated " + kind + " escape",
                                 t.lineno, t.col_offset + 1);
            }
            char h = body[++i];
            value = value * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          }
          if (value > 0x10FFFF)
            throw CompileError("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character",
                               t.lineno, t.col_offset + 1);
          utf8_append(out, value);
          break;
        }
        case 'N': unsupported(t, "the \\N{...} escape");
        default:
          out += '\\';
          out += e;
      }
    }
    return out;
  }

  ExprPtr parse_strings() {
    const Token& first = peek();
    std::vector<StringPiece> pieces;
    while (at(TokenKind::String)) pieces.push_back(split_literal(advance()));
    bool any_f = false, any_bytes = false, any_str = false;
    for (const auto& p : pieces) {
      bool b = p.prefix.find('b') != std::string::npos;
      any_bytes |= b;
      any_str |= !b;
      any_f |= p.prefix.find('f') != std::string::npos;
    }
    if (any_bytes && any_str) error_at(first, "cannot mix bytes and nonbytes literals");
    if (any_bytes) {
      auto c = node<Constant>(first);
      c->value.kind = ConstantValue::Kind::Bytes;
      for (const auto& p : pieces) c->value.str_value += p.prefix.find('r') != std::string::npos ? std::string(p.body) : decode_escapes(p.body, *p.token);
      finish(*c, first);
      return c;
    }
    if (!any_f) {
      auto c = node<Constant>(first);
      c->value.kind = ConstantValue::Kind::Str;
      for (const auto& p : pieces)
        c->value.str_value += p.prefix.find('r') != std::string::npos ? std::string(p.body) : decode_escapes(p.body, *p.token);
      finish(*c, first);
      return c;
    }
    auto joined = node<JoinedStr>(first);
    std::string pending;
    for (const auto& p : pieces) {
      bool raw = p.prefix.find('r') != std::string::npos;
      if (p.prefix.find('f') == std::string::npos) {
        pending += raw ? std::string(p.body) : decode_escapes(p.body, *p.token);
        continue;
      }
      parse_fstring_body(p, raw, pending, joined->values, 0);
    }
    flush_constant(pending, joined->values, first);
    finish(*joined, first);
    return joined;
  }

  void flush_constant(std::string& pending, ExprList& out, const Token& at_token) {
    if (pending.empty()) return;
    auto c = node<Constant>(at_token);
    c->value.kind = ConstantValue::Kind::Str;
    c->value.str_value = std::move(pending);
    pending.clear();
    finish(*c, at_token);
    out.push_back(std::move(c));
  }

  // Splits an f-string body into constants and replacement fields (appended to `out`).
  void parse_fstring_body(const StringPiece& p, bool raw, std::string& pending, ExprList& out, int depth) {
    std::string_view body = p.body;
    const Token& t = *p.token;
    if (depth > 1) throw CompileError("SyntaxError", "f-string: expressions nested too deeply", t.lineno, t.col_offset + 1);
    size_t i = 0;
    std::string literal;
    auto flush_literal = [&] {
      pending += raw ? literal : decode_escapes(literal, t);
      literal.clear();
    };
    while (i < body.size()) {
      char c = body[i];
      if (c == '{') {
        if (i + 1 < body.size() && body[i + 1] == '{') {
          literal += '{';
          i += 2;
          continue;
        }
        flush_literal();
        i = parse_fstring_field(p, raw, i + 1, pending, out, depth);
        continue;
      }
      if (c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}') {
          literal += '}';
          i += 2;
          continue;
        }
        throw CompileError("SyntaxError", "f-string: single '}' is not allowed", t.lineno, t.col_offset + 1);
      }
      if (c == '\\' && !raw && i + 1 < body.size()) {
        literal += c;
        literal += body[i + 1];
        i += 2;
        continue;
      }
      literal += c;
      ++i;
    }
    flush_literal();
  }

  // Parses one `{...}` field starting after `{` at body[i]; returns the index after its `}`.
  size_t parse_fstring_field(const StringPiece& p, bool raw, size_t i, std::string& pending, ExprList& out, int depth) {
    std::string_view body = p.body;
    const Token& t = *p.token;
    auto fail = [&](const std::string& msg) -> CompileError { return CompileError("SyntaxError", msg, t.lineno, t.col_offset + 1); };
    size_t start = i;
    int nest = 0;
    char quote = 0;
    // Find the end of the expression: a top-level '!', ':', '=' (self-documenting) or '}'.
    size_t end = i;
    bool self_doc = false;
    for (; end < body.size(); ++end) {
      char c = body[end];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') { quote = c; continue; }
      if (c == '[' || c == '(' || c == '{') { ++nest; continue; }
      if (c == ']' || c == ')') { --nest; continue; }
      if (c == '}') {
        if (nest == 0) break;
        --nest;
        continue;
      }
      if (nest > 0) continue;
      if (c == '\\') throw fail("f-string expression part cannot include a backslash");
      if (c == '#') throw fail("f-string expression part cannot include '#'");
      if (c == '!' && end + 1 < body.size() && body[end + 1] != '=') break;
      if (c == ':') break;
      if (c == '=' && end + 1 < body.size() && body[end + 1] != '=' && end > start &&
          body[end - 1] != '=' && body[end - 1] != '!' && body[end - 1] != '<' && body[end - 1] != '>') {
        self_doc = true;
        break;
      }
    }
    if (quote) throw fail("f-string: unterminated string");
    if (end >= body.size()) throw fail("f-string: expecting '}'");
    std::string_view expr_text = body.substr(start, end - start);
    bool blank = expr_text.find_first_not_of(" \t\n\r\f") == std::string_view::npos;
    if (blank) throw fail("f-string: empty expression not allowed");
    // The expression is parsed like source in parentheses, on the line of the literal.
    std::string wrapped = "(" + std::string(expr_text) + ")";
    ExprPtr value;
    {
      Parser sub(wrapped, t.lineno, t.col_offset);
      value = sub.parse_fstring_expression();
    }
    size_t k = end;
    int conversion = -1;
    if (self_doc) {
      ++k;  // '='
      size_t ws = k;
      while (k < body.size() && (body[k] == ' ' || body[k] == '\t')) ++k;
      pending += std::string(expr_text) + "=" + std::string(body.substr(ws, k - ws));
    }
    if (k < body.size() && body[k] == '!') {
      if (k + 1 >= body.size()) throw fail("f-string: expecting '}'");
      char conv = body[k + 1];
      if (conv != 's' && conv != 'r' && conv != 'a')
        throw fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion = conv;
      k += 2;
    }
    ExprPtr spec;
    if (k < body.size() && body[k] == ':') {
      ++k;
      // The format spec runs to the matching '}' and may itself hold fields.
      size_t spec_start = k;
      int inner = 0;
      for (; k < body.size(); ++k) {
        if (body[k] == '{') ++inner;
        else if (body[k] == '}') {
          if (inner == 0) break;
          --inner;
        }
      }
      if (k >= body.size()) throw fail("f-string: expecting '}'");
      StringPiece spec_piece = p;
      spec_piece.body = body.substr(spec_start, k - spec_start);
      auto joined = node<JoinedStr>(t);
      std::string spec_pending;
      parse_fstring_body(spec_piece, raw, spec_pending, joined->values, depth + 1);
      flush_constant(spec_pending, joined->values, t);
      finish(*joined, t);
      spec = std::move(joined);
    }
    if (k >= body.size() || body[k] != '}') throw fail("f-string: expecting '}'");
    if (self_doc && conversion < 0 && !spec) conversion = 'r';
    flush_constant(pending, out, t);
    auto fv = node<FormattedValue>(t);
    fv->value = std::move(value);
    fv->conversion = conversion;
    fv->format_spec = std::move(spec);
    finish(*fv, t);
    out.push_back(std::move(fv));
    return k + 1;
  }
};

}  // namespace

ast::Module parse_module(std::string_view source, std::string_view /*filename*/) {
  Parser parser(source);
  return parser.parse_file();
}

}  // namespace cv
