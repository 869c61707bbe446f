// Bytecode: the instruction set the compiler emits and the VM executes, and the per-code tables around it.
//
// The design follows CPython 3.11 closely (stack machine, LOAD_FAST / LOAD_DEREF /
// LOAD_GLOBAL chosen at compile time from the scope analysis, a zero-cost exception
// table instead of a block stack) so that the events a trace reports line up with
// what CPython's `sys.settrace` reports for the same program.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cv {

enum class Op : uint8_t {
  // ---- stack shuffling
  Nop,
  PopTop,
  Copy,            // arg n: push a copy of the n-th item from the top (1 = TOS)
  Swap,            // arg n: swap TOS with the n-th item
  // ---- names (arg indexes the code's tables)
  LoadConst,       // arg: constants index
  PushNull,        // pushes the "no self" marker of the call protocol
  LoadFast,        // arg: local slot; raises UnboundLocalError when empty
  StoreFast,
  DeleteFast,
  LoadDeref,       // arg: cell slot (cellvars first, then freevars)
  StoreDeref,
  DeleteDeref,
  LoadClosure,     // arg: cell slot; pushes the cell object itself (to build a closure tuple)
  LoadClassDeref,  // class body reading a free variable: class namespace first, then the cell
  LoadGlobal,      // arg: names index
  StoreGlobal,
  DeleteGlobal,
  LoadName,        // arg: names index; module/class body lookup: locals dict, globals, builtins
  StoreName,
  DeleteName,
  LoadAttr,        // arg: names index
  StoreAttr,       // TOS = object, TOS1 = value
  DeleteAttr,
  LoadMethod,      // arg: names index; pushes [callable, self-or-null]
  // ---- subscripts
  BinarySubscr,
  StoreSubscr,     // TOS = key, TOS1 = container, TOS2 = value
  DeleteSubscr,
  BuildSlice,      // arg: 2 or 3
  // ---- operators
  BinaryOp,        // arg: BinaryOpArg (in-place variants included)
  UnaryOp,         // arg: UnaryOpArg
  CompareOp,       // arg: CompareOpArg
  IsOp,            // arg 1 = `is not`
  ContainsOp,      // arg 1 = `not in`
  // ---- building
  BuildTuple, BuildList, BuildSet, BuildMap,  // arg: item count (BuildMap: pair count)
  BuildString,     // arg: piece count, concatenated (f-strings)
  FormatValue,     // arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on the stack
  ListAppend,      // arg: depth of the list below TOS
  SetAdd,
  MapAdd,          // TOS = value, TOS1 = key
  ListExtend,
  SetUpdate,
  DictUpdate,
  DictMerge,       // like DictUpdate, but duplicate keys are a TypeError (calls with **kwargs)
  ListToTuple,
  UnpackSequence,  // arg: count
  UnpackEx,        // arg: before | (after << 8)
  // ---- control flow (arg: absolute target instruction index)
  Jump,
  PopJumpIfFalse,
  PopJumpIfTrue,
  PopJumpIfNone,
  PopJumpIfNotNone,
  JumpIfFalseOrPop,
  JumpIfTrueOrPop,
  GetIter,
  ForIter,         // arg: target when exhausted (iterator popped)
  // ---- functions and calls
  MakeFunction,    // arg: MakeFunctionFlags; TOS = code, below: closure tuple, annotations, kwdefaults, defaults
  KwNames,         // arg: constants index of a tuple of keyword names for the next Call
  Call,            // arg: positional + keyword argument count; stack: callable, self-or-null, args...
  CallEx,          // arg 1 = has **kwargs dict; stack: callable, null, args tuple, [kwargs dict]
  ReturnValue,
  // ---- generators
  YieldValue,
  GetYieldFromIter,
  Send,            // arg: target when the sub-iterator is exhausted
  // ---- exceptions
  Raise,           // arg: 0 re-raise current, 1 raise TOS, 2 raise TOS1 from TOS
  Reraise,         // re-raise TOS (end of a finally / handler cleanup)
  PushExcInfo,     // TOS = exception: push the previously handled exception below it and mark this one handled
  PopExcept,       // restore the previously handled exception from TOS
  CheckExcMatch,   // TOS = class(es), TOS1 = exception: push whether it matches
  LoadAssertionError,
  // ---- with
  BeforeWith,      // TOS = manager: push __exit__ bound, then the result of __enter__()
  WithExceptStart, // call __exit__(type, value, tb) for the exception at TOS
  // ---- classes and modules
  LoadBuildClass,  // push the class-building callable
  ImportName,      // arg: names index of the module; TOS1 = level, TOS = fromlist (None or tuple)
  ImportFrom,      // arg: names index; TOS = module
  ImportStar,
  SetupAnnotations, // creates __annotations__ in a module or class namespace
};

enum class BinaryOpArg : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  InplaceAdd, InplaceSub, InplaceMul, InplaceMatMul, InplaceTrueDiv, InplaceFloorDiv, InplaceMod,
  InplacePow, InplaceLShift, InplaceRShift, InplaceAnd, InplaceOr, InplaceXor,
};
constexpr int kInplaceOffset = static_cast<int>(BinaryOpArg::InplaceAdd);

enum class UnaryOpArg : uint8_t { Negative, Positive, Invert, Not };
enum class CompareOpArg : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

enum MakeFunctionFlags : int32_t {
  kHasDefaults = 1,
  kHasKwDefaults = 2,
  kHasAnnotations = 4,
  kHasClosure = 8,
};

// Properties of a code object.
enum CodeFlags : uint32_t {
  kCodeVarargs = 1u << 0,        // has *args
  kCodeVarkeywords = 1u << 1,    // has **kwargs
  kCodeGenerator = 1u << 2,      // body contains yield
  kCodeModule = 1u << 3,         // <module>: names are globals
  kCodeClassBody = 1u << 4,      // class body: names live in the class namespace dict
  kCodeComprehension = 1u << 5,  // <listcomp>, <genexpr>, ...
  kCodeLambda = 1u << 6,
  kCodeNested = 1u << 7,         // defined inside a function
};

struct Instr {
  Op op;
  int32_t arg = 0;
};

// Try-block coverage: an exception raised in [start, end) jumps to `target` after the
// value stack is cut to `depth` items (plus the instruction offset when push_lasti).
struct ExceptionTableEntry {
  int32_t start;
  int32_t end;
  int32_t target;
  int32_t depth;
  bool push_lasti;
};

// The rest of an instruction's source position (its start line is in CodeInfo::lines): what
// CPython's co_positions() gives, for the carets under a traceback's source lines. Columns are
// 0-based code points; -1 when unknown (the traceback then shows no carets).
struct SourceColumns {
  int32_t end_line = -1;
  int32_t col = -1;
  int32_t end_col = -1;
};

struct CodeInfo {
  std::vector<Instr> code;
  std::vector<int32_t> lines;        // source line of each instruction (-1: none, e.g. artificial cleanup)
  std::vector<SourceColumns> columns;  // per instruction, of the node it was compiled from
  std::vector<uint8_t> line_starts;  // 1 where an instruction begins a new line entry in the line table
  std::vector<ExceptionTableEntry> exception_table;
  std::vector<int32_t> cell2arg;     // for each cellvar: the argument slot it wraps, or -1
  uint32_t flags = 0;
  int32_t argcount = 0;              // positional parameters, including positional-only
  int32_t posonlyargcount = 0;
  int32_t kwonlyargcount = 0;
  int32_t nlocals = 0;               // len(co_varnames)
  int32_t stacksize = 0;
  int32_t firstlineno = 0;
  // Slots of a frame: [0, nlocals) locals, then cellvars, then freevars.
  int32_t ncells() const { return static_cast<int32_t>(cell2arg.size()); }
};

}  // namespace cv
