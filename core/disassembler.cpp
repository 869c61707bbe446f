// Disassembler: prints instructions with their line, argument and what the argument refers to.
#include "core/disassembler.h"

#include <cstdio>

#include "core/object.h"

namespace cv {

const char* op_name(Op op) {
  static const char* const kNames[] = {
    "Nop",
    "PopTop",
    "Copy",
    "Swap",
    "LoadConst",
    "PushNull",
    "LoadFast",
    "StoreFast",
    "DeleteFast",
    "LoadDeref",
    "StoreDeref",
    "DeleteDeref",
    "LoadClosure",
    "LoadClassDeref",
    "LoadGlobal",
    "StoreGlobal",
    "DeleteGlobal",
    "LoadName",
    "StoreName",
    "DeleteName",
    "LoadAttr",
    "StoreAttr",
    "DeleteAttr",
    "LoadMethod",
    "BinarySubscr",
    "StoreSubscr",
    "DeleteSubscr",
    "BuildSlice",
    "BinaryOp",
    "UnaryOp",
    "CompareOp",
    "IsOp",
    "ContainsOp",
    "BuildTuple",
    "BuildList",
    "BuildSet",
    "BuildMap",
    "BuildString",
    "FormatValue",
    "ListAppend",
    "SetAdd",
    "MapAdd",
    "ListExtend",
    "SetUpdate",
    "DictUpdate",
    "DictMerge",
    "ListToTuple",
    "UnpackSequence",
    "UnpackEx",
    "Jump",
    "PopJumpIfFalse",
    "PopJumpIfTrue",
    "PopJumpIfNone",
    "PopJumpIfNotNone",
    "JumpIfFalseOrPop",
    "JumpIfTrueOrPop",
    "GetIter",
    "ForIter",
    "MakeFunction",
    "KwNames",
    "Call",
    "CallEx",
    "ReturnValue",
    "YieldValue",
    "GetYieldFromIter",
    "Send",
    "Raise",
    "Reraise",
    "PushExcInfo",
    "PopExcept",
    "CheckExcMatch",
    "LoadAssertionError",
    "BeforeWith",
    "WithExceptStart",
    "LoadBuildClass",
    "ImportName",
    "ImportFrom",
    "ImportStar",
    "SetupAnnotations",
  };
  auto i = static_cast<size_t>(op);
  return i < sizeof kNames / sizeof kNames[0] ? kNames[i] : "?";
}

namespace {

std::string describe_constant(Value v) {
  if (v.is_small_int()) return std::to_string(v.as_small_int());
  if (!v.is_object()) return "<null>";
  const Object* o = v.as_object();
  switch (o->kind) {
    case ObjKind::Str: return "'" + static_cast<const StrObject*>(o)->text + "'";
    case ObjKind::None: return "None";
    case ObjKind::Code: return "<code " + static_cast<const CodeObject*>(o)->qualname->text + ">";
    case ObjKind::Tuple: return "<tuple>";
    default: return "<" + std::string(o->type ? o->type->name : "object") + ">";
  }
}

void disassemble_into(const CodeObject& code, std::string& out) {
  out += "code " + code.qualname->text + " (line " + std::to_string(code.info.firstlineno) + ")\n";
  const CodeInfo& info = code.info;
  for (size_t i = 0; i < info.code.size(); ++i) {
    const Instr& in = info.code[i];
    char head[64];
    std::snprintf(head, sizeof head, "%5d %4zu %-18s %d", info.lines[i], i, op_name(in.op), in.arg);
    out += head;
    switch (in.op) {
      case Op::LoadConst: case Op::KwNames: out += "  (" + describe_constant(code.constants[in.arg]) + ")"; break;
      case Op::LoadFast: case Op::StoreFast: case Op::DeleteFast: out += "  (" + code.varnames[in.arg]->text + ")"; break;
      case Op::LoadGlobal: case Op::StoreGlobal: case Op::DeleteGlobal: case Op::LoadName: case Op::StoreName:
      case Op::DeleteName: case Op::LoadAttr: case Op::StoreAttr: case Op::DeleteAttr: case Op::LoadMethod:
      case Op::ImportName: case Op::ImportFrom:
        out += "  (" + code.names[in.arg]->text + ")";
        break;
      default: break;
    }
    out += "\n";
  }
  for (const auto& h : info.exception_table) {
    out += "  handler [" + std::to_string(h.start) + ", " + std::to_string(h.end) + ") -> " + std::to_string(h.target) +
           " depth " + std::to_string(h.depth) + "\n";
  }
  for (Value c : code.constants) {
    if (c.is_object() && c.as_object()->kind == ObjKind::Code) {
      out += "\n";
      disassemble_into(*static_cast<const CodeObject*>(c.as_object()), out);
    }
  }
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string json_names(const std::vector<StrObject*>& names) {
  std::string out = "[";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + json_string(names[i]->text);
  return out + "]";
}

void blocks_into(const CodeObject& code, std::vector<std::string>& out) {
  const char* kind = "function";
  if (code.info.flags & kCodeModule) kind = "module";
  else if (code.info.flags & kCodeClassBody) kind = "class";
  else if (code.info.flags & kCodeLambda) kind = "lambda";
  else if (code.info.flags & kCodeComprehension) kind = "comprehension";
  out.push_back("{\"name\": " + json_string(code.name->text) + ", \"qualname\": " + json_string(code.qualname->text) +
                ", \"line\": " + std::to_string(code.info.firstlineno) + ", \"kind\": \"" + kind +
                "\", \"varnames\": " + json_names(code.varnames) + ", \"cellvars\": " + json_names(code.cellvars) +
                ", \"freevars\": " + json_names(code.freevars) + "}");
  for (Value c : code.constants)
    if (c.is_object() && c.as_object()->kind == ObjKind::Code) blocks_into(*static_cast<const CodeObject*>(c.as_object()), out);
}

}  // namespace

std::string code_blocks_json(const CodeObject& code) {
  std::vector<std::string> blocks;
  blocks_into(code, blocks);
  std::string out = "[\n";
  for (size_t i = 0; i < blocks.size(); ++i) out += "  " + blocks[i] + (i + 1 < blocks.size() ? ",\n" : "\n");
  return out + "]\n";
}

std::string disassemble(const CodeObject& code) {
  std::string out;
  disassemble_into(code, out);
  return out;
}

}  // namespace cv
