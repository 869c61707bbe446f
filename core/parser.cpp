// Parser: recursive descent over the token stream into cv::ast, following the structure of CPython's Grammar/python.gram.
//
// Tokens are read up front into a vector so that the few places where Python's grammar
// needs to look far ahead (a parenthesized `with` item list, an assignment target that
// turns out to be an expression) can try one reading and back off.
//
// Syntax errors. CPython parses twice: a plain PEG pass, and after a failure a second pass
// with extra `invalid_*` rules that raise the friendly messages ("Perhaps you forgot a
// comma?", "cannot assign to ...", "expected ':'"); when none applies it reports "invalid
// syntax" at the furthest token the first pass read. This parser makes one pass and checks
// the same `invalid_*` patterns at the point where the normal grammar fails, usually by a
// speculative parse (`speculate`) of what the rule would match:
//  * SoftSyntaxError is the plain "does not fit" failure; speculation backs off on it.
//    Every other CompileError is a raised error and propagates, as in CPython's second pass.
//  * Generic errors go to the furthest token looked at outside speculation (max_peeked_).
//  * Looking at the tokenizer's error token raises the tokenizer's error, as CPython's
//    fetching it does; after a parser error, input that ends inside brackets opened before
//    the furthest token read becomes "'(' was never closed" (parse_file).
//  * Errors CPython's compiler reports (keyword argument repeated, __debug__) are kept and
//    raised after the whole file parsed.
// Tree depth is bounded (kMaxAstDepth, kMaxParserNesting, and the native stack left on the
// parsing thread) so hostile input gets CPython's RecursionError instead of overflowing the
// native stack.
#include "core/parser.h"

#include <cassert>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "core/lexer.h"
#include "core/native_stack.h"
#include "core/numeric.h"
#include "core/text.h"
#include "core/unicode_names.h"

namespace cv {

namespace {

using namespace ast;

// A generic "invalid syntax": the input does not fit the grammar here. A speculative parse
// (one of CPython's invalid_* rules) backs off on it; every other CompileError is raised,
// as CPython raises the errors of its second pass.
struct SoftSyntaxError : CompileError {
  using CompileError::CompileError;
};


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
    int level = 0;
    for (;;) {
      Token t = lexer_.next();
      if (t.kind == TokenKind::ErrorToken) {
        if (lexer_.error_is_eager()) throw *lexer_.error();
        tokens_.push_back(t);
        levels_.push_back(level);
        break;
      }
      // CPython's token->level: the bracket depth just after the token.
      if (t.kind == TokenKind::LPar || t.kind == TokenKind::LSqb || t.kind == TokenKind::LBrace) ++level;
      if (t.kind == TokenKind::RPar || t.kind == TokenKind::RSqb || t.kind == TokenKind::RBrace) --level;
      tokens_.push_back(t);
      levels_.push_back(level);
      if (t.kind == TokenKind::EndMarker) break;
    }
  }

  Module parse_file() {
    try {
      Module m;
      while (!at(TokenKind::EndMarker)) {
        if (at(TokenKind::Newline)) {
          advance();
          continue;
        }
        parse_statement_into(m.body);
      }
      if (late_error_ && !options.ast_only) throw *late_error_;
      check_ast_depth(m);
      return m;
    } catch (const CompileError& e) {
      // CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a parser error, a
      // source that ends inside brackets opened on an earlier line than the furthest token the
      // parser read reports the bracket instead.
      if (lexer_error_thrown_ || (e.type_name != "SyntaxError" && e.type_name != "IndentationError")) throw;
      if (tokens_.back().kind == TokenKind::ErrorToken && !lexer_.open_brackets().empty() && lexer_.error() &&
          lexer_.error()->message.ends_with("was never closed") &&
          tokens_[max_fetched_].lineno > lexer_.open_brackets().back().lineno)
        throw lexer_.unclosed_bracket_error();
      throw;
    }
  }

  ParseOptions options;

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
  std::vector<int> levels_;         // bracket depth after each token
  size_t pos_ = 0;
  int nesting_ = 0;
  mutable size_t max_peeked_ = 0;   // furthest token looked at outside speculative parses (CPython's first pass)
  mutable size_t max_fetched_ = 0;  // furthest token looked at at all (CPython's p->fill after the second pass)
  mutable bool lexer_error_thrown_ = false;
  std::optional<CompileError> late_error_;  // an error CPython's compiler would report (keyword repeated, __debug__)
  int speculating_ = 0;             // >0 inside a speculative parse (an invalid_* rule of CPython's second pass)
  int no_hints_ = 0;                // >0 while parsing CPython's expression_without_invalid

  // ------------------------------------------------------------------ tokens

  // The token `ahead` places on. Looking at the tokenizer's error token raises its error, as
  // CPython's parser does when it fetches that token.
  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    if (i > max_fetched_) max_fetched_ = i;
    if (i > max_peeked_ && speculating_ == 0) max_peeked_ = i;
    if (tokens_[i].kind == TokenKind::ErrorToken) throw_lexer_error();
    return tokens_[i];
  }
  [[noreturn]] void throw_lexer_error() const {
    lexer_error_thrown_ = true;
    throw *lexer_.error();
  }
  bool at(TokenKind k) const { return peek().kind == k; }
  const Token& advance() {
    const Token& t = peek();
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
  // A token the grammar requires here; anything else is a generic syntax error.
  const Token& expect(TokenKind k) {
    if (!at(k)) invalid_syntax();
    return advance();
  }
  // CPython's forced token (`&&':'` in the grammar): "expected ':'" at whatever token is there.
  const Token& expect_forced(TokenKind k, const char* what) {
    if (!at(k)) error_at(peek(), std::string("expected '") + what + "'");
    return advance();
  }
  bool at_name(std::string_view text) const { return peek().kind == TokenKind::Name && peek().text == text; }

  // The caret column CPython gives an error located at `t`: INDENT and DEDENT tokens have no
  // column of their own, and CPython shows the tokenizer's position, one less.
  static int error_col(const Token& t) {
    return t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent ? t.col_offset : t.col_offset + 1;
  }
  [[noreturn]] void error_at(const Token& t, const std::string& msg, const char* type = "SyntaxError") {
    throw CompileError(type, msg, t.lineno, error_col(t));
  }
  // CPython's generic error: "invalid syntax" at the furthest token its first pass read, or
  // "unexpected indent" / "unexpected unindent" when that token is an INDENT / DEDENT.
  [[noreturn]] void invalid_syntax() {
    peek();  // a tokenizer error here comes first
    const Token& t = speculating_ ? peek() : tokens_[std::max(max_peeked_, pos_)];
    if (t.kind == TokenKind::ErrorToken) throw_lexer_error();
    if (t.kind == TokenKind::Indent) throw SoftSyntaxError("IndentationError", "unexpected indent", t.lineno, error_col(t));
    if (t.kind == TokenKind::Dedent) throw SoftSyntaxError("IndentationError", "unexpected unindent", t.lineno, error_col(t));
    throw SoftSyntaxError("SyntaxError", "invalid syntax", t.lineno, error_col(t));
  }
  [[noreturn]] void invalid_syntax_at(const Token& t) {
    throw SoftSyntaxError("SyntaxError", "invalid syntax", t.lineno, error_col(t));
  }
  [[noreturn]] void error_node(const Node& n, const std::string& msg) {
    throw CompileError("SyntaxError", msg, n.pos.lineno, n.pos.col_offset + 1);
  }
  // Runs `attempt` as a speculative parse (one of CPython's invalid_* rules); returns whether it
  // succeeded and restores the position either way. Tokenizer errors still propagate.
  template <class F>
  bool speculate(F attempt) {
    const size_t saved = pos_;
    const int saved_nesting = nesting_;
    ++speculating_;
    bool ok = false;
    try {
      ok = attempt();
    } catch (const SoftSyntaxError&) {
      ok = false;  // the reading does not fit; any other error is raised, as CPython's second pass does
    } catch (...) {
      --speculating_;
      throw;
    }
    --speculating_;
    pos_ = saved;
    nesting_ = saved_nesting;
    return ok;
  }
  [[noreturn]] void unsupported(const Token& t, const std::string& what) {
    throw CompileError("NotImplementedError", "closureviz does not support " + what + " (line " + std::to_string(t.lineno) + ")",
                       t.lineno, t.col_offset + 1);
  }

  // CPython's AST optimizer gives up on trees deeper than about 3000 nodes with a
  // RecursionError; the later passes here recurse over the tree too, so the same bound
  // keeps them safe. The walk is iterative.
  static void check_ast_depth(const Module& m) {
    struct Item {
      const Node* node;
      bool stmt;
      int depth;
    };
    std::vector<Item> stack;
    for (const auto& st : m.body) stack.push_back({st.get(), true, 1});
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      if (item.depth > kMaxAstDepth)
        throw CompileError("RecursionError", "maximum recursion depth exceeded during compilation", item.node->pos.lineno, 0);
      const int d = item.depth + 1;
      auto e = [&](const ExprPtr& x) {
        if (x) stack.push_back({x.get(), false, d});
      };
      auto es = [&](const ExprList& xs) {
        for (const auto& x : xs) e(x);
      };
      auto ss = [&](const StmtList& xs) {
        for (const auto& x : xs) stack.push_back({x.get(), true, d});
      };
      auto args = [&](const Arguments& a) {
        for (const auto* list : {&a.posonlyargs, &a.args, &a.kwonlyargs})
          for (const Arg& x : *list) e(x.annotation);
        if (a.vararg) e(a.vararg->annotation);
        if (a.kwarg) e(a.kwarg->annotation);
        es(a.kw_defaults);
        es(a.defaults);
      };
      auto comps = [&](const std::vector<Comprehension>& cs) {
        for (const Comprehension& c : cs) {
          e(c.target);
          e(c.iter);
          es(c.ifs);
        }
      };
      auto kws = [&](const std::vector<Keyword>& ks) {
        for (const Keyword& k : ks) e(k.value);
      };
      if (item.stmt) {
        const Stmt& st = *static_cast<const Stmt*>(item.node);
        switch (st.kind) {
          case StmtKind::FunctionDef: {
            const auto& n = as<FunctionDef>(st);
            args(n.args), ss(n.body), es(n.decorator_list), e(n.returns);
            break;
          }
          case StmtKind::ClassDef: {
            const auto& n = as<ClassDef>(st);
            es(n.bases), kws(n.keywords), ss(n.body), es(n.decorator_list);
            break;
          }
          case StmtKind::Return: e(as<Return>(st).value); break;
          case StmtKind::Delete: es(as<Delete>(st).targets); break;
          case StmtKind::Assign: es(as<Assign>(st).targets), e(as<Assign>(st).value); break;
          case StmtKind::AugAssign: e(as<AugAssign>(st).target), e(as<AugAssign>(st).value); break;
          case StmtKind::AnnAssign: {
            const auto& n = as<AnnAssign>(st);
            e(n.target), e(n.annotation), e(n.value);
            break;
          }
          case StmtKind::For: {
            const auto& n = as<For>(st);
            e(n.target), e(n.iter), ss(n.body), ss(n.orelse);
            break;
          }
          case StmtKind::While: e(as<While>(st).test), ss(as<While>(st).body), ss(as<While>(st).orelse); break;
          case StmtKind::If: e(as<If>(st).test), ss(as<If>(st).body), ss(as<If>(st).orelse); break;
          case StmtKind::With:
            for (const WithItem& w : as<With>(st).items) e(w.context_expr), e(w.optional_vars);
            ss(as<With>(st).body);
            break;
          case StmtKind::Raise: e(as<Raise>(st).exc), e(as<Raise>(st).cause); break;
          case StmtKind::Try: {
            const auto& n = as<Try>(st);
            ss(n.body), ss(n.orelse), ss(n.finalbody);
            for (const ExceptHandler& h : n.handlers) e(h.type), ss(h.body);
            break;
          }
          case StmtKind::Assert: e(as<Assert>(st).test), e(as<Assert>(st).msg); break;
          case StmtKind::Expr: e(as<ExprStmt>(st).value); break;
          default: break;
        }
        continue;
      }
      const Expr& x = *static_cast<const Expr*>(item.node);
      switch (x.kind) {
        case ExprKind::BoolOp: es(as<BoolOp>(x).values); break;
        case ExprKind::NamedExpr: e(as<NamedExpr>(x).target), e(as<NamedExpr>(x).value); break;
        case ExprKind::BinOp: e(as<BinOp>(x).left), e(as<BinOp>(x).right); break;
        case ExprKind::UnaryOp: e(as<UnaryOp>(x).operand); break;
        case ExprKind::Lambda: args(as<Lambda>(x).args), e(as<Lambda>(x).body); break;
        case ExprKind::IfExp: e(as<IfExp>(x).test), e(as<IfExp>(x).body), e(as<IfExp>(x).orelse); break;
        case ExprKind::Dict: es(as<Dict>(x).keys), es(as<Dict>(x).values); break;
        case ExprKind::Set: es(as<Set>(x).elts); break;
        case ExprKind::ListComp: e(as<ListComp>(x).elt), comps(as<ListComp>(x).generators); break;
        case ExprKind::SetComp: e(as<SetComp>(x).elt), comps(as<SetComp>(x).generators); break;
        case ExprKind::DictComp:
          e(as<DictComp>(x).key), e(as<DictComp>(x).value), comps(as<DictComp>(x).generators);
          break;
        case ExprKind::GeneratorExp: e(as<GeneratorExp>(x).elt), comps(as<GeneratorExp>(x).generators); break;
        case ExprKind::Yield: e(as<Yield>(x).value); break;
        case ExprKind::YieldFrom: e(as<YieldFrom>(x).value); break;
        case ExprKind::Compare: e(as<Compare>(x).left), es(as<Compare>(x).comparators); break;
        case ExprKind::Call: e(as<Call>(x).func), es(as<Call>(x).args), kws(as<Call>(x).keywords); break;
        case ExprKind::FormattedValue: e(as<FormattedValue>(x).value), e(as<FormattedValue>(x).format_spec); break;
        case ExprKind::JoinedStr: es(as<JoinedStr>(x).values); break;
        case ExprKind::Attribute: e(as<Attribute>(x).value); break;
        case ExprKind::Subscript: e(as<Subscript>(x).value), e(as<Subscript>(x).slice); break;
        case ExprKind::Starred: e(as<Starred>(x).value); break;
        case ExprKind::List: es(as<List>(x).elts); break;
        case ExprKind::Tuple: es(as<Tuple>(x).elts); break;
        case ExprKind::Slice: e(as<Slice>(x).lower), e(as<Slice>(x).upper), e(as<Slice>(x).step); break;
        case ExprKind::Constant: case ExprKind::Name: break;
      }
    }
  }

  struct NestingGuard {
    explicit NestingGuard(Parser& p) : p_(p) {
      // The count gives the same limit everywhere; the stack check covers builds whose frames
      // are larger than the count was sized for (sanitizers, debug) and threads with small stacks.
      if (++p_.nesting_ > kMaxParserNesting || native_stack_low())
        throw CompileError("RecursionError", "maximum recursion depth exceeded during compilation", p.peek().lineno, 0);
    }
    ~NestingGuard() { --p_.nesting_; }
    Parser& p_;
  };

  static Position start_of(const Token& t) { return {t.lineno, t.col_offset, t.end_lineno, t.end_col_offset}; }
  // The last token consumed, NEWLINE/INDENT/DEDENT/ENDMARKER skipped: where a node ends
  // (CPython's _PyPegen_get_last_nonnwhitespace_token).
  const Token& last_significant() const {
    size_t m = pos_;
    while (m > 0) {
      const Token& t = tokens_[--m];
      if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent &&
          t.kind != TokenKind::EndMarker)
        return t;
    }
    return tokens_[0];
  }
  void finish(Node& n, const Token& start) {
    n.pos.lineno = start.lineno;
    n.pos.col_offset = start.col_offset;
    const Token& last = last_significant();
    n.pos.end_lineno = last.end_lineno;
    n.pos.end_col_offset = last.end_col_offset;
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
        if (peek(1).kind == TokenKind::KwDef || peek(1).kind == TokenKind::KwFor || peek(1).kind == TokenKind::KwWith)
          unsupported(t, "'async'");
        invalid_syntax();
      case TokenKind::Indent:
        error_at(t, "unexpected indent", "IndentationError");
      case TokenKind::Dedent:
        invalid_syntax();
      default:
        break;
    }
    if (at_name("match")) {
      if (looks_like_match()) unsupported(t, "the 'match' statement");
      check_match_without_colon();
    }
    parse_simple_statements(out);
  }

  // invalid_match_stmt: `match <subject>` ending the line is a match statement missing its
  // ':' (only when the words cannot be an expression statement, as `match(x)` can).
  void check_match_without_colon() {
    switch (peek(1).kind) {
      case TokenKind::Name: case TokenKind::Number: case TokenKind::String: case TokenKind::LBrace:
      case TokenKind::Tilde: case TokenKind::KwNot: case TokenKind::KwLambda: case TokenKind::KwNone:
      case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::Ellipsis:
        break;
      default: return;
    }
    size_t newline = 0;
    if (speculate([&] {
          advance();
          parse_star_expressions();
          newline = pos_;
          return at(TokenKind::Newline);
        }))
      error_at(tokens_[newline], "expected ':'");
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
        // del_targets are primaries (`x`, `a.b`, `a[i]`, parenthesized or bracketed groups of
        // them); anything else is reported by invalid_del_stmt over the whole expression.
        advance();
        auto s = node<Delete>(t);
        const size_t targets_start = pos_;
        do {
          if (at(TokenKind::Newline) || at(TokenKind::Semi) || at(TokenKind::EndMarker)) break;
          ExprPtr target = at(TokenKind::Star) ? parse_star_expression() : parse_primary();
          if (!is_valid_target(*target, ExprContext::Del) ||
              !(at(TokenKind::Comma) || at(TokenKind::Newline) || at(TokenKind::Semi) || at(TokenKind::EndMarker)))
            delete_error(targets_start);
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
      const Token& start = peek();
      a.name = parse_dotted_name();
      if (accept(TokenKind::KwAs)) a.asname = std::string(expect(TokenKind::Name).text);
      finish(a, start);
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
      if (paren && at(TokenKind::RPar) && !s->names.empty()) break;
      if (!paren && at(TokenKind::Newline) && !s->names.empty())
        error_at(peek(), "trailing comma not allowed without surrounding parentheses");
      Alias a;
      const Token& start = peek();
      a.name = std::string(expect(TokenKind::Name).text);
      if (accept(TokenKind::KwAs)) a.asname = std::string(expect(TokenKind::Name).text);
      finish(a, start);
      s->names.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    if (paren) expect(TokenKind::RPar);
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

  // The token index where a node that starts at or after token `from` begins.
  size_t token_index_of(const Node& n, size_t from) const {
    for (size_t i = from; i < tokens_.size(); ++i)
      if (tokens_[i].lineno == n.pos.lineno && tokens_[i].col_offset == n.pos.col_offset) return i;
    return from;
  }

  // CPython's invalid_named_expression for `a = ...` where a named expression was expected
  // (a starting at token a_start, the '=' at eq_index): raises its hint when it applies.
  void check_named_expression_eq(const Expr& a, size_t a_start, size_t eq_index) {
    auto value_fits = [&] {
      return speculate([&] {
        pos_ = eq_index + 1;
        parse_bitwise_or();
        return !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
      });
    };
    if (a.kind == ExprKind::Name && eq_index == a_start + 1) {
      if (value_fits()) error_node(a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return;
    }
    if (starts_with_list_tuple_or_genexp(a_start)) return;
    bool a_is_bitwise_or = speculate([&] {
      pos_ = a_start;
      parse_bitwise_or();
      return pos_ == eq_index;
    });
    if (a_is_bitwise_or && value_fits())
      error_node(a, std::string("cannot assign to ") + expression_name(a) + " here. Maybe you meant '==' instead of '='?");
  }

  // The lookahead !(list|tuple|genexp|'True'|'None'|'False') of invalid_named_expression.
  bool starts_with_list_tuple_or_genexp(size_t index) {
    TokenKind k = tokens_[index].kind;
    if (k == TokenKind::KwTrue || k == TokenKind::KwNone || k == TokenKind::KwFalse) return true;
    if (k != TokenKind::LSqb && k != TokenKind::LPar) return false;
    return speculate([&] {
      pos_ = index;
      ExprPtr atom = parse_atom();
      return atom->kind == ExprKind::List || atom->kind == ExprKind::Tuple || atom->kind == ExprKind::GeneratorExp;
    });
  }

  StmtPtr parse_expression_statement() {
    const Token& start = peek();
    const size_t first_start = pos_;
    ExprPtr first = parse_star_expressions_or_yield();
    OperatorKind op;
    if (at(TokenKind::Colon)) {
      // Annotated assignment.
      advance();
      auto s = node<AnnAssign>(start);
      bool parenthesized = start.kind == TokenKind::LPar;
      bool simple = first->kind == ExprKind::Name && !parenthesized;
      if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List)
        error_node(*first, std::string("only single target (not ") + expression_name(*first) + ") can be annotated");
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
        error_node(*first, "illegal target for annotation");
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
      std::vector<size_t> equals;  // token index of each '='
      chain.push_back(std::move(first));
      while (at(TokenKind::Equal)) {
        equals.push_back(pos_);
        advance();
        chain.push_back(parse_star_expressions_or_yield());
      }
      for (size_t i = 0; i + 1 < chain.size(); ++i) {
        if (!is_valid_target(*chain[i], ExprContext::Store)) assignment_error(chain, first_start, equals, i);
      }
      s->value = std::move(chain.back());
      chain.pop_back();
      for (auto& target : chain) {
        set_context(*target, ExprContext::Store, "assign");
        s->targets.push_back(std::move(target));
      }
      finish(*s, start);
      return s;
    }
    if (!at(TokenKind::Newline) && !at(TokenKind::Semi) && !at(TokenKind::EndMarker)) invalid_syntax();
    auto s = node<ExprStmt>(start);
    s->value = std::move(first);
    finish(*s, start);
    return s;
  }

  // CPython's invalid_del_stmt: `del` followed by expressions that are not all deletable.
  [[noreturn]] void delete_error(size_t targets_start) {
    speculate([&] {
      pos_ = targets_start;
      ExprPtr e = parse_star_expressions();
      if (const Expr* bad = invalid_target(*e, ExprContext::Del))
        error_node(*bad, std::string("cannot delete ") + expression_name(*bad));
      return false;
    });
    invalid_syntax();
  }

  // CPython's invalid_assignment for `t0 = t1 = ... = value` where targets[bad] is not a target.
  [[noreturn]] void assignment_error(const ExprList& chain, size_t first_start, const std::vector<size_t>& equals,
                                     size_t bad) {
    // Alternative 2 parses the first target group as star_named_expressions: the element just
    // before the first '=' gets the named-expression hints.
    const Expr& group = *chain[0];
    const Expr* last = &group;
    size_t last_start = first_start;
    if (group.kind == ExprKind::Tuple && !tokens_are_parenthesized(first_start, equals[0])) {
      last = as<Tuple>(group).elts.back().get();
      last_start = token_index_of(*last, first_start);
    }
    if (last->kind != ExprKind::Starred && tokens_[last_start].kind != TokenKind::KwYield)
      check_named_expression_eq(*last, last_start, equals[0]);
    const Expr& target = *chain[bad];
    const size_t target_start = bad == 0 ? first_start : equals[bad - 1] + 1;
    if (tokens_[target_start].kind == TokenKind::KwYield) error_node(target, "assignment to yield expression not possible");
    const Expr* invalid = invalid_target(target, ExprContext::Store);
    error_node(invalid ? *invalid : target, std::string("cannot assign to ") + expression_name(invalid ? *invalid : target));
  }

  // Whether tokens [from, to) are one parenthesized group: `(` at `from` matched by `)` at to-1.
  bool tokens_are_parenthesized(size_t from, size_t to) const {
    if (to <= from + 1 || tokens_[from].kind != TokenKind::LPar || tokens_[to - 1].kind != TokenKind::RPar) return false;
    int depth = 0;
    for (size_t i = from; i < to; ++i) {
      TokenKind k = tokens_[i].kind;
      if (k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace) ++depth;
      if (k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace) --depth;
      if (depth == 0 && i + 1 < to) return false;
    }
    return true;
  }

  // An error CPython's compiler reports, after the parser and scope analysis succeeded: kept
  // until the whole file parsed (the first one wins), then raised by parse_file.
  void late_error(const Node& n, const std::string& msg) {
    if (!late_error_ && speculating_ == 0) late_error_.emplace("SyntaxError", msg, n.pos.lineno, n.pos.col_offset + 1);
  }

  static bool is_valid_target(const Expr& e, ExprContext ctx) { return invalid_target(e, ctx) == nullptr; }

  // CPython's _PyPegen_get_invalid_target: the part of `e` that cannot be assigned (or deleted).
  static const Expr* invalid_target(const Expr& e, ExprContext ctx) {
    switch (e.kind) {
      case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript: return nullptr;
      case ExprKind::Starred:
        if (ctx == ExprContext::Del) return &e;
        return invalid_target(*as<Starred>(e).value, ctx);
      case ExprKind::Tuple:
        for (const auto& x : as<Tuple>(e).elts)
          if (const Expr* bad = invalid_target(*x, ctx)) return bad;
        return nullptr;
      case ExprKind::List:
        for (const auto& x : as<List>(e).elts)
          if (const Expr* bad = invalid_target(*x, ctx)) return bad;
        return nullptr;
      default: return &e;
    }
  }

  // Marks `e` (a valid target) as assigned or deleted; raises CPython's error for an invalid one.
  void set_context(Expr& e, ExprContext ctx, const char* verb) {
    if (const Expr* bad = invalid_target(e, ctx)) {
      if (ctx == ExprContext::Del) error_node(*bad, std::string("cannot delete ") + expression_name(*bad));
      error_node(*bad, std::string("cannot ") + verb + " to " + expression_name(*bad));
    }
    switch (e.kind) {
      case ExprKind::Name:
        as<Name>(e).ctx = ctx;
        if (as<Name>(e).id == "__debug__")
          late_error(e, ctx == ExprContext::Del ? "cannot delete __debug__" : "cannot assign to __debug__");
        return;
      case ExprKind::Attribute: as<Attribute>(e).ctx = ctx; return;
      case ExprKind::Subscript: as<Subscript>(e).ctx = ctx; return;
      case ExprKind::Starred:
        as<Starred>(e).ctx = ctx;
        set_context(*as<Starred>(e).value, ctx, verb);
        return;
      case ExprKind::Tuple:
        as<Tuple>(e).ctx = ctx;
        for (auto& x : as<Tuple>(e).elts) set_context(*x, ctx, verb);
        return;
      case ExprKind::List:
        as<List>(e).ctx = ctx;
        for (auto& x : as<List>(e).elts) set_context(*x, ctx, verb);
        return;
      default: return;
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
      if (!at(TokenKind::Indent))
        error_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(line),
                 "IndentationError");
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
    if (at(TokenKind::EndMarker))
      error_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(line),
               "IndentationError");
    parse_simple_statements(body);
    return body;
  }

  // The ':' of if/elif/while/for/with/class/except: CPython's invalid_*_stmt rules say
  // "expected ':'" only when the line ends there; anything else is a generic error.
  void expect_colon() {
    if (at(TokenKind::Colon)) {
      advance();
      return;
    }
    if (at(TokenKind::Newline)) error_at(peek(), "expected ':'");
    invalid_syntax();
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
    expect_forced(TokenKind::LPar, "(");
    s->args = parse_parameters(TokenKind::RPar, /*annotations=*/true);
    expect(TokenKind::RPar);
    if (accept(TokenKind::RArrow)) s->returns = parse_expression();
    expect_forced(TokenKind::Colon, ":");
    s->body = parse_block("function definition", t.lineno);
    finish(*s, t);
    return s;
  }

  Arg parse_param(bool annotations) {
    const Token& n = peek();
    if (n.kind != TokenKind::Name) invalid_syntax();
    advance();
    Arg a;
    a.arg = std::string(n.text);
    if (annotations && accept(TokenKind::Colon)) a.annotation = parse_expression();
    finish(a, n);
    if (a.arg == "__debug__") late_error(a, "cannot assign to __debug__");
    return a;
  }

  // Parameters up to `close` (`)` for def, `:` for lambda), with the messages of CPython's
  // invalid_parameters / invalid_star_etc / invalid_kwds (and their lambda twins).
  Arguments parse_parameters(TokenKind close, bool annotations) {
    Arguments args;
    bool seen_default = false;
    bool seen_star = false;
    bool seen_slash = false;
    std::vector<Arg> positional;
    std::vector<ExprPtr> defaults;
    while (!at(close)) {
      if (at(TokenKind::Slash)) {
        const Token& slash = advance();
        if (seen_star) error_at(slash, "/ must be ahead of *");
        if (seen_slash) error_at(slash, "/ may appear only once");
        if (positional.empty()) error_at(slash, "at least one argument must precede /");
        seen_slash = true;
        args.posonlyargs = std::move(positional);
        positional.clear();
      } else if (at(TokenKind::Star)) {
        const Token& star = advance();
        if (seen_star) error_at(star, "* argument may appear only once");
        seen_star = true;
        if (at(TokenKind::Name)) {
          args.vararg = parse_param(annotations);
          if (at(TokenKind::Equal)) error_at(peek(), "var-positional argument cannot have default value");
        } else if (at(close) || (at(TokenKind::Comma) && (peek(1).kind == close || peek(1).kind == TokenKind::DoubleStar))) {
          // def: at the '*'; lambda (invalid_lambda_star_etc): at the last token the rule read.
          error_at(annotations ? star : at(close) ? peek() : peek(1), "named arguments must follow bare *");
        } else if (!at(TokenKind::Comma)) {
          invalid_syntax();
        }
      } else if (at(TokenKind::DoubleStar)) {
        advance();
        args.kwarg = parse_param(annotations);
        if (at(TokenKind::Equal)) error_at(peek(), "var-keyword argument cannot have default value");
        if (accept(TokenKind::Comma) && !at(close)) {
          if (at(TokenKind::Name) || at(TokenKind::Star) || at(TokenKind::DoubleStar) || at(TokenKind::Slash))
            error_at(peek(), "arguments cannot follow var-keyword argument");
          invalid_syntax();
        }
        break;
      } else if (at(TokenKind::LPar) && peek(1).kind == TokenKind::Name) {
        // `def f((a, b))`: Python 2's tuple parameters.
        const Token& open = peek();
        size_t k = 1;
        while (peek(k).kind == TokenKind::Name && peek(k + 1).kind == TokenKind::Comma && peek(k + 2).kind == TokenKind::Name) k += 2;
        if (peek(k).kind == TokenKind::Name) {
          size_t close_at = peek(k + 1).kind == TokenKind::Comma ? k + 2 : k + 1;
          if (peek(close_at).kind == TokenKind::RPar && !seen_default && !seen_star && !seen_slash)
            error_at(open, annotations ? "Function parameters cannot be parenthesized"
                                       : "Lambda expression parameters cannot be parenthesized");
        }
        invalid_syntax();
      } else {
        Arg a = parse_param(annotations);
        ExprPtr def;
        if (at(TokenKind::Equal)) {
          const Token& eq = advance();
          if (at(TokenKind::Comma) || at(close)) error_at(eq, "expected default value expression");
          def = parse_expression();
        }
        if (seen_star) {
          args.kwonlyargs.push_back(std::move(a));
          args.kw_defaults.push_back(std::move(def));
        } else {
          if (def) {
            seen_default = true;
            defaults.push_back(std::move(def));
          } else if (seen_default) {
            error_node(a, "non-default argument follows default argument");
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
      CallArguments call = parse_call_arguments();
      if (call.bare_genexp) invalid_syntax_at(call.genexp_for);
      s->bases = std::move(call.args);
      s->keywords = std::move(call.keywords);
      expect(TokenKind::RPar);
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
      s->orelse = parse_else_block();
    }
    finish(*s, t);
    return s;
  }

  StmtList parse_else_block() {
    const Token& e = advance();
    expect_forced(TokenKind::Colon, ":");
    return parse_block("'else' statement", e.lineno);
  }

  StmtPtr parse_while() {
    const Token& t = advance();
    auto s = node<While>(t);
    s->test = parse_named_expression();
    expect_colon();
    s->body = parse_block("'while' statement", t.lineno);
    if (at(TokenKind::KwElse)) s->orelse = parse_else_block();
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
    if (at(TokenKind::KwElse)) s->orelse = parse_else_block();
    finish(*s, t);
    return s;
  }

  StmtPtr parse_try() {
    const Token& t = advance();
    auto s = node<Try>(t);
    expect_forced(TokenKind::Colon, ":");
    s->body = parse_block("'try' statement", t.lineno);
    if (!at(TokenKind::KwExcept) && !at(TokenKind::KwFinally)) error_at(peek(), "expected 'except' or 'finally' block");
    bool plain_seen = false;
    while (at(TokenKind::KwExcept)) {
      const Token& e = advance();
      bool star = false;
      if (at(TokenKind::Star)) {
        const Token& star_token = advance();
        if (!options.ast_only) unsupported(e, "'except*'");
        if (plain_seen) error_at(e, "cannot have both 'except' and 'except*' on the same 'try'");
        if (at(TokenKind::Colon) || at(TokenKind::Newline)) error_at(star_token, "expected 'except' or 'finally' block");
        star = true;
        s->is_star = true;
      } else {
        if (s->is_star) error_at(e, "cannot have both 'except' and 'except*' on the same 'try'");
        plain_seen = true;
      }
      ExceptHandler h;
      if (!at(TokenKind::Colon)) {
        h.type = parse_expression();
        // `except A, B:` is Python 2 syntax.
        if (at(TokenKind::Comma)) error_node(*h.type, "multiple exception types must be parenthesized");
        if (accept(TokenKind::KwAs)) h.name = std::string(expect(TokenKind::Name).text);
      }
      expect_colon();
      h.body = parse_block(star ? "'except*' statement" : "'except' statement", e.lineno);
      finish(h, e);
      s->handlers.push_back(std::move(h));
    }
    if (at(TokenKind::KwElse)) {
      if (s->handlers.empty()) invalid_syntax();
      s->orelse = parse_else_block();
    }
    if (at(TokenKind::KwFinally)) {
      const Token& f = advance();
      expect_forced(TokenKind::Colon, ":");
      s->finalbody = parse_block("'finally' statement", f.lineno);
    }
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
    // `with (a as b, c as d):`, the parenthesized item list, when it fits; else expressions.
    const size_t open = pos_;
    const bool parenthesized = at(TokenKind::LPar) && speculate([&] {
      advance();
      do {
        if (at(TokenKind::RPar)) break;
        parse_with_item();
      } while (accept(TokenKind::Comma));
      return accept(TokenKind::RPar) && at(TokenKind::Colon);
    });
    if (parenthesized) {
      pos_ = open + 1;
      do {
        if (at(TokenKind::RPar)) break;
        s->items.push_back(parse_with_item());
      } while (accept(TokenKind::Comma));
      expect(TokenKind::RPar);
    } else {
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

  // named_expression: NAME ':=' expression | expression, with the hints of CPython's
  // invalid_named_expression for a misplaced ':=' or '='.
  ExprPtr parse_named_expression() {
    const size_t start = pos_;
    ExprPtr e = parse_assignment_expression_or_expression();
    if (no_hints_ == 0 && e->kind != ExprKind::NamedExpr && at(TokenKind::Equal)) check_named_expression_eq(*e, start, pos_);
    return e;
  }

  // assignment_expression | expression !':=' (call arguments, genexp elements).
  ExprPtr parse_assignment_expression_or_expression() {
    if (at(TokenKind::Name) && peek(1).kind == TokenKind::ColonEqual) {
      const Token& name = advance();
      advance();
      auto n = node<NamedExpr>(name);
      auto target = node<Name>(name);
      target->id = std::string(name.text);
      target->ctx = ExprContext::Store;
      n->target = std::move(target);
      n->value = parse_expression();
      finish(*n, name);
      return n;
    }
    ExprPtr e = parse_expression();
    if (at(TokenKind::ColonEqual) && no_hints_ == 0) {
      const size_t op = pos_;
      if (speculate([&] {
            pos_ = op + 1;
            parse_expression();
            return true;
          }))
        error_node(*e, std::string("cannot use assignment expressions with ") + expression_name(*e));
    }
    return e;
  }

  static bool starts_expression(TokenKind k) {
    switch (k) {
      case TokenKind::Name: case TokenKind::Number: case TokenKind::String: case TokenKind::LPar:
      case TokenKind::LSqb: case TokenKind::LBrace: case TokenKind::Minus: case TokenKind::Plus:
      case TokenKind::Tilde: case TokenKind::KwNot: case TokenKind::KwLambda: case TokenKind::KwAwait:
      case TokenKind::KwNone: case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::Ellipsis:
        return true;
      default: return false;
    }
  }

  ExprPtr parse_expression() {
    NestingGuard guard(*this);
    const Token& start = peek();
    const size_t start_index = pos_;
    if (at(TokenKind::KwLambda)) return parse_lambda();
    ExprPtr body = parse_disjunction();
    if (at(TokenKind::KwIf)) {
      advance();
      auto e = node<IfExp>(start);
      e->body = std::move(body);
      e->test = parse_disjunction();
      if (!at(TokenKind::KwElse)) {
        if (!at(TokenKind::Colon) && no_hints_ == 0) error_node(*e->body, "expected 'else' after 'if' expression");
        invalid_syntax();
      }
      advance();
      e->orelse = parse_expression();
      finish(*e, start);
      return e;
    }
    if (no_hints_ == 0 && starts_expression(peek().kind)) check_juxtaposed(*body, start_index);
    return body;
  }

  // CPython's invalid_expression and invalid_legacy_expression: expression `a` (from token
  // a_start) directly followed by another expression.
  void check_juxtaposed(const Expr& a, size_t a_start) {
    const Token& first = tokens_[a_start];
    const bool name_string = first.kind == TokenKind::Name && tokens_[a_start + 1].kind == TokenKind::String;
    const bool soft_keyword = first.kind == TokenKind::Name && (first.text == "match" || first.text == "case" || first.text == "_");
    const bool legacy = a.kind == ExprKind::Name && (as<Name>(a).id == "print" || as<Name>(a).id == "exec");
    if (!name_string && !soft_keyword && !legacy) {
      size_t b_end = 0;
      ++no_hints_;
      bool ok = false;
      try {
        ok = speculate([&] {
          parse_expression();
          b_end = pos_;
          return true;
        });
      } catch (...) {
        --no_hints_;
        throw;
      }
      --no_hints_;
      if (ok && levels_[b_end - 1] > 0) error_node(a, "invalid syntax. Perhaps you forgot a comma?");
    }
    if (legacy && !at(TokenKind::LPar) && speculate([&] {
          parse_star_expressions();
          return true;
        })) {
      const std::string& id = as<Name>(a).id;
      error_node(a, "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
    }
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
      case TokenKind::OldNotEqual: invalid_syntax_at(peek());
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
    if (at(TokenKind::KwAwait)) {
      if (starts_expression(peek(1).kind)) unsupported(start, "'await'");
      invalid_syntax();
    }
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
        const Token& open = advance();
        auto c = node<Call>(start);
        c->func = std::move(e);
        CallArguments args = parse_call_arguments();
        c->args = std::move(args.args);
        c->keywords = std::move(args.keywords);
        expect(TokenKind::RPar);
        // `f(x for x in y)`: the generator expression's parentheses are the call's.
        if (args.bare_genexp) finish(*args.bare_genexp, open);
        finish(*c, start);
        e = std::move(c);
      } else if (at(TokenKind::LSqb)) {
        advance();
        auto s = node<Subscript>(start);
        s->value = std::move(e);
        s->slice = parse_slices();
        expect(TokenKind::RSqb);
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
    // A starred item makes a tuple even alone: `x[*a]` is `x[(*a,)]`.
    if (!at(TokenKind::Comma) && first->kind != ExprKind::Starred) return first;
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
    expect(TokenKind::Colon);
    if (!at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb)) s->upper = parse_expression();
    if (accept(TokenKind::Colon)) {
      if (!at(TokenKind::Comma) && !at(TokenKind::RSqb)) s->step = parse_expression();
    }
    finish(*s, start);
    return s;
  }

  struct CallArguments {
    ExprList args;
    std::vector<Keyword> keywords;
    GeneratorExp* bare_genexp = nullptr;  // `f(x for x in y)`: the sole argument, in the call's parentheses
    Token genexp_for;                     // its `for`
  };

  // Arguments of a call (after `(`, up to but not including `)`), with the messages of
  // CPython's invalid_arguments and invalid_kwarg.
  CallArguments parse_call_arguments() {
    CallArguments result;
    ExprList& args = result.args;
    std::vector<Keyword>& keywords = result.keywords;
    bool seen_keyword = false;
    bool seen_double_star = false;
    bool positional_after_keyword = false;  // reported after the last argument, where CPython's parser stops
    while (!at(TokenKind::RPar)) {
      const Token& start = peek();
      if (at(TokenKind::Star)) {
        if (seen_double_star) error_at(start, "iterable argument unpacking follows keyword argument unpacking");
        advance();
        auto s = node<Starred>(start);
        s->value = parse_expression();
        finish(*s, start);
        args.push_back(std::move(s));
      } else if (at(TokenKind::DoubleStar)) {
        advance();
        seen_double_star = true;
        Keyword k;
        k.value = parse_expression();
        finish(k, start);
        keywords.push_back(std::move(k));
      } else if ((at(TokenKind::KwTrue) || at(TokenKind::KwFalse) || at(TokenKind::KwNone)) &&
                 peek(1).kind == TokenKind::Equal) {
        error_at(start, "cannot assign to " + std::string(start.text));
      } else if (at(TokenKind::Name) && peek(1).kind == TokenKind::Equal) {
        const Token& name = advance();
        advance();
        seen_keyword = true;
        Keyword k;
        k.arg = std::string(name.text);
        k.value = parse_expression();
        if (at(TokenKind::KwFor) && no_hints_ == 0)
          error_at(name, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        finish(k, name);
        if (*k.arg == "__debug__") late_error(k, "cannot assign to __debug__");
        for (const Keyword& other : keywords)
          if (other.arg && *other.arg == *k.arg) late_error(k, "keyword argument repeated: " + *k.arg);
        keywords.push_back(std::move(k));
      } else {
        ExprPtr value = parse_assignment_expression_or_expression();
        if (at(TokenKind::KwFor)) {
          // f(x for x in y): a generator expression as the sole argument.
          result.genexp_for = peek();
          auto g = node<GeneratorExp>(start);
          g->elt = std::move(value);
          g->generators = parse_comprehension_clauses();
          finish(*g, start);
          if (!args.empty() || !keywords.empty() || at(TokenKind::Comma))
            error_node(*g, "Generator expression must be parenthesized");
          result.bare_genexp = g.get();
          value = std::move(g);
        } else if (at(TokenKind::Equal) && no_hints_ == 0) {
          error_node(*value, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (seen_keyword || seen_double_star) positional_after_keyword = true;
        args.push_back(std::move(value));
      }
      if (!accept(TokenKind::Comma)) break;
    }
    if (positional_after_keyword) {
      bool unpacking = false;
      for (const Keyword& k : keywords) unpacking |= !k.arg;
      error_at(peek(), unpacking ? "positional argument follows keyword argument unpacking"
                                 : "positional argument follows keyword argument");
    }
    return result;
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
      case TokenKind::KwYield: invalid_syntax_at(t);
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

  ExprPtr parse_star_named_expression() {
    return at(TokenKind::Star) ? parse_star_expression() : parse_named_expression();
  }

  // invalid_comprehension: `[*a for ...]`, and `[a, b for ...]` in a list or set display.
  void check_comprehension_start(const ExprList& elements, bool display) {
    if (!at(TokenKind::KwFor) && !at(TokenKind::KwAsync)) return;
    const Expr& first = *elements.front();
    if (elements.size() == 1 && first.kind == ExprKind::Starred)
      error_node(first, "iterable unpacking cannot be used in comprehension");
    if (display && (elements.size() > 1 || tokens_[pos_ - 1].kind == TokenKind::Comma))
      error_node(first, "did you forget parentheses around the comprehension target?");
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
      expect(TokenKind::RPar);
      return y;
    }
    if (at(TokenKind::DoubleStar) && no_hints_ == 0) {
      const Token& stars = peek();
      if (speculate([&] {
            advance();
            parse_expression();
            return at(TokenKind::RPar);
          }))
        error_at(stars, "cannot use double starred expression here");
    }
    ExprList elements;
    elements.push_back(parse_star_named_expression());
    if (at(TokenKind::KwFor)) {
      check_comprehension_start(elements, /*display=*/false);
      auto g = node<GeneratorExp>(t);
      g->elt = std::move(elements.front());
      g->generators = parse_comprehension_clauses();
      expect(TokenKind::RPar);
      finish(*g, t);
      return g;
    }
    if (at(TokenKind::Comma)) {
      auto tuple = node<Tuple>(t);
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar)) break;
        elements.push_back(parse_star_named_expression());
      }
      expect(TokenKind::RPar);
      tuple->elts = std::move(elements);
      finish(*tuple, t);
      return tuple;
    }
    expect(TokenKind::RPar);
    ExprPtr first = std::move(elements.front());
    if (first->kind == ExprKind::Starred) error_node(*first, "cannot use starred expression here");
    return first;
  }

  ExprPtr parse_list() {
    const Token& t = advance();  // [
    if (accept(TokenKind::RSqb)) {
      auto l = node<List>(t);
      finish(*l, t);
      return l;
    }
    ExprList elements;
    elements.push_back(parse_star_named_expression());
    if (at(TokenKind::KwFor)) {
      check_comprehension_start(elements, /*display=*/true);
      auto c = node<ListComp>(t);
      c->elt = std::move(elements.front());
      c->generators = parse_comprehension_clauses();
      expect(TokenKind::RSqb);
      finish(*c, t);
      return c;
    }
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RSqb)) break;
      if (no_hints_ == 0) check_comprehension_start(elements, /*display=*/true);
      elements.push_back(parse_star_named_expression());
      if (no_hints_ == 0) check_comprehension_start(elements, /*display=*/true);
    }
    expect(TokenKind::RSqb);
    auto l = node<List>(t);
    l->elts = std::move(elements);
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
    if (at(TokenKind::DoubleStar)) {
      // `{**a for ...}` is CPython's invalid_dict_comprehension. The unpacked value is parsed
      // once and then looked past: parsing it speculatively first and again for real would
      // double the work at every level of `{**{**{**...}}}` (2^depth, found by fuzz_parse).
      const Token& stars = advance();
      ExprPtr unpacked = parse_bitwise_or();
      if (no_hints_ == 0 && at(TokenKind::KwFor)) error_at(stars, "dict unpacking cannot be used in dict comprehension");
      return parse_dict_rest(t, nullptr, std::move(unpacked));  // a null key marks `**value`
    }
    ExprList elements;
    elements.push_back(parse_star_named_expression());
    if (at(TokenKind::Colon) && elements.front()->kind != ExprKind::Starred) {
      ExprPtr value = parse_dict_value();
      if (at(TokenKind::KwFor)) {
        auto c = node<DictComp>(t);
        c->key = std::move(elements.front());
        c->value = std::move(value);
        c->generators = parse_comprehension_clauses();
        expect(TokenKind::RBrace);
        finish(*c, t);
        return c;
      }
      return parse_dict_rest(t, std::move(elements.front()), std::move(value));
    }
    if (at(TokenKind::KwFor)) {
      check_comprehension_start(elements, /*display=*/true);
      auto c = node<SetComp>(t);
      c->elt = std::move(elements.front());
      c->generators = parse_comprehension_clauses();
      expect(TokenKind::RBrace);
      finish(*c, t);
      return c;
    }
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RBrace)) break;
      if (no_hints_ == 0) check_comprehension_start(elements, /*display=*/true);
      elements.push_back(parse_star_named_expression());
      if (no_hints_ == 0) check_comprehension_start(elements, /*display=*/true);
    }
    expect(TokenKind::RBrace);
    auto s = node<Set>(t);
    s->elts = std::move(elements);
    finish(*s, t);
    return s;
  }

  // After a dictionary key, at its ':': the value, with CPython's invalid_kvpair messages.
  ExprPtr parse_dict_value() {
    const Token& colon = advance();
    if (no_hints_ == 0) {
      if (at(TokenKind::Star)) error_at(peek(), "cannot use a starred expression in a dictionary value");
      if (at(TokenKind::RBrace) || at(TokenKind::Comma)) error_at(colon, "expression expected after dictionary key and ':'");
    }
    return parse_expression();
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
      ExprPtr key = parse_expression();
      if (!at(TokenKind::Colon)) {
        // invalid_kvpair: the caret goes on the key's last character.
        if (no_hints_ == 0)
          throw CompileError("SyntaxError", "':' expected after dictionary key", key->pos.end_lineno, key->pos.end_col_offset);
        invalid_syntax();
      }
      d->keys.push_back(std::move(key));
      d->values.push_back(parse_dict_value());
    }
    expect(TokenKind::RBrace);
    finish(*d, t);
    return d;
  }

  // ------------------------------------------------------------------ strings
  //
  // A port of CPython 3.11's Parser/string_parser.c. Positions follow it exactly: every
  // Constant and FormattedValue of an f-string spans the whole run of adjacent literals,
  // a format spec's JoinedStr spans the literal it sits in, and the expressions get real
  // positions from a sub-parser whose first line is shifted to where the `{` is.
  // String errors are reported at the token after the literals (the one CPython had
  // fetched when it found them).

  struct StringPiece {
    std::string prefix;  // lower-cased letters
    std::string_view body;
    const Token* token;
    bool raw() const { return prefix.find('r') != std::string::npos; }
    bool fmode() const { return prefix.find('f') != std::string::npos; }
    bool bytes() const { return prefix.find('b') != std::string::npos; }
  };

  static StringPiece split_literal(const Token& t) {
    StringPiece p;
    p.token = &t;
    size_t i = 0;
    std::string_view s = t.text;
    while (i < s.size() && s[i] != '\'' && s[i] != '"') p.prefix += static_cast<char>(s[i++] | 0x20);
    size_t quote = (s.size() - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    p.body = s.substr(i + quote, s.size() - i - 2 * quote);
    return p;
  }

  // Where CPython reports a string error: the token it fetched after the literals.
  struct StringContext {
    Position whole;      // first literal's start to last literal's end
    int error_line;
    int error_col;       // 1-based
    bool u_kind;         // the first literal starts with a lower-case 'u': Constant(kind='u')
  };

  [[noreturn]] static void string_error(const StringContext& ctx, const std::string& msg) {
    throw CompileError("SyntaxError", msg, ctx.error_line, ctx.error_col);
  }

  // CPython's decode_unicode_with_escapes. Error positions count bytes of the buffer CPython
  // decodes, where each non-ASCII code point has become a 10-byte \UXXXXXXXX escape.
  static std::string decode_escapes(std::string_view body, const StringContext& ctx) {
    std::string out;
    out.reserve(body.size());
    size_t tpos = 0;  // position in CPython's transformed buffer
    auto fail = [&](size_t start, size_t end, const char* what) {
      string_error(ctx, "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(start) +
                            "-" + std::to_string(end - 1) + ": " + what);
    };
    size_t i = 0;
    while (i < body.size()) {
      unsigned char c = static_cast<unsigned char>(body[i]);
      if (c >= 0x80) {
        size_t at = i;
        char32_t cp = utf8_decode_at(body, &at);
        (void)cp;
        out.append(body.substr(i, at - i));
        i = at;
        tpos += 10;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++i;
        ++tpos;
        continue;
      }
      size_t start = tpos;
      ++i;
      ++tpos;
      if (i >= body.size() || static_cast<unsigned char>(body[i]) >= 0x80) {
        out += '\\';  // a lone backslash stays (CPython escapes it as \u005c)
        tpos += 5;
        continue;
      }
      char e = body[i++];
      ++tpos;
      switch (e) {
        case '\n': break;
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
          for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i, ++tpos)
            value = value * 8 + (body[i] - '0');
          utf8_append(out, static_cast<char32_t>(value));
          break;
        }
        case 'x': case 'u': case 'U': {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                        : "truncated \\UXXXXXXXX escape";
          char32_t value = 0;
          for (int k = 0; k < digits; ++k, ++i, ++tpos) {
            if (i >= body.size() || !std::isxdigit(static_cast<unsigned char>(body[i]))) fail(start, tpos, what);
            char h = body[i];
            value = value * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          }
          if (value > 0x10FFFF) fail(start, tpos, "illegal Unicode character");
          utf8_append(out, value);
          break;
        }
        case 'N': {
          if (i >= body.size() || body[i] != '{') fail(start, tpos, "malformed \\N character escape");
          size_t name_start = ++i;
          ++tpos;
          while (i < body.size() && body[i] != '}') ++i, ++tpos;
          if (i >= body.size()) fail(start, tpos, "malformed \\N character escape");
          if (i == name_start) fail(start, tpos, "malformed \\N character escape");
          ++i;
          ++tpos;
          std::optional<char32_t> cp = unicode_char_by_name(body.substr(name_start, i - 1 - name_start));
          if (!cp) fail(start, tpos, "unknown Unicode character name");
          utf8_append(out, *cp);
          break;
        }
        default:  // an invalid escape keeps its backslash (CPython warns)
          out += '\\';
          out += e;
      }
    }
    return out;
  }

  // CPython's decode_bytes_with_escapes (bytes literals are ASCII, checked by the caller).
  static std::string decode_bytes_escapes(std::string_view body, const StringContext& ctx) {
    std::string out;
    size_t i = 0;
    while (i < body.size()) {
      char c = body[i++];
      if (c != '\\' || i >= body.size()) {
        out += c;
        continue;
      }
      size_t start = i - 1;
      char e = body[i++];
      switch (e) {
        case '\n': break;
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
          for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k, ++i)
            value = value * 8 + (body[i] - '0');
          out += static_cast<char>(value & 0xFF);
          break;
        }
        case 'x': {
          if (i + 1 < body.size() + 0 && std::isxdigit(static_cast<unsigned char>(body[i])) &&
              std::isxdigit(static_cast<unsigned char>(body[i + 1]))) {
            auto hex = [](char h) { return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10; };
            out += static_cast<char>(hex(body[i]) * 16 + hex(body[i + 1]));
            i += 2;
            break;
          }
          string_error(ctx, "(value error) invalid \\x escape at position " + std::to_string(start));
        }
        default:
          out += '\\';
          out += e;
      }
    }
    return out;
  }

  // The pieces of an f-string (or of several adjacent literals) being joined: CPython's FstringParser.
  struct FStringState {
    std::string last_str;  // literal text not yet turned into a Constant (empty literals are dropped)
    ExprList values;
    bool fmode = false;    // an f-string took part: the result is a JoinedStr
  };

  std::unique_ptr<Constant> make_str(std::string text, const Position& pos, bool u_kind) {
    auto c = std::make_unique<Constant>();
    c->pos = pos;
    c->value.kind = ConstantValue::Kind::Str;
    c->value.str_value = std::move(text);
    c->u_prefix = u_kind;
    return c;
  }

  void flush_str(FStringState& state, const StringContext& ctx) {
    if (state.last_str.empty()) return;
    state.values.push_back(make_str(std::move(state.last_str), ctx.whole, ctx.u_kind));
    state.last_str.clear();
  }

  // CPython's FstringParser_Finish with the span `pos` and the kind of the literal it starts with.
  ExprPtr finish_fstring(FStringState& state, const Position& pos, bool u_kind) {
    if (!state.fmode) return make_str(std::move(state.last_str), pos, u_kind);
    if (!state.last_str.empty()) state.values.push_back(make_str(std::move(state.last_str), pos, u_kind));
    auto j = std::make_unique<JoinedStr>();
    j->pos = pos;
    j->values = std::move(state.values);
    return j;
  }

  ExprPtr parse_strings() {
    const size_t first_index = pos_;
    while (at(TokenKind::String)) advance();
    const Token& first = tokens_[first_index];
    const Token& last = tokens_[pos_ - 1];
    const Token& after = peek();  // throws first if the tokenizer failed right after the literals
    StringContext ctx{{first.lineno, first.col_offset, last.end_lineno, last.end_col_offset},
                      after.lineno, after.col_offset + 1, first.text[0] == 'u'};
    bool bytesmode = false;
    std::string bytes;
    FStringState state;
    for (size_t i = first_index; i < pos_; ++i) {
      StringPiece p = split_literal(tokens_[i]);
      if (i != first_index && p.bytes() != bytesmode) string_error(ctx, "cannot mix bytes and nonbytes literals");
      bytesmode = p.bytes();
      if (bytesmode) {
        for (char ch : p.body)
          if (static_cast<unsigned char>(ch) >= 0x80) string_error(ctx, "bytes can only contain ASCII literal characters");
        bytes += p.raw() ? std::string(p.body) : decode_bytes_escapes(p.body, ctx);
      } else if (p.fmode()) {
        state.fmode = true;
        size_t index = 0;
        concat_fstring(state, p, index, 0, ctx);
      } else {
        state.last_str += p.raw() ? std::string(p.body) : decode_escapes(p.body, ctx);
      }
    }
    if (bytesmode) {
      auto c = node<Constant>(first);
      c->pos = ctx.whole;
      c->value.kind = ConstantValue::Kind::Bytes;
      c->value.str_value = std::move(bytes);
      return c;
    }
    return finish_fstring(state, ctx.whole, ctx.u_kind);
  }

  // CPython's FstringParser_ConcatFstring: the literal text and fields of `p.body` from `index`
  // up to its end (recurse_lvl 0) or to the `}` closing a format spec (recurse_lvl 1).
  void concat_fstring(FStringState& state, const StringPiece& p, size_t& index, int recurse_lvl, const StringContext& ctx) {
    std::string_view body = p.body;
    for (;;) {
      // fstring_find_literal: text up to an undoubled brace.
      size_t start = index;
      bool doubled = false;
      while (index < body.size()) {
        char ch = body[index++];
        if (!p.raw() && ch == '\\' && index < body.size()) {
          ch = body[index++];
          if (ch == 'N') {
            if (index < body.size() && body[index++] == '{') {
              while (index < body.size() && body[index++] != '}') {
              }
            }
            continue;
          }
        }
        if (ch == '{' || ch == '}') {
          if (recurse_lvl == 0) {
            if (index < body.size() && body[index] == ch) {
              doubled = true;
              break;
            }
            if (ch == '}') string_error(ctx, "f-string: single '}' is not allowed");
          }
          --index;
          break;
        }
      }
      size_t literal_end = doubled ? index : index;
      if (literal_end > start) {
        std::string_view literal = body.substr(start, literal_end - start);
        state.last_str += p.raw() ? std::string(literal) : decode_escapes(literal, ctx);
      }
      if (doubled) {
        ++index;  // skip the second brace; the first one ended the literal above
        continue;
      }
      if (index >= body.size() || body[index] == '}') break;
      // body[index] == '{': a replacement field.
      std::string expr_text;
      ExprPtr field = parse_fstring_field(p, index, recurse_lvl, ctx, expr_text);
      state.last_str += expr_text;
      flush_str(state, ctx);
      state.values.push_back(std::move(field));
    }
    if (recurse_lvl != 0 && (index >= body.size() || body[index] != '}')) string_error(ctx, "f-string: expecting '}'");
  }

  // CPython's fstring_find_expr: the field whose `{` is at body[index]; leaves index after its `}`.
  // `expr_text` receives the `expr=` text of a self-documenting field.
  ExprPtr parse_fstring_field(const StringPiece& p, size_t& index, int recurse_lvl, const StringContext& ctx,
                              std::string& expr_text) {
    std::string_view body = p.body;
    if (recurse_lvl >= 2) string_error(ctx, "f-string: expressions nested too deeply");
    const size_t brace = index++;
    const size_t expr_start = index;
    char quote_char = 0;
    int string_type = 0;
    std::vector<char> parens;
    for (; index < body.size(); ++index) {
      char ch = body[index];
      if (ch == '\\') string_error(ctx, "f-string expression part cannot include a backslash");
      if (quote_char) {
        if (ch == quote_char) {
          if (string_type == 3) {
            if (index + 2 < body.size() && body[index + 1] == ch && body[index + 2] == ch) {
              index += 2;
              string_type = 0;
              quote_char = 0;
            }
          } else {
            string_type = 0;
            quote_char = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (index + 2 < body.size() && body[index + 1] == ch && body[index + 2] == ch) {
          string_type = 3;
          index += 2;
        } else {
          string_type = 1;
        }
        quote_char = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (parens.size() >= 200) string_error(ctx, "f-string: too many nested parenthesis");
        parens.push_back(ch);
      } else if (ch == '#') {
        string_error(ctx, "f-string expression part cannot include '#'");
      } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (index + 1 < body.size()) {
          char next = body[index + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
              (ch == '>' && next == '=')) {
            ++index;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (parens.empty()) string_error(ctx, std::string("f-string: unmatched '") + ch + "'");
        char opening = parens.back();
        parens.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
          string_error(ctx, std::string("f-string: closing parenthesis '") + ch +
                                "' does not match opening parenthesis '" + opening + "'");
      }
    }
    const size_t expr_end = index;
    if (quote_char) string_error(ctx, "f-string: unterminated string");
    if (!parens.empty()) string_error(ctx, std::string("f-string: unmatched '") + parens.back() + "'");
    if (index >= body.size()) string_error(ctx, "f-string: expecting '}'");

    ExprPtr value = compile_fstring_expression(p, brace, body.substr(expr_start, expr_end - expr_start), ctx);

    if (body[index] == '=') {
      ++index;
      while (index < body.size() && (body[index] == ' ' || body[index] == '\t' || body[index] == '\n' ||
                                     body[index] == '\r' || body[index] == '\f' || body[index] == '\v'))
        ++index;
      if (index >= body.size()) string_error(ctx, "f-string: expecting '}'");
      expr_text = std::string(body.substr(expr_start, index - expr_start));
    }
    int conversion = -1;
    if (body[index] == '!') {
      ++index;
      if (index >= body.size()) string_error(ctx, "f-string: expecting '}'");
      conversion = static_cast<unsigned char>(body[index++]);
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        string_error(ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    ExprPtr spec;
    if (index < body.size() && body[index] == ':') {
      ++index;
      if (index >= body.size()) string_error(ctx, "f-string: expecting '}'");
      // fstring_parse: a JoinedStr spanning this literal only.
      const Token& t = *p.token;
      Position literal_pos{t.lineno, t.col_offset, t.end_lineno, t.end_col_offset};
      FStringState spec_state;
      spec_state.fmode = true;
      concat_fstring(spec_state, p, index, recurse_lvl + 1, ctx);
      spec = finish_fstring(spec_state, literal_pos, t.text[0] == 'u');
    }
    if (index >= body.size() || body[index] != '}') string_error(ctx, "f-string: expecting '}'");
    ++index;
    if (!expr_text.empty() && !spec && conversion == -1) conversion = 'r';
    auto fv = std::make_unique<FormattedValue>();
    fv->pos = ctx.whole;
    fv->value = std::move(value);
    fv->conversion = conversion;
    fv->format_spec = std::move(spec);
    return fv;
  }

  // CPython's fstring_compile_expr: parses "(" + text + ")" with a sub-parser placed where the
  // `{` at body[brace] is; its errors get the "f-string: " prefix and columns relative to
  // that string, as CPython reports them.
  ExprPtr compile_fstring_expression(const StringPiece& p, size_t brace, std::string_view text, const StringContext& ctx) {
    if (text.find_first_not_of(" \t\n\f") == std::string_view::npos)
      string_error(ctx, "f-string: empty expression not allowed");
    const Token& t = *p.token;
    std::string_view token_text = t.text;
    const size_t brace_in_token = static_cast<size_t>(p.body.data() - token_text.data()) + brace;
    // fstring_find_expr_location: lines before the brace, and the brace's column unless only
    // whitespace follows it up to the end of its line.
    int lines = 0;
    size_t line_start = 0;
    for (size_t k = 0; k < brace_in_token; ++k) {
      if (token_text[k] == '\n') {
        ++lines;
        line_start = k + 1;
      }
    }
    bool newline_after_brace = true;
    for (size_t k = brace_in_token + 1; k < token_text.size() && token_text[k] != '}' && token_text[k] != '\n'; ++k) {
      if (token_text[k] != ' ' && token_text[k] != '\t' && token_text[k] != '\f') {
        newline_after_brace = false;
        break;
      }
    }
    int cols = 0;
    if (!newline_after_brace)
      cols = static_cast<int>(utf8_length(token_text.substr(line_start, brace_in_token - line_start)));
    const int first_line = t.lineno + lines;
    const int col_shift = lines != 0 ? cols : t.col_offset + cols;
    std::string wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped += '(';
    wrapped += text;
    wrapped += ')';
    auto relocate = [&](const CompileError& e) {
      CompileError moved = e;
      if (moved.line == first_line && moved.col > 0) moved.col -= col_shift;
      return moved;
    };
    std::optional<Parser> sub;
    try {
      sub.emplace(wrapped, first_line, col_shift);
    } catch (const CompileError& e) {
      throw relocate(e);
    }
    sub->nesting_ = nesting_;
    try {
      return sub->parse_fstring_expression();
    } catch (const CompileError& e) {
      CompileError moved = relocate(e);
      if (moved.type_name == "SyntaxError" || moved.type_name == "IndentationError") {
        moved.message = "f-string: " + moved.message;
        throw CompileError(moved.type_name, moved.message, moved.line, moved.col);
      }
      throw moved;
    }
    (void)ctx;
  }

};

}  // namespace

ast::Module parse_module(std::string_view source, std::string_view /*filename*/, const ParseOptions& options) {
  Parser parser(source);
  parser.options = options;
  return parser.parse_file();
}

}  // namespace cv
