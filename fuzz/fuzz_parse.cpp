// libFuzzer target: the lexer and the parser (plus the AST dump) on arbitrary source text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/ast_dump.h"
#include "core/lexer.h"
#include "core/parser.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source;
  if (!cv::fuzz::accepted_source(data, size, source)) return 0;

  // The token stream alone: it must end (ENDMARKER or an error) within a bounded number of
  // tokens, since every token consumes input or closes an indentation level.
  {
    cv::Lexer lexer(source);
    const size_t max_tokens = 4 * source.size() + 1000;
    size_t count = 0;
    for (;; ++count) {
      const cv::Token token = lexer.next();
      if (token.kind == cv::TokenKind::EndMarker || token.kind == cv::TokenKind::ErrorToken) break;
      if (count > max_tokens) cv::fuzz::fail("lexer does not terminate", source);
    }
    if (lexer.next().kind == cv::TokenKind::ErrorToken && !lexer.error())
      cv::fuzz::fail("ErrorToken without an error", source);
  }

  // One of the two parser modes (`closureviz run`'s or `closureviz ast`'s), chosen by the input
  // so the fuzzer explores both while each input costs one parse.
  {
    const bool ast_only = source.size() % 2 == 1;
    cv::ParseOptions options;
    options.ast_only = ast_only;
    try {
      const cv::ast::Module module = cv::parse_module(source, "<fuzz>", options);
      if (ast_only) {
        const std::string dump = cv::dump_ast(module);
        const std::string positions = cv::dump_ast_positions(module);
        if (dump.empty()) cv::fuzz::fail("empty ast dump", source);
      }
    } catch (const cv::CompileError& e) {
      if (e.type_name.empty() || e.message.empty()) cv::fuzz::fail("compile error without type or message", source);
    }
  }
  return 0;
}
