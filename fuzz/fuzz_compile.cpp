// libFuzzer target: parse, scope analysis and compilation to bytecode, then the disassembler and scope dump.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/bytecode.h"
#include "core/compiler.h"
#include "core/disassembler.h"
#include "core/vm.h"
#include "fuzz/fuzz_support.h"

namespace {

// Setting up a VM (builtin types, modules, interned names) costs about 20 times a small
// compile under the sanitizers, so one VM serves a batch of inputs. Compiling only adds code
// objects and interned strings to it; a fresh VM per batch keeps that growth bounded.
constexpr int kInputsPerVm = 256;

cv::VM& batch_vm() {
  static std::unique_ptr<cv::VM> vm;
  static int inputs = 0;
  if (!vm || ++inputs >= kInputsPerVm) {
    vm.reset();
    vm = std::make_unique<cv::VM>(cv::fuzz::small_run_limits());
    inputs = 0;
  }
  return *vm;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source;
  if (!cv::fuzz::accepted_source(data, size, source)) return 0;
  cv::VM& vm = batch_vm();
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
