// The methods of the class machinery: object, type, super, property, staticmethod, classmethod.
//
// These are what user classes reach through super() or explicit calls
// (object.__init__, object.__setattr__, super().__eq__ ...). The VM's own
// construction path (VM::construct) recognises object.__new__ and object.__init__
// defined here and allocates by layout itself; these natives serve explicit calls.
#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

// ---------------------------------------------------------------- object

Value object_self(VM& vm, PosArgs args, std::string_view method) {
  if (args.empty()) vm.raise_type_error("unbound method object." + std::string(method) + "() needs an argument");
  return args[0];
}

bool overrides(VM& vm, TypeObject* cls, const char* name) {
  StrObject* key = vm.intern(name);
  return cls->lookup(key) != vm.t.object->lookup(key);
}

Value object_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.object);
  bool excess = args.size() > 1 || !kwargs.empty();
  if (excess) {
    if (overrides(vm, cls, "__new__"))
      vm.raise_type_error(cls->name + ".__new__() takes exactly one argument (the type to instantiate)");
    if (!overrides(vm, cls, "__init__")) vm.raise_type_error(cls->name + "() takes no arguments");
  }
  Object* instance = nullptr;
  switch (cls->instance_kind) {
    case ObjKind::Instance:
      instance = vm.heap.make<InstanceObject>(cls);
      break;
    case ObjKind::Exception: {
      auto* e = vm.heap.make<ExceptionObject>(cls);
      e->args = vm.new_tuple(std::vector<Value>(args.begin() + 1, args.end()));
      instance = e;
      break;
    }
    default: {
      // The nearest builtin base knows how to make this layout.
      TypeObject* base = cls;
      for (TypeObject* t : cls->mro)
        if (t->is_builtin) {
          base = t;
          break;
        }
      vm.raise_type_error("object.__new__(" + cls->name + ") is not safe, use " + base->name + ".__new__()");
    }
  }
  if (!cls->is_builtin) instance->attrs = vm.new_dict();
  return instance;
}

Value object_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__init__");
  if (args.size() > 1 || !kwargs.empty()) {
    TypeObject* cls = vm.type_of(self);
    if (overrides(vm, cls, "__init__"))
      vm.raise_type_error(cls->name + ".__init__() takes exactly one argument (the instance to initialize)");
    if (!overrides(vm, cls, "__new__")) vm.raise_type_error(cls->name + "() takes no arguments");
  }
  return vm.None;
}

StrObject* attribute_name_arg(VM& vm, Value v) {
  if (!VM::is_str(v)) vm.raise_type_error("attribute name must be string, not '" + vm.type_name(v) + "'");
  return vm.intern(str_text(v));
}

Value object_getattribute(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__getattribute__");
  static const Signature sig("__getattribute__", "name, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  StrObject* name = attribute_name_arg(vm, a[0]);
  Value v = generic_get_attr(vm, self, name);
  if (v.is_null()) raise_attribute_error(vm, self, name);
  return v;
}

Value object_setattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__setattr__");
  static const Signature sig("__setattr__", "name, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  generic_set_attr(vm, self, attribute_name_arg(vm, a[0]), a[1]);
  return vm.None;
}

Value object_delattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__delattr__");
  static const Signature sig("__delattr__", "name, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  generic_del_attr(vm, self, attribute_name_arg(vm, a[0]));
  return vm.None;
}

Value object_repr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__repr__");
  args_none(vm, "object.__repr__", args.subspan(1), kwargs);
  TypeObject* t = vm.type_of(self);
  std::string name = t->module == "builtins" ? t->qualname : t->module + "." + t->qualname;
  if (!self.is_object()) return vm.new_str("<" + name + " object>");
  return vm.new_str("<" + name + " object at " + fake_address(self.as_object()) + ">");
}

Value object_str(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__str__");
  args_none(vm, "object.__str__", args.subspan(1), kwargs);
  return vm.repr(self);
}

Value object_eq(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__eq__");
  Value other = arg_exactly_one(vm, "object.__eq__", args.subspan(1), kwargs);
  return self == other ? vm.True : vm.NotImplemented;
}

Value object_ne(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__ne__");
  Value other = arg_exactly_one(vm, "object.__ne__", args.subspan(1), kwargs);
  // As CPython: the inverse of the class's own __eq__, unless that is NotImplemented.
  Value eq = vm.call_dunder_or_null(self, "__eq__", {&other, 1});
  if (eq.is_null() || eq == vm.NotImplemented) return vm.NotImplemented;
  return vm.new_bool(!vm.truthy(eq));
}

Value object_not_implemented(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = static_cast<StrObject*>(data)->text;
  object_self(vm, args, name);
  arg_exactly_one(vm, "object." + name, args.subspan(1), kwargs);
  return vm.NotImplemented;
}

Value object_hash(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__hash__");
  args_none(vm, "object.__hash__", args.subspan(1), kwargs);
  if (!self.is_object()) return vm.new_int(static_cast<int64_t>(vm.hash(self)));
  return vm.new_int(static_cast<int64_t>(identity_hash(self.as_object())));
}

Value object_format(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__format__");
  static const Signature sig("__format__", "format_spec, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  StrObject* spec = arg_str(vm, a[0], "__format__() argument");
  if (!spec->text.empty())
    vm.raise_type_error("unsupported format string passed to " + vm.type_name(self) + ".__format__");
  return vm.to_str(self);
}

Value object_init_subclass(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  if (!args.empty() && has_kind(args[0], ObjKind::Type) && !kwargs.empty())
    vm.raise_type_error(as<TypeObject>(args[0])->name + ".__init_subclass__() takes no keyword arguments");
  args_between(vm, "__init_subclass__", args, 1, 1);
  return vm.None;
}

Value object_dir(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = object_self(vm, args, "__dir__");
  args_none(vm, "object.__dir__", args.subspan(1), kwargs);
  std::vector<Value> names;
  if (self.is_object() && self.as_object()->attrs)
    for (auto& [k, v] : dict_items(self.as_object()->attrs)) names.push_back(k);
  for (TypeObject* t : vm.type_of(self)->mro)
    for (auto& [k, v] : dict_items(t->attrs)) names.push_back(k);
  names.push_back(vm.intern("__class__"));
  return vm.new_list(std::move(names));
}

// Pickling support, which closureviz leaves out (object.__reduce__ & co.).
Value object_pickling(VM& vm, PosArgs args, KwArgs, Object*) {
  object_self(vm, args, "__reduce__");
  vm.raise(vm.t.NotImplementedError, "closureviz does not support pickling");
}

Value object_sizeof(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  object_self(vm, args, "__sizeof__");
  args_none(vm, "object.__sizeof__", args.subspan(1), kwargs);
  return vm.new_int(16);  // what CPython reports for a bare object
}

Value object_subclasshook(VM& vm, PosArgs, KwArgs, Object*) { return vm.NotImplemented; }

// A classmethod wrapping a native function.
void def_native_classmethod(VM& vm, TypeObject* type, const char* name, NativeFn fn) {
  auto* cm = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  BuiltinFunction* f = vm.new_builtin(name, fn);
  f->qualname = type->name + "." + name;
  cm->fget = f;
  vm.def_attr(type, name, cm);
}

// ---------------------------------------------------------------- type

Value type_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* meta = new_cls(vm, args, vm.t.type);
  PosArgs rest = args.subspan(1);
  if (rest.size() == 1 && kwargs.empty()) return vm.type_of(rest[0]);
  if (rest.size() != 3) vm.raise_type_error("type() takes 1 or 3 arguments");
  if (!VM::is_str(rest[0])) vm.raise_type_error("type.__new__() argument 1 must be str, not " + vm.type_name(rest[0]));
  if (!has_kind(rest[1], ObjKind::Tuple))
    vm.raise_type_error("type.__new__() argument 2 must be tuple, not " + vm.type_name(rest[1]));
  if (!has_kind(rest[2], ObjKind::Dict))
    vm.raise_type_error("type.__new__() argument 3 must be dict, not " + vm.type_name(rest[2]));
  std::vector<TypeObject*> bases;
  ObjKind kind = ObjKind::Instance;
  for (Value b : as<TupleObject>(rest[1])->items) {
    if (!has_kind(b, ObjKind::Type)) {
      vm.raise_type_error(
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses "
          "of all its bases");
    }
    TypeObject* base = as<TypeObject>(b);
    if (kind == ObjKind::Instance) kind = base->instance_kind;
    bases.push_back(base);
  }
  TypeObject* cls = vm.new_type(str_text(rest[0]), bases, kind, false);
  cls->type = meta;
  for (auto& [k, v] : dict_items(as<DictObject>(rest[2]))) dict_set(vm, cls->attrs, k, v);
  Frame* f = vm.current_frame();
  if (Value mod = dict_get_str(vm, cls->attrs, "__module__"); !mod.is_null() && VM::is_str(mod)) {
    cls->module = str_text(mod);
  } else if (f && f->globals) {
    Value name = dict_get_str(vm, f->globals, "__name__");
    if (VM::is_str(name)) {
      cls->module = str_text(name);
      dict_set(vm, cls->attrs, vm.intern("__module__"), name);  // as type.__new__, from the caller's globals
    }
  }
  if (Value q = dict_get_str(vm, cls->attrs, "__qualname__"); !q.is_null() && VM::is_str(q)) cls->qualname = str_text(q);
  vm.complete_class_dict(cls);
  return cls;
}

Value type_mro(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  auto* self = method_self_as<TypeObject>(vm, args, vm.t.type, "mro");
  args_none(vm, "type.mro", args.subspan(1), kwargs);
  std::vector<Value> out(self->mro.begin(), self->mro.end());
  return vm.new_list(std::move(out));
}

Value type_subclasses(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  method_self_as<TypeObject>(vm, args, vm.t.type, "__subclasses__");
  args_none(vm, "type.__subclasses__", args.subspan(1), kwargs);
  vm.raise(vm.t.NotImplementedError, "closureviz does not support type.__subclasses__()");
}

// ---------------------------------------------------------------- super

// super() without arguments: the caller's __class__ cell and first argument.
Value super_from_frame(VM& vm, TypeObject* cls) {
  Frame* f = vm.current_frame();
  if (!f || !f->function) vm.raise(vm.t.RuntimeError, "super(): no arguments");
  CodeObject* code = f->code;
  const CodeInfo& info = code->info;
  if (info.argcount == 0) vm.raise(vm.t.RuntimeError, "super(): no arguments");  // even with *args, as CPython
  Value self = f->slots[0];
  for (int32_t c = 0; c < info.ncells(); ++c) {
    if (info.cell2arg[size_t(c)] == 0) {
      Value cell = f->slots[info.nlocals + c];
      self = has_kind(cell, ObjKind::Cell) ? as<CellObject>(cell)->contents : Value();
    }
  }
  if (self.is_null()) vm.raise(vm.t.RuntimeError, "super(): arg[0] deleted");
  Value class_cell;
  for (size_t j = 0; j < code->freevars.size(); ++j) {
    if (code->freevars[j]->text == "__class__") class_cell = f->slots[info.nlocals + info.ncells() + int32_t(j)];
  }
  if (class_cell.is_null()) vm.raise(vm.t.RuntimeError, "super(): __class__ cell not found");
  if (!has_kind(class_cell, ObjKind::Cell)) vm.raise(vm.t.RuntimeError, "super(): bad __class__ cell");
  Value start = as<CellObject>(class_cell)->contents;
  if (start.is_null()) vm.raise(vm.t.RuntimeError, "super(): empty __class__ cell");
  if (!has_kind(start, ObjKind::Type))
    vm.raise(vm.t.RuntimeError, "super(): __class__ is not a type (" + vm.type_name(start) + ")");
  return vm.heap.make<SuperObject>(cls, as<TypeObject>(start), self);
}

Value super_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.super);
  kwargs_none(vm, "super", kwargs);
  PosArgs rest = args.subspan(1);
  args_between(vm, "super", rest, 0, 2);
  if (rest.empty()) return super_from_frame(vm, cls);
  if (!has_kind(rest[0], ObjKind::Type))
    vm.raise_type_error("super() argument 1 must be a type, not " + vm.type_name(rest[0]));
  TypeObject* start = as<TypeObject>(rest[0]);
  if (rest.size() == 1) vm.raise(vm.t.NotImplementedError, "closureviz does not support unbound super objects");
  Value obj = rest[1];
  bool ok = vm.is_instance(obj, start) || (has_kind(obj, ObjKind::Type) && as<TypeObject>(obj)->is_subtype_of(start));
  if (!ok) vm.raise_type_error("super(type, obj): obj must be an instance or subtype of type");
  return vm.heap.make<SuperObject>(cls, start, obj);
}

Value super_repr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  auto* self = method_self_as<SuperObject>(vm, args, vm.t.super, "__repr__");
  args_none(vm, "super.__repr__", args.subspan(1), kwargs);
  std::string type_repr = vm.repr(self->start_type)->text;
  TypeObject* t = vm.type_of(self->self);
  std::string name = t->module == "builtins" ? t->qualname : t->module + "." + t->qualname;
  if (has_kind(self->self, ObjKind::Type)) return vm.new_str("<super: " + type_repr + ", <" + vm.repr(self->self)->text + ">>");
  return vm.new_str("<super: " + type_repr + ", <" + name + " object>>");
}

// ---------------------------------------------------------------- property

DescriptorObject* self_property(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<DescriptorObject>(vm, args, vm.t.property, method);
}

Value property_new(VM& vm, PosArgs args, KwArgs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.property);
  auto* p = vm.heap.make<DescriptorObject>(ObjKind::Property, cls);
  p->fget = p->fset = p->fdel = p->doc = vm.None;
  return p;
}

// property.__init__(fget=None, fset=None, fdel=None, doc=None); doc defaults to fget.__doc__.
Value property_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "__init__");
  static const Signature sig("property", "fget=None, fset=None, fdel=None, doc=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  self->fget = a.get(0, vm.None);
  self->fset = a.get(1, vm.None);
  self->fdel = a.get(2, vm.None);
  self->doc = a.get(3, vm.None);
  if (self->doc == vm.None && self->fget != vm.None) {
    Value doc = vm.get_attr_or_null(self->fget, vm.intern("__doc__"));
    if (!doc.is_null()) self->doc = doc;
  }
  return vm.None;
}

// property.getter/setter/deleter: a copy with one accessor replaced, of the same class.
Value property_copy(VM& vm, DescriptorObject* self, Value fget, Value fset, Value fdel) {
  if (vm.type_of(self) == vm.t.property) {
    auto* p = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = self->doc;
    // A doc taken from the old getter follows the new getter, as in CPython.
    if (fget != self->fget && fget != vm.None) {
      Value old_doc = self->fget == vm.None ? Value() : vm.get_attr_or_null(self->fget, vm.intern("__doc__"));
      if (self->doc == vm.None || (!old_doc.is_null() && old_doc == self->doc)) {
        Value doc = vm.get_attr_or_null(fget, vm.intern("__doc__"));
        p->doc = doc.is_null() ? vm.None : doc;
      }
    }
    return p;
  }
  std::vector<Value> call_args{fget, fset, fdel, self->doc};
  return vm.call(vm.type_of(self), call_args);
}

Value property_getter(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "getter");
  Value f = arg_exactly_one(vm, "property.getter", args.subspan(1), kwargs);
  return property_copy(vm, self, f, self->fset, self->fdel);
}
Value property_setter(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "setter");
  Value f = arg_exactly_one(vm, "property.setter", args.subspan(1), kwargs);
  return property_copy(vm, self, self->fget, f, self->fdel);
}
Value property_deleter(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "deleter");
  Value f = arg_exactly_one(vm, "property.deleter", args.subspan(1), kwargs);
  return property_copy(vm, self, self->fget, self->fset, f);
}

Value property_fget(VM& vm, PosArgs args, KwArgs, Object*) { return self_property(vm, args, "fget")->fget; }
Value property_fset(VM& vm, PosArgs args, KwArgs, Object*) { return self_property(vm, args, "fset")->fset; }
Value property_fdel(VM& vm, PosArgs args, KwArgs, Object*) { return self_property(vm, args, "fdel")->fdel; }
Value property_doc(VM& vm, PosArgs args, KwArgs, Object*) { return self_property(vm, args, "__doc__")->doc; }

// property.__get__(obj, type=None), for explicit calls and user descriptors built on it.
Value property_get(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "__get__");
  static const Signature sig("__get__", "instance, owner=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (a[0] == vm.None) return self;
  if (self->fget == vm.None) vm.raise(vm.t.AttributeError, "property of '" + vm.type_name(a[0]) + "' object has no getter");
  Value obj = a[0];
  return vm.call(self->fget, {&obj, 1});
}

Value property_set(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DescriptorObject* self = self_property(vm, args, "__set__");
  static const Signature sig("__set__", "instance, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (self->fset == vm.None) vm.raise(vm.t.AttributeError, "property of '" + vm.type_name(a[0]) + "' object has no setter");
  std::vector<Value> call_args{a[0], a[1]};
  vm.call(self->fset, call_args);
  return vm.None;
}

// ---------------------------------------------------------------- staticmethod, classmethod

Value wrapper_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* base = static_cast<TypeObject*>(data);
  TypeObject* cls = new_cls(vm, args, base);
  kwargs_none(vm, base->name, kwargs);
  args_between(vm, base->name, args.subspan(1), 1, 1);
  auto* d = vm.heap.make<DescriptorObject>(base == vm.t.staticmethod ? ObjKind::StaticMethod : ObjKind::ClassMethod, cls);
  d->fget = args[1];
  d->fset = d->fdel = d->doc = vm.None;
  // As CPython 3.10+: the wrapper carries the function's metadata (functools.wraps-like).
  d->attrs = vm.new_dict();
  for (const char* attr : {"__module__", "__name__", "__qualname__", "__doc__"}) {
    Value v = vm.get_attr_or_null(args[1], vm.intern(attr));
    if (!v.is_null()) dict_set_str(vm, d->attrs, attr, v);
  }
  dict_set_str(vm, d->attrs, "__wrapped__", args[1]);
  return d;
}

Value wrapper_func(VM& vm, PosArgs args, KwArgs, Object* data) {
  auto* base = static_cast<TypeObject*>(data);
  return method_self_as<DescriptorObject>(vm, args, base, "__func__")->fget;
}

Value staticmethod_call(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  auto* self = method_self_as<DescriptorObject>(vm, args, vm.t.staticmethod, "__call__");
  return vm.call(self->fget, args.subspan(1), kwargs);
}

Value staticmethod_get(VM& vm, PosArgs args, KwArgs, Object*) {
  return method_self_as<DescriptorObject>(vm, args, vm.t.staticmethod, "__get__")->fget;
}

Value classmethod_get(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  auto* self = method_self_as<DescriptorObject>(vm, args, vm.t.classmethod, "__get__");
  static const Signature sig("__get__", "instance, owner=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value owner = is_none(vm, a[1]) ? Value(vm.type_of(a[0])) : a[1];
  return vm.heap.make<BoundMethodObject>(vm.t.method, self->fget, owner);
}

Value wrapper_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  auto* base = static_cast<TypeObject*>(data);
  auto* self = method_self_as<DescriptorObject>(vm, args, base, "__repr__");
  return vm.new_str("<" + base->name + "(" + vm.repr(self->fget)->text + ")>");
}

}  // namespace

void install_object_methods(VM& vm) {
  TypeObject* object = vm.t.object;
  vm.def_method(object, "__new__", object_new);
  vm.def_method(object, "__init__", object_init);
  vm.def_method(object, "__getattribute__", object_getattribute);
  vm.def_method(object, "__setattr__", object_setattr);
  vm.def_method(object, "__delattr__", object_delattr);
  vm.def_method(object, "__repr__", object_repr);
  vm.def_method(object, "__str__", object_str);
  vm.def_method(object, "__eq__", object_eq);
  vm.def_method(object, "__ne__", object_ne);
  for (const char* name : {"__lt__", "__le__", "__gt__", "__ge__"})
    vm.def_method(object, name, object_not_implemented)->data = vm.intern(name);
  vm.def_method(object, "__hash__", object_hash);
  vm.def_method(object, "__format__", object_format);
  vm.def_method(object, "__dir__", object_dir);
  def_native_classmethod(vm, object, "__init_subclass__", object_init_subclass);
  def_native_classmethod(vm, object, "__subclasshook__", object_subclasshook);
  for (const char* name : {"__reduce__", "__reduce_ex__", "__getstate__"}) vm.def_method(object, name, object_pickling);
  vm.def_method(object, "__sizeof__", object_sizeof);
  if (dict_get_str(vm, object->attrs, "__doc__").is_null()) {
    dict_set_str(vm, object->attrs, "__doc__",
                 vm.new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a "
                            "new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
  }

  vm.def_method(vm.t.type, "__new__", type_new);
  vm.def_method(vm.t.type, "mro", type_mro);
  vm.def_method(vm.t.type, "__subclasses__", type_subclasses);

  vm.def_method(vm.t.super, "__new__", super_new);
  vm.def_method(vm.t.super, "__repr__", super_repr);

  TypeObject* property = vm.t.property;
  vm.def_method(property, "__new__", property_new);
  vm.def_method(property, "__init__", property_init);
  vm.def_method(property, "getter", property_getter);
  vm.def_method(property, "setter", property_setter);
  vm.def_method(property, "deleter", property_deleter);
  vm.def_method(property, "__get__", property_get);
  vm.def_method(property, "__set__", property_set);
  def_native_getter(vm, property, "fget", property_fget);
  def_native_getter(vm, property, "fset", property_fset);
  def_native_getter(vm, property, "fdel", property_fdel);
  def_native_getter(vm, property, "__doc__", property_doc);

  for (TypeObject* wrapper : {vm.t.staticmethod, vm.t.classmethod}) {
    vm.def_method(wrapper, "__new__", wrapper_new)->data = wrapper;
    vm.def_method(wrapper, "__repr__", wrapper_repr)->data = wrapper;
    auto* prop = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
    prop->fget = vm.new_builtin("__func__", wrapper_func, wrapper);
    prop->fset = prop->fdel = prop->doc = vm.None;
    vm.def_attr(wrapper, "__func__", prop);
  }
  vm.def_method(vm.t.staticmethod, "__call__", staticmethod_call);
  vm.def_method(vm.t.staticmethod, "__get__", staticmethod_get);
  vm.def_method(vm.t.classmethod, "__get__", classmethod_get);
}

}  // namespace cv
