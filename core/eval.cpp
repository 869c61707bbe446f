// The dispatch loop: executes bytecode over heap frames, with calls, returns, generators and exception unwinding.
//
// One loop runs every Python frame: a call pushes a Frame and the loop carries on in
// it; a return pops it and hands the value to the caller according to
// Frame::on_return. The loop leaves only when the frame it was started for (the
// "entry" frame) returns, yields to native code, or lets an exception escape, so
// native code that calls into Python (VM::call) gets a nested loop, and nothing else
// does. Exceptions travel as C++ exceptions (PyRaise) to run_frame, which unwinds to
// the nearest handler in the exception tables of the frames above the entry frame.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/native_support.h"
#include "core/numeric.h"
#include "core/ops.h"
#include "core/text.h"
#include "core/vm.h"

namespace cv {

namespace {

StrObject* as_str(Value v) { return static_cast<StrObject*>(v.as_object()); }

// Reads `name` from a namespace dict; null when absent.
Value dict_get_name(DictObject* d, StrObject* name) {
  int64_t i = d->table.find_str(name);
  return i < 0 ? Value() : d->table.entries()[i].value;
}

std::vector<std::string> names_of(const DictObject* d) {
  std::vector<std::string> out;
  if (!d) return out;
  for (const auto& e : d->table.entries())
    if (e.key && VM::is_str(e.key)) out.push_back(as_str(e.key)->text);
  return out;
}

// ascii(): a repr with every non-ASCII character escaped as \xNN, \uNNNN or \UNNNNNNNN.
std::string ascii_text(const std::string& repr_text) {
  if (is_ascii(repr_text)) return repr_text;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (char32_t c : utf8_decode(repr_text)) {
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
    for (int i = digits - 1; i >= 0; --i) out += hex[(c >> (4 * i)) & 0xF];
  }
  return out;
}

// Whether dropping a reference to `v` can be what leaves a generator unreachable: the
// singletons, numbers, strings, ranges and code cannot lead to one (see
// VM::finalize_unreachable_generators). None matters most: `yield x` as a statement drops the
// sent None on every resumption, and a look at the heap each time made pipelines 20x slower.
inline bool may_lead_to_generator(Value v) {
  if (!v.is_object()) return false;
  switch (v.as_object()->kind) {
    case ObjKind::None: case ObjKind::NotImplemented: case ObjKind::Ellipsis: case ObjKind::Bool:
    case ObjKind::Int: case ObjKind::Float: case ObjKind::Str: case ObjKind::Range: case ObjKind::Code:
      return false;
    default:
      return true;
  }
}

}  // namespace

// ------------------------------------------------------------------ natives the loop itself needs

static Value build_class_native(VM& vm, PosArgs, KwArgs, Object*) {
  vm.raise(vm.t.TypeError, "__build_class__ must be called by a class statement");
}

static GeneratorObject* self_generator(VM& vm, PosArgs args, const char* method) {
  if (args.empty() || !args[0].is_object() || args[0].as_object()->kind != ObjKind::Generator)
    vm.raise(vm.t.TypeError, std::string("descriptor '") + method + "' requires a 'generator' object");
  return static_cast<GeneratorObject*>(args[0].as_object());
}

static Value generator_send(VM& vm, PosArgs args, KwArgs, Object*) {
  GeneratorObject* gen = self_generator(vm, args, "send");
  if (args.size() != 2) vm.raise(vm.t.TypeError, "generator.send() takes exactly one argument (" + std::to_string(args.size() - 1) + " given)");
  Value returned;
  Value v = vm.resume_generator(gen, args[1], nullptr, &returned);
  if (!v) {
    ExceptionObject* stop = vm.new_exception(vm.t.StopIteration, returned && returned != vm.None ? std::vector<Value>{returned} : std::vector<Value>{});
    stop->value = returned ? returned : vm.None;
    vm.raise(stop);
  }
  return v;
}

static Value generator_next(VM& vm, PosArgs args, KwArgs, Object*) {
  GeneratorObject* gen = self_generator(vm, args, "__next__");
  Value returned;
  Value v = vm.resume_generator(gen, vm.None, nullptr, &returned);
  if (!v) {
    ExceptionObject* stop = vm.new_exception(vm.t.StopIteration, returned && returned != vm.None ? std::vector<Value>{returned} : std::vector<Value>{});
    stop->value = returned ? returned : vm.None;
    vm.raise(stop);
  }
  return v;
}

static ExceptionObject* make_exception_from(VM& vm, Value v) {
  if (v.is_object() && v.as_object()->kind == ObjKind::Type && static_cast<TypeObject*>(v.as_object())->is_exception) {
    Value inst = vm.call(v, {});
    return static_cast<ExceptionObject*>(inst.as_object());
  }
  if (v.is_object() && v.as_object()->kind == ObjKind::Exception) return static_cast<ExceptionObject*>(v.as_object());
  vm.raise(vm.t.TypeError, "exceptions must derive from BaseException");
}

static Value generator_throw(VM& vm, PosArgs args, KwArgs, Object*) {
  GeneratorObject* gen = self_generator(vm, args, "throw");
  if (args.size() < 2) vm.raise(vm.t.TypeError, "throw expected at least 1 argument, got 0");
  ExceptionObject* exc = make_exception_from(vm, args[1]);
  if (args.size() >= 3 && args[2] != vm.None && args[1].as_object()->kind == ObjKind::Type) {
    exc = static_cast<ExceptionObject*>(vm.call(args[1], {args[2]}).as_object());
  }
  Value returned;
  Value v = vm.resume_generator(gen, vm.None, exc, &returned);
  if (!v) {
    ExceptionObject* stop = vm.new_exception(vm.t.StopIteration, returned && returned != vm.None ? std::vector<Value>{returned} : std::vector<Value>{});
    stop->value = returned ? returned : vm.None;
    vm.raise(stop);
  }
  return v;
}

static Value generator_close(VM& vm, PosArgs args, KwArgs, Object*) {
  vm.close_generator(self_generator(vm, args, "close"));
  return vm.None;
}

static Value generator_iter(VM&, PosArgs args, KwArgs, Object*) { return args[0]; }

// A traceback object is a NativeObject: slots[0] = tb_next (or None); counters[0] = tb_lineno,
// counters[1] = how many traceback entries the chain from here covers.
static NativeObject* self_traceback(VM& vm, PosArgs args, TypeObject* type, const char* attr) {
  if (args.empty() || !args[0].is_object() || args[0].as_object()->type != type)
    vm.raise(vm.t.TypeError, std::string("descriptor '") + attr + "' for 'traceback' objects doesn't apply to this object");
  return static_cast<NativeObject*>(args[0].as_object());
}

static Value traceback_lineno(VM& vm, PosArgs args, KwArgs, Object* type) {
  return vm.new_int(self_traceback(vm, args, static_cast<TypeObject*>(type), "tb_lineno")->counters[0]);
}

static Value traceback_next(VM& vm, PosArgs args, KwArgs, Object* type) {
  return self_traceback(vm, args, static_cast<TypeObject*>(type), "tb_next")->slots[0];
}

static Value traceback_frame(VM& vm, PosArgs args, KwArgs, Object* type) {
  self_traceback(vm, args, static_cast<TypeObject*>(type), "tb_frame");
  return vm.None;
}

static Value traceback_lasti(VM& vm, PosArgs args, KwArgs, Object* type) {
  self_traceback(vm, args, static_cast<TypeObject*>(type), "tb_lasti");
  return vm.new_int(-1);
}

Value VM::traceback_object(ExceptionObject* exc) {
  const size_t entries = exc->traceback.size();
  if (entries == 0) return None;
  Value head = exc->traceback_object;
  size_t covered = head ? size_t(static_cast<NativeObject*>(head.as_object())->counters[1]) : 0;
  if (covered > entries) {  // the entries were replaced (a re-raise with a fresh traceback): start over
    head = Value();
    covered = 0;
  }
  // Entries are innermost first and the newest (outermost) are at the back: the chain made earlier
  // is the tail, and tb objects for the newer entries go in front of it.
  for (size_t i = covered; i < entries; ++i) {
    auto* tb = heap.make<NativeObject>(traceback_type_);
    tb->slots.push_back(head ? head : Value(None));
    tb->counters[0] = exc->traceback[i].line;
    tb->counters[1] = int64_t(i + 1);
    head = tb;
    exc->traceback_object = head;  // keeps the chain reachable while it grows
  }
  return head;
}

void VM::install_runtime_natives() {
  build_class_fn_ = new_builtin("__build_class__", build_class_native);
  builtins->table.insert(*this, intern("__build_class__"), intern("__build_class__")->hash(), build_class_fn_);
  def_method(t.generator, "send", generator_send);
  def_method(t.generator, "__next__", generator_next);
  def_method(t.generator, "throw", generator_throw);
  def_method(t.generator, "close", generator_close);
  def_method(t.generator, "__iter__", generator_iter);
  traceback_type_ = new_type("traceback", {t.object}, ObjKind::Native, true);
  keep_alive(traceback_type_);
  def_native_getter(*this, traceback_type_, "tb_lineno", traceback_lineno, traceback_type_);
  def_native_getter(*this, traceback_type_, "tb_next", traceback_next, traceback_type_);
  def_native_getter(*this, traceback_type_, "tb_frame", traceback_frame, traceback_type_);
  def_native_getter(*this, traceback_type_, "tb_lasti", traceback_lasti, traceback_type_);
}

// ------------------------------------------------------------------ frames in and out

void VM::release_frame(Frame* frame) {
  if (frame->generator) {
    frame->generator->frame = nullptr;
    frame->generator->running = false;
    frame->generator = nullptr;
  }
  free_frame(frame);
}

static void push_trace(VM& vm, Frame* f, TraceHook::Event e, Value v = Value(), bool is_yield = false,
                       bool unwind = false) {
  if (!vm.trace_hook) return;
  if (e == TraceHook::Event::Call) {
    // As CPython's RESUME: the next instruction compares its line with the entry's (the
    // first line for a new frame, the yield's line for a resumed generator).
    const CodeInfo& info = f->code->info;
    // A new frame: the first instruction always reports its line (CPython's _co_firsttraceable).
    f->last_ip = f->ip - 1;
    f->last_line = f->ip > 0 ? info.lines[size_t(f->ip - 1)] : -1;
    if (f->ip == 0) {
      // RESUME's line: co_firstlineno (the first decorator's line for a decorated def), 0 for <module>.
      vm.trace_hook->on_event(vm, *f, e, (info.flags & kCodeModule) ? 0 : info.firstlineno, v, is_yield, unwind);
      return;
    }
  }
  vm.trace_hook->on_event(vm, *f, e, frame_line(*f), v, is_yield, unwind);
}

namespace {

// The member descriptors __slots__ creates. A slot's value lives in the instance's attribute
// table under the slot's (mangled) name; the descriptor, a data descriptor found on the class,
// reads, writes and deletes it there. `data` is the name.
Value slot_member_get(VM& vm, PosArgs args, KwArgs, Object* data) {
  auto* name = static_cast<StrObject*>(data);
  Object* o = args.empty() || !args[0].is_object() ? nullptr : args[0].as_object();
  int64_t at = o && o->attrs ? o->attrs->table.find_str(name) : -1;
  if (at < 0)
    vm.raise(vm.t.AttributeError, "'" + vm.type_name(args.empty() ? vm.None : args[0]) + "' object has no attribute '" + name->text + "'");
  return o->attrs->table.entries()[size_t(at)].value;
}

Value slot_member_set(VM& vm, PosArgs args, KwArgs, Object* data) {
  auto* name = static_cast<StrObject*>(data);
  Object* o = args.size() < 2 || !args[0].is_object() ? nullptr : args[0].as_object();
  if (!o || !o->attrs) vm.raise(vm.t.TypeError, "descriptor '" + name->text + "' needs an instance of its class");
  o->attrs->table.insert(vm, name, name->hash(), args[1]);
  return vm.None;
}

Value slot_member_delete(VM& vm, PosArgs args, KwArgs, Object* data) {
  auto* name = static_cast<StrObject*>(data);
  Object* o = args.empty() || !args[0].is_object() ? nullptr : args[0].as_object();
  if (!o || !o->attrs || !o->attrs->table.erase(vm, name, name->hash()))
    vm.raise(vm.t.AttributeError, "'" + vm.type_name(args.empty() ? vm.None : args[0]) + "' object has no attribute '" + name->text + "'");
  return vm.None;
}

// The getset descriptors a class __dict__ holds as "__dict__" and "__weakref__".
Value instance_dict_get(VM& vm, PosArgs args, KwArgs, Object*) {
  if (args.empty() || !args[0].is_object()) vm.raise(vm.t.TypeError, "descriptor '__dict__' needs an object");
  Object* o = args[0].as_object();
  if (!o->attrs) o->attrs = vm.new_dict();
  return o->attrs;
}

Value instance_dict_set(VM& vm, PosArgs args, KwArgs, Object*) {
  if (args.size() < 2 || !args[0].is_object()) vm.raise(vm.t.TypeError, "descriptor '__dict__' needs an object");
  if (!args[1].is_object() || args[1].as_object()->kind != ObjKind::Dict)
    vm.raise(vm.t.TypeError, "__dict__ must be set to a dictionary, not a '" + vm.type_name(args[1]) + "'");
  args[0].as_object()->attrs = static_cast<DictObject*>(args[1].as_object());
  note_write(args[0].as_object());
  return vm.None;
}

Value instance_weakref_get(VM& vm, PosArgs, KwArgs, Object*) { return vm.None; }  // no weak references here

// CPython's private-name mangling of a slot name ("__x" in class _P is "_P__x").
std::string mangled_slot_name(const std::string& class_name, const std::string& name) {
  if (name.size() < 3 || name.compare(0, 2, "__") != 0 || name.compare(name.size() - 2, 2, "__") == 0) return name;
  size_t start = class_name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return "_" + class_name.substr(start) + name;
}

}  // namespace

// What type.__new__ adds to a class __dict__ besides the body's namespace: a plain function
// named __new__ becomes a staticmethod and __init_subclass__ / __class_getitem__ classmethods;
// each name in __slots__ (but __dict__ and __weakref__) gets a member descriptor.
void VM::complete_class_dict(TypeObject* cls) {
  Value slots = dict_get_name(cls->attrs, intern("__slots__"));
  if (slots) {
    std::vector<Value> names;
    if (is_str(slots)) names.push_back(slots);
    else if (slots.is_object() && (slots.as_object()->kind == ObjKind::Tuple || slots.as_object()->kind == ObjKind::List)) names = to_vector(slots);
    std::vector<std::pair<std::string, std::string>> members;  // (mangled, as written), sorted as CPython does
    for (Value entry : names) {
      if (!is_str(entry)) raise(t.TypeError, "__slots__ items must be strings, not '" + type_name(entry) + "'");
      const std::string& text = as_str(entry)->text;
      if (text == "__dict__" || text == "__weakref__") continue;
      members.emplace_back(mangled_slot_name(cls->name, text), text);
    }
    std::sort(members.begin(), members.end());
    for (const auto& [mangled, text] : members) {
      StrObject* name = intern(mangled);
      if (dict_get_name(cls->attrs, name)) raise(t.ValueError, "'" + text + "' in __slots__ conflicts with class variable");
      if (!member_descriptor_type_) {
        member_descriptor_type_ = new_type("member_descriptor", {t.object}, ObjKind::Property, true);
        keep_alive(member_descriptor_type_);
      }
      auto* member = heap.make<DescriptorObject>(ObjKind::Property, member_descriptor_type_);
      TempRoot keep(*this, member);
      member->fget = new_builtin(name->text, slot_member_get, name);
      member->fset = new_builtin(name->text, slot_member_set, name);
      member->fdel = new_builtin(name->text, slot_member_delete, name);
      cls->attrs->table.insert(*this, name, name->hash(), member);
    }
  }
  // The __dict__ / __weakref__ attributes of instances, where no base provides them yet.
  bool base_has_dict = false, base_has_weakref = false, weakref_impossible = false;
  for (size_t i = 1; i < cls->mro.size(); ++i) {
    TypeObject* base = cls->mro[i];
    if (base->is_builtin) {
      base_has_dict |= base->is_subtype_of(t.BaseException);
      base_has_weakref |= base == t.set || base == t.frozenset;
      weakref_impossible |= base == t.int_ || base == t.tuple;  // variable-size layouts
    } else {
      base_has_dict |= dict_get_name(base->attrs, intern("__dict__")).is_object();
      base_has_weakref |= dict_get_name(base->attrs, intern("__weakref__")).is_object();
    }
  }
  if (!slots) {
    for (const char* attr : {"__dict__", "__weakref__"}) {
      bool is_dict = attr[2] == 'd';
      if (is_dict ? base_has_dict : (base_has_weakref || weakref_impossible)) continue;
      if (!getset_descriptor_type_) {
        getset_descriptor_type_ = new_type("getset_descriptor", {t.object}, ObjKind::Property, true);
        keep_alive(getset_descriptor_type_);
      }
      auto* member = heap.make<DescriptorObject>(ObjKind::Property, getset_descriptor_type_);
      TempRoot keep(*this, member);
      member->fget = new_builtin(attr, is_dict ? instance_dict_get : instance_weakref_get);
      if (is_dict) member->fset = new_builtin(attr, instance_dict_set);
      StrObject* key = intern(attr);
      cls->attrs->table.insert(*this, key, key->hash(), member);
    }
  }
  if (!dict_get_name(cls->attrs, intern("__doc__")))
    cls->attrs->table.insert(*this, intern("__doc__"), intern("__doc__")->hash(), None);
  // A class that defines __eq__ but not __hash__ makes its instances unhashable.
  if (dict_get_name(cls->attrs, intern("__eq__")) && !dict_get_name(cls->attrs, intern("__hash__")))
    cls->attrs->table.insert(*this, intern("__hash__"), intern("__hash__")->hash(), None);
  static const std::pair<const char*, bool> implicit[] = {
      {"__new__", false}, {"__init_subclass__", true}, {"__class_getitem__", true}};
  for (const auto& [name, as_classmethod] : implicit) {
    StrObject* key = intern(name);
    Value fn = dict_get_name(cls->attrs, key);
    if (!fn.is_object() || fn.as_object()->kind != ObjKind::Function) continue;
    auto* wrapper = heap.make<DescriptorObject>(as_classmethod ? ObjKind::ClassMethod : ObjKind::StaticMethod,
                                                as_classmethod ? t.classmethod : t.staticmethod);
    wrapper->fget = fn;
    cls->attrs->table.insert(*this, key, key->hash(), wrapper);
  }
}

// Builds the class object when a class body frame returns.
void VM::finish_class(Frame* body, Value* result) {
  auto* bases_tuple = static_cast<TupleObject*>(body->pending.as_object());
  std::vector<TypeObject*> bases;
  ObjKind layout = ObjKind::Instance;
  for (Value b : bases_tuple->items) {
    if (!b.is_object() || b.as_object()->kind != ObjKind::Type) raise(t.TypeError, "bases must be types");
    auto* base = static_cast<TypeObject*>(b.as_object());
    if (base == t.bool_ || base == t.range || base == t.slice || base == t.function || base == t.generator)
      raise(t.TypeError, "type '" + base->name + "' is not an acceptable base type");
    if (base->instance_kind != ObjKind::Instance) {
      if (layout != ObjKind::Instance && layout != base->instance_kind)
        raise(t.TypeError, "multiple bases have instance lay-out conflict");
      layout = base->instance_kind;
    }
    bases.push_back(base);
  }
  std::string name = as_str(body->class_name)->text;
  TypeObject* cls = new_type(name, bases, layout, false);
  cls->attrs = body->locals_dict;
  Value qualname = dict_get_name(cls->attrs, intern("__qualname__"));
  if (qualname && is_str(qualname)) cls->qualname = as_str(qualname)->text;
  cls->attrs->table.erase(*this, intern("__qualname__"), intern("__qualname__")->hash());
  Value module = dict_get_name(cls->attrs, intern("__module__"));
  if (module && is_str(module)) cls->module = as_str(module)->text;
  complete_class_dict(cls);
  // Descriptors learn their attribute name (PEP 487's __set_name__).
  std::vector<std::pair<Value, Value>> named;
  for (const auto& e : cls->attrs->table.entries())
    if (e.key && e.value) named.emplace_back(e.key, e.value);
  for (const auto& [key, value] : named) {
    if (!value.is_object()) continue;
    Value set_name = type_of(value)->lookup(intern("__set_name__"));
    if (set_name) call(set_name, {value, cls, key});
  }
  // The parent's __init_subclass__ (an implicit classmethod) sees the new class and the class keywords.
  Value init_subclass;
  for (size_t i = 1; i < cls->mro.size() && !init_subclass; ++i) {
    int64_t at = cls->mro[i]->attrs->table.find_str(intern("__init_subclass__"));
    if (at >= 0) init_subclass = cls->mro[i]->attrs->table.entries()[at].value;
  }
  std::vector<std::pair<StrObject*, Value>> keywords;
  if (body->class_keywords) {
    for (const auto& e : static_cast<DictObject*>(body->class_keywords.as_object())->table.entries())
      if (e.key) keywords.emplace_back(as_str(e.key), e.value);
  }
  if (init_subclass && init_subclass.is_object()) {
    Value fn = init_subclass;
    if (fn.as_object()->kind == ObjKind::ClassMethod) fn = static_cast<DescriptorObject*>(fn.as_object())->fget;
    if (fn.as_object()->kind == ObjKind::Function) {
      Value cls_value = cls;
      call(fn, PosArgs(&cls_value, 1), keywords);
    } else if (!keywords.empty()) {
      raise(t.TypeError, cls->name + ".__init_subclass__() takes no keyword arguments");
    }
  } else if (!keywords.empty()) {
    raise(t.TypeError, cls->name + ".__init_subclass__() takes no keyword arguments");
  }
  // The __class__ cell that zero-argument super() reads.
  const auto& cellvars = body->code->cellvars;
  for (size_t i = 0; i < cellvars.size(); ++i) {
    if (cellvars[i]->text == "__class__") {
      auto* cell = static_cast<CellObject*>(body->slots[body->code->info.nlocals + static_cast<int32_t>(i)].as_object());
      cell->contents = cls;
      note_write(cell);
    }
  }
  *result = cls;
}

// Starts a call from the dispatch loop. Python functions, classes with a Python __init__ and
// class bodies get a new frame on the frame stack (returns true); anything else is called
// natively and its result stored in *result (returns false).
bool VM::push_call(Frame* caller, Value callable, PosArgs args, KwArgs kwargs, Value* result) {
  Frame* callee = nullptr;
  if (callable.is_object()) {
    Object* o = callable.as_object();
    if (o->kind == ObjKind::Function) {
      auto* fn = static_cast<FunctionObject*>(o);
      Frame* f = frame_for_call(fn, args, kwargs);
      if (fn->code->info.flags & kCodeGenerator) {
        GeneratorObject* gen = heap.make<GeneratorObject>(t.generator);
        gen->frame = f;
        f->generator = gen;
        gen->name = fn->name;
        gen->qualname = fn->qualname;
        note_new_generator(gen);
        *result = gen;
        return false;
      }
      callee = f;
    } else if (o->kind == ObjKind::BoundMethod && static_cast<BoundMethodObject*>(o)->func.is_object() &&
               static_cast<BoundMethodObject*>(o)->func.as_object()->kind == ObjKind::Function) {
      auto* m = static_cast<BoundMethodObject*>(o);
      std::vector<Value> full;
      full.reserve(args.size() + 1);
      full.push_back(m->self);
      full.insert(full.end(), args.begin(), args.end());
      return push_call(caller, m->func, full, kwargs, result);
    } else if (o->kind == ObjKind::Type) {
      auto* cls = static_cast<TypeObject*>(o);
      bool init_pending = false;
      Value init_fn;
      Value instance = construct(cls, args, kwargs, &init_pending, &init_fn);
      if (!init_pending) {
        *result = instance;
        return false;
      }
      TempRoot root(*this, instance);
      std::vector<Value> full;
      full.reserve(args.size() + 1);
      full.push_back(instance);
      full.insert(full.end(), args.begin(), args.end());
      callee = frame_for_call(static_cast<FunctionObject*>(init_fn.as_object()), full, kwargs);
      callee->on_return = Frame::OnReturn::PushInstance;
      callee->pending = instance;
    } else if (callable == build_class_fn_) {
      if (args.size() < 2 || !args[0].is_object() || args[0].as_object()->kind != ObjKind::Function)
        raise(t.TypeError, "__build_class__: func must be a function");
      auto* body_fn = static_cast<FunctionObject*>(args[0].as_object());
      callee = new_frame(body_fn->code, body_fn, body_fn->globals, new_dict());
      callee->on_return = Frame::OnReturn::BuildClass;
      callee->class_name = args[1];
      if (!kwargs.empty()) {
        // Class keywords go to __init_subclass__ once the class exists.
        DictObject* kw = new_dict();
        for (const auto& [name, value] : kwargs) kw->table.insert(*this, name, name->hash(), value);
        callee->class_keywords = kw;
      }
      callee->pending = new_tuple(std::vector<Value>(args.begin() + 2, args.end()));
      // Class bodies get their cells and closure like functions.
      const CodeInfo& info = body_fn->code->info;
      for (int32_t i = 0; i < info.ncells(); ++i) {
        CellObject* cell = heap.make<CellObject>(t.cell);
        cell->owner_frame = callee->serial;
        callee->slots[info.nlocals + i] = cell;
      }
      if (body_fn->closure) {
        for (size_t i = 0; i < body_fn->closure->items.size(); ++i)
          callee->slots[info.nlocals + info.ncells() + static_cast<int32_t>(i)] = body_fn->closure->items[i];
      }
    }
  }
  if (!callee) {
    *result = call(callable, args, kwargs);
    return false;
  }
  if (call_depth_ >= limits.recursion_limit) {
    free_frame(callee);
    raise(t.RecursionError, "maximum recursion depth exceeded");
  }
  callee->back = caller;
  frames_.push_back(callee);
  ++call_depth_;
  push_trace(*this, callee, TraceHook::Event::Call);
  return true;
}

Value VM::resume_generator(GeneratorObject* gen, Value sent, ExceptionObject* thrown, Value* returned) {
  if (returned) *returned = None;
  if (!gen->frame) {
    if (thrown) raise(thrown);
    return Value();
  }
  if (gen->running) raise(t.ValueError, "generator already executing");
  // Resuming nests on the C++ stack like VM::call (see RunLimits::max_native_calls).
  if (native_depth_ >= limits.max_native_calls) raise(t.RecursionError, "maximum recursion depth exceeded");
  Frame* g = gen->frame;
  if (!gen->started) {
    // An exception thrown into a generator that never ran enters its frame (a tracer sees call,
    // exception, return, as in CPython 3.11) and leaves at once: no handler covers the start.
    if (!thrown && sent != None) raise(t.TypeError, "can't send non-None value to a just-started generator");
  } else if (!thrown) {
    *g->sp++ = sent;
  }
  gen->started = true;
  gen->running = true;
  g->resumer = Frame::Resumer::Native;
  g->on_return = Frame::OnReturn::ExitNested;
  NativeCallScope scope(*this);
  generator_finished_ = false;
  Value v;
  try {
    v = run_frame(g, thrown);
  } catch (PyRaise& r) {
    scope.hand_back(r.exception);
    throw;
  }
  scope.hand_back(v ? v : generator_return_);
  if (generator_finished_) {
    generator_finished_ = false;
    if (returned) *returned = generator_return_;
    generator_return_ = Value();
    return Value();
  }
  return v;
}

void VM::close_generator(GeneratorObject* gen) {
  if (!gen->frame) return;
  Frame* g = gen->frame;
  ExceptionObject* thrown = nullptr;
  // Suspended inside `yield from`: the sub-iterator is closed first; an error doing so is thrown
  // into this generator instead of GeneratorExit (CPython's gen_close).
  const auto& code = g->code->info.code;
  if (gen->started && !gen->running && g->ip >= 2 && size_t(g->ip) <= code.size() &&
      code[size_t(g->ip - 1)].op == Op::YieldValue && code[size_t(g->ip - 2)].op == Op::Send && g->sp > g->stack_base) {
    Value sub = g->sp[-1];
    TempRoot keep(*this, gen);
    try {
      if (sub.is_object() && sub.as_object()->kind == ObjKind::Generator) {
        gen->running = true;  // the sub-iterator must not resume this generator meanwhile
        struct Unmark { GeneratorObject* gen; ~Unmark() { gen->running = false; } } unmark{gen};
        close_generator(static_cast<GeneratorObject*>(sub.as_object()));
      } else if (Value close = get_attr_or_null(sub, intern("close"))) {
        call(close, {});
      }
    } catch (PyRaise& r) {
      thrown = r.exception;
    }
    if (!gen->frame) return;
  }
  if (!thrown) thrown = new_exception(t.GeneratorExit, std::vector<Value>{});
  try {
    Value v = resume_generator(gen, None, thrown);
    if (v) raise(t.RuntimeError, "generator ignored GeneratorExit");
  } catch (PyRaise& r) {
    if (r.exception->type->is_subtype_of(t.GeneratorExit) || r.exception->type->is_subtype_of(t.StopIteration)) return;
    throw;
  }
}

// ------------------------------------------------------------------ generator finalization

namespace {

// Marks what the running program can reach, to find open generators nothing refers to any more.
// Library objects made before the program (builtin types and functions) and leaves (numbers,
// strings, code) cannot lead to a generator, so they are not followed: a look costs about the
// size of the program's own heap, not the library's.
struct ProgramReachMarker : GcMarker {
  ProgramReachMarker(uint32_t epoch_now, uint32_t boot) : epoch(epoch_now), boot_serial(boot) {}
  using GcMarker::visit;
  void visit(Object* o) override {
    if (!o || o->gc_mark == epoch) return;
    switch (o->kind) {
      case ObjKind::Int: case ObjKind::Float: case ObjKind::Str: case ObjKind::Code:
      case ObjKind::Range: case ObjKind::Slice:
        return;
      case ObjKind::Type: case ObjKind::Builtin:
        if (o->serial <= boot_serial) return;
        break;
      default:
        break;
    }
    o->gc_mark = epoch;
    pending.push_back(o);
    ++marked;
  }
  void drain() {
    while (!pending.empty()) {
      Object* o = pending.back();
      pending.pop_back();
      o->trace(*this);
    }
  }
  uint32_t epoch;
  uint32_t boot_serial;
  std::vector<Object*> pending;
  size_t marked = 0;
};

}  // namespace

VM::NativeCallScope::NativeCallScope(VM& vm)
    : vm_(vm), level_(size_t(vm.native_depth_)), saved_fence_(vm.generator_fence_) {
  if (vm_.native_levels_.size() <= level_) vm_.native_levels_.resize(level_ + 1);
  NativeLevel& level = vm_.native_levels_[level_];
  // No instruction ran since Python code last returned to this level: the same native work goes
  // on (list() resuming its generator once more), and keeps its start and what it was given.
  if (level.left_at != vm_.pause_countdown_) {
    level.fence = vm_.newest_generator_serial_;
    level.handed_back.clear();
  }
  vm_.generator_fence_ = level.fence;
  ++vm_.native_depth_;
}

VM::NativeCallScope::~NativeCallScope() {
  --vm_.native_depth_;
  vm_.native_levels_[level_].left_at = vm_.pause_countdown_;
  vm_.generator_fence_ = saved_fence_;
  if (vm_.finalize_deferred_) vm_.finalize_check_ = true;
}

void VM::NativeCallScope::hand_back(Value v) {
  if (!may_lead_to_generator(v)) return;
  NativeLevel& level = vm_.native_levels_[level_];
  // A long chain (sorted() with a key over a big list) would keep every result: past a bound,
  // everything made so far is held instead, which only makes later closes wait longer.
  constexpr size_t kMaxHandedBack = 1024;
  if (level.handed_back.size() >= kMaxHandedBack) {
    level.handed_back.clear();
    level.fence = vm_.newest_generator_serial_;
  }
  level.handed_back.push_back(v);
}

void VM::note_handed_to_native(Value v) {
  // Only a chain that already called into Python keeps a list; a chain that has not yet will
  // take its start after `v` was made.
  size_t at = size_t(native_depth_);
  if (at < native_levels_.size() && native_levels_[at].left_at == pause_countdown_ && may_lead_to_generator(v))
    native_levels_[at].handed_back.push_back(v);
}

void VM::note_new_generator(GeneratorObject* gen) {
  open_generators_.push_back(gen);
  newest_generator_serial_ = gen->serial;
  finalize_check_ = true;
}

void VM::finalize_unreachable_generators() {
  finalize_check_ = false;
  finalize_deferred_ = false;
  // Under a native caller, some unreachable generators may be held by its C++ locals (vm.h).
  const bool fenced = native_depth_ > 0;
  for (;;) {
    std::erase_if(open_generators_, [](GeneratorObject* g) { return !g->frame; });
    if (open_generators_.empty()) return;
    heap.begin_collection();  // a fresh mark epoch; nothing is swept
    ProgramReachMarker marker(heap.epoch(), boot_serial_);
    for (Frame* f : frames_) trace_frame(*f, marker);
    for (Value v : temp_roots_) marker.visit(v);
    for (Value v : extra_roots_) marker.visit(v);
    marker.visit(handled_exception_);
    marker.visit(generator_return_);
    marker.visit(builtins);
    marker.visit(main_globals);
    for (auto& [name, module] : modules_) marker.visit(module);
    marker.drain();
    // A big heap makes each look costly: the next one waits a number of instructions in
    // proportion (half the objects marked), which bounds the cost at a few object visits per
    // instruction; a generator can then close a little later than under CPython. Programs of
    // visualizer size (up to kExactHeap containers) are looked at every time: exact timing.
    constexpr size_t kExactHeap = 512;
    finalize_wait_ = marker.marked > kExactHeap ? int64_t(marker.marked / 2) : 0;
    std::vector<GeneratorObject*> dead;
    for (GeneratorObject* g : open_generators_)
      if (g->gc_mark != marker.epoch && !g->running) dead.push_back(g);
    if (dead.empty()) return;
    if (fenced) {
      // What the natives on the C++ stack may hold counts as reached (see vm.h, NativeLevel);
      // a generator kept only by that is looked at again when they return.
      for (size_t level = 0; level < size_t(native_depth_) && level < native_levels_.size(); ++level)
        for (Value v : native_levels_[level].handed_back) marker.visit(v);
      for (GeneratorObject* g : dead)
        if (g->serial <= generator_fence_) marker.visit(g);
      marker.drain();
      size_t before = dead.size();
      std::erase_if(dead, [&](GeneratorObject* g) { return g->gc_mark == marker.epoch; });
      if (dead.size() != before) finalize_deferred_ = true;
      if (dead.empty()) return;
    }
    // A dead generator that another dead one holds (a pipeline stage in the next stage's frame)
    // goes when the holder's frame is cleared, after the holder's close: close the outer ones now.
    for (GeneratorObject* g : dead) g->trace(marker);
    marker.drain();
    std::vector<GeneratorObject*> outer;
    for (GeneratorObject* g : dead)
      if (g->gc_mark != marker.epoch) outer.push_back(g);
    auto forget = [this](const std::vector<GeneratorObject*>& gone) {
      std::erase_if(open_generators_, [&](GeneratorObject* g) { return std::find(gone.begin(), gone.end(), g) != gone.end(); });
    };
    if (outer.empty()) {
      // Only cycles are left (a generator whose frame refers to itself): CPython leaves those to
      // its cycle collector, which runs at moments of its own; they are simply dropped here.
      forget(dead);
      return;
    }
    forget(outer);  // before closing: one that ignores GeneratorExit must not be closed again
    for (GeneratorObject* g : outer) {
      TempRoot keep(*this, g);
      try {
        close_generator(g);
      } catch (PyRaise&) {
        // CPython reports an error in a finalizer as "Exception ignored in ..." and carries on.
      }
    }
  }
}

// ------------------------------------------------------------------ exceptions

// Finds the handler for `exc` raised in the innermost frame, popping frames without one.
// Returns false when the exception leaves `entry` (which is then popped too).
bool VM::unwind(ExceptionObject* exc, Frame* entry, bool is_reraise) {
  note_possible_drop();  // the value stack above the handler, or whole frames
  bool first = true;
  for (;;) {
    Frame* f = frames_.back();
    if (!(first && is_reraise)) {
      exc->traceback.push_back(TracebackEntry{f->code, frame_line(*f), frame_instruction(*f)});
      if (first && handled_exception_ && handled_exception_ != Value(exc) && !exc->context)
        exc->context = handled_exception_;
      push_trace(*this, f, TraceHook::Event::Exception, exc);
    }
    first = false;
    int32_t at = f->ip > 0 ? f->ip - 1 : 0;
    // A frame that has not run an instruction (an exception thrown into a fresh generator) has no handler.
    static const std::vector<ExceptionTableEntry> no_handlers;
    for (const auto& h : f->ip > 0 ? f->code->info.exception_table : no_handlers) {
      if (at >= h.start && at < h.end) {
        // Where it was caught, for a clean-up re-raise to report (Reraise with arg 1).
        exc->caught_at = f->line_ip >= 0 ? f->line_ip : at;
        if (f->line_ip >= 0) {
          f->last_ip = f->line_ip;
          f->last_line = f->code->info.lines[size_t(f->line_ip)];
          f->line_ip = -1;
        }
        f->sp = f->stack_base + h.depth;
        if (h.push_lasti) *f->sp++ = Value::small_int(at);
        *f->sp++ = exc;
        f->ip = h.target;
        return true;
      }
    }
    push_trace(*this, f, TraceHook::Event::Return, None, false, true);
    frames_.pop_back();
    --call_depth_;
    bool was_entry = f == entry;
    if (f->generator && exc->type->is_subtype_of(t.StopIteration)) {
      // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
      ExceptionObject* wrapped = new_exception(t.RuntimeError, "generator raised StopIteration");
      wrapped->cause = exc;
      wrapped->context = exc;
      wrapped->suppress_context = true;
      wrapped->traceback = exc->traceback;
      exc = wrapped;
      pending_replacement_ = wrapped;
    }
    release_frame(f);
    if (was_entry) return false;
  }
}

Value VM::run_frame(Frame* entry, ExceptionObject* inject) {
  if (call_depth_ >= limits.recursion_limit) {
    if (!entry->generator) free_frame(entry);
    raise(t.RecursionError, "maximum recursion depth exceeded");
  }
  frames_.push_back(entry);
  ++call_depth_;
  push_trace(*this, entry, TraceHook::Event::Call);
  return drive_frame(entry, inject);
}

Value VM::drive_frame(Frame* entry, ExceptionObject* pending) {
  bool pending_reraise = false;
  for (;;) {
    try {
      if (pending) {
        ExceptionObject* exc = pending;
        pending = nullptr;
        pending_replacement_ = nullptr;
        if (!unwind(exc, entry, pending_reraise)) {
          if (pending_replacement_) exc = pending_replacement_;
          throw PyRaise{exc};
        }
      }
      return run_loop(entry);
    } catch (PyRaise& r) {
      if (frames_.empty() || !frame_on_stack(entry)) throw;
      pending = r.exception;
      pending_reraise = reraising_;
      reraising_ = false;
    } catch (PyError& e) {
      if (frames_.empty() || !frame_on_stack(entry)) throw;
      pending = to_exception(e);
      pending_reraise = false;
    } catch (std::bad_alloc&) {
      if (frames_.empty() || !frame_on_stack(entry)) throw;
      pending = new_exception(t.MemoryError, std::vector<Value>{});
      pending_reraise = false;
    }
  }
}

bool VM::frame_on_stack(Frame* f) const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
    if (*it == f) return true;
  return false;
}

// ------------------------------------------------------------------ the loop

namespace {

// Small-int fast paths; return false to fall back to the generic protocol.
inline bool small_binary(BinaryOpArg op, int64_t a, int64_t b, Value* out) {
  int64_t r;
  switch (op) {
    case BinaryOpArg::Add: case BinaryOpArg::InplaceAdd: r = a + b; break;
    case BinaryOpArg::Sub: case BinaryOpArg::InplaceSub: r = a - b; break;
    case BinaryOpArg::Mul: case BinaryOpArg::InplaceMul:
      if (__builtin_mul_overflow(a, b, &r)) return false;
      break;
    case BinaryOpArg::FloorDiv: case BinaryOpArg::InplaceFloorDiv:
      if (b == 0) return false;
      r = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) --r;
      break;
    case BinaryOpArg::Mod: case BinaryOpArg::InplaceMod:
      if (b == 0) return false;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    case BinaryOpArg::And: case BinaryOpArg::InplaceAnd: r = a & b; break;
    case BinaryOpArg::Or: case BinaryOpArg::InplaceOr: r = a | b; break;
    case BinaryOpArg::Xor: case BinaryOpArg::InplaceXor: r = a ^ b; break;
    default: return false;
  }
  if (!Value::fits_small(r)) return false;
  *out = Value::small_int(r);
  return true;
}

inline bool small_compare(CompareOpArg op, int64_t a, int64_t b) {
  switch (op) {
    case CompareOpArg::Lt: return a < b;
    case CompareOpArg::Le: return a <= b;
    case CompareOpArg::Eq: return a == b;
    case CompareOpArg::Ne: return a != b;
    case CompareOpArg::Gt: return a > b;
    case CompareOpArg::Ge: return a >= b;
  }
  return false;
}

}  // namespace

Value VM::run_loop(Frame* entry) {
  (void)entry;  // the loop returns when a frame marked ExitNested returns; that is always `entry`
  Frame* f = frames_.back();
  const Instr* code = f->code->info.code.data();
  Value* sp = f->sp;
  Value* slots = f->slots;
  Value* consts = f->code->constants.data();
  StrObject** names = f->code->names.data();
  TupleObject* kwnames = nullptr;
  std::vector<std::pair<StrObject*, Value>> kwbuf;

#define RELOAD()                               \
  do {                                         \
    f = frames_.back();                        \
    code = f->code->info.code.data();          \
    sp = f->sp;                                \
    slots = f->slots;                          \
    consts = f->code->constants.data();        \
    names = f->code->names.data();             \
  } while (0)
#define SYNC() (f->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])

  const bool tracing = trace_hook != nullptr;
  for (;;) {
    // A sliced run (VM::continue_main) pauses between instructions, only in the outermost loop
    // (no native caller waiting on this C++ stack) and never between KwNames and its Call.
    if (--pause_countdown_ < 0 && native_depth_ == 0 && !kwnames) {
      SYNC();
      paused_ = true;
      return Value();
    }
    // Open generators the last instructions left unreachable are closed now, as CPython's
    // refcounting would have done (see finalize_unreachable_generators). Under a native caller,
    // whose locals the marker cannot see, only generators made since it called into Python can
    // be closed (vm.h, generator_fence_); with none, the look is left to the outer levels.
    if (finalize_check_) [[unlikely]] {
      if (native_depth_ > 0 && newest_generator_serial_ <= generator_fence_) {
        finalize_check_ = false;
        finalize_deferred_ = true;
      } else if (--finalize_wait_ < 0) {
        SYNC();
        finalize_unreachable_generators();
        RELOAD();
      }
    }
    const Instr instr = code[f->ip++];
    f->sp = sp;
    if (tracing) {
      int32_t at = f->ip - 1;
      const CodeInfo& info = f->code->info;
      int line = info.lines[at];
      // CPython 3.11's maybe_call_line_trace: an event when the line differs from the previous
      // instruction's, or after a backward jump (except back to a `yield from`'s Send).
      bool event = line > 0 && (line != f->last_line || (at < f->last_ip && instr.op != Op::Send));
      f->last_line = line;
      f->last_ip = at;
      if (event) trace_hook->on_event(*this, *f, TraceHook::Event::Line, line, Value(), false, false);
    }
    const int32_t arg = instr.arg;
    switch (instr.op) {
      case Op::Nop: break;
      case Op::PopTop:
        --sp;
        if (may_lead_to_generator(*sp)) note_possible_drop();
        break;
      case Op::Copy: { Value v = PEEK(arg); PUSH(v); break; }
      case Op::Swap: std::swap(sp[-1], sp[-arg]); break;
      case Op::PushNull: PUSH(Value()); break;
      case Op::LoadConst: PUSH(consts[arg]); break;
      case Op::LoadFast: {
        Value v = slots[arg];
        if (!v) raise(t.UnboundLocalError, "cannot access local variable '" + f->code->varnames[arg]->text +
                                              "' where it is not associated with a value");
        PUSH(v);
        break;
      }
      case Op::StoreFast:
        if (may_lead_to_generator(slots[arg])) note_possible_drop();
        slots[arg] = POP();
        break;
      case Op::DeleteFast:
        if (!slots[arg]) raise(t.UnboundLocalError, "cannot access local variable '" + f->code->varnames[arg]->text +
                                                        "' where it is not associated with a value");
        if (may_lead_to_generator(slots[arg])) note_possible_drop();
        slots[arg] = Value();
        break;
      case Op::LoadDeref: {
        auto* cell = static_cast<CellObject*>(slots[f->code->info.nlocals + arg].as_object());
        if (!cell->contents) {
          int32_t ncells = f->code->info.ncells();
          if (arg < ncells)
            raise(t.UnboundLocalError, "cannot access local variable '" + f->code->cellvars[arg]->text +
                                           "' where it is not associated with a value");
          StrObject* name = f->code->freevars[arg - ncells];
          raise_name_error(f, name, true, "cannot access free variable '" + name->text +
                                              "' where it is not associated with a value in enclosing scope");
        }
        PUSH(cell->contents);
        break;
      }
      case Op::StoreDeref: {
        auto* cell = static_cast<CellObject*>(slots[f->code->info.nlocals + arg].as_object());
        if (may_lead_to_generator(cell->contents)) note_possible_drop();
        cell->contents = POP();
        break;
      }
      case Op::DeleteDeref: {
        auto* cell = static_cast<CellObject*>(slots[f->code->info.nlocals + arg].as_object());
        if (!cell->contents) {
          int32_t ncells = f->code->info.ncells();
          std::string n = arg < ncells ? f->code->cellvars[arg]->text : f->code->freevars[arg - ncells]->text;
          raise(t.UnboundLocalError, "cannot access local variable '" + n + "' where it is not associated with a value");
        }
        if (may_lead_to_generator(cell->contents)) note_possible_drop();
        cell->contents = Value();
        break;
      }
      case Op::LoadClosure: PUSH(slots[f->code->info.nlocals + arg]); break;
      case Op::LoadClassDeref: {
        int32_t ncells = f->code->info.ncells();
        StrObject* name = f->code->freevars[arg - ncells];
        Value v = f->locals_dict ? dict_get_name(f->locals_dict, name) : Value();
        if (!v) {
          v = static_cast<CellObject*>(slots[f->code->info.nlocals + arg].as_object())->contents;
          if (!v) raise(t.NameError, "cannot access free variable '" + name->text +
                                         "' where it is not associated with a value in enclosing scope");
        }
        PUSH(v);
        break;
      }
      case Op::LoadGlobal: {
        StrObject* name = names[arg];
        Value v = dict_get_name(f->globals, name);
        if (!v) v = dict_get_name(builtins, name);
        if (!v) raise_name_error(f, name);
        PUSH(v);
        break;
      }
      case Op::StoreGlobal: {
        Value v = POP();
        SYNC();
        if (!open_generators_.empty() && may_lead_to_generator(dict_get_name(f->globals, names[arg]))) note_possible_drop();
        f->globals->table.insert(*this, names[arg], names[arg]->hash(), v);
        break;
      }
      case Op::DeleteGlobal:
        note_possible_drop();
        if (!f->globals->table.erase(*this, names[arg], names[arg]->hash()))
          raise_name_error(f, names[arg], /*suggest=*/false);
        break;
      case Op::LoadName: {
        StrObject* name = names[arg];
        Value v = f->locals_dict ? dict_get_name(f->locals_dict, name) : Value();
        if (!v) v = dict_get_name(f->globals, name);
        if (!v) v = dict_get_name(builtins, name);
        if (!v) raise_name_error(f, name);
        PUSH(v);
        break;
      }
      case Op::StoreName: {
        Value v = POP();
        SYNC();
        DictObject* ns = f->locals_dict ? f->locals_dict : f->globals;
        if (!open_generators_.empty() && may_lead_to_generator(dict_get_name(ns, names[arg]))) note_possible_drop();
        ns->table.insert(*this, names[arg], names[arg]->hash(), v);
        break;
      }
      case Op::DeleteName: {
        note_possible_drop();
        DictObject* ns = f->locals_dict ? f->locals_dict : f->globals;
        if (!ns->table.erase(*this, names[arg], names[arg]->hash())) raise_name_error(f, names[arg], false);
        break;
      }
      case Op::LoadAttr: {
        Value v = get_attr(TOP(), names[arg]);
        TOP() = v;
        break;
      }
      case Op::StoreAttr: {
        Value obj = POP();
        Value v = POP();
        SYNC();
        note_possible_drop();
        set_attr(obj, names[arg], v);
        break;
      }
      case Op::DeleteAttr: {
        Value obj = POP();
        SYNC();
        note_possible_drop();
        del_attr(obj, names[arg]);
        break;
      }
      case Op::LoadMethod: {
        Value obj = TOP();
        StrObject* name = names[arg];
        if (obj.is_object()) {
          Object* o = obj.as_object();
          ObjKind k = o->kind;
          if (k != ObjKind::Type && k != ObjKind::Module && k != ObjKind::Super) {
            Value m = o->type->lookup(name);
            if (m.is_object()) {
              ObjKind mk = m.as_object()->kind;
              bool plain = mk == ObjKind::Function ||
                           (mk == ObjKind::Builtin && static_cast<BuiltinFunction*>(m.as_object())->is_method);
              if (plain && !(o->attrs && o->attrs->table.find_str(name) >= 0)) {
                TOP() = m;
                PUSH(obj);
                break;
              }
            }
          }
        }
        Value v = get_attr(obj, name);
        TOP() = v;
        PUSH(Value());
        break;
      }
      case Op::BinarySubscr: {
        Value key = POP();
        Value container = TOP();
        if (key.is_small_int() && container.is_object() && container.as_object()->kind == ObjKind::List &&
            container.as_object()->type == t.list) {
          auto& items = static_cast<ListObject*>(container.as_object())->items;
          int64_t i = key.as_small_int();
          if (i < 0) i += static_cast<int64_t>(items.size());
          if (i >= 0 && i < static_cast<int64_t>(items.size())) {
            TOP() = items[static_cast<size_t>(i)];
            break;
          }
        }
        SYNC();
        TOP() = get_item(container, key);
        break;
      }
      case Op::StoreSubscr: {
        Value key = POP();
        Value container = POP();
        Value v = POP();
        SYNC();
        note_possible_drop();
        set_item(container, key, v);
        break;
      }
      case Op::DeleteSubscr: {
        Value key = POP();
        Value container = POP();
        SYNC();
        note_possible_drop();
        del_item(container, key);
        break;
      }
      case Op::BuildSlice: {
        SliceObject* s = heap.make<SliceObject>(t.slice);
        if (arg == 3) s->step = POP(); else s->step = None;
        s->stop = POP();
        s->start = POP();
        PUSH(s);
        break;
      }
      case Op::BinaryOp: {
        Value b = POP();
        Value a = TOP();
        auto op = static_cast<BinaryOpArg>(arg);
        if (a.is_small_int() && b.is_small_int() && small_binary(op, a.as_small_int(), b.as_small_int(), &TOP())) break;
        SYNC();
        TOP() = binary_op(a, b, op);
        break;
      }
      case Op::UnaryOp: {
        Value v = TOP();
        auto op = static_cast<UnaryOpArg>(arg);
        if (op == UnaryOpArg::Not) {
          TOP() = truthy(v) ? False : True;
          break;
        }
        TOP() = unary_op(v, op);
        break;
      }
      case Op::CompareOp: {
        Value b = POP();
        Value a = TOP();
        auto op = static_cast<CompareOpArg>(arg);
        if (a.is_small_int() && b.is_small_int()) {
          TOP() = small_compare(op, a.as_small_int(), b.as_small_int()) ? True : False;
          break;
        }
        SYNC();
        TOP() = compare(a, b, op);
        break;
      }
      case Op::IsOp: {
        Value b = POP();
        bool same = TOP() == b;
        TOP() = (same != (arg != 0)) ? True : False;
        break;
      }
      case Op::ContainsOp: {
        Value container = POP();
        Value item = TOP();
        SYNC();
        bool in = contains(container, item);
        TOP() = (in != (arg != 0)) ? True : False;
        break;
      }
      case Op::BuildTuple: {
        std::vector<Value> items(sp - arg, sp);
        sp -= arg;
        PUSH(new_tuple(std::move(items)));
        break;
      }
      case Op::BuildList: {
        std::vector<Value> items(sp - arg, sp);
        sp -= arg;
        PUSH(new_list(std::move(items)));
        break;
      }
      case Op::BuildSet: {
        SetObject* s = new_set();
        Value* first = sp - arg;
        SYNC();
        for (Value* p = first; p < sp; ++p) s->table.insert(*this, *p, hash(*p), Value());
        sp = first;
        PUSH(s);
        break;
      }
      case Op::BuildMap: {
        DictObject* d = new_dict();
        Value* first = sp - 2 * arg;
        SYNC();
        for (Value* p = first; p < sp; p += 2) d->table.insert(*this, p[0], hash(p[0]), p[1]);
        sp = first;
        PUSH(d);
        break;
      }
      case Op::BuildString: {
        std::string out;
        for (Value* p = sp - arg; p < sp; ++p) out += as_str(*p)->text;
        sp -= arg;
        PUSH(new_str(std::move(out)));
        break;
      }
      case Op::FormatValue: {
        Value spec = (arg & 4) ? POP() : Value();
        Value v = TOP();
        SYNC();
        switch (arg & 3) {
          case 1: v = to_str(v); break;
          case 2: v = repr(v); break;
          case 3: v = new_str(ascii_text(repr(v)->text)); break;
          default: break;
        }
        StrObject* spec_str = spec ? as_str(spec) : nullptr;
        if (is_str(v) && v.as_object()->type == t.str && (!spec_str || spec_str->text.empty())) {
          TOP() = v;
        } else {
          TOP() = format(v, spec_str ? spec_str : intern(""));
        }
        break;
      }
      case Op::ListAppend: {
        Value v = POP();
        static_cast<ListObject*>(PEEK(arg).as_object())->items.push_back(v);
        break;
      }
      case Op::SetAdd: {
        Value v = POP();
        SYNC();
        static_cast<SetObject*>(PEEK(arg).as_object())->table.insert(*this, v, hash(v), Value());
        break;
      }
      case Op::MapAdd: {
        Value v = POP();
        Value k = POP();
        SYNC();
        static_cast<DictObject*>(PEEK(arg).as_object())->table.insert(*this, k, hash(k), v);
        break;
      }
      case Op::ListExtend: {
        Value iterable = POP();
        SYNC();
        auto* list = static_cast<ListObject*>(PEEK(arg).as_object());
        std::vector<Value> items = star_operand_items(*this, iterable, Value());
        list->items.insert(list->items.end(), items.begin(), items.end());
        break;
      }
      case Op::SetUpdate: {
        Value iterable = POP();
        SYNC();
        auto* set = static_cast<SetObject*>(PEEK(arg).as_object());
        for (Value v : to_vector(iterable)) set->table.insert(*this, v, hash(v), Value());
        break;
      }
      case Op::DictUpdate:
      case Op::DictMerge: {
        Value mapping = POP();
        SYNC();
        auto* d = static_cast<DictObject*>(PEEK(arg).as_object());
        // A call's keywords: the callable is under the dict, the positional tuple and self-or-null.
        merge_into_dict(d, mapping, instr.op == Op::DictMerge, instr.op == Op::DictMerge ? PEEK(arg + 3) : Value());
        break;
      }
      case Op::ListToTuple: {
        auto* list = static_cast<ListObject*>(TOP().as_object());
        TOP() = new_tuple(list->items.vec());
        break;
      }
      case Op::UnpackSequence: {
        Value seq = POP();
        SYNC();
        std::vector<Value> items;
        if (seq.is_object() && (seq.as_object()->kind == ObjKind::Tuple || seq.as_object()->kind == ObjKind::List)) {
          items = seq.as_object()->kind == ObjKind::Tuple ? static_cast<TupleObject*>(seq.as_object())->items
                                                           : static_cast<ListObject*>(seq.as_object())->items.vec();
          if (static_cast<int32_t>(items.size()) != arg) {
            if (static_cast<int32_t>(items.size()) < arg)
              raise(t.ValueError, "not enough values to unpack (expected " + std::to_string(arg) + ", got " +
                                      std::to_string(items.size()) + ")");
            raise(t.ValueError, "too many values to unpack (expected " + std::to_string(arg) + ")");
          }
        } else {
          Value it = iter_for_unpack(seq);
          TempRoot root(*this, it);
          for (;;) {
            Value v = next(it);
            if (!v) break;
            items.push_back(v);
            if (static_cast<int32_t>(items.size()) > arg)
              raise(t.ValueError, "too many values to unpack (expected " + std::to_string(arg) + ")");
          }
          if (static_cast<int32_t>(items.size()) < arg)
            raise(t.ValueError, "not enough values to unpack (expected " + std::to_string(arg) + ", got " +
                                    std::to_string(items.size()) + ")");
        }
        for (size_t i = items.size(); i-- > 0;) PUSH(items[i]);
        break;
      }
      case Op::UnpackEx: {
        int before = arg & 0xff;
        int after = arg >> 8;
        Value seq = POP();
        SYNC();
        Value it = iter_for_unpack(seq);
        TempRoot root(*this, it);
        std::vector<Value> items;
        for (Value v = next(it); v; v = next(it)) items.push_back(v);
        if (static_cast<int>(items.size()) < before + after)
          raise(t.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                  ", got " + std::to_string(items.size()) + ")");
        std::vector<Value> middle(items.begin() + before, items.end() - after);
        for (int i = 0; i < after; ++i) PUSH(items[items.size() - 1 - static_cast<size_t>(i)]);
        PUSH(new_list(std::move(middle)));
        for (int i = before; i-- > 0;) PUSH(items[static_cast<size_t>(i)]);
        break;
      }
      case Op::Jump:
        if (arg < f->ip) {
          // Backward jump: a safe point for collection (and a line event when tracing).
          SYNC();
          maybe_collect();
        }
        f->ip = arg;
        break;
      // The conditional jumps that pop drop their operand: when it is not a bool (`if gen:`,
      // `make() and x`) that may be a generator's last reference.
      case Op::PopJumpIfFalse: {
        Value v = POP();
        if (v == False) f->ip = arg;
        else if (v != True) {
          if (!truthy(v)) f->ip = arg;
          if (may_lead_to_generator(v)) note_possible_drop();
        }
        break;
      }
      case Op::PopJumpIfTrue: {
        Value v = POP();
        if (v == True) f->ip = arg;
        else if (v != False) {
          if (truthy(v)) f->ip = arg;
          if (may_lead_to_generator(v)) note_possible_drop();
        }
        break;
      }
      case Op::PopJumpIfNone: if (POP() == None) f->ip = arg; break;
      case Op::PopJumpIfNotNone: {
        Value v = POP();
        if (v != None) {
          f->ip = arg;
          if (may_lead_to_generator(v)) note_possible_drop();
        }
        break;
      }
      case Op::JumpIfFalseOrPop:
        if (!truthy(TOP())) f->ip = arg;
        else if (may_lead_to_generator(*--sp)) note_possible_drop();
        break;
      case Op::JumpIfTrueOrPop:
        if (truthy(TOP())) f->ip = arg;
        else if (may_lead_to_generator(*--sp)) note_possible_drop();
        break;
      case Op::GetIter: {
        Value v = TOP();
        if (v.is_object() && (v.as_object()->kind == ObjKind::Iterator || v.as_object()->kind == ObjKind::Generator)) break;
        TOP() = get_iter(v);
        break;
      }
      case Op::ForIter: {
        Value it = TOP();
        if (it.is_object() && it.as_object()->kind == ObjKind::Iterator && it.as_object()->type == t.iterator) {
          auto* ni = static_cast<NativeIterator*>(it.as_object());
          Value v = ni->next(*this, *ni);
          if (v) { PUSH(v); break; }
          --sp;
          f->ip = arg;
          note_possible_drop();  // the exhausted iterator (a zip or map may hold generators)
          break;
        }
        if (it.is_object() && it.as_object()->kind == ObjKind::Generator) {
          auto* gen = static_cast<GeneratorObject*>(it.as_object());
          if (!gen->frame) { --sp; f->ip = arg; break; }
          if (gen->running) raise(t.ValueError, "generator already executing");
          Frame* g = gen->frame;
          if (gen->started) *g->sp++ = None;
          gen->started = true;
          gen->running = true;
          g->resumer = Frame::Resumer::ForIter;
          g->on_return = Frame::OnReturn::Push;
          if (call_depth_ >= limits.recursion_limit) raise(t.RecursionError, "maximum recursion depth exceeded");
          g->back = f;
          SYNC();
          frames_.push_back(g);
          ++call_depth_;
          push_trace(*this, g, TraceHook::Event::Call);
          RELOAD();
          break;
        }
        SYNC();
        Value v;
        Value next_method = tracing && it.is_object() && it.as_object()->kind != ObjKind::Iterator
                                ? find_special(*this, it, intern("__next__"))
                                : Value();
        if (next_method) {
          // CPython's FOR_ITER reports a StopIteration raised by a Python __next__ to the tracer.
          try {
            v = call_special(*this, next_method, it, {});
          } catch (PyRaise& e) {
            if (!is_instance(Value(e.exception), t.StopIteration)) throw;
            push_trace(*this, f, TraceHook::Event::Exception, e.exception);
          }
        } else {
          v = next(it);
        }
        if (v) { PUSH(v); break; }
        --sp;
        f->ip = arg;
        note_possible_drop();
        break;
      }
      case Op::MakeFunction: {
        auto* code_obj = static_cast<CodeObject*>(POP().as_object());
        FunctionObject* fn = heap.make<FunctionObject>(t.function);
        fn->code = code_obj;
        fn->globals = f->globals;
        if (arg & kHasClosure) fn->closure = static_cast<TupleObject*>(POP().as_object());
        if (arg & kHasAnnotations) fn->annotations = POP();
        if (arg & kHasKwDefaults) fn->kwdefaults = static_cast<DictObject*>(POP().as_object());
        if (arg & kHasDefaults) fn->defaults = static_cast<TupleObject*>(POP().as_object());
        fn->name = code_obj->name;
        fn->qualname = code_obj->qualname;
        fn->doc = code_obj->constants.empty() ? Value(None) : code_obj->constants[0];
        if (!fn->doc || !is_str(fn->doc)) fn->doc = None;
        Value module = dict_get_name(f->globals, intern("__name__"));
        fn->module_name = module ? module : Value(None);
        fn->defining_frame = f->serial;
        PUSH(fn);
        break;
      }
      case Op::KwNames: kwnames = static_cast<TupleObject*>(consts[arg].as_object()); break;
      case Op::Call: {
        Value* args = sp - arg;
        Value self = args[-1];
        Value callable = args[-2];
        int32_t nkw = kwnames ? static_cast<int32_t>(kwnames->items.size()) : 0;
        int32_t npos = arg - nkw;
        kwbuf.clear();
        for (int32_t i = 0; i < nkw; ++i)
          kwbuf.emplace_back(as_str(kwnames->items[static_cast<size_t>(i)]), args[npos + i]);
        kwnames = nullptr;
        PosArgs positional = self ? PosArgs(args - 1, static_cast<size_t>(npos + 1)) : PosArgs(args, static_cast<size_t>(npos));
        // Fast path: a plain Python function with exactly its positional parameters.
        if (callable.is_object() && callable.as_object()->kind == ObjKind::Function && nkw == 0) {
          auto* fn = static_cast<FunctionObject*>(callable.as_object());
          const CodeInfo& info = fn->code->info;
          if (info.argcount == static_cast<int32_t>(positional.size()) && info.kwonlyargcount == 0 &&
              !(info.flags & (kCodeVarargs | kCodeVarkeywords | kCodeGenerator)) && call_depth_ < limits.recursion_limit) {
            SYNC();
            maybe_collect();
            Frame* callee = new_frame(fn->code, fn, fn->globals, nullptr);
            for (size_t i = 0; i < positional.size(); ++i) callee->slots[i] = positional[i];
            if (info.ncells() || fn->closure) init_cells_for(callee);
            sp -= arg + 2;
            f->sp = sp;
            callee->back = f;
            frames_.push_back(callee);
            ++call_depth_;
            push_trace(*this, callee, TraceHook::Event::Call);
            RELOAD();
            break;
          }
        }
        SYNC();
        Value result;
        if (push_call(f, callable, positional, kwbuf, &result)) {
          // The caller's stack drops the call's operands now; the callee's return value is pushed later.
          f->sp = sp - (arg + 2);
          RELOAD();
          break;
        }
        sp -= arg + 2;
        PUSH(result);
        note_possible_drop();  // the arguments, and whatever the native let go of
        break;
      }
      case Op::CallEx: {
        Value kwdict = (arg & 1) ? POP() : Value();
        Value args_tuple = POP();
        Value self = POP();
        Value callable = POP();
        (void)self;
        SYNC();
        kwbuf.clear();
        if (kwdict) {
          for (const auto& e : static_cast<DictObject*>(kwdict.as_object())->table.entries()) {
            if (!e.key) continue;
            if (!is_str(e.key)) raise(t.TypeError, "keywords must be strings");
            kwbuf.emplace_back(intern(as_str(e.key)->text), e.value);
          }
        }
        // `f(*x)` passes x itself (CPython's CALL_FUNCTION_EX); anything else comes as a tuple.
        std::vector<Value> positional = star_operand_items(*this, args_tuple, callable);
        // Keep the operands reachable while the call runs.
        PUSH(callable);
        PUSH(args_tuple);
        if (kwdict) PUSH(kwdict);
        SYNC();
        Value result;
        int32_t operands = kwdict ? 3 : 2;
        if (push_call(f, callable, positional, kwbuf, &result)) {
          f->sp = sp - operands;
          RELOAD();
          break;
        }
        sp -= operands;
        PUSH(result);
        note_possible_drop();
        break;
      }
      case Op::ReturnValue: {
        Value result = POP();
        SYNC();
        Frame* done = f;
        push_trace(*this, done, TraceHook::Event::Return, result);
        frames_.pop_back();
        --call_depth_;
        note_possible_drop();  // the frame's variables
        if (done->generator) {
          Frame::Resumer how = done->resumer;
          const bool sent_value = done->sent_value;
          release_frame(done);
          if (how == Frame::Resumer::Native) {
            generator_finished_ = true;
            generator_return_ = result;
            return Value();
          }
          RELOAD();
          const Instr& resumed_by = code[f->ip - 1];
          // CPython 3.11 reports to the tracer the StopIteration that ends a for loop or a
          // `yield from` over a generator: when it returned a value other than None, or when
          // it was resumed by send() with a value.
          if (trace_hook && (result != None || (how == Frame::Resumer::Send && sent_value))) {
            ExceptionObject* stop = result == None ? new_exception(t.StopIteration, std::vector<Value>{})
                                                   : new_exception(t.StopIteration, std::vector<Value>{result});
            stop->value = result;
            TempRoot keep(*this, result);
            SYNC();
            push_trace(*this, f, TraceHook::Event::Exception, stop);
          }
          if (how == Frame::Resumer::ForIter) {
            --sp;  // the exhausted generator
          } else {
            --sp;  // the sub-iterator of `yield from`
            PUSH(result);
          }
          f->ip = resumed_by.arg;
          break;
        }
        switch (done->on_return) {
          case Frame::OnReturn::ExitNested:
            release_frame(done);
            return result;
          case Frame::OnReturn::Push:
            release_frame(done);
            RELOAD();
            PUSH(result);
            break;
          case Frame::OnReturn::PushInstance: {
            Value instance = done->pending;
            release_frame(done);
            RELOAD();
            if (result != None) {
              SYNC();
              raise(t.TypeError, "__init__() should return None, not '" + type_name(result) + "'");
            }
            PUSH(instance);
            break;
          }
          case Frame::OnReturn::BuildClass: {
            // Keep the body frame's namespace reachable while the class is built.
            Frame* caller = frames_.back();
            Value cls;
            TempRoot keep(*this, done->locals_dict);
            TempRoot keep_bases(*this, done->pending);
            caller->sp = caller->sp;  // unchanged
            try {
              finish_class(done, &cls);
            } catch (...) {
              release_frame(done);
              RELOAD();
              throw;
            }
            release_frame(done);
            RELOAD();
            PUSH(cls);
            break;
          }
        }
        break;
      }
      case Op::YieldValue: {
        Value v = POP();
        SYNC();
        Frame* g = f;
        push_trace(*this, g, TraceHook::Event::Return, v, /*is_yield=*/true);
        frames_.pop_back();
        --call_depth_;
        Frame::Resumer how = g->resumer;
        g->resumer = Frame::Resumer::None;
        g->generator->running = false;
        g->back = nullptr;
        if (how == Frame::Resumer::Native) return v;
        RELOAD();
        PUSH(v);
        break;
      }
      case Op::GetYieldFromIter: {
        Value v = TOP();
        if (!(v.is_object() && v.as_object()->kind == ObjKind::Generator)) {
          SYNC();
          TOP() = get_iter(v);
        }
        break;
      }
      case Op::Send: {
        Value sent = TOP();
        Value sub = PEEK(2);
        if (sub.is_object() && sub.as_object()->kind == ObjKind::Generator) {
          auto* gen = static_cast<GeneratorObject*>(sub.as_object());
          if (gen->frame && !gen->running) {
            // `yield from` chains nest like calls (def g(): yield from g() must stop, as in CPython).
            if (call_depth_ >= limits.recursion_limit) raise(t.RecursionError, "maximum recursion depth exceeded");
            Frame* g = gen->frame;
            if (!gen->started && sent != None) raise(t.TypeError, "can't send non-None value to a just-started generator");
            --sp;
            if (gen->started) *g->sp++ = sent;
            g->sent_value = sent != None;
            gen->started = true;
            gen->running = true;
            g->resumer = Frame::Resumer::Send;
            g->on_return = Frame::OnReturn::Push;
            SYNC();
            g->back = f;
            frames_.push_back(g);
            ++call_depth_;
            push_trace(*this, g, TraceHook::Event::Call);
            RELOAD();
            break;
          }
          if (!gen->frame) {
            sp -= 2;
            PUSH(None);
            f->ip = arg;
            break;
          }
          raise(t.ValueError, "generator already executing");
        }
        SYNC();
        Value r = sent == None ? next(sub) : call(get_attr(sub, intern("send")), {sent});
        if (r) {
          TOP() = r;
          break;
        }
        sp -= 2;
        PUSH(None);
        f->ip = arg;
        break;
      }
      case Op::Raise: {
        SYNC();
        if (arg == 0) {
          if (!handled_exception_) raise(t.RuntimeError, "No active exception to reraise");
          reraising_ = true;
          throw PyRaise{static_cast<ExceptionObject*>(handled_exception_.as_object())};
        }
        Value cause = arg == 2 ? POP() : Value();
        Value exc_v = POP();
        SYNC();
        ExceptionObject* exc = make_exception_from(*this, exc_v);
        if (arg == 2) {
          if (cause == None) {
            exc->cause = Value();
          } else {
            if (cause.is_object() && cause.as_object()->kind == ObjKind::Type &&
                static_cast<TypeObject*>(cause.as_object())->is_exception)
              cause = call(cause, {});
            if (!(cause.is_object() && cause.as_object()->kind == ObjKind::Exception))
              raise(t.TypeError, "exception causes must derive from BaseException");
            exc->cause = cause;
          }
          exc->suppress_context = true;
        }
        throw PyRaise{exc};
      }
      case Op::Reraise: {
        Value exc = POP();
        SYNC();
        // arg 1: the re-raise of a clean-up handler; like CPython's RERAISE 1 it makes the frame
        // show the line where the exception was caught (for the events as it leaves).
        if (arg != 0) {
          int32_t caught = static_cast<ExceptionObject*>(exc.as_object())->caught_at;
          if (caught >= 0 && caught < int32_t(f->code->info.code.size())) f->line_ip = caught;
        }
        reraising_ = true;
        throw PyRaise{static_cast<ExceptionObject*>(exc.as_object())};
      }
      case Op::PushExcInfo: {
        Value exc = TOP();
        TOP() = handled_exception_ ? handled_exception_ : Value(None);
        PUSH(exc);
        handled_exception_ = exc;
        break;
      }
      case Op::PopExcept: {
        Value prev = POP();
        handled_exception_ = prev == None ? Value() : prev;
        break;
      }
      case Op::CheckExcMatch: {
        Value match_type = POP();
        Value exc = TOP();
        SYNC();
        PUSH(exception_matches(exc, match_type) ? True : False);
        break;
      }
      case Op::LoadAssertionError: PUSH(t.AssertionError); break;
      case Op::BeforeWith: {
        Value mgr = TOP();
        SYNC();
        TypeObject* type = type_of(mgr);
        Value enter = type->lookup(intern("__enter__"));
        Value exit = type->lookup(intern("__exit__"));
        // CPython 3.11's BEFORE_WITH wording.
        if (!enter) raise(t.TypeError, "'" + tp_name(*this, mgr) + "' object does not support the context manager protocol");
        if (!exit)
          raise(t.TypeError, "'" + tp_name(*this, mgr) +
                                 "' object does not support the context manager protocol (missed __exit__ method)");
        Value bound_exit = get_attr(mgr, intern("__exit__"));
        TOP() = bound_exit;
        Value entered = call(get_attr(mgr, intern("__enter__")), {});
        PUSH(entered);
        break;
      }
      case Op::WithExceptStart: {
        Value exc = TOP();
        Value exit = PEEK(3);
        SYNC();
        Value tb = exc.is_object() && exc.as_object()->kind == ObjKind::Exception
                       ? traceback_object(static_cast<ExceptionObject*>(exc.as_object())) : Value(None);
        Value r = call(exit, {type_of(exc), exc, tb});
        PUSH(r);
        break;
      }
      case Op::LoadBuildClass: PUSH(build_class_fn_); break;
      case Op::ImportName: {
        sp -= 2;  // fromlist and level: only absolute imports of whole modules are supported
        SYNC();
        PUSH(import_module(names[arg]));
        break;
      }
      case Op::ImportFrom: {
        Value module = TOP();
        SYNC();
        Value v = get_attr_or_null(module, names[arg]);
        if (!v) {
          std::string mod = module.as_object()->kind == ObjKind::Module
                                ? static_cast<ModuleObject*>(module.as_object())->name : type_name(module);
          raise(t.ImportError, "cannot import name '" + names[arg]->text + "' from '" + mod + "' (unknown location)");
        }
        PUSH(v);
        break;
      }
      case Op::ImportStar: {
        Value module = POP();
        SYNC();
        DictObject* ns = f->locals_dict ? f->locals_dict : f->globals;
        DictObject* attrs = module.as_object()->attrs;
        for (const auto& e : attrs->table.entries()) {
          if (!e.key || as_str(e.key)->text.empty() || as_str(e.key)->text[0] == '_') continue;
          ns->table.insert(*this, e.key, hash(e.key), e.value);
        }
        break;
      }
      case Op::SetupAnnotations: {
        DictObject* ns = f->locals_dict ? f->locals_dict : f->globals;
        StrObject* key = intern("__annotations__");
        if (ns->table.find_str(key) < 0) ns->table.insert(*this, key, key->hash(), new_dict());
        break;
      }
    }
  }
#undef RELOAD
#undef SYNC
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

// ------------------------------------------------------------------ helpers of the loop

void VM::init_cells_for(Frame* f) {
  const CodeInfo& info = f->code->info;
  int32_t base = info.nlocals;
  for (int32_t i = 0; i < info.ncells(); ++i) {
    CellObject* cell = heap.make<CellObject>(t.cell);
    cell->owner_frame = f->serial;
    int32_t a = info.cell2arg[i];
    if (a >= 0) {
      cell->contents = f->slots[a];
      f->slots[a] = Value();
    }
    f->slots[base + i] = cell;
  }
  if (f->function && f->function->closure) {
    const auto& cells = f->function->closure->items;
    for (size_t i = 0; i < cells.size(); ++i) f->slots[base + info.ncells() + static_cast<int32_t>(i)] = cells[i];
  }
}

void VM::raise_name_error(Frame* f, StrObject* name, bool suggest, std::string message) {
  if (message.empty()) message = "name '" + name->text + "' is not defined";
  ExceptionObject* e = new_exception(t.NameError, message);
  e->name_hint = name;
  if (suggest) {
    // CPython 3.11 looks in the frame's locals, then its globals, then the builtins.
    std::vector<std::string> locals;
    if (f->locals_dict) {
      locals = names_of(f->locals_dict);
    } else {
      const CodeInfo& info = f->code->info;
      for (int32_t i = 0; i < info.nlocals; ++i)
        if (f->slots[i]) locals.push_back(f->code->varnames[i]->text);
      for (int32_t i = 0; i < info.ncells(); ++i) {
        auto* cell = static_cast<CellObject*>(f->slots[info.nlocals + i].as_object());
        if (cell && cell->contents) locals.push_back(f->code->cellvars[i]->text);
      }
      for (size_t i = 0; i < f->code->freevars.size(); ++i) {
        auto* cell = static_cast<CellObject*>(f->slots[info.nlocals + info.ncells() + static_cast<int32_t>(i)].as_object());
        if (cell && cell->contents) locals.push_back(f->code->freevars[i]->text);
      }
    }
    std::string s = suggest_name(locals, name->text);
    if (s.empty()) s = suggest_name(names_of(f->globals), name->text);
    if (s.empty()) s = suggest_name(names_of(builtins), name->text);
    if (!s.empty()) e->obj_hint = new_str(s);
  }
  raise(e);
}

// iter() for unpacking, with CPython's wording when the value is not iterable.
Value VM::iter_for_unpack(Value seq) {
  try {
    return get_iter(seq);
  } catch (PyRaise& r) {
    if (r.exception->type == t.TypeError) {
      std::string text = to_str(r.exception)->text;
      const std::string suffix = "object is not iterable";
      if (text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
        raise(t.TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
    }
    throw;
  }
}

bool VM::exception_matches(Value exc, Value match_type) {
  auto check_class = [&](Value c) {
    if (!(c.is_object() && c.as_object()->kind == ObjKind::Type && static_cast<TypeObject*>(c.as_object())->is_exception))
      raise(t.TypeError, "catching classes that do not inherit from BaseException is not allowed");
  };
  if (match_type.is_object() && match_type.as_object()->kind == ObjKind::Tuple) {
    for (Value c : static_cast<TupleObject*>(match_type.as_object())->items) check_class(c);
    for (Value c : static_cast<TupleObject*>(match_type.as_object())->items)
      if (type_of(exc)->is_subtype_of(static_cast<TypeObject*>(c.as_object()))) return true;
    return false;
  }
  check_class(match_type);
  return type_of(exc)->is_subtype_of(static_cast<TypeObject*>(match_type.as_object()));
}

void VM::merge_into_dict(DictObject* d, Value mapping, bool reject_duplicates, Value callee) {
  // CPython names the callee in these messages: "__main__.f() got multiple values for ...".
  const auto callee_prefix = [&] { return callee ? function_str(*this, callee) + " " : std::string(); };
  auto add = [&](Value k, Value v) {
    if (reject_duplicates) {
      if (!is_str(k)) raise(t.TypeError, "keywords must be strings");
      if (d->table.find(*this, k, hash(k)) >= 0)
        raise(t.TypeError, callee_prefix() + "got multiple values for keyword argument '" + as_str(k)->text + "'");
    }
    d->table.insert(*this, k, hash(k), v);
  };
  if (mapping.is_object() && mapping.as_object()->kind == ObjKind::Dict) {
    std::vector<std::pair<Value, Value>> items;
    for (const auto& e : static_cast<DictObject*>(mapping.as_object())->table.entries())
      if (e.key) items.emplace_back(e.key, e.value);
    for (auto& [k, v] : items) add(k, v);
    return;
  }
  Value keys = get_attr_or_null(mapping, intern("keys"));
  if (!keys) {
    raise(t.TypeError, (reject_duplicates ? callee_prefix() + "argument after ** must be a mapping, not " : "'") +
                           type_name(mapping) + (reject_duplicates ? "" : "' object is not a mapping"));
  }
  for (Value k : to_vector(call(keys, {}))) add(k, get_item(mapping, k));
}

}  // namespace cv
