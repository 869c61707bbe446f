// Unit tests for the compiler: code object tables (names, varnames, cells), bytecode shape and compile errors.
#include <catch2/catch.hpp>

#include <string>

#include "core/compiler.h"
#include "core/disassembler.h"
#include "core/vm.h"

namespace {

// The module's code object and, by qualname, each nested one.
const cv::CodeObject* find_code(const cv::CodeObject& code, const std::string& qualname) {
  if (code.qualname->text == qualname) return &code;
  for (cv::Value c : code.constants) {
    if (c.is_object() && c.as_object()->kind == cv::ObjKind::Code) {
      if (const cv::CodeObject* found = find_code(*static_cast<const cv::CodeObject*>(c.as_object()), qualname))
        return found;
    }
  }
  return nullptr;
}

std::vector<std::string> texts(const std::vector<cv::StrObject*>& names) {
  std::vector<std::string> out;
  for (const cv::StrObject* s : names) out.push_back(s->text);
  return out;
}

bool has_op(const cv::CodeObject& code, cv::Op op) {
  for (const cv::Instr& in : code.info.code)
    if (in.op == op) return true;
  return false;
}

cv::CompileError compile_error(const std::string& source) {
  cv::VM vm;
  try {
    cv::compile_source(vm, source, "<test>");
  } catch (const cv::CompileError& e) {
    return e;
  }
  FAIL("expected a compile error for: " << source);
  return cv::CompileError("", "", 0);
}

}  // namespace

TEST_CASE("a closure's code objects list cells and free variables as CPython does", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module = cv::compile_source(vm,
                                                    "def outer_function(x):\n"
                                                    "    def inner_function(y):\n"
                                                    "        return x + y\n"
                                                    "    return inner_function\n",
                                                    "<test>");
  const cv::CodeObject* outer = find_code(*module, "outer_function");
  const cv::CodeObject* inner = find_code(*module, "outer_function.<locals>.inner_function");
  REQUIRE(outer);
  REQUIRE(inner);
  CHECK(texts(outer->varnames) == std::vector<std::string>{"x", "inner_function"});
  CHECK(texts(outer->cellvars) == std::vector<std::string>{"x"});
  CHECK(outer->info.cell2arg == std::vector<int32_t>{0});  // the cell wraps parameter 0
  CHECK(texts(inner->freevars) == std::vector<std::string>{"x"});
  CHECK(texts(inner->varnames) == std::vector<std::string>{"y"});
  // x is read through its cell in both, never as a fast local.
  CHECK(has_op(*inner, cv::Op::LoadDeref));
  CHECK(has_op(*outer, cv::Op::LoadClosure));
  CHECK(has_op(*outer, cv::Op::MakeFunction));
}

TEST_CASE("names resolve to fast locals, globals or namespace lookups by scope", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module = cv::compile_source(vm,
                                                    "g = 1\n"
                                                    "def f(a):\n"
                                                    "    b = a + g\n"
                                                    "    return b\n"
                                                    "class C:\n"
                                                    "    z = g\n",
                                                    "<test>");
  const cv::CodeObject* f = find_code(*module, "f");
  const cv::CodeObject* c = find_code(*module, "C");
  REQUIRE(f);
  REQUIRE(c);
  CHECK(has_op(*f, cv::Op::LoadFast));
  CHECK(has_op(*f, cv::Op::LoadGlobal));
  CHECK_FALSE(has_op(*f, cv::Op::LoadName));
  CHECK(has_op(*c, cv::Op::LoadName));   // class bodies look names up in their namespace first
  CHECK(has_op(*c, cv::Op::StoreName));
  CHECK((c->info.flags & cv::kCodeClassBody) != 0);
}

TEST_CASE("comprehensions and generators get their own code objects", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module =
      cv::compile_source(vm, "xs = [i * i for i in range(3)]\ndef gen():\n    yield 1\n", "<test>");
  const cv::CodeObject* comp = find_code(*module, "<listcomp>");
  const cv::CodeObject* gen = find_code(*module, "gen");
  REQUIRE(comp);
  REQUIRE(gen);
  CHECK(texts(comp->varnames).front() == ".0");
  CHECK((comp->info.flags & cv::kCodeComprehension) != 0);
  CHECK((gen->info.flags & cv::kCodeGenerator) != 0);
  CHECK(has_op(*gen, cv::Op::YieldValue));
}

TEST_CASE("try/except builds an exception table whose handlers are inside the code", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module = cv::compile_source(vm,
                                                    "try:\n"
                                                    "    x = 1\n"
                                                    "except ValueError as e:\n"
                                                    "    x = 2\n"
                                                    "finally:\n"
                                                    "    x = 3\n",
                                                    "<test>");
  REQUIRE_FALSE(module->info.exception_table.empty());
  for (const cv::ExceptionTableEntry& h : module->info.exception_table) {
    CHECK(h.start < h.end);
    CHECK(h.target >= 0);
    CHECK(h.target < static_cast<int32_t>(module->info.code.size()));
    CHECK(h.depth >= 0);
  }
  CHECK(has_op(*module, cv::Op::PushExcInfo));
  CHECK(has_op(*module, cv::Op::CheckExcMatch));
}

TEST_CASE("unreachable code after return is dropped and the stack size stays small", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module = cv::compile_source(vm,
                                                    "def f():\n"
                                                    "    try:\n"
                                                    "        return 1\n"
                                                    "    finally:\n"
                                                    "        return 2\n"
                                                    "    print('never')\n",
                                                    "<test>");
  const cv::CodeObject* f = find_code(*module, "f");
  REQUIRE(f);
  for (const cv::Instr& in : f->info.code) {
    if (in.op == cv::Op::LoadGlobal) CHECK(f->names[in.arg]->text != "print");
  }
  CHECK(f->info.stacksize < 10);
}

TEST_CASE("compile errors carry CPython's message and line", "[compiler]") {
  cv::CompileError e = compile_error("x = 1\nreturn x\n");
  CHECK(e.type_name == "SyntaxError");
  CHECK(e.message == "'return' outside function");
  CHECK(e.line == 2);
  e = compile_error("def f():\n    nonlocal q\n");
  CHECK(e.message == "no binding for nonlocal 'q' found");
  e = compile_error("a, *b, *c = range(5)\n");
  CHECK(e.message == "multiple starred expressions in assignment");
  e = compile_error("for x in y:\n    pass\nbreak\n");
  CHECK(e.message == "'break' outside loop");
  CHECK(e.line == 3);
}

TEST_CASE("the disassembler and scope listing name every block", "[compiler]") {
  cv::VM vm;
  const cv::CodeObject* module = cv::compile_source(vm, "def f(a):\n    return lambda: a\n", "<test>");
  std::string listing = cv::disassemble(*module);
  CHECK(listing.find("code f") != std::string::npos);
  CHECK(listing.find("code f.<locals>.<lambda>") != std::string::npos);
  std::string json = cv::code_blocks_json(*module);
  CHECK(json.find("\"freevars\": [\"a\"]") != std::string::npos);
  CHECK(json.find("\"cellvars\": [\"a\"]") != std::string::npos);
}
