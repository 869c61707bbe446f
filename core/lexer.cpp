// Tokenizer for Python 3.11 source, a close port of the logic of CPython's tok_get (Parser/tokenizer.c).
#include "core/lexer.h"

#include <cstdio>
#include <utility>

#include "core/text.h"

namespace cv {

namespace {

constexpr int kTabSize = 8;         // CPython's tok->tabsize
constexpr std::size_t kMaxIndent = 100;  // CPython's MAXINDENT: deeper blocks raise "too many levels of indentation"
constexpr std::size_t kMaxBracketLevel = 200;  // CPython's MAXLEVEL

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_xdigit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_potential_identifier_start(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 128;
}
bool is_potential_identifier_char(char c) { return is_potential_identifier_start(c) || is_digit(c); }

// Decodes the code point starting at s[i] (input is valid UTF-8) and advances i past it.
char32_t decode_utf8(std::string_view s, std::size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) { ++i; return b; }
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  char32_t cp = b & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

std::string hex4(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

TokenKind keyword_kind(std::string_view s) {
  struct Keyword {
    std::string_view text;
    TokenKind kind;
  };
  static constexpr Keyword kKeywords[] = {
      {"False", TokenKind::KwFalse},   {"None", TokenKind::KwNone},         {"True", TokenKind::KwTrue},
      {"and", TokenKind::KwAnd},       {"as", TokenKind::KwAs},             {"assert", TokenKind::KwAssert},
      {"async", TokenKind::KwAsync},   {"await", TokenKind::KwAwait},       {"break", TokenKind::KwBreak},
      {"class", TokenKind::KwClass},   {"continue", TokenKind::KwContinue}, {"def", TokenKind::KwDef},
      {"del", TokenKind::KwDel},       {"elif", TokenKind::KwElif},         {"else", TokenKind::KwElse},
      {"except", TokenKind::KwExcept}, {"finally", TokenKind::KwFinally},   {"for", TokenKind::KwFor},
      {"from", TokenKind::KwFrom},     {"global", TokenKind::KwGlobal},     {"if", TokenKind::KwIf},
      {"import", TokenKind::KwImport}, {"in", TokenKind::KwIn},             {"is", TokenKind::KwIs},
      {"lambda", TokenKind::KwLambda}, {"nonlocal", TokenKind::KwNonlocal}, {"not", TokenKind::KwNot},
      {"or", TokenKind::KwOr},         {"pass", TokenKind::KwPass},         {"raise", TokenKind::KwRaise},
      {"return", TokenKind::KwReturn}, {"try", TokenKind::KwTry},           {"while", TokenKind::KwWhile},
      {"with", TokenKind::KwWith},     {"yield", TokenKind::KwYield},
  };
  if (s.size() < 2 || s.size() > 8) return TokenKind::Name;
  for (const Keyword& k : kKeywords)
    if (k.text == s) return k.kind;
  return TokenKind::Name;
}

// CPython's PyToken_TwoChars; Op means "not a two-character operator".
TokenKind two_char_operator(char c1, char c2) {
  switch (c1) {
    case '!': return c2 == '=' ? TokenKind::NotEqual : TokenKind::Op;
    case '%': return c2 == '=' ? TokenKind::PercentEqual : TokenKind::Op;
    case '&': return c2 == '=' ? TokenKind::AmperEqual : TokenKind::Op;
    case '*': return c2 == '*' ? TokenKind::DoubleStar : c2 == '=' ? TokenKind::StarEqual : TokenKind::Op;
    case '+': return c2 == '=' ? TokenKind::PlusEqual : TokenKind::Op;
    case '-': return c2 == '=' ? TokenKind::MinEqual : c2 == '>' ? TokenKind::RArrow : TokenKind::Op;
    case '/': return c2 == '/' ? TokenKind::DoubleSlash : c2 == '=' ? TokenKind::SlashEqual : TokenKind::Op;
    case ':': return c2 == '=' ? TokenKind::ColonEqual : TokenKind::Op;
    case '<':
      return c2 == '<' ? TokenKind::LeftShift : c2 == '=' ? TokenKind::LessEqual
           : c2 == '>' ? TokenKind::OldNotEqual : TokenKind::Op;
    case '=': return c2 == '=' ? TokenKind::EqEqual : TokenKind::Op;
    case '>': return c2 == '=' ? TokenKind::GreaterEqual : c2 == '>' ? TokenKind::RightShift : TokenKind::Op;
    case '@': return c2 == '=' ? TokenKind::AtEqual : TokenKind::Op;
    case '^': return c2 == '=' ? TokenKind::CircumflexEqual : TokenKind::Op;
    case '|': return c2 == '=' ? TokenKind::VBarEqual : TokenKind::Op;
    default: return TokenKind::Op;
  }
}

// CPython's PyToken_ThreeChars (`...` is handled with the '.' case).
TokenKind three_char_operator(char c1, char c2, char c3) {
  if (c3 != '=') return TokenKind::Op;
  if (c1 == '*' && c2 == '*') return TokenKind::DoubleStarEqual;
  if (c1 == '/' && c2 == '/') return TokenKind::DoubleSlashEqual;
  if (c1 == '<' && c2 == '<') return TokenKind::LeftShiftEqual;
  if (c1 == '>' && c2 == '>') return TokenKind::RightShiftEqual;
  return TokenKind::Op;
}

TokenKind one_char_operator(char c) {
  switch (c) {
    case '%': return TokenKind::Percent;
    case '&': return TokenKind::Amper;
    case '(': return TokenKind::LPar;
    case ')': return TokenKind::RPar;
    case '*': return TokenKind::Star;
    case '+': return TokenKind::Plus;
    case ',': return TokenKind::Comma;
    case '-': return TokenKind::Minus;
    case '.': return TokenKind::Dot;
    case '/': return TokenKind::Slash;
    case ':': return TokenKind::Colon;
    case ';': return TokenKind::Semi;
    case '<': return TokenKind::Less;
    case '=': return TokenKind::Equal;
    case '>': return TokenKind::Greater;
    case '@': return TokenKind::At;
    case '[': return TokenKind::LSqb;
    case ']': return TokenKind::RSqb;
    case '^': return TokenKind::CircumFlex;
    case '{': return TokenKind::LBrace;
    case '|': return TokenKind::VBar;
    case '}': return TokenKind::RBrace;
    case '~': return TokenKind::Tilde;
    default: return TokenKind::Op;
  }
}

}  // namespace

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::LPar: return "LPAR";
    case TokenKind::RPar: return "RPAR";
    case TokenKind::LSqb: return "LSQB";
    case TokenKind::RSqb: return "RSQB";
    case TokenKind::LBrace: return "LBRACE";
    case TokenKind::RBrace: return "RBRACE";
    case TokenKind::Colon: return "COLON";
    case TokenKind::Comma: return "COMMA";
    case TokenKind::Semi: return "SEMI";
    case TokenKind::Dot: return "DOT";
    case TokenKind::Ellipsis: return "ELLIPSIS";
    case TokenKind::RArrow: return "RARROW";
    case TokenKind::ColonEqual: return "COLONEQUAL";
    case TokenKind::At: return "AT";
    case TokenKind::AtEqual: return "ATEQUAL";
    case TokenKind::Equal: return "EQUAL";
    case TokenKind::Plus: return "PLUS";
    case TokenKind::Minus: return "MINUS";
    case TokenKind::Star: return "STAR";
    case TokenKind::Slash: return "SLASH";
    case TokenKind::DoubleSlash: return "DOUBLESLASH";
    case TokenKind::Percent: return "PERCENT";
    case TokenKind::DoubleStar: return "DOUBLESTAR";
    case TokenKind::VBar: return "VBAR";
    case TokenKind::Amper: return "AMPER";
    case TokenKind::CircumFlex: return "CIRCUMFLEX";
    case TokenKind::Tilde: return "TILDE";
    case TokenKind::LeftShift: return "LEFTSHIFT";
    case TokenKind::RightShift: return "RIGHTSHIFT";
    case TokenKind::Less: return "LESS";
    case TokenKind::Greater: return "GREATER";
    case TokenKind::EqEqual: return "EQEQUAL";
    case TokenKind::NotEqual: return "NOTEQUAL";
    case TokenKind::LessEqual: return "LESSEQUAL";
    case TokenKind::GreaterEqual: return "GREATEREQUAL";
    case TokenKind::PlusEqual: return "PLUSEQUAL";
    case TokenKind::MinEqual: return "MINEQUAL";
    case TokenKind::StarEqual: return "STAREQUAL";
    case TokenKind::SlashEqual: return "SLASHEQUAL";
    case TokenKind::DoubleSlashEqual: return "DOUBLESLASHEQUAL";
    case TokenKind::PercentEqual: return "PERCENTEQUAL";
    case TokenKind::DoubleStarEqual: return "DOUBLESTAREQUAL";
    case TokenKind::VBarEqual: return "VBAREQUAL";
    case TokenKind::AmperEqual: return "AMPEREQUAL";
    case TokenKind::CircumflexEqual: return "CIRCUMFLEXEQUAL";
    case TokenKind::LeftShiftEqual: return "LEFTSHIFTEQUAL";
    case TokenKind::RightShiftEqual: return "RIGHTSHIFTEQUAL";
    case TokenKind::OldNotEqual: return "NOTEQUAL";
    case TokenKind::Op: return "OP";
    case TokenKind::KwFalse: return "False";
    case TokenKind::KwNone: return "None";
    case TokenKind::KwTrue: return "True";
    case TokenKind::KwAnd: return "and";
    case TokenKind::KwAs: return "as";
    case TokenKind::KwAssert: return "assert";
    case TokenKind::KwAsync: return "async";
    case TokenKind::KwAwait: return "await";
    case TokenKind::KwBreak: return "break";
    case TokenKind::KwClass: return "class";
    case TokenKind::KwContinue: return "continue";
    case TokenKind::KwDef: return "def";
    case TokenKind::KwDel: return "del";
    case TokenKind::KwElif: return "elif";
    case TokenKind::KwElse: return "else";
    case TokenKind::KwExcept: return "except";
    case TokenKind::KwFinally: return "finally";
    case TokenKind::KwFor: return "for";
    case TokenKind::KwFrom: return "from";
    case TokenKind::KwGlobal: return "global";
    case TokenKind::KwIf: return "if";
    case TokenKind::KwImport: return "import";
    case TokenKind::KwIn: return "in";
    case TokenKind::KwIs: return "is";
    case TokenKind::KwLambda: return "lambda";
    case TokenKind::KwNonlocal: return "nonlocal";
    case TokenKind::KwNot: return "not";
    case TokenKind::KwOr: return "or";
    case TokenKind::KwPass: return "pass";
    case TokenKind::KwRaise: return "raise";
    case TokenKind::KwReturn: return "return";
    case TokenKind::KwTry: return "try";
    case TokenKind::KwWhile: return "while";
    case TokenKind::KwWith: return "with";
    case TokenKind::KwYield: return "yield";
    case TokenKind::ErrorToken: return "ERRORTOKEN";
  }
  return "?";
}

// Python's own character tables (core/text.h, generated from CPython 3.11's unicodedata).
bool Lexer::is_printable(char32_t cp) { return is_printable_char(cp); }

bool Lexer::is_identifier_continue(char32_t cp) {
  if (cp < 0x80) return is_potential_identifier_char(static_cast<char>(cp));
  return cv::is_identifier_continue(cp);
}

bool Lexer::is_identifier_start(char32_t cp) {
  if (cp < 0x80) return is_potential_identifier_start(static_cast<char>(cp));
  return cv::is_identifier_start(cp);
}

Lexer::Lexer(std::string_view source, int first_lineno, int first_line_col_shift)
    : lineno_(first_lineno), first_lineno_(first_lineno), first_line_col_shift_(first_line_col_shift) {
  std::size_t i = 0;
  if (source.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  src_.reserve(source.size() - i + 1);
  for (; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      src_ += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      src_ += c;
    }
  }
  // CPython's translate_newlines: exec input always ends with a newline.
  if (src_.empty() || src_.back() != '\n') src_ += '\n';
}

void Lexer::consume_newline() {
  ++pos_;
  ++lineno_;
  line_start_ = pos_;
  col_cache_pos_ = pos_;
  col_cache_col_ = 0;
}

int Lexer::column_of(std::size_t pos) {
  if (pos < col_cache_pos_) {
    col_cache_pos_ = line_start_;
    col_cache_col_ = 0;
  }
  for (; col_cache_pos_ < pos && col_cache_pos_ < src_.size(); ++col_cache_pos_)
    if ((static_cast<unsigned char>(src_[col_cache_pos_]) & 0xC0) != 0x80) ++col_cache_col_;
  return col_cache_col_;
}

Token Lexer::make(TokenKind kind, std::size_t start, int start_line, int start_col) {
  Token t;
  t.kind = kind;
  t.text = std::string_view(src_).substr(start, pos_ - start);
  t.lineno = start_line;
  t.col_offset = shifted(start_line, start_col);
  t.end_lineno = lineno_;
  t.end_col_offset = shifted(lineno_, column_of(pos_));
  return t;
}

Token Lexer::fail(std::string type, std::string message, int line, int col, bool eager) {
  error_.emplace(std::move(type), std::move(message), line, col);
  error_eager_ = eager;
  error_token_ = Token{};
  error_token_.kind = TokenKind::ErrorToken;
  error_token_.lineno = error_token_.end_lineno = line;
  error_token_.col_offset = error_token_.end_col_offset = col > 0 ? col - 1 : 0;
  return error_token_;
}

// CPython's syntaxerror(): the caret sits where the tokenizer stopped reading.
Token Lexer::fail_here(const std::string& message) {
  return fail("SyntaxError", message, lineno_, shifted(lineno_, column_of(pos_)), true);
}

int Lexer::line_length() const {
  std::size_t end = src_.find('\n', line_start_);
  if (end == std::string::npos) end = src_.size();
  int n = 0;
  for (std::size_t i = line_start_; i < end; ++i)
    if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++n;
  return n;
}

int Lexer::last_line_length() const {
  // src_ always ends with '\n': the last line runs from the previous '\n' to it.
  if (src_.size() < 2) return 0;
  std::size_t start = src_.rfind('\n', src_.size() - 2);
  start = start == std::string::npos ? 0 : start + 1;
  int n = 0;
  for (std::size_t i = start; i + 1 < src_.size(); ++i)
    if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++n;
  return n;
}

CompileError Lexer::unclosed_bracket_error() const {
  const OpenBracket& b = brackets_.back();
  return CompileError("SyntaxError", std::string("'") + b.ch + "' was never closed", b.lineno, b.col_offset + 1);
}

Token Lexer::next() {
  if (error_) return error_token_;
  return scan();
}

// After a backslash (already consumed): CPython's tok_continuation_line.
bool Lexer::skip_line_continuation(Token& error_out) {
  if (cur() != '\n') {
    error_out = fail("SyntaxError", "unexpected character after line continuation character", lineno_,
                     shifted(lineno_, column_of(pos_)) + 1, false);
    return false;
  }
  consume_newline();
  if (at_end()) {
    if (!brackets_.empty()) {
      CompileError e = unclosed_bracket_error();
      error_out = fail(e.type_name, e.message, e.line, e.col, false);
    } else {
      error_out = fail("SyntaxError", "unexpected EOF while parsing", eof_line(), 0, false);
    }
    return false;
  }
  return true;
}

Token Lexer::scan() {
  for (;;) {  // one iteration per physical line that yields no token
    bool blank_line = false;
    if (at_bol_) {
      at_bol_ = false;
      int col = 0;
      int alt_col = 0;  // tabs count 1: CPython's altcol, which detects tab/space mixes
      int cont_line_col = 0;
      for (;;) {
        char c = cur();
        if (c == ' ') {
          ++col, ++alt_col, ++pos_;
        } else if (c == '\t') {
          col = (col / kTabSize + 1) * kTabSize;
          ++alt_col, ++pos_;
        } else if (c == '\f') {
          col = alt_col = 0;
          ++pos_;
        } else if (c == '\\') {
          // Indentation cannot be split by a backslash: the first one fixes the level.
          cont_line_col = cont_line_col ? cont_line_col : col;
          ++pos_;
          Token err;
          if (!skip_line_continuation(err)) return err;
        } else {
          break;
        }
      }
      char c = cur();
      if (c == '#' || c == '\n') blank_line = true;  // comment-only and empty lines do not indent
      if (!blank_line && brackets_.empty()) {
        if (cont_line_col) col = alt_col = cont_line_col;
        int line = at_end() ? eof_line() : lineno_;
        // CPython reports these at column 1; an unindent mismatch after the whole line.
        if (col == indent_stack_.back()) {
          if (alt_col != alt_indent_stack_.back())
            return fail("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, false);
        } else if (col > indent_stack_.back()) {
          if (indent_stack_.size() >= kMaxIndent)
            return fail("IndentationError", "too many levels of indentation", line, 1, false);
          if (alt_col <= alt_indent_stack_.back())
            return fail("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, false);
          ++pending_indents_;
          indent_stack_.push_back(col);
          alt_indent_stack_.push_back(alt_col);
        } else {
          while (indent_stack_.size() > 1 && col < indent_stack_.back()) {
            --pending_indents_;
            indent_stack_.pop_back();
            alt_indent_stack_.pop_back();
          }
          if (col != indent_stack_.back())
            return fail("IndentationError", "unindent does not match any outer indentation level", line,
                        line_length() + 1, false);
          if (alt_col != alt_indent_stack_.back())
            return fail("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, false);
        }
      }
    }

    if (pending_indents_ != 0) {
      Token t;
      if (pending_indents_ < 0) {
        t.kind = TokenKind::Dedent;
        ++pending_indents_;
      } else {
        t.kind = TokenKind::Indent;
        --pending_indents_;
      }
      t.lineno = t.end_lineno = at_end() ? eof_line() : lineno_;
      // At the end of the input CPython places DEDENTs just past the last line.
      t.col_offset = t.end_col_offset = at_end() ? last_line_length() + 1 : shifted(lineno_, column_of(pos_));
      return t;
    }

    for (;;) {  // CPython's `again:` label: a backslash continuation comes back here
      while (cur() == ' ' || cur() == '\t' || cur() == '\f') ++pos_;
      if (cur() == '#')
        while (!at_end() && cur() != '\n') ++pos_;

      std::size_t start = pos_;
      if (at_end()) {
        if (!brackets_.empty()) {
          // Reaching the end inside brackets is reported by the parser as "'(' was never closed".
          CompileError e = unclosed_bracket_error();
          return fail(e.type_name, e.message, e.line, e.col, false);
        }
        Token t;
        t.kind = TokenKind::EndMarker;
        t.lineno = t.end_lineno = eof_line();
        t.col_offset = t.end_col_offset = last_line_length();  // errors at the end point just past the last line
        return t;
      }
      int start_col = column_of(start);
      char c = cur();

      if (is_potential_identifier_start(c)) return scan_identifier_or_string(start, start_col);

      if (c == '\n') {
        Token t;
        t.kind = TokenKind::Newline;
        t.text = std::string_view(src_).substr(start, 0);
        t.lineno = t.end_lineno = lineno_;
        t.col_offset = shifted(lineno_, start_col);
        t.end_col_offset = t.col_offset + 1;  // the newline character, as tokenize reports it
        consume_newline();
        at_bol_ = true;
        if (blank_line || !brackets_.empty()) break;  // implicit line joining: no NEWLINE
        return t;
      }

      if (c == '.') {
        if (is_digit(peek(1))) {
          ++pos_;
          return scan_number(start, start_col);
        }
        if (peek(1) == '.' && peek(2) == '.') {
          pos_ += 3;
          return make(TokenKind::Ellipsis, start, lineno_, start_col);
        }
        ++pos_;
        return make(TokenKind::Dot, start, lineno_, start_col);
      }

      if (is_digit(c)) return scan_number(start, start_col);

      if (c == '\'' || c == '"') return scan_string(start, start_col);

      if (c == '\\') {
        ++pos_;
        Token err;
        if (!skip_line_continuation(err)) return err;
        continue;
      }

      return scan_operator(start, start_col);
    }
  }
}

Token Lexer::scan_identifier_or_string(std::size_t start, int start_col) {
  // The legal string prefixes: b, r, u, f and the two-letter mixes CPython allows (no "ur").
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  for (;;) {
    char c = cur();
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
      saw_b = true;
    else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
      saw_u = true;
    else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
      saw_r = true;
    else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
      saw_f = true;
    else
      break;
    ++pos_;
    if (cur() == '"' || cur() == '\'') return scan_string(start, start_col);
  }

  bool non_ascii = false;
  while (is_potential_identifier_char(cur())) {
    if (static_cast<unsigned char>(cur()) >= 128) non_ascii = true;
    ++pos_;
  }
  std::string_view text = std::string_view(src_).substr(start, pos_ - start);
  if (non_ascii) {
    // CPython's verify_identifier: report the first code point that cannot be part of a name.
    std::size_t i = 0;
    bool first = true;
    while (i < text.size()) {
      std::size_t at = i;
      char32_t cp = decode_utf8(text, i);
      bool ok = first ? is_identifier_start(cp) : is_identifier_continue(cp);
      first = false;
      if (!ok) {
        int col = shifted(lineno_, column_of(start + at)) + 1;
        if (is_printable(cp))
          return fail("SyntaxError", "invalid character '" + encode_utf8(cp) + "' (U+" + hex4(cp) + ")", lineno_,
                      col, true);
        return fail("SyntaxError", "invalid non-printable character U+" + hex4(cp), lineno_, col, true);
      }
    }
  }
  return make(keyword_kind(text), start, lineno_, start_col);
}

Token Lexer::scan_string(std::size_t start, int start_col) {
  char quote = cur();
  int quote_size = 1;  // 1 or 3
  int end_quote_size = 0;
  int first_line = lineno_;
  ++pos_;
  if (cur() == quote) {
    if (peek(1) == quote) {
      pos_ += 2;
      quote_size = 3;
    } else {
      ++pos_;
      end_quote_size = 1;  // the empty string ''
    }
  }
  while (end_quote_size != quote_size) {
    if (at_end() || (quote_size == 1 && cur() == '\n')) {
      // Reported at the opening quote, with the line where the scan gave up.
      int detected = at_end() ? eof_line() : lineno_;
      std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal" : "unterminated string literal";
      msg += " (detected at line " + std::to_string(detected) + ")";
      return fail("SyntaxError", msg, first_line, shifted(first_line, start_col) + 1, true);
    }
    char c = cur();
    if (c == quote) {
      ++end_quote_size;
      ++pos_;
    } else {
      end_quote_size = 0;
      if (c == '\\') {
        ++pos_;  // the escaped character, even a newline, cannot end the string
        if (at_end()) continue;
        c = cur();
      }
      if (c == '\n')
        consume_newline();
      else
        ++pos_;
    }
  }
  return make(TokenKind::String, start, first_line, start_col);
}

// CPython's tok_decimal_tail: digits with single underscores between them.
bool Lexer::scan_decimal_tail(Token& error_out) {
  for (;;) {
    while (is_digit(cur())) ++pos_;
    if (cur() != '_') return true;
    ++pos_;
    if (!is_digit(cur())) {
      error_out = fail_here("invalid decimal literal");
      return false;
    }
  }
}

// CPython's verify_end_of_number: `1if x else y` is still accepted (with a warning), `1abc` is not.
bool Lexer::verify_end_of_number(const char* kind, Token& error_out) {
  auto followed_by_word = [this](const char* rest) {
    std::size_t k = 1;
    for (; *rest; ++rest, ++k)
      if (peek(k) != *rest) return false;
    return !is_potential_identifier_char(peek(k));
  };
  char c = cur();
  bool keyword_follows = false;
  switch (c) {
    case 'a': keyword_follows = followed_by_word("nd"); break;
    case 'e': keyword_follows = followed_by_word("lse"); break;
    case 'f': keyword_follows = followed_by_word("or"); break;
    case 'i': keyword_follows = peek(1) == 'f' || peek(1) == 'n' || peek(1) == 's'; break;
    case 'o': keyword_follows = followed_by_word("r"); break;
    case 'n': keyword_follows = followed_by_word("ot"); break;
    default: break;
  }
  if (keyword_follows) return true;
  if (is_potential_identifier_char(c)) {
    error_out = fail_here(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

Token Lexer::scan_number(std::size_t start, int start_col) {
  Token err;
  auto done = [&] { return make(TokenKind::Number, start, lineno_, start_col); };
  auto radix_literal = [&](const char* kind, auto is_radix_digit) -> Token {
    ++pos_;  // the x/o/b
    char c = cur();
    do {
      if (c == '_') {
        ++pos_;
        c = cur();
      }
      if (!is_radix_digit(c)) {
        if (is_digit(c) && kind[0] != 'h') {
          ++pos_;
          return fail_here(std::string("invalid digit '") + c + "' in " + kind + " literal");
        }
        return fail_here(std::string("invalid ") + kind + " literal");
      }
      do {
        ++pos_;
        c = cur();
      } while (is_radix_digit(c));
    } while (c == '_');
    if (is_digit(c) && kind[0] != 'h') {
      ++pos_;
      return fail_here(std::string("invalid digit '") + c + "' in " + kind + " literal");
    }
    if (!verify_end_of_number(kind, err)) return err;
    return done();
  };

  bool fraction = false;        // positioned just after a '.'
  bool check_exponent = false;  // positioned after the integer or fraction digits
  if (src_[start] == '.') {
    fraction = true;  // `.5`: scan() consumed the dot
  } else if (cur() == '0') {
    ++pos_;
    char c = cur();
    if (c == 'x' || c == 'X') return radix_literal("hexadecimal", is_xdigit);
    if (c == 'o' || c == 'O') return radix_literal("octal", [](char d) { return d >= '0' && d <= '7'; });
    if (c == 'b' || c == 'B') return radix_literal("binary", [](char d) { return d == '0' || d == '1'; });
    // "0", "00", "0_0", or the start of a float like 0.5 / 0e1; old-style octal is an error.
    bool nonzero = false;
    for (;;) {
      if (c == '_') {
        ++pos_;
        c = cur();
        if (!is_digit(c)) return fail_here("invalid decimal literal");
      }
      if (c != '0') break;
      ++pos_;
      c = cur();
    }
    if (is_digit(c)) {
      nonzero = true;
      if (!scan_decimal_tail(err)) return err;
      c = cur();
    }
    if (c == '.') {
      ++pos_;
      fraction = true;
    } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
      check_exponent = true;
    } else if (nonzero) {
      return fail("SyntaxError",
                  "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                  lineno_, shifted(lineno_, start_col) + 1, true);
    } else {
      if (!verify_end_of_number("decimal", err)) return err;
      return done();
    }
  } else {
    if (!scan_decimal_tail(err)) return err;
    if (cur() == '.') {
      ++pos_;
      fraction = true;
    } else {
      check_exponent = true;
    }
  }

  if (fraction) {
    if (is_digit(cur()) && !scan_decimal_tail(err)) return err;
    check_exponent = true;
  }
  (void)check_exponent;
  char c = cur();
  if (c == 'e' || c == 'E') {
    ++pos_;
    c = cur();
    if (c == '+' || c == '-') {
      ++pos_;
      if (!is_digit(cur())) return fail_here("invalid decimal literal");
    } else if (!is_digit(c)) {
      // `1else`: the 'e' starts the next token, unless it glues a name to the number.
      --pos_;
      if (!verify_end_of_number("decimal", err)) return err;
      return done();
    }
    if (!scan_decimal_tail(err)) return err;
    c = cur();
  }
  if (c == 'j' || c == 'J') {
    ++pos_;
    if (!verify_end_of_number("imaginary", err)) return err;
    return done();
  }
  if (!verify_end_of_number("decimal", err)) return err;
  return done();
}

Token Lexer::scan_operator(std::size_t start, int start_col) {
  char c = cur();
  TokenKind kind = two_char_operator(c, peek(1));
  if (kind != TokenKind::Op) {
    pos_ += 2;
    TokenKind three = three_char_operator(c, src_[pos_ - 1], cur());
    if (three != TokenKind::Op) {
      ++pos_;
      kind = three;
    }
    return make(kind, start, lineno_, start_col);
  }
  ++pos_;
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (brackets_.size() >= kMaxBracketLevel) return fail_here("too many nested parentheses");
      brackets_.push_back({c, lineno_, shifted(lineno_, start_col)});
      break;
    case ')':
    case ']':
    case '}': {
      if (brackets_.empty()) return fail_here(std::string("unmatched '") + c + "'");
      OpenBracket opening = brackets_.back();
      brackets_.pop_back();
      if (!((opening.ch == '(' && c == ')') || (opening.ch == '[' && c == ']') || (opening.ch == '{' && c == '}'))) {
        std::string msg = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                          opening.ch + "'";
        if (opening.lineno != lineno_) msg += " on line " + std::to_string(opening.lineno);
        return fail_here(msg);
      }
      break;
    }
    default:
      break;
  }
  unsigned char u = static_cast<unsigned char>(c);
  if (u < 0x20 || u == 0x7F) return fail_here("invalid non-printable character U+" + hex4(u));
  return make(one_char_operator(c), start, lineno_, start_col);
}

}  // namespace cv
