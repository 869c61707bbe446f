// Virtual machine: heap frames, the bytecode dispatch loop, and the object protocols natives build on.
//
// Python-level calls push a heap Frame and continue in the same dispatch loop, so
// deep Python recursion never deepens the native stack and a run can pause after
// any instruction. Native code that needs to call back into Python (sorted's key,
// a user __repr__, __eq__ inside a dict lookup) uses VM::call, which runs a nested
// dispatch loop until that call returns; such nesting is bounded by the recursion limit.
//
// Natives signal Python exceptions by throwing PyRaise (or cv::PyError from pure
// helpers); the dispatch loop turns them into ordinary unwinding.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/heap.h"
#include "core/object.h"

namespace cv {

using KwArgs = std::span<const std::pair<StrObject*, Value>>;
using PosArgs = std::span<const Value>;

// A Python exception in flight through native code.
struct PyRaise {
  ExceptionObject* exception;
};

// One activation of a code object. Not a GC object: frames are owned by the VM's
// frame stack while running and by their generator while suspended.
struct Frame {
  CodeObject* code = nullptr;
  FunctionObject* function = nullptr;  // null for <module> and class bodies
  DictObject* globals = nullptr;
  DictObject* locals_dict = nullptr;   // module and class bodies: where LoadName/StoreName go
  Frame* back = nullptr;               // the caller
  GeneratorObject* generator = nullptr;
  uint64_t serial = 0;                 // unique frame id in this run (fid order is the recorder's business)
  uint32_t rec_fid = 0;                // the recorder's fid for this frame, 0 until its first call event
  int32_t ip = 0;                      // next instruction
  int32_t last_line = -1;              // tracing: line of the previously executed instruction
  int32_t last_ip = -1;                // tracing: index of the previously executed instruction
  int32_t line_ip = -1;                // instruction whose line the frame shows while an exception leaves it
                                       // after a clean-up re-raise (CPython's RERAISE restoring f_lasti); -1 none
  bool sent_value = false;             // generator: last resumed by send() with a value other than None
  Value* slots = nullptr;              // locals, then cells, then free variables
  Value* stack_base = nullptr;
  Value* sp = nullptr;                 // one past the top of the value stack
  std::unique_ptr<Value[]> storage;
  size_t capacity = 0;                 // Values in `storage` (frames are recycled by capacity)
  // What the caller does with this frame's return value.
  enum class OnReturn : uint8_t {
    Push,          // push it on the caller's stack (ordinary call)
    PushInstance,  // __init__ finished: check it returned None, push `pending` (the new instance)
    BuildClass,    // class body finished: build the class from locals_dict, push it
    ExitNested,    // return to the native code that called VM::call
  } on_return = OnReturn::Push;
  // How a suspended generator frame was resumed: where its yielded value goes.
  enum class Resumer : uint8_t {
    None,     // not a generator frame, or not running
    ForIter,  // a ForIter in the caller: yield pushes the value, return makes the loop exit
    Send,     // a Send (yield from) in the caller: yield pushes the value, return jumps with the result
    Native,   // VM::resume_generator: the nested loop returns to native code
  } resumer = Resumer::None;
  Value pending;                        // PushInstance: the instance; BuildClass: the bases tuple
  Value class_name;                     // BuildClass: the class name
  Value class_cell;                     // BuildClass: the __class__ cell, if the body made one
  Value class_keywords;                 // BuildClass: dict of the class statement's keywords, or null
  int depth = 0;                        // Python call depth (recursion limit)
};

struct RunLimits {
  int recursion_limit = 1000;
  // MemoryError beyond this estimate. In WebAssembly the whole page lives in one 2 GB memory
  // (Emscripten's limit for a growable wasm32 heap) that the recording and the diagram share with
  // the program, and allocating there is slower, so the browser build stops programs at half that.
#ifdef __EMSCRIPTEN__
  size_t max_heap_bytes = size_t(512) << 20;
#else
  size_t max_heap_bytes = size_t(1) << 30;
#endif
  int gc_stress = 0;  // > 0: collect at every gc_stress-th safe point (testing: exposes values the collector cannot see)
  // Native recursion (a native calling back into Python, reprs and comparisons of nested
  // containers) uses the C++ stack, which the recursion limit alone does not protect in
  // WebAssembly: there V8's ~984 KB stack holds about 187 levels of sorted(key=...) recursion
  // and 786 of nested-list ==, as measured under node 20 (tests/hostile/README.md). These caps
  // keep any mix of the two under about 80% of it; natively the recursion limit decides.
#ifdef __EMSCRIPTEN__
  int max_native_calls = 80;     // VM::call / generator resumptions nested in native code
  int max_native_nesting = 150;  // each of: repr depth, ==/</hash depth of nested containers
#else
  int max_native_calls = 1 << 30;
  int max_native_nesting = 1 << 30;
#endif
};

// Receives execution events; the recorder implements it. Null when not recording.
struct TraceHook {
  virtual ~TraceHook() = default;
  enum class Event { Call, Line, Return, Exception };
  // `value`: the return value (Return) or the exception (Exception).
  virtual void on_event(VM& vm, Frame& frame, Event event, int line, Value value, bool is_yield, bool is_unwind) = 0;
};

// Builtin classes the runtime refers to directly.
struct BuiltinTypes {
  TypeObject *type, *object, *none_type, *not_implemented_type, *ellipsis_type;
  TypeObject *int_, *bool_, *float_, *str, *list, *tuple, *dict, *set, *frozenset, *range, *slice;
  TypeObject *function, *builtin_function, *method, *cell, *code, *generator, *module;
  TypeObject *property, *staticmethod, *classmethod, *super, *iterator, *native;
  // exceptions
  TypeObject *BaseException, *Exception, *TypeError, *ValueError, *NameError, *UnboundLocalError,
      *AttributeError, *KeyError, *IndexError, *LookupError, *ZeroDivisionError, *ArithmeticError,
      *OverflowError, *RecursionError, *RuntimeError, *StopIteration, *AssertionError,
      *NotImplementedError, *ImportError, *ModuleNotFoundError, *MemoryError, *SyntaxError,
      *IndentationError, *TabError, *UnicodeError, *KeyboardInterrupt, *SystemExit, *GeneratorExit,
      *EOFError, *OSError;
};

// A frame's line for tracebacks and events.
int frame_line(const Frame& frame);
// The index of the instruction frame_line reports the line of (-1 when there is none).
int32_t frame_instruction(const Frame& frame);
// Reports every value a frame holds (slots, value stack, code, function, namespaces).
void trace_frame(Frame& frame, GcMarker& marker);

class VM {
 public:
  explicit VM(RunLimits limits = {});
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  Heap heap;
  BuiltinTypes t{};
  Value None, True, False, NotImplemented, Ellipsis;
  DictObject* builtins = nullptr;        // the builtins namespace
  DictObject* main_globals = nullptr;    // __main__'s globals
  RunLimits limits;
  TraceHook* trace_hook = nullptr;

  // ---- output and input (the embedder decides where they go)
  std::function<void(std::string_view)> write_stdout;
  std::function<bool(std::string& line)> read_stdin_line;  // false at EOF

  // ---- allocation
  StrObject* new_str(std::string text);
  StrObject* intern(std::string_view text);  // one shared object per distinct text
  Value new_int(int64_t v);
  Value new_int(const BigInt& v);            // small when it fits
  Value new_float(double v);
  Value new_bool(bool b) { return b ? True : False; }
  ListObject* new_list(std::vector<Value> items = {});
  TupleObject* new_tuple(std::vector<Value> items = {});
  DictObject* new_dict();
  SetObject* new_set(bool frozen = false);
  ExceptionObject* new_exception(TypeObject* type, std::string message);
  ExceptionObject* new_exception(TypeObject* type, std::vector<Value> args);

  // ---- type queries
  TypeObject* type_of(Value v) const;
  bool is_instance(Value v, const TypeObject* type) const;  // isinstance(v, type)
  static bool is_str(Value v);
  static bool is_int(Value v);    // int or bool
  std::string type_name(Value v) const { return type_of(v)->name; }

  // ---- protocols (each may run Python code and may throw PyRaise)
  StrObject* repr(Value v);
  StrObject* to_str(Value v);
  bool truthy(Value v);
  uint64_t hash(Value v);               // TypeError for unhashable types
  bool equals(Value a, Value b);        // a == b, truthiness of the result
  Value compare(Value a, Value b, CompareOpArg op);
  Value binary_op(Value a, Value b, BinaryOpArg op);
  Value unary_op(Value v, UnaryOpArg op);
  Value get_attr(Value obj, StrObject* name);          // raises AttributeError
  Value get_attr_or_null(Value obj, StrObject* name);  // null when missing
  void set_attr(Value obj, StrObject* name, Value v);
  void del_attr(Value obj, StrObject* name);
  Value get_item(Value container, Value key);
  void set_item(Value container, Value key, Value v);
  void del_item(Value container, Value key);
  bool contains(Value container, Value item);
  int64_t length(Value v);
  Value get_iter(Value v);
  Value next(Value iterator);              // null when exhausted
  std::vector<Value> to_vector(Value iterable);
  Value format(Value v, StrObject* spec);  // format(v, spec)
  int64_t index_value(Value v);            // __index__ to int64 (for subscripts, range)
  BigInt to_bigint(Value v);               // int/bool to BigInt

  // ---- calls
  Value call(Value callable, PosArgs args, KwArgs kwargs = {});
  Value call(Value callable, std::initializer_list<Value> args) {
    return call(callable, PosArgs(args.begin(), args.size()));
  }
  Value call_method(Value obj, StrObject* name, PosArgs args, KwArgs kwargs = {});
  Value call_dunder_or_null(Value obj, std::string_view name, PosArgs args);  // null if absent

  // ---- generators
  // Resumes `gen` sending `sent` (or throwing `thrown` into it). Returns the yielded value, or
  // null when the generator finished (its return value is then in `*returned` if given).
  Value resume_generator(GeneratorObject* gen, Value sent, ExceptionObject* thrown = nullptr, Value* returned = nullptr);
  // gen.close(): closes the sub-iterator of a `yield from` it is suspended in, then throws
  // GeneratorExit into it (also when it never started, as CPython 3.11 does).
  void close_generator(GeneratorObject* gen);

  // ---- tracebacks as objects
  // exc.__traceback__ (None while it has no entries): a chain of `traceback` objects, outermost
  // first, with tb_lineno and tb_next (tb_frame is None: frames are not objects here). The same
  // objects each time; entries the exception gained since get new objects in front.
  Value traceback_object(ExceptionObject* exc);

  // A frame that is done: freed, and its generator (if any) marked finished.
  void release_frame(Frame* frame);

  // ---- errors
  [[noreturn]] void raise(TypeObject* type, std::string message);
  [[noreturn]] void raise(ExceptionObject* exception);
  [[noreturn]] void raise_type_error(std::string message) { raise(t.TypeError, std::move(message)); }

  // ---- registration of natives
  BuiltinFunction* new_builtin(std::string name, NativeFn fn, Object* data = nullptr);
  BuiltinFunction* def_function(DictObject* into, std::string name, NativeFn fn);  // a builtin function
  BuiltinFunction* def_method(TypeObject* type, std::string name, NativeFn fn);    // a method descriptor
  void def_attr(TypeObject* type, std::string_view name, Value v);
  TypeObject* new_type(std::string name, std::vector<TypeObject*> bases, ObjKind instance_kind, bool builtin);
  ModuleObject* new_module(std::string name);
  void register_module(ModuleObject* module);  // made importable by name
  Value find_module(std::string_view name);    // null when unknown

  // ---- running
  // Compiles and runs a whole program as __main__. Returns normally, or throws PyRaise for
  // an uncaught exception (with its traceback filled in). CompileError propagates as is.
  void run_main(std::string_view source, std::string_view filename);
  // The same run in slices (ProgramRun): start_main compiles and enters <module> without running
  // an instruction; each continue_main runs about `steps` instructions and returns true once the
  // program has finished (or throws PyRaise as run_main does). It pauses only in the outermost
  // dispatch loop, so while native code has called back into Python it runs on until that unwinds.
  void start_main(std::string_view source, std::string_view filename);
  bool continue_main(uint64_t steps);
  // The exception that ended the last run (null if it completed).
  const std::vector<Frame*>& frame_stack() const { return frames_; }
  Frame* current_frame() const { return frames_.empty() ? nullptr : frames_.back(); }

  // Formats "Traceback (most recent call last): ..." exactly as CPython prints it.
  std::string format_traceback(ExceptionObject* exc);
  // "TypeError: message" as CPython's last traceback line.
  std::string format_exception_only(ExceptionObject* exc);

  // Marks everything reachable from the running program; used by the collector and the recorder.
  void visit_roots(GcMarker& marker);
  void collect_garbage();

 private:
  friend struct Interpreter;
  Value run_frame(Frame* frame, ExceptionObject* inject = nullptr);  // pushes `frame`, runs until it returns
  bool push_call(Frame* caller, Value callable, PosArgs args, KwArgs kwargs, Value* result);
  void install_runtime_natives();
  bool frame_on_stack(Frame* f) const;
  void init_cells_for(Frame* f);  // creates a new frame's cells and copies in its closure
  [[noreturn]] void raise_name_error(Frame* f, StrObject* name, bool suggest = true, std::string message = "");
  bool exception_matches(Value exc, Value match_type);  // `except match_type:`
  Value iter_for_unpack(Value seq);
  // `callee` (when not null) is the called object, named in the errors of a call's `**` operands.
  void merge_into_dict(DictObject* d, Value mapping, bool reject_duplicates, Value callee = Value());
  ExceptionObject* pending_replacement_ = nullptr;  // set by unwind when it rewrites the exception (PEP 479)
  Frame* new_frame(CodeObject* code, FunctionObject* fn, DictObject* globals, DictObject* locals_dict);
  void free_frame(Frame* frame);
  Frame* frame_for_call(FunctionObject* fn, PosArgs args, KwArgs kwargs);  // binds arguments
  void maybe_collect();
  void init_builtin_types();
  std::vector<Frame*> frames_;
  std::vector<Value> temp_roots_;
  std::unordered_map<std::string, StrObject*, std::hash<std::string>> interned_;
  std::unordered_map<std::string, ModuleObject*> modules_;
  // Returned frames kept for reuse, by storage capacity: a call then costs no allocation.
  static constexpr size_t kPooledCapacities = 64;
  std::vector<Frame*> frame_pool_[kPooledCapacities];
  uint64_t frame_serial_ = 0;
  int native_depth_ = 0;  // nested VM::call depth: collections are postponed while > 0
  int call_depth_ = 0;    // Python frames on the stack, for the recursion limit
  Value handled_exception_;                // sys.exc_info(): the exception the innermost active handler handles
  bool reraising_ = false;                 // the exception being thrown is re-raised: no new traceback entry
  bool generator_finished_ = false;        // run_loop returned because a natively resumed generator returned
  Value generator_return_;                 // ... with this value
  std::vector<TypeObject*> exception_types_;
  std::vector<Value> extra_roots_;         // objects natives keep for the whole run (module state)
  std::vector<std::string> source_lines_;  // of the main program, for tracebacks
  std::string main_filename_;
  Value build_class_fn_;                   // the __build_class__ builtin, recognised by Call
  Value object_new_, object_init_;         // object.__new__ / object.__init__
  TupleObject* empty_tuple_ = nullptr;     // the one empty tuple (new_tuple({}))
  size_t next_collection_bytes_ = 8u << 20;
  int safe_points_ = 0;  // counts safe points for RunLimits::gc_stress
  Value run_loop(Frame* entry);            // the dispatch loop proper
  // ---- generator finalization
  // CPython closes a suspended (or never started) generator the moment its last reference goes
  // (refcounting): GeneratorExit is thrown into it, so its finally blocks run and a tracer sees
  // call/exception/return. This VM has no refcounts, so instructions that may drop a reference set
  // finalize_check_ while open generators exist, and the dispatch loop then looks, before the
  // next instruction, for open generators nothing reaches any more and closes them.
  // Inside a Python frame that native code called (native_depth_ > 0), the natives waiting on the
  // C++ stack may hold values in locals the marker cannot see. What can they hold? What existed
  // when the native work of the instruction below them began (the "chain": a Python instruction's
  // native code with all its calls back into Python, e.g. list(gen) resuming gen again and again),
  // and what the Python code they called handed back to them (return values, yielded values,
  // raised exceptions, generators they made by calling a generator function). So a look there
  // closes only a generator newer than the innermost chain's start (serial > generator_fence_)
  // that nothing, handed-back values included, reaches: what a for loop's iterator dropped by
  // `return` in a generator that list() drives, or a generator abandoned by all()/any()/next()
  // in a method that `==` called, needs to be closed when CPython closes it. The rest waits for
  // the outer levels (finalize_deferred_). Not covered: Python code storing a new generator into
  // a container only a native still holds, which no program of the corpus does.
  struct NativeLevel {
    uint32_t fence = 0;                 // newest_generator_serial_ when the chain began
    int64_t left_at = INT64_MIN;        // pause_countdown_ when Python code last returned to the chain
    std::vector<Value> handed_back;     // values Python code handed to the chain's natives
  };
  std::vector<GeneratorObject*> open_generators_;  // made and not yet finished (may hold finished ones until compacted)
  bool finalize_check_ = false;                    // a reference may have been dropped since the last look
  bool finalize_deferred_ = false;                 // a look left generators natives may hold to the outer levels
  int64_t finalize_wait_ = 0;                      // instructions (with finalize_check_ set) before the next look may run
  uint32_t newest_generator_serial_ = 0;           // serial of the generator made last
  uint32_t generator_fence_ = 0;                   // the innermost chain's fence (0 outside native code)
  std::vector<NativeLevel> native_levels_;         // [d]: the chain of natives at native_depth_ d
  // Entered when native code runs Python code (VM::call of a function, resume_generator): counts
  // native_depth_, starts or continues the chain's level; on leaving, a deferred look is due again.
  struct NativeCallScope {
    explicit NativeCallScope(VM& vm);
    ~NativeCallScope();
    void hand_back(Value v);  // the Python code gave `v` to the native
    VM& vm_;
    size_t level_;
    uint32_t saved_fence_;
  };
  void note_handed_to_native(Value v);  // a native got `v` from Python code outside a NativeCallScope
  void forget_native_levels() { for (NativeLevel& l : native_levels_) l.left_at = INT64_MIN; }
  uint32_t boot_serial_ = 0;                       // objects up to this serial belong to the library, not the program
  void note_new_generator(GeneratorObject* gen);
  void finalize_unreachable_generators();
  void close_generator_quietly(GeneratorObject* gen);  // gen.close() whose errors are ignored, as CPython's finalizer
  void note_possible_drop() { if (!open_generators_.empty()) finalize_check_ = true; }
  Value drive_frame(Frame* entry, ExceptionObject* pending);  // run_frame after the push: loop + unwinding
  int64_t pause_countdown_ = INT64_MAX;    // instructions left before the outermost loop pauses
  bool paused_ = false;                    // run_loop returned because of pause_countdown_
  Frame* main_frame_ = nullptr;            // <module>'s frame while a sliced run is under way
  bool unwind(ExceptionObject* exc, Frame* entry, bool is_reraise);  // false: propagate out of `entry`
  Value construct(TypeObject* cls, PosArgs args, KwArgs kwargs, bool* init_pending, Value* init_fn);
  ExceptionObject* to_exception(const PyError& error);
  void finish_class(Frame* body_frame, Value* result);
 public:
  void complete_class_dict(TypeObject* cls);  // type.__new__'s additions: implicit staticmethod/classmethod, __slots__ members
 private:
  TypeObject* member_descriptor_type_ = nullptr;  // made when a class first declares __slots__
  TypeObject* getset_descriptor_type_ = nullptr;
  TypeObject* traceback_type_ = nullptr;          // the `traceback` objects of traceback_object()  // a class __dict__'s "__dict__" and "__weakref__" entries
  Value import_module(StrObject* name);
  Frame* make_generator_frame(FunctionObject* fn, PosArgs args, KwArgs kwargs);
 public:
  // Keeps `v` alive for the rest of the run (module-level state of natives).
  void keep_alive(Value v) { extra_roots_.push_back(v); }
  // Protects values held by native code across calls that may collect (RAII).
  struct TempRoot {
    TempRoot(VM& vm, Value v) : vm_(vm) { vm_.temp_roots_.push_back(v); }
    ~TempRoot() { vm_.temp_roots_.pop_back(); }
    VM& vm_;
  };
};

// CPython 3.11's "Did you mean" choice among `candidates` for the misspelt `name` ("" if none is close).
std::string suggest_name(const std::vector<std::string>& candidates, const std::string& name);

// Install the builtins namespace and the library modules (builtins.cpp, modules.cpp, ...).
void install_builtins(VM& vm);
void install_type_methods(VM& vm);
void install_modules(VM& vm);

}  // namespace cv
