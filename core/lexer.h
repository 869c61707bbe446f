// Tokenizer for Python 3.11 source: UTF-8 text in, CPython's token stream (NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER) out.
//
// The design follows CPython's Parser/tokenizer.c (tok_get) closely, because the
// parser's error messages and line numbers must match CPython's, and those depend on
// exactly when and where the tokenizer notices a problem:
//   * Errors that tok_get raises itself (unterminated strings, unmatched brackets,
//     bad numbers, invalid characters) are "eager": CPython reports them even when the
//     parser already failed earlier in the file, because after a parser error it
//     tokenizes the rest of the source looking for them.
//   * Indentation problems and a bad line continuation only set an error state that
//     the parser turns into an exception when it reaches that token; a parser error
//     found before them wins.
// So next() never throws: on an error it returns a TokenKind::ErrorToken and keeps the
// CompileError (and whether it is eager) for the parser to decide.
//
// Columns are counted in code points (CPython's ast uses UTF-8 byte offsets; ours are
// code points as ast.h documents). Lines are 1-based, columns 0-based.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace cv {

// Token kinds, named after CPython's Grammar/Tokens (LPAR, DOUBLESTAR, ...) plus one
// kind per keyword, so the parser can switch on a single enum.
enum class TokenKind : std::uint8_t {
  EndMarker,
  Name,
  Number,
  String,   // the whole literal, prefix and quotes included; f-strings too (3.11 has no FSTRING_START)
  Newline,  // end of a logical line
  Indent,
  Dedent,
  // Operators and delimiters.
  LPar, RPar, LSqb, RSqb, LBrace, RBrace,
  Colon, Comma, Semi, Dot, Ellipsis, RArrow, ColonEqual, At, AtEqual, Equal,
  Plus, Minus, Star, Slash, DoubleSlash, Percent, DoubleStar,
  VBar, Amper, CircumFlex, Tilde, LeftShift, RightShift,
  Less, Greater, EqEqual, NotEqual, LessEqual, GreaterEqual,
  PlusEqual, MinEqual, StarEqual, SlashEqual, DoubleSlashEqual, PercentEqual, DoubleStarEqual,
  VBarEqual, AmperEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual,
  OldNotEqual,  // `<>`: tokenized like `!=` by CPython, then rejected by the parser
  Op,           // a character with no meaning in Python (`$`, `?`, `!`, backquote): always a syntax error
  // Keywords (soft keywords `match`/`case`/`_` are plain Names).
  KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
  KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal,
  KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise,
  KwReturn, KwTry, KwWhile, KwWith, KwYield,
  ErrorToken,  // the tokenizer failed; Lexer::error() says why
};

// CPython's name for a token kind ("NAME", "LPAR", ...); keywords give their own text.
const char* token_kind_name(TokenKind kind);

inline bool is_keyword(TokenKind kind) { return kind >= TokenKind::KwFalse && kind <= TokenKind::KwYield; }

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;  // the exact source text (a view into the Lexer's buffer); empty for INDENT/DEDENT/ENDMARKER
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

class Lexer {
 public:
  // `source` is UTF-8 without NUL bytes. A leading BOM is skipped, CRLF and CR become LF and
  // a final newline is added when missing, as CPython does for compile() input.
  // `first_lineno` / `first_line_col_shift` place the text inside a bigger file: the parser
  // uses them for the expressions inside f-strings so their nodes get file positions.
  explicit Lexer(std::string_view source, int first_lineno = 1, int first_line_col_shift = 0);
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  // The next token. After an ErrorToken every further call returns the same ErrorToken.
  Token next();

  // Set once next() has returned an ErrorToken.
  const std::optional<CompileError>& error() const { return error_; }
  // Whether CPython's tokenizer raises this error itself (see the file comment).
  bool error_is_eager() const { return error_eager_; }

  // Brackets opened and not yet closed, innermost last (CPython's parenstack).
  struct OpenBracket {
    char ch;
    int lineno;
    int col_offset;
  };
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }

  // CPython's "'(' was never closed" error for the innermost open bracket.
  CompileError unclosed_bracket_error() const;

  // The normalized source the tokens' text views point into.
  std::string_view buffer() const { return src_; }

  // Identifiers CPython's tokenizer would refuse are caught here; exposed for the tests.
  static bool is_identifier_start(char32_t cp);
  static bool is_identifier_continue(char32_t cp);
  static bool is_printable(char32_t cp);

 private:
  Token scan();
  Token make(TokenKind kind, std::size_t start, int start_line, int start_col);
  Token fail(std::string type, std::string message, int line, int col, bool eager);
  Token fail_here(const std::string& message);  // an eager SyntaxError at the current position
  bool skip_line_continuation(Token& error_out);
  Token scan_identifier_or_string(std::size_t start, int start_col);
  Token scan_string(std::size_t start, int start_col);
  Token scan_number(std::size_t start, int start_col);
  bool scan_decimal_tail(Token& error_out);
  bool verify_end_of_number(const char* kind, Token& error_out);
  Token scan_operator(std::size_t start, int start_col);

  char cur() const { return pos_ < src_.size() ? src_[pos_] : '\0'; }
  char peek(std::size_t k) const { return pos_ + k < src_.size() ? src_[pos_ + k] : '\0'; }
  bool at_end() const { return pos_ >= src_.size(); }
  void consume_newline();  // pos_ is at '\n': step over it and start the next line
  int column_of(std::size_t pos);  // code points between the line start and pos
  int line_length() const;         // code points of the current line, without its newline
  int last_line_length() const;    // code points of the source's last line
  int eof_line() const { return lineno_ > first_lineno_ ? lineno_ - 1 : first_lineno_; }
  int shifted(int line, int col) const { return line == first_lineno_ ? col + first_line_col_shift_ : col; }

  std::string src_;
  std::size_t pos_ = 0;
  int lineno_;  // line of the character at pos_
  std::size_t line_start_ = 0;
  std::size_t col_cache_pos_ = 0;  // column_of() counts on from here, so long lines stay linear
  int col_cache_col_ = 0;
  int first_lineno_;
  int first_line_col_shift_;

  bool at_bol_ = true;
  int pending_indents_ = 0;  // >0: INDENTs to emit, <0: DEDENTs to emit
  std::vector<int> indent_stack_{0};
  std::vector<int> alt_indent_stack_{0};  // columns with tabs counted as 1, for TabError
  std::vector<OpenBracket> brackets_;

  std::optional<CompileError> error_;
  bool error_eager_ = false;
  Token error_token_;
};

}  // namespace cv
