// Unit tests for core/lexer.h: token streams and tokenizer errors, checked against python3 3.11.7
// (tokenize.generate_tokens for the streams, compile() for the error messages and positions).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/lexer.h"

namespace {

using cv::Lexer;
using cv::Token;
using cv::TokenKind;

// "KIND text" per token (INDENT/DEDENT/NEWLINE/ENDMARKER without text), up to ENDMARKER;
// an error ends the list with "error: Type: message @line:col (eager)".
std::vector<std::string> tokens(const std::string& source) {
  Lexer lexer(source);
  std::vector<std::string> out;
  for (;;) {
    Token t = lexer.next();
    if (t.kind == TokenKind::ErrorToken) {
      const cv::CompileError& e = *lexer.error();
      out.push_back("error: " + e.type_name + ": " + e.message + " @" + std::to_string(e.line) + ":" +
                    std::to_string(e.col) + (lexer.error_is_eager() ? " (eager)" : ""));
      return out;
    }
    std::string s = cv::token_kind_name(t.kind);  // a keyword's kind name is its text
    if (!t.text.empty() && t.kind != TokenKind::Newline && !cv::is_keyword(t.kind)) s += " " + std::string(t.text);
    out.push_back(s);
    if (t.kind == TokenKind::EndMarker) return out;
  }
}

// The error the tokenizer stops with, or "" when it reaches the end.
std::string lex_error(const std::string& source) {
  std::vector<std::string> all = tokens(source);
  const std::string& last = all.back();
  return last.rfind("error: ", 0) == 0 ? last.substr(7) : "";
}

// Positions "line:col-end_line:end_col" of every token before ENDMARKER.
std::vector<std::string> positions(const std::string& source) {
  Lexer lexer(source);
  std::vector<std::string> out;
  for (;;) {
    Token t = lexer.next();
    if (t.kind == TokenKind::EndMarker) return out;
    out.push_back(std::to_string(t.lineno) + ":" + std::to_string(t.col_offset) + "-" + std::to_string(t.end_lineno) +
                  ":" + std::to_string(t.end_col_offset));
    if (t.kind == TokenKind::ErrorToken) return out;
  }
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("lexer: indentation gives INDENT and DEDENT tokens", "[lexer]") {
  CHECK(tokens("if x:\n    y = 1\nz = 0\n") ==
        Strings{"if", "NAME x", "COLON :", "NEWLINE", "INDENT", "NAME y", "EQUAL =", "NUMBER 1", "NEWLINE",
                "DEDENT", "NAME z", "EQUAL =", "NUMBER 0", "NEWLINE", "ENDMARKER"});
  // Two levels closed at once, and at the end of the input.
  CHECK(tokens("if a:\n  if b:\n    c\nd\n") ==
        Strings{"if", "NAME a", "COLON :", "NEWLINE", "INDENT", "if", "NAME b", "COLON :", "NEWLINE", "INDENT",
                "NAME c", "NEWLINE", "DEDENT", "DEDENT", "NAME d", "NEWLINE", "ENDMARKER"});
  CHECK(tokens("def f():\n  return 1") ==
        Strings{"def", "NAME f", "LPAR (", "RPAR )", "COLON :", "NEWLINE", "INDENT", "return", "NUMBER 1", "NEWLINE",
                "DEDENT", "ENDMARKER"});
}

TEST_CASE("lexer: blank lines, comments and brackets do not make NEWLINE or INDENT", "[lexer]") {
  CHECK(tokens("x = [1,\n     2]  # c\n\n   # indented comment\ny\n") ==
        Strings{"NAME x", "EQUAL =", "LSQB [", "NUMBER 1", "COMMA ,", "NUMBER 2", "RSQB ]", "NEWLINE", "NAME y",
                "NEWLINE", "ENDMARKER"});
  CHECK(tokens("x = 1 + \\\n    2\n") ==
        Strings{"NAME x", "EQUAL =", "NUMBER 1", "PLUS +", "NUMBER 2", "NEWLINE", "ENDMARKER"});
  CHECK(tokens("a; b\r\nc\r") == Strings{"NAME a", "SEMI ;", "NAME b", "NEWLINE", "NAME c", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("lexer: numbers", "[lexer]") {
  CHECK(tokens("0x1F 0o17 0b101 1_000 3.14 .5 5. 1e10 1.5E-3 0 00 0_0 12j 1_0.0_1e+1_0\n") ==
        Strings{"NUMBER 0x1F", "NUMBER 0o17", "NUMBER 0b101", "NUMBER 1_000", "NUMBER 3.14", "NUMBER .5",
                "NUMBER 5.", "NUMBER 1e10", "NUMBER 1.5E-3", "NUMBER 0", "NUMBER 00", "NUMBER 0_0", "NUMBER 12j",
                "NUMBER 1_0.0_1e+1_0", "NEWLINE", "ENDMARKER"});
  // A keyword glued to a number still splits (CPython only warns).
  CHECK(tokens("1if x else 2\n") ==
        Strings{"NUMBER 1", "if", "NAME x", "else", "NUMBER 2", "NEWLINE", "ENDMARKER"});
}

TEST_CASE("lexer: number errors", "[lexer]") {
  CHECK(lex_error("x = 012\n") ==
        "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
        "integers @1:5 (eager)");
  CHECK(lex_error("x = 0xg\n") == "SyntaxError: invalid hexadecimal literal @1:6 (eager)");
  CHECK(lex_error("x = 0b102\n") == "SyntaxError: invalid digit '2' in binary literal @1:9 (eager)");
  CHECK(lex_error("x = 0o8\n") == "SyntaxError: invalid digit '8' in octal literal @1:7 (eager)");
  CHECK(lex_error("x = 1abc\n") == "SyntaxError: invalid decimal literal @1:5 (eager)");
  CHECK(lex_error("x = 1__0\n") == "SyntaxError: invalid decimal literal @1:6 (eager)");
  CHECK(lex_error("x = 1_\n") == "SyntaxError: invalid decimal literal @1:6 (eager)");
  CHECK(lex_error("x = 1.5abc\n") == "SyntaxError: invalid decimal literal @1:7 (eager)");
}

TEST_CASE("lexer: strings", "[lexer]") {
  CHECK(tokens("'a' \"b\" '''c\nd''' rb'\\x' f\"{x}\" Rf'{y}' u'z' b\"\"\n") ==
        Strings{"STRING 'a'", "STRING \"b\"", "STRING '''c\nd'''", "STRING rb'\\x'", "STRING f\"{x}\"",
                "STRING Rf'{y}'", "STRING u'z'", "STRING b\"\"", "NEWLINE", "ENDMARKER"});
  // Not string prefixes: the name ends before the quote.
  CHECK(tokens("ub'a'\n") == Strings{"NAME ub", "STRING 'a'", "NEWLINE", "ENDMARKER"});
  CHECK(positions("s = '''a\nbc'''\n") == Strings{"1:0-1:1", "1:2-1:3", "1:4-2:5", "2:5-2:6"});
}

TEST_CASE("lexer: string errors are reported at the opening quote", "[lexer]") {
  CHECK(lex_error("x = 'abc\nprint(x)\n") == "SyntaxError: unterminated string literal (detected at line 1) @1:5 (eager)");
  CHECK(lex_error("x = \"\"\"abc\n\ndef\n") ==
        "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5 (eager)");
}

TEST_CASE("lexer: bracket errors", "[lexer]") {
  CHECK(lex_error("x = 1)\n") == "SyntaxError: unmatched ')' @1:6 (eager)");
  CHECK(lex_error("x = (1, 2]\n") ==
        "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:10 (eager)");
  CHECK(lex_error("x = (1,\n 2]\n") ==
        "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:3 (eager)");
  // Reaching the end inside brackets is not eager: the parser decides whether it is the error.
  CHECK(lex_error("x = [1,\n") == "SyntaxError: '[' was never closed @1:5");
  CHECK(lex_error("x = " + std::string(300, '(') + "\n") == "SyntaxError: too many nested parentheses @1:205 (eager)");
  CHECK(lex_error("x = " + std::string(10000, '[') + std::string(10000, ']') + "\n") ==
        "SyntaxError: too many nested parentheses @1:205 (eager)");
}

TEST_CASE("lexer: indentation errors are not eager", "[lexer]") {
  CHECK(lex_error("if x:\n        a\n    b\n") == "IndentationError: unindent does not match any outer indentation level @3:6");
  CHECK(lex_error("if x:\n        a\n\tb\n") == "TabError: inconsistent use of tabs and spaces in indentation @3:1");
  std::string deep;
  for (int i = 0; i <= 100; ++i) deep += std::string(i, ' ') + "if x:\n";
  CHECK(lex_error(deep) == "IndentationError: too many levels of indentation @101:1");
}

TEST_CASE("lexer: invalid characters", "[lexer]") {
  CHECK(lex_error("x = 1 \xE2\x80\x93 2\n") == "SyntaxError: invalid character '\xE2\x80\x93' (U+2013) @1:7 (eager)");
  CHECK(lex_error("x =\xC2\xA0" "1\n") == "SyntaxError: invalid non-printable character U+00A0 @1:4 (eager)");
  CHECK(lex_error("x = 1 \\ 2\n") == "SyntaxError: unexpected character after line continuation character @1:8");
  // `$` and `?` are OP tokens the parser rejects.
  CHECK(tokens("a $\n") == Strings{"NAME a", "OP $", "NEWLINE", "ENDMARKER"});
  // Identifiers may use letters of any script.
  CHECK(tokens("caf\xC3\xA9 = \xCF\x80\n") == Strings{"NAME caf\xC3\xA9", "EQUAL =", "NAME \xCF\x80", "NEWLINE", "ENDMARKER"});
  CHECK(positions("\xCF\x80 = 1\n") == Strings{"1:0-1:1", "1:2-1:3", "1:4-1:5", "1:5-1:6"});
}

TEST_CASE("lexer: operators", "[lexer]") {
  CHECK(tokens("a **= b // c -> d := e != f <> g ... @=\n") ==
        Strings{"NAME a", "DOUBLESTAREQUAL **=", "NAME b", "DOUBLESLASH //", "NAME c", "RARROW ->", "NAME d",
                "COLONEQUAL :=", "NAME e", "NOTEQUAL !=", "NAME f", "NOTEQUAL <>", "NAME g", "ELLIPSIS ...",
                "ATEQUAL @=", "NEWLINE", "ENDMARKER"});
}
