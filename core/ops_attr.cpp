// Attribute protocol of the VM: descriptors, instance dicts, class and metaclass lookup, super, __getattr__/__setattr__ hooks.
//
// The lookup order is CPython's PyObject_GenericGetAttr: a data descriptor found on the
// type (property, a class with __set__) wins, then the instance's __dict__, then other
// class attributes (functions bind to the instance). The special attributes of builtin
// objects (function.__name__, code.co_varnames, cell.cell_contents, ...) are data
// descriptors of their builtin type in CPython; here `layout_attribute` plays that part.
#include "core/numeric.h"
#include "core/ops.h"

namespace cv {

namespace {

const NameKey& key_get() { static const NameKey k("__get__"); return k; }
const NameKey& key_set() { static const NameKey k("__set__"); return k; }
const NameKey& key_delete() { static const NameKey k("__delete__"); return k; }
const NameKey& key_getattribute() { static const NameKey k("__getattribute__"); return k; }
const NameKey& key_getattr() { static const NameKey k("__getattr__"); return k; }
const NameKey& key_setattr() { static const NameKey k("__setattr__"); return k; }
const NameKey& key_delattr() { static const NameKey k("__delattr__"); return k; }
const NameKey& key_slots() { static const NameKey k("__slots__"); return k; }
const NameKey& key_doc() { static const NameKey k("__doc__"); return k; }

bool is_kind(Value v, ObjKind k) { return v.is_object() && v.as_object()->kind == k; }
Value or_none(VM& vm, Value v) { return v.is_null() ? vm.None : v; }
Value or_none(VM& vm, Object* o) { return o ? Value(o) : vm.None; }

Value own_dict_get(const Object* o, const StrObject* name) {
  if (!o->attrs) return Value();
  int64_t i = o->attrs->table.find_str(name);
  return i < 0 ? Value() : o->attrs->table.entries()[size_t(i)].value;
}

// type.__mro__ lookup. (A class body defining __eq__ alone already holds __hash__ = None:
// finish_class writes it, as CPython's type.__new__ does.)
Value class_lookup(VM& /*vm*/, const TypeObject* cls, const StrObject* name) { return cls->lookup(name); }

// A snapshot of a suspended generator's frame: f_locals, f_lineno, f_code, f_globals.
Value frame_snapshot(VM& vm, const Frame& frame) {
  NativeObject* snapshot = vm.heap.make<NativeObject>(vm.t.native);
  DictObject* attrs = vm.new_dict();
  snapshot->attrs = attrs;
  DictObject* locals = vm.new_dict();
  const CodeObject* code = frame.code;
  const int32_t nlocals = code->info.nlocals;
  for (int32_t i = 0; i < nlocals && size_t(i) < code->varnames.size(); ++i)
    if (frame.slots[i]) dict_set(vm, locals, code->varnames[size_t(i)], frame.slots[i]);
  auto add_cells = [&](const std::vector<StrObject*>& names, int32_t first) {
    for (size_t i = 0; i < names.size(); ++i) {
      Value cell = frame.slots[first + int32_t(i)];
      if (cell.is_object() && cell.as_object()->kind == ObjKind::Cell && static_cast<CellObject*>(cell.as_object())->contents)
        dict_set(vm, locals, names[i], static_cast<CellObject*>(cell.as_object())->contents);
    }
  };
  add_cells(code->cellvars, nlocals);
  add_cells(code->freevars, nlocals + code->info.ncells());
  dict_set(vm, attrs, vm.intern("f_locals"), locals);
  dict_set(vm, attrs, vm.intern("f_lineno"), vm.new_int(frame_line(frame)));
  dict_set(vm, attrs, vm.intern("f_code"), const_cast<CodeObject*>(code));
  dict_set(vm, attrs, vm.intern("f_globals"), frame.globals ? Value(frame.globals) : vm.None);
  dict_set(vm, attrs, vm.intern("f_back"), vm.None);
  return snapshot;
}

DictObject* ensure_dict(VM& vm, Object* o) {
  if (!o->attrs) o->attrs = vm.new_dict();
  return o->attrs;
}

TupleObject* tuple_of_types(VM& vm, const std::vector<TypeObject*>& types) {
  std::vector<Value> items(types.begin(), types.end());
  return vm.new_tuple(std::move(items));
}

TupleObject* tuple_of_names(VM& vm, const std::vector<StrObject*>& names) {
  std::vector<Value> items(names.begin(), names.end());
  return vm.new_tuple(std::move(items));
}

[[noreturn]] void raise_plain_attribute_error(VM& vm, std::string message) { vm.raise(vm.t.AttributeError, std::move(message)); }

[[noreturn]] void raise_no_attribute(VM& vm, Value obj, const StrObject* name) {
  if (is_kind(obj, ObjKind::Type))
    raise_plain_attribute_error(vm, "type object '" + tp_name(static_cast<TypeObject*>(obj.as_object())) +
                                        "' has no attribute '" + name->text + "'");
  raise_plain_attribute_error(vm, "'" + tp_name(vm, obj) + "' object has no attribute '" + name->text + "'");
}

// CPython's private-name mangling of __slots__ entries ("__x" in class P is "_P__x").
std::string mangle(const TypeObject* cls, const std::string& name) {
  if (name.size() < 3 || name.compare(0, 2, "__") != 0 || name.compare(name.size() - 2, 2, "__") == 0) return name;
  size_t start = cls->name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return "_" + cls->name.substr(start) + name;
}

// Whether the user classes along the MRO all declare __slots__ without "__dict__": then
// instances have no __dict__ and only the slot names can be assigned. `allowed` is set
// when `name` is one of the slots.
bool slots_only(const TypeObject* type, const std::string* name, bool* allowed) {
  bool any_user_class = false;
  for (const TypeObject* cls : type->mro) {
    if (cls->is_builtin) break;
    any_user_class = true;
    Value slots = own_dict_get(cls, key_slots().get());
    if (!slots) return false;
    std::vector<Value> entries;
    if (VM::is_str(slots)) entries.push_back(slots);
    else if (is_kind(slots, ObjKind::Tuple)) entries = static_cast<TupleObject*>(slots.as_object())->items;
    else if (is_kind(slots, ObjKind::List)) entries = static_cast<ListObject*>(slots.as_object())->items.vec();
    else return false;
    for (Value e : entries) {
      if (!VM::is_str(e)) continue;
      const std::string& slot = static_cast<StrObject*>(e.as_object())->text;
      if (slot == "__dict__") return false;
      if (name && allowed && mangle(cls, slot) == *name) *allowed = true;
    }
  }
  return any_user_class;
}

bool allows_instance_dict(const VM& vm, const Object* o) {
  switch (o->kind) {
    case ObjKind::Instance: return o->type != vm.t.object;  // object() has no __dict__
    case ObjKind::Function:
    case ObjKind::Module:
    case ObjKind::Exception:
    case ObjKind::Native: return true;
    default: return !o->type->is_builtin;  // instances of user subclasses of list, int, ...
  }
}

bool is_data_descriptor(VM& vm, Value d) {
  if (!d.is_object()) return false;
  Object* o = d.as_object();
  switch (o->kind) {
    case ObjKind::Property: return true;
    case ObjKind::Function:
    case ObjKind::Builtin:
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod:
    case ObjKind::Type:
    case ObjKind::Str:
    case ObjKind::Int:
    case ObjKind::Float:
    case ObjKind::None: return false;
    default: break;
  }
  return find_special(vm, d, key_set().get()) || find_special(vm, d, key_delete().get());
}

std::string property_message(VM& vm, const StrObject* name, Value obj, const char* what) {
  std::string owner = tp_name(vm, obj);
  if (name) return "property '" + name->text + "' of '" + owner + "' object has no " + what;
  return "property of '" + owner + "' object has no " + what;
}

// A read-only property that a builtin type defines stands for one of CPython's C-level
// descriptors, which word the error differently: members (range.start) say "readonly
// attribute", getsets (int.real) "attribute 'real' of 'int' objects is not writable".
[[noreturn]] void raise_read_only(VM& vm, Value obj, const StrObject* name, const char* what) {
  const TypeObject* owner = nullptr;
  if (name) {
    for (const TypeObject* cls : vm.type_of(obj)->mro)
      if (own_dict_get(cls, name)) {
        owner = cls;
        break;
      }
  }
  if (!owner || !owner->is_builtin) raise_plain_attribute_error(vm, property_message(vm, name, obj, what));
  ObjKind kind = kind_of(obj);
  if (kind == ObjKind::Range || kind == ObjKind::Slice || kind == ObjKind::Function)
    raise_plain_attribute_error(vm, "readonly attribute");
  raise_plain_attribute_error(vm, "attribute '" + name->text + "' of '" + tp_name(owner) + "' objects is not writable");
}

void descriptor_set(VM& vm, Value descr, Value obj, Value v, const StrObject* name) {
  if (is_kind(descr, ObjKind::Property)) {
    auto* p = static_cast<DescriptorObject*>(descr.as_object());
    if (p->fset.is_null() || p->fset == vm.None) raise_read_only(vm, obj, name, "setter");
    Value args[2] = {obj, v};
    vm.call(p->fset, args);
    return;
  }
  Value setter = find_special(vm, descr, key_set().get());
  if (!setter) raise_plain_attribute_error(vm, "__set__");
  Value args[2] = {obj, v};
  call_special(vm, setter, descr, args);
}

void descriptor_delete(VM& vm, Value descr, Value obj, const StrObject* name) {
  if (is_kind(descr, ObjKind::Property)) {
    auto* p = static_cast<DescriptorObject*>(descr.as_object());
    if (p->fdel.is_null() || p->fdel == vm.None) raise_read_only(vm, obj, name, "deleter");
    Value args[1] = {obj};
    vm.call(p->fdel, args);
    return;
  }
  Value deleter = find_special(vm, descr, key_delete().get());
  if (!deleter) raise_plain_attribute_error(vm, "__delete__");
  Value args[1] = {obj};
  call_special(vm, deleter, descr, args);
}

int64_t code_flags(const CodeObject* c) {
  // CPython's CO_OPTIMIZED | CO_NEWLOCALS for functions, then VARARGS, VARKEYWORDS, NESTED, GENERATOR.
  uint32_t f = c->info.flags;
  int64_t out = (f & (kCodeModule | kCodeClassBody)) ? 0 : 3;
  if (f & kCodeVarargs) out |= 4;
  if (f & kCodeVarkeywords) out |= 8;
  if (f & kCodeNested) out |= 16;
  if (f & kCodeGenerator) out |= 32;
  return out;
}

// The special attributes builtin layouts expose (data descriptors on their builtin types).
Value layout_attribute(VM& vm, Value obj, const StrObject* name) {
  const std::string& n = name->text;
  auto int_attribute = [&]() -> Value {
    if (n == "real" || n == "numerator") {
      BigInt v;
      int_value(vm, obj, &v);
      return vm.new_int(v);
    }
    if (n == "imag") return vm.new_int(0);
    if (n == "denominator") return vm.new_int(1);
    return Value();
  };
  if (obj.is_small_int()) return n == "__class__" ? Value(vm.t.int_) : int_attribute();
  Object* o = obj.as_object();
  if (n == "__class__") return o->type;
  switch (o->kind) {
    case ObjKind::Int:
    case ObjKind::Bool:
      if (Value v = int_attribute()) return v;
      break;
    case ObjKind::Float:
      if (n == "real") return o->type == vm.t.float_ ? obj : vm.new_float(static_cast<FloatObject*>(o)->value);
      if (n == "imag") return vm.new_float(0.0);
      break;
    case ObjKind::Function: {
      auto* f = static_cast<FunctionObject*>(o);
      if (n.size() < 4 || n[0] != '_') break;
      if (n == "__name__") return f->name ? f->name : Value(f->code->name);
      if (n == "__qualname__") return f->qualname ? f->qualname : Value(f->code->qualname);
      if (n == "__doc__") return or_none(vm, f->doc);
      if (n == "__module__") return or_none(vm, f->module_name);
      if (n == "__defaults__") return or_none(vm, f->defaults);
      if (n == "__kwdefaults__") return or_none(vm, f->kwdefaults);
      if (n == "__closure__") return or_none(vm, f->closure);
      if (n == "__code__") return f->code;
      if (n == "__globals__") return or_none(vm, f->globals);
      if (n == "__builtins__") return or_none(vm, vm.builtins);
      if (n == "__dict__") return ensure_dict(vm, o);
      if (n == "__annotations__") {
        if (!f->annotations || f->annotations == vm.None) f->annotations = vm.new_dict();
        return f->annotations;
      }
      break;
    }
    case ObjKind::Code: {
      auto* c = static_cast<CodeObject*>(o);
      if (n.compare(0, 3, "co_") != 0) break;
      if (n == "co_name") return or_none(vm, c->name);
      if (n == "co_qualname") return or_none(vm, c->qualname);
      if (n == "co_filename") return or_none(vm, c->filename);
      if (n == "co_varnames") return tuple_of_names(vm, c->varnames);
      if (n == "co_cellvars") return tuple_of_names(vm, c->cellvars);
      if (n == "co_freevars") return tuple_of_names(vm, c->freevars);
      if (n == "co_names") return tuple_of_names(vm, c->names);
      if (n == "co_consts") return vm.new_tuple(c->constants);
      if (n == "co_argcount") return vm.new_int(c->info.argcount);
      if (n == "co_posonlyargcount") return vm.new_int(c->info.posonlyargcount);
      if (n == "co_kwonlyargcount") return vm.new_int(c->info.kwonlyargcount);
      if (n == "co_nlocals") return vm.new_int(c->info.nlocals);
      if (n == "co_firstlineno") return vm.new_int(c->info.firstlineno);
      if (n == "co_stacksize") return vm.new_int(c->info.stacksize);
      if (n == "co_flags") return vm.new_int(code_flags(c));
      break;
    }
    case ObjKind::Cell:
      if (n == "cell_contents") {
        auto* c = static_cast<CellObject*>(o);
        if (c->contents.is_null()) vm.raise(vm.t.ValueError, "Cell is empty");
        return c->contents;
      }
      break;
    case ObjKind::BoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      if (n == "__self__") return m->self;
      if (n == "__func__") return m->func;
      break;
    }
    case ObjKind::Builtin: {
      auto* b = static_cast<BuiltinFunction*>(o);
      if (n == "__name__") return vm.new_str(b->name);
      if (n == "__qualname__") return vm.new_str(b->qualname.empty() ? b->name : b->qualname);
      if (n == "__doc__") return vm.None;
      if (n == "__self__") return or_none(vm, vm.find_module("builtins"));
      if (n == "__module__") return b->is_method ? vm.None : Value(vm.intern("builtins"));
      break;
    }
    case ObjKind::Generator: {
      auto* g = static_cast<GeneratorObject*>(o);
      if (n == "__name__") return or_none(vm, g->name);
      if (n == "__qualname__") return or_none(vm, g->qualname);
      if (n == "gi_running") return vm.new_bool(g->running);
      if (n == "gi_frame") return g->frame ? frame_snapshot(vm, *g->frame) : vm.None;
      if (n == "gi_suspended") return vm.new_bool(g->frame && g->started && !g->running);
      if (n == "gi_yieldfrom") return vm.None;
      if (n == "gi_code") return g->frame && g->frame->code ? Value(g->frame->code) : vm.None;
      break;
    }
    case ObjKind::Property: {
      auto* p = static_cast<DescriptorObject*>(o);
      if (n == "fget") return or_none(vm, p->fget);
      if (n == "fset") return or_none(vm, p->fset);
      if (n == "fdel") return or_none(vm, p->fdel);
      if (n == "__doc__") {
        if (p->doc && p->doc != vm.None) return p->doc;
        if (p->fget && p->fget != vm.None) return or_none(vm, vm.get_attr_or_null(p->fget, vm.intern("__doc__")));
        return vm.None;
      }
      break;
    }
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod: {
      auto* d = static_cast<DescriptorObject*>(o);
      if (n == "__func__" || n == "__wrapped__") return or_none(vm, d->fget);
      break;
    }
    case ObjKind::Range: {
      auto* r = static_cast<RangeObject*>(o);
      if (n == "start") return vm.new_int(r->start);
      if (n == "stop") return vm.new_int(r->stop);
      if (n == "step") return vm.new_int(r->step);
      break;
    }
    case ObjKind::Slice: {
      auto* s = static_cast<SliceObject*>(o);
      if (n == "start") return or_none(vm, s->start);
      if (n == "stop") return or_none(vm, s->stop);
      if (n == "step") return or_none(vm, s->step);
      break;
    }
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      if (n == "args") {
        if (!e->args) e->args = vm.new_tuple();
        return e->args;
      }
      if (n == "__cause__") return or_none(vm, e->cause);
      if (n == "__context__") return or_none(vm, e->context);
      if (n == "__suppress_context__") return vm.new_bool(e->suppress_context);
      if (n == "__traceback__") return vm.traceback_object(e);
      if (n == "__dict__") return ensure_dict(vm, o);
      if (n == "value" && o->type->is_subtype_of(vm.t.StopIteration)) {
        if (e->value) return e->value;
        return e->args && !e->args->items.empty() ? e->args->items[0] : vm.None;
      }
      if (n == "name" && (o->type->is_subtype_of(vm.t.NameError) || o->type->is_subtype_of(vm.t.AttributeError) ||
                          o->type->is_subtype_of(vm.t.ImportError))) {
        Value own = own_dict_get(o, name);
        return own ? own : or_none(vm, e->name_hint);
      }
      if (n == "obj" && o->type->is_subtype_of(vm.t.AttributeError)) return or_none(vm, e->obj_hint);
      break;
    }
    case ObjKind::Module:
      if (n == "__dict__") return ensure_dict(vm, o);
      break;
    case ObjKind::Super: {
      auto* s = static_cast<SuperObject*>(o);
      if (n == "__thisclass__") return or_none(vm, s->start_type);
      if (n == "__self__") return or_none(vm, s->self);
      if (n == "__self_class__") {
        if (s->self.is_null()) return vm.None;
        if (is_kind(s->self, ObjKind::Type) && s->start_type &&
            static_cast<TypeObject*>(s->self.as_object())->is_subtype_of(s->start_type))
          return s->self;
        return vm.type_of(s->self);
      }
      break;
    }
    case ObjKind::Dict:
      if (n == "default_factory") {
        for (const TypeObject* cls : o->type->mro)
          if (cls->is_builtin && cls->name == "defaultdict")
            return or_none(vm, static_cast<DictObject*>(o)->default_factory);
      }
      break;
    default: break;
  }
  if (n == "__dict__" && allows_instance_dict(vm, o)) {
    bool allowed = false;
    if (o->kind == ObjKind::Instance || !o->type->is_builtin)
      if (slots_only(o->type, nullptr, &allowed)) return Value();
    return ensure_dict(vm, o);
  }
  return Value();
}

// Assignments to the special attributes of builtin layouts. Returns false when `name` is
// not special for obj's layout.
bool set_layout_attribute(VM& vm, Value obj, const StrObject* name, Value v) {
  if (!obj.is_object()) return false;
  Object* o = obj.as_object();
  note_write(o);  // a displayed field (a function's name, a cell, __class__, ...) may change
  const std::string& n = name->text;
  switch (o->kind) {
    case ObjKind::Function: {
      auto* f = static_cast<FunctionObject*>(o);
      if (n == "__name__" || n == "__qualname__") {
        if (!VM::is_str(v)) vm.raise(vm.t.TypeError, n + " must be set to a string object");
        (n == "__name__" ? f->name : f->qualname) = v;
        return true;
      }
      if (n == "__doc__") { f->doc = v; return true; }
      if (n == "__module__") { f->module_name = v; return true; }
      if (n == "__defaults__") {
        if (v == vm.None || v.is_null()) f->defaults = nullptr;
        else if (is_kind(v, ObjKind::Tuple)) f->defaults = static_cast<TupleObject*>(v.as_object());
        else vm.raise(vm.t.TypeError, "__defaults__ must be set to a tuple object");
        return true;
      }
      if (n == "__kwdefaults__") {
        if (v == vm.None || v.is_null()) f->kwdefaults = nullptr;
        else if (is_kind(v, ObjKind::Dict)) f->kwdefaults = static_cast<DictObject*>(v.as_object());
        else vm.raise(vm.t.TypeError, "__kwdefaults__ must be set to a dict object");
        return true;
      }
      if (n == "__annotations__") {
        if (v != vm.None && !is_kind(v, ObjKind::Dict))
          vm.raise(vm.t.TypeError, "__annotations__ must be set to a dict object");
        f->annotations = v == vm.None ? Value() : v;
        return true;
      }
      if (n == "__code__") {
        if (!is_kind(v, ObjKind::Code)) vm.raise(vm.t.TypeError, "__code__ must be set to a code object");
        f->code = static_cast<CodeObject*>(v.as_object());
        return true;
      }
      if (n == "__closure__" || n == "__globals__" || n == "__builtins__") raise_plain_attribute_error(vm, "readonly attribute");
      break;
    }
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      if (n == "args") {
        e->args = vm.new_tuple(vm.to_vector(v));
        return true;
      }
      if (n == "__cause__" || n == "__context__") {
        bool ok = v == vm.None || (v.is_object() && v.as_object()->kind == ObjKind::Exception);
        if (!ok)
          vm.raise(vm.t.TypeError, std::string("exception ") + (n == "__cause__" ? "cause" : "context") +
                                       " must be None or derive from BaseException");
        Value stored = v == vm.None ? Value() : v;
        if (n == "__cause__") {
          e->cause = stored;
          e->suppress_context = true;
        } else {
          e->context = stored;
        }
        return true;
      }
      if (n == "__suppress_context__") { e->suppress_context = vm.truthy(v); return true; }
      if (n == "__traceback__") {
        if (v != vm.None) vm.raise(vm.t.TypeError, "__traceback__ must be a traceback or None");
        return true;
      }
      if (n == "value" && o->type->is_subtype_of(vm.t.StopIteration)) { e->value = v; return true; }
      if (n == "name" && (o->type->is_subtype_of(vm.t.NameError) || o->type->is_subtype_of(vm.t.AttributeError))) {
        e->name_hint = v;
        return true;
      }
      if (n == "obj" && o->type->is_subtype_of(vm.t.AttributeError)) { e->obj_hint = v; return true; }
      break;
    }
    case ObjKind::Cell:
      if (n == "cell_contents") {
        static_cast<CellObject*>(o)->contents = v;
        return true;
      }
      break;
    case ObjKind::Generator:
      if (n == "__name__" || n == "__qualname__") {
        if (!VM::is_str(v)) vm.raise(vm.t.TypeError, n + " must be set to a string object");
        (n == "__name__" ? static_cast<GeneratorObject*>(o)->name : static_cast<GeneratorObject*>(o)->qualname) = v;
        return true;
      }
      break;
    case ObjKind::Property:
    case ObjKind::Range:
    case ObjKind::Slice:
    case ObjKind::Code:
    case ObjKind::BoundMethod:
    case ObjKind::Super:
      if (layout_attribute(vm, obj, name)) raise_plain_attribute_error(vm, "readonly attribute");
      break;
    default: break;
  }
  if (n == "__class__") {
    if (!is_kind(v, ObjKind::Type))
      vm.raise(vm.t.TypeError, "__class__ must be set to a class, not '" + tp_name(vm, v) + "' object");
    auto* target = static_cast<TypeObject*>(v.as_object());
    if (o->type->is_builtin || target->is_builtin || target->instance_kind != o->kind)
      vm.raise(vm.t.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    o->type = target;
    return true;
  }
  if (n == "__dict__" && allows_instance_dict(vm, o)) {
    if (!is_kind(v, ObjKind::Dict))
      vm.raise(vm.t.TypeError, "__dict__ must be set to a dictionary, not a '" + tp_name(vm, v) + "'");
    o->attrs = static_cast<DictObject*>(v.as_object());
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- classes

Value type_special_attribute(VM& vm, TypeObject* cls, const StrObject* name) {
  const std::string& n = name->text;
  if (n.size() < 7 || n[0] != '_' || n[1] != '_') return Value();
  if (n == "__name__") return vm.new_str(cls->name);
  if (n == "__qualname__") return vm.new_str(cls->qualname.empty() ? cls->name : cls->qualname);
  if (n == "__module__") {
    Value own = own_dict_get(cls, name);
    return own ? own : Value(vm.new_str(cls->module));
  }
  if (n == "__doc__") return or_none(vm, own_dict_get(cls, name));
  if (n == "__bases__") return tuple_of_types(vm, cls->bases);
  if (n == "__base__") return cls->bases.empty() ? vm.None : Value(cls->bases[0]);
  if (n == "__mro__") return tuple_of_types(vm, cls->mro.empty() ? std::vector<TypeObject*>{cls} : cls->mro);
  if (n == "__dict__") return ensure_dict(vm, cls);
  if (n == "__class__") return cls->type;
  return Value();
}

Value type_get_attr(VM& vm, TypeObject* cls, StrObject* name) {
  TypeObject* meta = cls->type;
  Value meta_attr = meta->lookup(name);
  if (meta_attr && is_data_descriptor(vm, meta_attr)) return bind_descriptor(vm, meta_attr, cls, meta, name);
  if (Value special = type_special_attribute(vm, cls, name)) return special;
  if (Value attr = class_lookup(vm, cls, name)) return bind_descriptor(vm, attr, Value(), cls, name);
  if (meta_attr) return bind_descriptor(vm, meta_attr, cls, meta, name);
  return Value();
}

void type_set_attr(VM& vm, TypeObject* cls, StrObject* name, Value v) {
  if (cls->is_builtin)
    vm.raise(vm.t.TypeError, "cannot set '" + name->text + "' attribute of immutable type '" + tp_name(cls) + "'");
  TypeObject* meta = cls->type;
  Value meta_attr = meta->lookup(name);
  if (meta_attr && is_data_descriptor(vm, meta_attr)) {
    descriptor_set(vm, meta_attr, cls, v, name);
    return;
  }
  const std::string& n = name->text;
  if (n == "__name__" || n == "__qualname__") {
    if (!VM::is_str(v))
      vm.raise(vm.t.TypeError, "can only assign string to " + tp_name(cls) + "." + n + ", not '" + tp_name(vm, v) + "'");
    (n == "__name__" ? cls->name : cls->qualname) = static_cast<StrObject*>(v.as_object())->text;
    note_write(cls);
    return;
  }
  if (n == "__dict__") raise_plain_attribute_error(vm, "attribute '__dict__' of 'type' objects is not writable");
  if (n == "__mro__" || n == "__base__") raise_plain_attribute_error(vm, "readonly attribute");
  if (n == "__module__" && VM::is_str(v)) cls->module = static_cast<StrObject*>(v.as_object())->text;
  dict_set(vm, ensure_dict(vm, cls), name, v);
}

void type_del_attr(VM& vm, TypeObject* cls, StrObject* name) {
  if (cls->is_builtin)
    vm.raise(vm.t.TypeError, "cannot set '" + name->text + "' attribute of immutable type '" + tp_name(cls) + "'");
  TypeObject* meta = cls->type;
  Value meta_attr = meta->lookup(name);
  if (meta_attr && is_data_descriptor(vm, meta_attr)) {
    descriptor_delete(vm, meta_attr, cls, name);
    return;
  }
  if (!cls->attrs || !cls->attrs->table.erase(vm, name, name->hash()))
    raise_plain_attribute_error(vm, "type object '" + tp_name(cls) + "' has no attribute '" + name->text + "'");
}

// super(start, self).name: the MRO of type(self) after `start`.
Value super_get_attr(VM& vm, SuperObject* s, StrObject* name) {
  if (s->self.is_null() || !s->start_type || name->text == "__class__") return Value();
  TypeObject* obj_type = vm.type_of(s->self);
  if (is_kind(s->self, ObjKind::Type) && static_cast<TypeObject*>(s->self.as_object())->is_subtype_of(s->start_type))
    obj_type = static_cast<TypeObject*>(s->self.as_object());
  const std::vector<TypeObject*>& mro = obj_type->mro;
  size_t i = 0;
  while (i < mro.size() && mro[i] != s->start_type) ++i;
  for (++i; i < mro.size(); ++i) {
    Value res = own_dict_get(mro[i], name);
    if (!res) continue;
    // Inside a classmethod, super() is bound to the class itself: functions stay unbound.
    Value bind_to = s->self == Value(obj_type) ? Value() : s->self;
    return bind_descriptor(vm, res, bind_to, obj_type, name);
  }
  return Value();
}

// type(obj).__getattribute__ / __getattr__ hooks, else the generic lookup. Null when missing.
Value lookup_attribute(VM& vm, Value obj, StrObject* name) {
  ObjKind kind = kind_of(obj);
  TypeObject* type = vm.type_of(obj);
  Value getattribute, getattr_hook;
  if (type != layout_owner(vm, kind)) {
    getattribute = find_special_in_type(vm, type, kind, key_getattribute().get());
    getattr_hook = find_special_in_type(vm, type, kind, key_getattr().get());
  }
  if (!getattribute && !getattr_hook) {
    Value r = generic_get_attr(vm, obj, name);
    if (!r && kind == ObjKind::Module) {
      // PEP 562: a module-level __getattr__ function.
      if (Value hook = own_dict_get(obj.as_object(), key_getattr().get())) {
        Value args[1] = {name};
        return vm.call(hook, args);
      }
    }
    return r;
  }
  Value args[1] = {name};
  if (getattribute && !getattr_hook) return call_special(vm, getattribute, obj, args);
  try {
    Value r = getattribute ? call_special(vm, getattribute, obj, args) : generic_get_attr(vm, obj, name);
    if (r) return r;
  } catch (PyRaise& e) {
    if (!vm.is_instance(Value(e.exception), vm.t.AttributeError)) throw;
  }
  return call_special(vm, getattr_hook, obj, args);
}

}  // namespace

// ---------------------------------------------------------------- descriptors

Value bind_descriptor(VM& vm, Value descr, Value obj, TypeObject* owner, const StrObject* name) {
  if (!descr.is_object()) return descr;
  Object* d = descr.as_object();
  switch (d->kind) {
    case ObjKind::Function:
      if (obj.is_null() || obj == vm.None) return descr;
      return vm.heap.make<BoundMethodObject>(vm.t.method, descr, obj);
    case ObjKind::Builtin:
      if (!static_cast<BuiltinFunction*>(d)->is_method || obj.is_null()) return descr;
      return vm.heap.make<BoundMethodObject>(vm.t.method, descr, obj);
    case ObjKind::Property: {
      if (obj.is_null()) return descr;
      auto* p = static_cast<DescriptorObject*>(d);
      if (p->fget.is_null() || p->fget == vm.None) raise_plain_attribute_error(vm, property_message(vm, name, obj, "getter"));
      Value args[1] = {obj};
      return vm.call(p->fget, args);
    }
    case ObjKind::StaticMethod: return or_none(vm, static_cast<DescriptorObject*>(d)->fget);
    case ObjKind::ClassMethod: {
      TypeObject* cls = owner ? owner : vm.type_of(obj);
      return vm.heap.make<BoundMethodObject>(vm.t.method, static_cast<DescriptorObject*>(d)->fget, cls);
    }
    case ObjKind::Type:
    case ObjKind::Str:
    case ObjKind::Int:
    case ObjKind::Float:
    case ObjKind::None:
    case ObjKind::Bool:
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict: return descr;
    default: break;
  }
  Value getter = find_special(vm, descr, key_get().get());
  if (!getter) return descr;
  Value args[2] = {obj.is_null() ? vm.None : obj, owner ? Value(owner) : vm.None};
  return call_special(vm, getter, descr, args);
}

// ---------------------------------------------------------------- generic attribute access

Value generic_get_attr(VM& vm, Value obj, StrObject* name) {
  if (obj.is_object()) {
    Object* o = obj.as_object();
    if (o->kind == ObjKind::Type) return type_get_attr(vm, static_cast<TypeObject*>(o), name);
    if (o->kind == ObjKind::Super)
      if (Value r = super_get_attr(vm, static_cast<SuperObject*>(o), name)) return r;
  }
  TypeObject* type = vm.type_of(obj);
  Value descr = class_lookup(vm, type, name);
  if (descr && is_data_descriptor(vm, descr)) return bind_descriptor(vm, descr, obj, type, name);
  if (Value special = layout_attribute(vm, obj, name)) return special;
  if (obj.is_object())
    if (Value own = own_dict_get(obj.as_object(), name)) return own;
  if (descr) {
    // A user class's __doc__ is its own, never a base class's (CPython stores None in every class dict).
    if (name->text == "__doc__" && !type->is_builtin) return or_none(vm, own_dict_get(type, key_doc().get()));
    return bind_descriptor(vm, descr, obj, type, name);
  }
  if (name->text == "__doc__") return or_none(vm, own_dict_get(type, key_doc().get()));
  if (name->text == "__module__" && obj.is_object() && obj.as_object()->kind == ObjKind::Instance)
    return vm.new_str(type->module);
  if (is_kind(obj, ObjKind::BoundMethod)) {
    // Other attributes of a method are those of its function (__name__, __doc__, __wrapped__, ...).
    return vm.get_attr_or_null(static_cast<BoundMethodObject*>(obj.as_object())->func, name);
  }
  return Value();
}

void raise_attribute_error(VM& vm, Value obj, StrObject* name) {
  std::string message;
  if (is_kind(obj, ObjKind::Type))
    message = "type object '" + tp_name(static_cast<TypeObject*>(obj.as_object())) + "' has no attribute '" + name->text + "'";
  else if (is_kind(obj, ObjKind::Module))
    message = "module '" + static_cast<ModuleObject*>(obj.as_object())->name + "' has no attribute '" + name->text + "'";
  else
    message = "'" + tp_name(vm, obj) + "' object has no attribute '" + name->text + "'";
  ExceptionObject* e = vm.new_exception(vm.t.AttributeError, std::move(message));
  e->name_hint = name;
  e->obj_hint = obj;
  vm.raise(e);
}

void generic_set_attr(VM& vm, Value obj, StrObject* name, Value v) {
  if (is_kind(obj, ObjKind::Type)) {
    type_set_attr(vm, static_cast<TypeObject*>(obj.as_object()), name, v);
    return;
  }
  TypeObject* type = vm.type_of(obj);
  Value descr = type->lookup(name);
  if (descr && is_data_descriptor(vm, descr)) {
    descriptor_set(vm, descr, obj, v, name);
    return;
  }
  if (set_layout_attribute(vm, obj, name, v)) return;
  if (obj.is_object() && allows_instance_dict(vm, obj.as_object())) {
    Object* o = obj.as_object();
    bool allowed = false;
    if ((o->kind == ObjKind::Instance || !type->is_builtin) && slots_only(type, &name->text, &allowed) && !allowed) {
      if (descr) raise_plain_attribute_error(vm, "'" + type->name + "' object attribute '" + name->text + "' is read-only");
      raise_no_attribute(vm, obj, name);
    }
    dict_set(vm, ensure_dict(vm, o), name, v);
    return;
  }
  if (descr || layout_attribute(vm, obj, name))
    raise_plain_attribute_error(vm, "'" + type->name + "' object attribute '" + name->text + "' is read-only");
  raise_no_attribute(vm, obj, name);
}

void generic_del_attr(VM& vm, Value obj, StrObject* name) {
  if (is_kind(obj, ObjKind::Type)) {
    type_del_attr(vm, static_cast<TypeObject*>(obj.as_object()), name);
    return;
  }
  TypeObject* type = vm.type_of(obj);
  Value descr = type->lookup(name);
  if (descr && is_data_descriptor(vm, descr)) {
    descriptor_delete(vm, descr, obj, name);
    return;
  }
  if (obj.is_object()) {
    Object* o = obj.as_object();
    const std::string& n = name->text;
    if (o->kind == ObjKind::Function &&
        (n == "__defaults__" || n == "__kwdefaults__" || n == "__doc__" || n == "__annotations__")) {
      set_layout_attribute(vm, obj, name, vm.None);
      return;
    }
    if (o->kind == ObjKind::Cell && n == "cell_contents") {
      note_write(o);
      static_cast<CellObject*>(o)->contents = Value();
      return;
    }
    if (o->attrs && o->attrs->table.erase(vm, name, name->hash())) return;
  }
  if (layout_attribute(vm, obj, name) && !(obj.is_object() && allows_instance_dict(vm, obj.as_object())))
    raise_plain_attribute_error(vm, "readonly attribute");
  raise_no_attribute(vm, obj, name);
}

// ---------------------------------------------------------------- VM members

Value VM::get_attr(Value obj, StrObject* name) {
  Value r = lookup_attribute(*this, obj, name);
  if (!r) raise_attribute_error(*this, obj, name);
  return r;
}

Value VM::get_attr_or_null(Value obj, StrObject* name) {
  try {
    return lookup_attribute(*this, obj, name);
  } catch (PyRaise& e) {
    if (is_instance(Value(e.exception), t.AttributeError)) return Value();
    throw;
  }
}

void VM::set_attr(Value obj, StrObject* name, Value v) {
  ObjKind kind = kind_of(obj);
  TypeObject* type = type_of(obj);
  if (type != layout_owner(*this, kind)) {
    if (Value hook = find_special_in_type(*this, type, kind, key_setattr().get())) {
      Value args[2] = {name, v};
      call_special(*this, hook, obj, args);
      return;
    }
  }
  generic_set_attr(*this, obj, name, v);
}

void VM::del_attr(Value obj, StrObject* name) {
  ObjKind kind = kind_of(obj);
  TypeObject* type = type_of(obj);
  if (type != layout_owner(*this, kind)) {
    if (Value hook = find_special_in_type(*this, type, kind, key_delattr().get())) {
      Value args[1] = {name};
      call_special(*this, hook, obj, args);
      return;
    }
  }
  generic_del_attr(*this, obj, name);
}

}  // namespace cv
