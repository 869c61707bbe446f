// libFuzzer target: parse, scope analysis and compilation to bytecode, then the disassembler and scope dump.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/bytecode.h"
#include "core/compiler.h"
#include "core/disassembler.h"
#include "core/vm.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source;
  if (!cv::fuzz::accepted_source(data, size, source)) return 0;
  // A fresh VM per input, although setting one up costs about 20 small compiles: with a VM
  // kept across inputs every input would end with more allocations than frees, and libFuzzer
  // then runs LeakSanitizer's full heap scan after each one, which is far slower still.
  cv::VM vm(cv::fuzz::small_run_limits());
  try {
    const cv::CodeObject* code = cv::compile_source(vm, source, "<fuzz>");
    if (!code) cv::fuzz::fail("compile_source returned null", source);
    // What `closureviz dis` and `closureviz scopes` print: walks every code object and constant.
    const std::string listing = cv::disassemble(*code);
    const std::string scopes = cv::code_blocks_json(*code);
    if (listing.empty() || scopes.empty()) cv::fuzz::fail("empty disassembly or scope dump", source);
  } catch (const cv::CompileError& e) {
    if (e.type_name.empty() || e.message.empty()) cv::fuzz::fail("compile error without type or message", source);
  }
  return 0;
}
