// VM services around the dispatch loop: builtin types, allocation, calls and argument binding, instance
// construction, imports, tracebacks and the collector's roots. The loop itself is in eval.cpp.
#include "core/vm.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstring>
#include <sstream>

#include "core/compiler.h"
#include "core/text.h"
#include "core/traceback_carets.h"

namespace cv {

// ------------------------------------------------------------------ construction

VM::VM(RunLimits l) : limits(l) {
  init_builtin_types();
  builtins = new_dict();
  main_globals = new_dict();
  // Every builtin class is reachable by its name in builtins.
  for (TypeObject* type : {t.type, t.object, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict, t.set,
                           t.frozenset, t.range, t.slice, t.property, t.staticmethod, t.classmethod, t.super}) {
    builtins->table.insert(*this, intern(type->name), intern(type->name)->hash(), type);
  }
  for (TypeObject* type : exception_types_) {
    builtins->table.insert(*this, intern(type->name), intern(type->name)->hash(), type);
  }
  builtins->table.insert(*this, intern("NotImplemented"), intern("NotImplemented")->hash(), NotImplemented);
  builtins->table.insert(*this, intern("Ellipsis"), intern("Ellipsis")->hash(), Ellipsis);
  install_runtime_natives();
  install_builtins(*this);
  install_type_methods(*this);
  install_modules(*this);
  // Everything allocated so far is library state; a probe object's serial marks the boundary.
  boot_serial_ = new_dict()->serial;
}

VM::~VM() {
  for (Frame* f : frames_) {
    if (!f->generator) delete f;
  }
  for (auto& pool : frame_pool_)
    for (Frame* f : pool) delete f;
}

void VM::init_builtin_types() {
  TypeObject* type = heap.make<TypeObject>(nullptr);
  type->type = type;
  type->name = type->qualname = "type";
  type->instance_kind = ObjKind::Type;
  t.type = type;
  TypeObject* object = heap.make<TypeObject>(type);
  object->name = object->qualname = "object";
  object->mro = {object};
  object->attrs = new_dict();
  t.object = object;
  type->bases = {object};
  type->mro = {type, object};
  type->attrs = new_dict();

  auto builtin = [&](const char* name, TypeObject* base, ObjKind kind) {
    return new_type(name, {base}, kind, true);
  };
  t.none_type = builtin("NoneType", object, ObjKind::None);
  t.not_implemented_type = builtin("NotImplementedType", object, ObjKind::NotImplemented);
  t.ellipsis_type = builtin("ellipsis", object, ObjKind::Ellipsis);
  t.int_ = builtin("int", object, ObjKind::Int);
  t.bool_ = builtin("bool", t.int_, ObjKind::Bool);
  t.float_ = builtin("float", object, ObjKind::Float);
  t.str = builtin("str", object, ObjKind::Str);
  t.list = builtin("list", object, ObjKind::List);
  t.tuple = builtin("tuple", object, ObjKind::Tuple);
  t.dict = builtin("dict", object, ObjKind::Dict);
  t.set = builtin("set", object, ObjKind::Set);
  t.frozenset = builtin("frozenset", object, ObjKind::FrozenSet);
  t.range = builtin("range", object, ObjKind::Range);
  t.slice = builtin("slice", object, ObjKind::Slice);
  t.function = builtin("function", object, ObjKind::Function);
  t.builtin_function = builtin("builtin_function_or_method", object, ObjKind::Builtin);
  t.method = builtin("method", object, ObjKind::BoundMethod);
  t.cell = builtin("cell", object, ObjKind::Cell);
  t.code = builtin("code", object, ObjKind::Code);
  t.generator = builtin("generator", object, ObjKind::Generator);
  t.module = builtin("module", object, ObjKind::Module);
  t.property = builtin("property", object, ObjKind::Property);
  t.staticmethod = builtin("staticmethod", object, ObjKind::StaticMethod);
  t.classmethod = builtin("classmethod", object, ObjKind::ClassMethod);
  t.super = builtin("super", object, ObjKind::Super);
  t.iterator = builtin("iterator", object, ObjKind::Iterator);
  t.native = builtin("native", object, ObjKind::Native);

  None = heap.make<Object>(ObjKind::None, t.none_type);
  NotImplemented = heap.make<Object>(ObjKind::NotImplemented, t.not_implemented_type);
  Ellipsis = heap.make<Object>(ObjKind::Ellipsis, t.ellipsis_type);
  True = heap.make<Object>(ObjKind::Bool, t.bool_);
  False = heap.make<Object>(ObjKind::Bool, t.bool_);

  auto exc = [&](const char* name, TypeObject* base) {
    TypeObject* e = new_type(name, {base}, ObjKind::Exception, true);
    e->is_exception = true;
    exception_types_.push_back(e);
    return e;
  };
  t.BaseException = exc("BaseException", object);
  t.SystemExit = exc("SystemExit", t.BaseException);
  t.KeyboardInterrupt = exc("KeyboardInterrupt", t.BaseException);
  t.GeneratorExit = exc("GeneratorExit", t.BaseException);
  t.Exception = exc("Exception", t.BaseException);
  t.StopIteration = exc("StopIteration", t.Exception);
  exc("StopAsyncIteration", t.Exception);
  t.ArithmeticError = exc("ArithmeticError", t.Exception);
  exc("FloatingPointError", t.ArithmeticError);
  t.OverflowError = exc("OverflowError", t.ArithmeticError);
  t.ZeroDivisionError = exc("ZeroDivisionError", t.ArithmeticError);
  t.AssertionError = exc("AssertionError", t.Exception);
  t.AttributeError = exc("AttributeError", t.Exception);
  exc("BufferError", t.Exception);
  t.EOFError = exc("EOFError", t.Exception);
  t.ImportError = exc("ImportError", t.Exception);
  t.ModuleNotFoundError = exc("ModuleNotFoundError", t.ImportError);
  t.LookupError = exc("LookupError", t.Exception);
  t.IndexError = exc("IndexError", t.LookupError);
  t.KeyError = exc("KeyError", t.LookupError);
  t.MemoryError = exc("MemoryError", t.Exception);
  t.NameError = exc("NameError", t.Exception);
  t.UnboundLocalError = exc("UnboundLocalError", t.NameError);
  t.OSError = exc("OSError", t.Exception);
  exc("FileNotFoundError", t.OSError);
  exc("PermissionError", t.OSError);
  exc("ReferenceError", t.Exception);
  t.RuntimeError = exc("RuntimeError", t.Exception);
  t.NotImplementedError = exc("NotImplementedError", t.RuntimeError);
  t.RecursionError = exc("RecursionError", t.RuntimeError);
  t.SyntaxError = exc("SyntaxError", t.Exception);
  t.IndentationError = exc("IndentationError", t.SyntaxError);
  t.TabError = exc("TabError", t.IndentationError);
  exc("SystemError", t.Exception);
  t.TypeError = exc("TypeError", t.Exception);
  t.ValueError = exc("ValueError", t.Exception);
  t.UnicodeError = exc("UnicodeError", t.ValueError);
  TypeObject* warning = exc("Warning", t.Exception);
  exc("UserWarning", warning);
  exc("DeprecationWarning", warning);
  exc("RuntimeWarning", warning);
}

// C3 linearization (Python's MRO).
static bool c3_merge(std::vector<std::vector<TypeObject*>> seqs, std::vector<TypeObject*>& out) {
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return true;
    TypeObject* candidate = nullptr;
    for (const auto& s : seqs) {
      TypeObject* head = s.front();
      bool in_tail = false;
      for (const auto& other : seqs) {
        if (std::find(other.begin() + 1, other.end(), head) != other.end()) {
          in_tail = true;
          break;
        }
      }
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) return false;
    out.push_back(candidate);
    for (auto& s : seqs) {
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
  }
}

TypeObject* VM::new_type(std::string name, std::vector<TypeObject*> bases, ObjKind instance_kind, bool builtin) {
  TypeObject* type = heap.make<TypeObject>(t.type);
  type->name = name;
  type->qualname = std::move(name);
  type->is_builtin = builtin;
  if (bases.empty()) bases.push_back(t.object);
  type->bases = bases;
  type->attrs = new_dict();
  std::vector<std::vector<TypeObject*>> seqs;
  for (TypeObject* b : bases) seqs.push_back(b->mro);
  seqs.push_back(bases);
  std::vector<TypeObject*> mro{type};
  if (!c3_merge(seqs, mro)) {
    std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases ";
    for (size_t i = 0; i < bases.size(); ++i) msg += (i ? ", " : "") + bases[i]->name;
    raise(t.TypeError, msg);
  }
  type->mro = std::move(mro);
  type->instance_kind = instance_kind;
  for (TypeObject* b : bases) type->is_exception |= b->is_exception;
  return type;
}

// ------------------------------------------------------------------ allocation

StrObject* VM::new_str(std::string text) {
  heap.note_external_bytes(text.size());
  return heap.make<StrObject>(t.str, std::move(text));
}

StrObject* VM::intern(std::string_view text) {
  auto it = interned_.find(std::string(text));
  if (it != interned_.end()) return it->second;
  StrObject* s = heap.make<StrObject>(t.str, std::string(text));
  s->interned = true;
  interned_.emplace(std::string(text), s);
  return s;
}

Value VM::new_int(int64_t v) {
  if (Value::fits_small(v)) return Value::small_int(v);
  return heap.make<IntObject>(t.int_, BigInt(v));
}

Value VM::new_int(const BigInt& v) {
  if (auto small = bigint_to_int64(v); small && Value::fits_small(*small)) return Value::small_int(*small);
  return heap.make<IntObject>(t.int_, v);
}

Value VM::new_float(double v) { return heap.make<FloatObject>(t.float_, v); }

ListObject* VM::new_list(std::vector<Value> items) {
  ListObject* l = heap.make<ListObject>(t.list);
  heap.note_external_bytes(items.size() * sizeof(Value));
  l->items = std::move(items);
  return l;
}

TupleObject* VM::new_tuple(std::vector<Value> items) {
  if (items.empty()) {
    // As CPython, every empty tuple is the same object (`tuple() is ()`; traces show one id).
    if (!empty_tuple_) {
      empty_tuple_ = heap.make<TupleObject>(t.tuple);
      keep_alive(empty_tuple_);
    }
    return empty_tuple_;
  }
  TupleObject* tup = heap.make<TupleObject>(t.tuple);
  heap.note_external_bytes(items.size() * sizeof(Value));
  tup->items = std::move(items);
  return tup;
}

DictObject* VM::new_dict() { return heap.make<DictObject>(t.dict); }

SetObject* VM::new_set(bool frozen) {
  return heap.make<SetObject>(frozen ? ObjKind::FrozenSet : ObjKind::Set, frozen ? t.frozenset : t.set);
}

ExceptionObject* VM::new_exception(TypeObject* type, std::string message) {
  return new_exception(type, std::vector<Value>{new_str(std::move(message))});
}

ExceptionObject* VM::new_exception(TypeObject* type, std::vector<Value> args) {
  ExceptionObject* e = heap.make<ExceptionObject>(type);
  e->args = new_tuple(std::move(args));
  return e;
}

// ------------------------------------------------------------------ type queries

TypeObject* VM::type_of(Value v) const {
  if (v.is_small_int()) return t.int_;
  assert(v.is_object());
  return v.as_object()->type;
}

bool VM::is_instance(Value v, const TypeObject* type) const { return type_of(v)->is_subtype_of(type); }

bool VM::is_str(Value v) { return v.is_object() && v.as_object()->kind == ObjKind::Str; }

bool VM::is_int(Value v) {
  return v.is_small_int() || (v.is_object() && (v.as_object()->kind == ObjKind::Int || v.as_object()->kind == ObjKind::Bool));
}

// ------------------------------------------------------------------ errors

void VM::raise(TypeObject* type, std::string message) { throw PyRaise{new_exception(type, std::move(message))}; }

void VM::raise(ExceptionObject* exception) { throw PyRaise{exception}; }

ExceptionObject* VM::to_exception(const PyError& error) {
  TypeObject* type = t.RuntimeError;
  Value found;
  int64_t index = builtins->table.find_str(intern(error.type_name));
  if (index >= 0) found = builtins->table.entries()[index].value;
  if (found.is_object() && found.as_object()->kind == ObjKind::Type) type = static_cast<TypeObject*>(found.as_object());
  return new_exception(type, error.message);
}

// ------------------------------------------------------------------ registration

BuiltinFunction* VM::new_builtin(std::string name, NativeFn fn, Object* data) {
  BuiltinFunction* b = heap.make<BuiltinFunction>(t.builtin_function, name, fn);
  b->qualname = std::move(name);
  b->data = data;
  return b;
}

static void dict_set_name(VM& vm, DictObject* d, StrObject* key, Value v) { d->table.insert(vm, key, key->hash(), v); }

BuiltinFunction* VM::def_function(DictObject* into, std::string name, NativeFn fn) {
  BuiltinFunction* b = new_builtin(name, fn);
  dict_set_name(*this, into, intern(name), b);
  return b;
}

BuiltinFunction* VM::def_method(TypeObject* type, std::string name, NativeFn fn) {
  BuiltinFunction* b = new_builtin(name, fn);
  b->qualname = type->name + "." + name;
  b->is_method = true;
  dict_set_name(*this, type->attrs, intern(name), b);
  if (type == t.object && name == "__new__") object_new_ = b;
  if (type == t.object && name == "__init__") object_init_ = b;
  return b;
}

void VM::def_attr(TypeObject* type, std::string_view name, Value v) { dict_set_name(*this, type->attrs, intern(name), v); }

ModuleObject* VM::new_module(std::string name) {
  ModuleObject* m = heap.make<ModuleObject>(t.module, name);
  m->attrs = new_dict();
  dict_set_name(*this, m->attrs, intern("__name__"), new_str(name));
  return m;
}

void VM::register_module(ModuleObject* module) { modules_[module->name] = module; }

Value VM::find_module(std::string_view name) {
  auto it = modules_.find(std::string(name));
  return it == modules_.end() ? Value() : Value(it->second);
}

Value VM::import_module(StrObject* name) {
  Value m = find_module(name->text);
  if (m) return m;
  static const char* const kUnsupported[] = {
      "sys", "os", "io", "re", "json", "random", "time", "datetime", "string", "typing", "dataclasses", "abc",
      "copy", "pickle", "threading", "subprocess", "socket", "pathlib", "shutil", "inspect", "types", "weakref",
      "gc", "ctypes", "asyncio", "contextlib", "enum", "heapq", "bisect", "statistics", "decimal", "fractions",
      "builtins", "importlib", "urllib", "http", "unittest", "logging", "textwrap", "pprint", "dis", "array",
      "queue", "struct", "hashlib", "base64", "tempfile", "glob", "signal", "platform", "traceback", "warnings"};
  std::string top = name->text.substr(0, name->text.find('.'));
  for (const char* u : kUnsupported) {
    if (top == u) raise(t.NotImplementedError, "closureviz does not support the '" + top + "' module");
  }
  ExceptionObject* e = new_exception(t.ModuleNotFoundError, "No module named '" + name->text + "'");
  raise(e);
}

// ------------------------------------------------------------------ frames

int frame_line(const Frame& frame) {
  const int32_t at = frame_instruction(frame);
  return at < 0 ? frame.code->info.firstlineno : frame.code->info.lines[size_t(at)];
}

int32_t frame_instruction(const Frame& frame) {
  const auto& lines = frame.code->info.lines;
  if (lines.empty()) return -1;
  // A generator frame that never ran (an exception thrown into it at once) is at its `def` line.
  if (frame.ip == 0 && frame.line_ip < 0 && frame.generator) return -1;
  int32_t at = frame.line_ip >= 0 ? frame.line_ip : frame.ip > 0 ? frame.ip - 1 : 0;
  if (at >= static_cast<int32_t>(lines.size())) at = static_cast<int32_t>(lines.size()) - 1;
  return at;
}

void trace_frame(Frame& f, GcMarker& m) {
  m.visit(f.code);
  if (f.function) m.visit(f.function);
  if (f.globals) m.visit(f.globals);
  if (f.locals_dict) m.visit(f.locals_dict);
  if (f.generator) m.visit(f.generator);
  const CodeInfo& info = f.code->info;
  int32_t nslots = info.nlocals + info.ncells() + static_cast<int32_t>(f.code->freevars.size());
  for (int32_t i = 0; i < nslots; ++i) m.visit(f.slots[i]);
  for (Value* p = f.stack_base; p < f.sp; ++p) m.visit(*p);
  m.visit(f.pending);
  m.visit(f.class_name);
  m.visit(f.class_cell);
  m.visit(f.class_keywords);
}

Frame* VM::new_frame(CodeObject* code, FunctionObject* fn, DictObject* globals, DictObject* locals_dict) {
  const CodeInfo& info = code->info;
  size_t nslots = static_cast<size_t>(info.nlocals + info.ncells()) + code->freevars.size();
  size_t total = nslots + static_cast<size_t>(info.stacksize);
  Frame* f;
  if (total < kPooledCapacities && !frame_pool_[total].empty()) {
    f = frame_pool_[total].back();
    frame_pool_[total].pop_back();
    std::fill(f->storage.get(), f->storage.get() + total, Value());
  } else {
    f = new Frame;
    f->storage.reset(new Value[total]);
    f->capacity = total;
  }
  f->code = code;
  f->function = fn;
  f->globals = globals;
  f->locals_dict = locals_dict;
  f->serial = ++frame_serial_;
  f->slots = f->storage.get();
  f->stack_base = f->slots + nslots;
  f->sp = f->stack_base;
  return f;
}

void VM::free_frame(Frame* frame) {
  if (frame->capacity < kPooledCapacities && frame_pool_[frame->capacity].size() < 256) {
    // Reset to a fresh frame's state, keeping the storage.
    std::unique_ptr<Value[]> storage = std::move(frame->storage);
    size_t capacity = frame->capacity;
    *frame = Frame();
    frame->storage = std::move(storage);
    frame->capacity = capacity;
    frame_pool_[capacity].push_back(frame);
    return;
  }
  delete frame;
}

GeneratorObject::~GeneratorObject() { delete frame; }

static std::string plural(int64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

static std::string quoted_name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

Frame* VM::frame_for_call(FunctionObject* fn, PosArgs args, KwArgs kwargs) {
  CodeObject* code = fn->code;
  const CodeInfo& info = code->info;
  Frame* f = new_frame(code, fn, fn->globals, nullptr);
  std::unique_ptr<Frame> guard(f);
  Value* slots = f->slots;
  const int32_t n = info.argcount;
  const int32_t given = static_cast<int32_t>(args.size());
  const int32_t kwonly = info.kwonlyargcount;
  const bool varargs = info.flags & kCodeVarargs;
  const bool varkw = info.flags & kCodeVarkeywords;
  const std::string qualname = fn->qualname.is_object() && is_str(fn->qualname)
                                   ? static_cast<StrObject*>(fn->qualname.as_object())->text
                                   : code->qualname->text;

  int32_t take = std::min(n, given);
  for (int32_t i = 0; i < take; ++i) slots[i] = args[i];
  if (varargs) {
    std::vector<Value> rest;
    for (int32_t i = take; i < given; ++i) rest.push_back(args[i]);
    slots[n + kwonly] = new_tuple(std::move(rest));
  }
  DictObject* kwdict = nullptr;
  if (varkw) {
    kwdict = new_dict();
    slots[n + kwonly + (varargs ? 1 : 0)] = kwdict;
  }
  std::vector<std::string> posonly_as_kw;
  for (const auto& [name, value] : kwargs) {
    int32_t index = -1;
    for (int32_t i = 0; i < n + kwonly; ++i) {
      if (code->varnames[i] == name || code->varnames[i]->text == name->text) {
        index = i;
        break;
      }
    }
    if (index >= 0 && index < info.posonlyargcount) {
      if (kwdict) {
        kwdict->table.insert(*this, name, name->hash(), value);
        continue;
      }
      posonly_as_kw.push_back(name->text);
      continue;
    }
    if (index < 0) {
      if (kwdict) {
        kwdict->table.insert(*this, name, name->hash(), value);
        continue;
      }
      raise(t.TypeError, qualname + "() got an unexpected keyword argument '" + name->text + "'");
    }
    if (slots[index]) raise(t.TypeError, qualname + "() got multiple values for argument '" + name->text + "'");
    slots[index] = value;
  }
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (size_t i = 0; i < posonly_as_kw.size(); ++i) names += (i ? ", " : "") + posonly_as_kw[i];
    raise(t.TypeError, qualname + "() got some positional-only arguments passed as keyword arguments: '" + names + "'");
  }
  if (given > n && !varargs) {
    int32_t ndefaults = fn->defaults ? static_cast<int32_t>(fn->defaults->items.size()) : 0;
    int32_t kw_given = 0;
    for (int32_t i = n; i < n + kwonly; ++i) kw_given += slots[i] ? 1 : 0;
    std::string takes = ndefaults > 0 ? "from " + std::to_string(n - ndefaults) + " to " + std::to_string(n) +
                                            " positional arguments"
                                      : plural(n, "positional argument");
    std::string msg = qualname + "() takes " + takes + " but " + std::to_string(given);
    if (kw_given > 0) {
      msg += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " +
             plural(kw_given, "keyword-only argument") + ") were given";
    } else {
      msg += given == 1 ? " was given" : " were given";
    }
    raise(t.TypeError, msg);
  }
  // Defaults for missing positional parameters.
  if (given < n) {
    int32_t ndefaults = fn->defaults ? static_cast<int32_t>(fn->defaults->items.size()) : 0;
    int32_t first_default = n - ndefaults;
    std::vector<std::string> missing;
    for (int32_t i = given; i < n; ++i) {
      if (slots[i]) continue;
      if (i >= first_default) slots[i] = fn->defaults->items[i - first_default];
      else missing.push_back(code->varnames[i]->text);
    }
    if (!missing.empty()) {
      raise(t.TypeError, qualname + "() missing " + plural(static_cast<int64_t>(missing.size()), "required positional argument") +
                             ": " + quoted_name_list(missing));
    }
  }
  if (kwonly > 0) {
    std::vector<std::string> missing;
    for (int32_t i = n; i < n + kwonly; ++i) {
      if (slots[i]) continue;
      if (fn->kwdefaults) {
        int64_t e = fn->kwdefaults->table.find_str(code->varnames[i]);
        if (e >= 0) {
          slots[i] = fn->kwdefaults->table.entries()[e].value;
          continue;
        }
      }
      missing.push_back(code->varnames[i]->text);
    }
    if (!missing.empty()) {
      raise(t.TypeError, qualname + "() missing " + plural(static_cast<int64_t>(missing.size()), "required keyword-only argument") +
                             ": " + quoted_name_list(missing));
    }
  }
  init_cells_for(f);
  return guard.release();
}

// ------------------------------------------------------------------ calls

Value VM::call(Value callable, PosArgs args, KwArgs kwargs) {
  if (!callable.is_object()) raise(t.TypeError, "'" + type_name(callable) + "' object is not callable");
  Object* o = callable.as_object();
  switch (o->kind) {
    case ObjKind::Function: {
      auto* fn = static_cast<FunctionObject*>(o);
      Frame* f = frame_for_call(fn, args, kwargs);
      if (fn->code->info.flags & kCodeGenerator) {
        GeneratorObject* gen = heap.make<GeneratorObject>(t.generator);
        gen->frame = f;
        f->generator = gen;
        gen->name = fn->name;
        gen->qualname = fn->qualname;
        note_new_generator(gen);
        note_handed_to_native(gen);
        return gen;
      }
      f->on_return = Frame::OnReturn::ExitNested;
      if (native_depth_ >= limits.max_native_calls) {  // the C++ stack, not the recursion limit, would run out
        free_frame(f);
        raise(t.RecursionError, "maximum recursion depth exceeded");
      }
      NativeCallScope scope(*this);  // native_depth_ and the generator fence, balanced across exceptions
      Value result;
      try {
        result = run_frame(f);
      } catch (PyRaise& r) {
        scope.hand_back(r.exception);
        throw;
      }
      scope.hand_back(result);
      return result;
    }
    case ObjKind::Builtin: {
      auto* b = static_cast<BuiltinFunction*>(o);
      if (b == build_class_fn_.as_object()) raise(t.TypeError, "__build_class__ must be called by a class statement");
      return b->fn(*this, args, kwargs, b->data);
    }
    case ObjKind::BoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      std::vector<Value> full;
      full.reserve(args.size() + 1);
      full.push_back(m->self);
      full.insert(full.end(), args.begin(), args.end());
      return call(m->func, full, kwargs);
    }
    case ObjKind::Type: {
      auto* cls = static_cast<TypeObject*>(o);
      bool init_pending = false;
      Value init_fn;
      Value instance = construct(cls, args, kwargs, &init_pending, &init_fn);
      if (init_pending) {
        TempRoot root(*this, instance);
        std::vector<Value> full;
        full.push_back(instance);
        full.insert(full.end(), args.begin(), args.end());
        Value r = call(init_fn, full, kwargs);
        if (r != None) raise(t.TypeError, "__init__() should return None, not '" + type_name(r) + "'");
      }
      return instance;
    }
    default: {
      Value dunder = o->type->lookup(intern("__call__"));
      if (!dunder) raise(t.TypeError, "'" + o->type->name + "' object is not callable");
      std::vector<Value> full;
      full.push_back(callable);
      full.insert(full.end(), args.begin(), args.end());
      return call(dunder, full, kwargs);
    }
  }
}

Value VM::call_method(Value obj, StrObject* name, PosArgs args, KwArgs kwargs) {
  return call(get_attr(obj, name), args, kwargs);
}

Value VM::call_dunder_or_null(Value obj, std::string_view name, PosArgs args) {
  Value fn = type_of(obj)->lookup(intern(name));
  if (!fn) return Value();
  std::vector<Value> full;
  full.push_back(obj);
  full.insert(full.end(), args.begin(), args.end());
  return call(fn, full);
}

// Allocates an instance of `cls` and runs its __new__; tells the caller whether a Python
// __init__ must still run (the dispatch loop runs it in a frame, native callers nest).
Value VM::construct(TypeObject* cls, PosArgs args, KwArgs kwargs, bool* init_pending, Value* init_fn) {
  *init_pending = false;
  if (cls == t.type && args.size() == 1 && kwargs.empty()) return type_of(args[0]);
  Value new_fn = cls->lookup(intern("__new__"));
  if (new_fn.is_object() && new_fn.as_object()->kind == ObjKind::StaticMethod)
    new_fn = static_cast<DescriptorObject*>(new_fn.as_object())->fget;
  Value instance;
  bool default_new = !new_fn || new_fn == object_new_;
  if (default_new) {
    // Allocate by the layout of the nearest builtin base.
    switch (cls->instance_kind) {
      case ObjKind::Instance: instance = heap.make<InstanceObject>(cls); break;
      case ObjKind::Exception: {
        ExceptionObject* e = heap.make<ExceptionObject>(cls);
        e->args = new_tuple(std::vector<Value>(args.begin(), args.end()));
        instance = e;
        break;
      }
      default:
        raise(t.TypeError, "cannot create '" + cls->name + "' instances");
    }
    if (!cls->is_builtin) static_cast<Object*>(instance.as_object())->attrs = new_dict();
  } else {
    std::vector<Value> full;
    full.push_back(cls);
    full.insert(full.end(), args.begin(), args.end());
    instance = call(new_fn, full, kwargs);
    if (instance.is_object() && !cls->is_builtin && !instance.as_object()->attrs &&
        instance.as_object()->type == cls) {
      instance.as_object()->attrs = new_dict();
    }
  }
  if (!is_instance(instance, cls)) return instance;
  Value init = cls->lookup(intern("__init__"));
  if (!init || init == object_init_) {
    if (default_new && (!args.empty() || !kwargs.empty()) && cls->instance_kind == ObjKind::Instance)
      raise(t.TypeError, cls->name + "() takes no arguments");
    return instance;
  }
  if (init.is_object() && init.as_object()->kind == ObjKind::Function) {
    *init_pending = true;
    *init_fn = init;
    return instance;
  }
  TempRoot root(*this, instance);
  std::vector<Value> full;
  full.push_back(instance);
  full.insert(full.end(), args.begin(), args.end());
  call(init, full, kwargs);
  return instance;
}

// ------------------------------------------------------------------ running

void VM::run_main(std::string_view source, std::string_view filename) {
  source_lines_.clear();
  {
    std::string line;
    std::istringstream in{std::string(source)};
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      source_lines_.push_back(line);
    }
  }
  main_filename_ = std::string(filename);
  CodeObject* code = compile_source(*this, source, filename);
  TempRoot root(*this, code);
  // __main__'s namespace starts as under `python3 PROGRAM.py`, in the same order (globals() shows it).
  dict_set_name(*this, main_globals, intern("__name__"), intern("__main__"));
  dict_set_name(*this, main_globals, intern("__doc__"), None);
  dict_set_name(*this, main_globals, intern("__package__"), None);
  dict_set_name(*this, main_globals, intern("__loader__"), None);
  dict_set_name(*this, main_globals, intern("__spec__"), None);
  dict_set_name(*this, main_globals, intern("__annotations__"), new_dict());
  Value builtins_module = find_module("builtins");
  dict_set_name(*this, main_globals, intern("__builtins__"), builtins_module ? builtins_module : Value(builtins));
  dict_set_name(*this, main_globals, intern("__file__"), new_str(std::string(filename)));
  dict_set_name(*this, main_globals, intern("__cached__"), None);
  Frame* f = new_frame(code, nullptr, main_globals, main_globals);
  f->on_return = Frame::OnReturn::ExitNested;
  run_frame(f);
}

void VM::start_main(std::string_view source, std::string_view filename) {
  pause_countdown_ = 0;  // enter <module> (its call event included) and stop before its first instruction
  forget_native_levels();
  paused_ = false;
  main_frame_ = nullptr;
  run_main(source, filename);
  main_frame_ = frames_.empty() ? nullptr : frames_.front();
}

bool VM::continue_main(uint64_t steps) {
  if (!main_frame_ || !frame_on_stack(main_frame_)) return true;
  pause_countdown_ = steps > uint64_t(INT64_MAX) ? INT64_MAX : int64_t(steps);
  forget_native_levels();  // their left_at marks are counted against the old countdown
  paused_ = false;
  try {
    drive_frame(main_frame_, nullptr);
  } catch (...) {
    main_frame_ = nullptr;
    pause_countdown_ = INT64_MAX;
    forget_native_levels();
    throw;
  }
  if (paused_) return false;
  main_frame_ = nullptr;
  pause_countdown_ = INT64_MAX;
  forget_native_levels();
  return true;
}

// ------------------------------------------------------------------ tracebacks

namespace {
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMaxCandidates = 750;

int substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// CPython 3.11's Levenshtein variant for "Did you mean" suggestions.
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) { a.remove_prefix(1); b.remove_prefix(1); }
  while (!a.empty() && !b.empty() && a.back() == b.back()) { a.remove_suffix(1); b.remove_suffix(1); }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<size_t> buffer(a.size());
  for (size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitution_cost(code, a[ai]);
      distance = buffer[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}
}  // namespace

std::string suggest_name(const std::vector<std::string>& candidates, const std::string& name) {
  if (candidates.size() >= kMaxCandidates) return "";
  const std::string* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const auto& item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name, item, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = &item;
      best_distance = d;
    }
  }
  return best ? *best : "";
}

static std::vector<std::string> dict_keys_text(const DictObject* d) {
  std::vector<std::string> out;
  if (!d) return out;
  for (const auto& e : d->table.entries()) {
    if (e.key && VM::is_str(e.key)) out.push_back(static_cast<StrObject*>(e.key.as_object())->text);
  }
  return out;
}

// dir(obj) as AttributeError suggestions see it: instance attributes and the attributes along the MRO, sorted.
static std::vector<std::string> attribute_names(VM& vm, Value obj) {
  std::vector<std::string> names;
  if (obj.is_object() && obj.as_object()->attrs) names = dict_keys_text(obj.as_object()->attrs);
  TypeObject* type = vm.type_of(obj);
  if (obj.is_object() && obj.as_object()->kind == ObjKind::Type) type = static_cast<TypeObject*>(obj.as_object());
  for (TypeObject* c : type->mro) {
    auto more = dict_keys_text(c->attrs);
    names.insert(names.end(), more.begin(), more.end());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string VM::format_exception_only(ExceptionObject* exc) {
  std::string type_name = exc->type->qualname;
  if (exc->type->module != "builtins" && exc->type->module != "__main__") type_name = exc->type->module + "." + type_name;
  std::string text;
  try {
    text = to_str(exc)->text;
  } catch (PyRaise&) {
    text = "<exception str() failed>";
  }
  std::string line = text.empty() ? type_name : type_name + ": " + text;
  // 3.11's suggestions, computed from what the exception recorded when it was raised.
  if (exc->type == t.NameError && exc->name_hint && is_str(exc->name_hint) && exc->obj_hint && is_str(exc->obj_hint)) {
    line += ". Did you mean: '" + static_cast<StrObject*>(exc->obj_hint.as_object())->text + "'?";
  } else if (exc->type->is_subtype_of(t.AttributeError) && exc->name_hint && is_str(exc->name_hint) && exc->obj_hint) {
    std::string s = suggest_name(attribute_names(*this, exc->obj_hint), static_cast<StrObject*>(exc->name_hint.as_object())->text);
    if (!s.empty()) line += ". Did you mean: '" + s + "'?";
  }
  return line;
}

std::string VM::format_traceback(ExceptionObject* exc) {
  std::string out;
  // Chained exceptions first, as CPython prints them.
  if (exc->cause && exc->cause.as_object()->kind == ObjKind::Exception) {
    out += format_traceback(static_cast<ExceptionObject*>(exc->cause.as_object()));
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (exc->context && !exc->suppress_context && exc->context.as_object()->kind == ObjKind::Exception) {
    out += format_traceback(static_cast<ExceptionObject*>(exc->context.as_object()));
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (!exc->traceback.empty()) {
    out += "Traceback (most recent call last):\n";
    std::string last;
    int repeats = 0;
    auto flush_repeats = [&] {
      if (repeats > 3) {
        int more = repeats - 3;
        out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
      }
    };
    for (auto it = exc->traceback.rbegin(); it != exc->traceback.rend(); ++it) {  // outermost first
      const TracebackEntry& entry = *it;
      // Repeats are counted by file, line and function (CPython's tb_printinternal), whatever the carets.
      const std::string header = "  File \"" + entry.code->filename->text + "\", line " + std::to_string(entry.line) +
                                 ", in " + entry.code->name->text + "\n";
      std::string text = header;
      if (entry.code->filename->text == main_filename_ && entry.line >= 1 &&
          entry.line <= static_cast<int>(source_lines_.size())) {
        std::string src = source_lines_[entry.line - 1];
        size_t start = src.find_first_not_of(" \t\f");
        if (start != std::string::npos) {
          text += "    " + src.substr(start) + "\n";
          const auto& columns = entry.code->info.columns;
          if (entry.instruction >= 0 && size_t(entry.instruction) < columns.size())
            text += traceback_caret_line(src, columns[size_t(entry.instruction)], entry.line);
        }
      }
      if (header == last) {
        ++repeats;
        if (repeats <= 3) out += text;
        continue;
      }
      flush_repeats();
      last = header;
      repeats = 1;
      out += text;
    }
    flush_repeats();
  }
  out += format_exception_only(exc) + "\n";
  return out;
}

// ------------------------------------------------------------------ collection

void VM::visit_roots(GcMarker& m) {
  m.visit(None);
  m.visit(True);
  m.visit(False);
  m.visit(NotImplemented);
  m.visit(Ellipsis);
  // Every builtin type, including those no name in builtins refers to (function, cell, iterator, ...):
  // an iterator type must survive a moment when no iterator exists.
  static_assert(sizeof(BuiltinTypes) % sizeof(TypeObject*) == 0, "BuiltinTypes holds only TypeObject pointers");
  const auto* types = reinterpret_cast<TypeObject* const*>(&t);
  for (size_t i = 0; i < sizeof(BuiltinTypes) / sizeof(TypeObject*); ++i)
    if (types[i]) m.visit(types[i]);
  for (TypeObject* e : exception_types_) m.visit(e);
  m.visit(builtins);
  m.visit(main_globals);
  for (auto& [name, s] : interned_) m.visit(s);
  for (auto& [name, mod] : modules_) m.visit(mod);
  for (Frame* f : frames_) trace_frame(*f, m);
  for (Value v : temp_roots_) m.visit(v);
  m.visit(handled_exception_);
  m.visit(generator_return_);
  m.visit(build_class_fn_);
  m.visit(object_new_);
  m.visit(object_init_);
  for (Value v : extra_roots_) m.visit(v);
}

void VM::collect_garbage() {
  GcMarker& marker = heap.begin_collection();
  visit_roots(marker);
  // An open generator nothing reaches waits for finalize_unreachable_generators to close it.
  for (GeneratorObject* gen : open_generators_) marker.visit(gen);
  heap.sweep();
  size_t live = heap.object_count() * 64;
  next_collection_bytes_ = std::max<size_t>(size_t(8) << 20, live * 2);
}

void VM::maybe_collect() {
  if (native_depth_ > 0) return;
  // The memory limit: garbage may be what is over it, so collect before giving up.
  if (heap.bytes_in_use() > int64_t(limits.max_heap_bytes)) {
    collect_garbage();
    if (heap.bytes_in_use() > int64_t(limits.max_heap_bytes)) raise(t.MemoryError, "");
  }
  AllocationCeiling::rearm();
  if (limits.gc_stress > 0) {
    if (++safe_points_ % limits.gc_stress == 0) collect_garbage();
    return;
  }
  if (heap.bytes_since_collection() < next_collection_bytes_) return;
  collect_garbage();
}

}  // namespace cv
