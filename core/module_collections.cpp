// The collections module and its namedtuple; the other classes are in module_collections_*.cpp.
//
// A namedtuple class is a tuple subclass made at run time, with CPython's _tuplegetter
// field descriptors and its generated __new__'s argument errors.
#include <algorithm>
#include <cassert>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"
#include "core/text.h"

namespace cv {

namespace {

TypeObject* self_type_of(Object* data) { return static_cast<TypeObject*>(data); }

// ================================================================ namedtuple

// The class's `_fields` (a tuple of str), read from the namedtuple class `data`.
const std::vector<Value>& nt_fields(VM& vm, TypeObject* nt) {
  return as<TupleObject>(dict_get_str(vm, nt->attrs, "_fields"))->items;
}

DictObject* nt_defaults(VM& vm, TypeObject* nt) { return as<DictObject>(dict_get_str(vm, nt->attrs, "_field_defaults")); }

std::string quoted_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

// Point.__new__(_cls, x, y): binds like the Python function CPython generates.
Value nt_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* nt = self_type_of(data);
  TypeObject* cls = new_cls(vm, args, nt);
  const auto& fields = nt_fields(vm, nt);
  DictObject* defaults = nt_defaults(vm, nt);
  const std::string qualname = nt->name + ".__new__";
  const size_t n = fields.size();
  PosArgs given = args.subspan(1);
  if (given.size() > n) {
    size_t ndefaults = size_t(defaults->table.size());
    std::string takes = ndefaults ? "from " + std::to_string(n + 1 - ndefaults) + " to " + std::to_string(n + 1) +
                                        " positional arguments"
                                  : std::to_string(n + 1) + " positional argument" + (n + 1 == 1 ? "" : "s");
    vm.raise_type_error(qualname + "() takes " + takes + " but " + std::to_string(given.size() + 1) +
                        (given.size() + 1 == 1 ? " was given" : " were given"));
  }
  std::vector<Value> items(n);
  for (size_t i = 0; i < given.size(); ++i) items[i] = given[i];
  for (auto& kw : kwargs) {
    size_t i = 0;
    while (i < n && str_text(fields[i]) != kw_name(kw)) ++i;
    if (i == n) vm.raise_type_error(qualname + "() got an unexpected keyword argument '" + std::string(kw_name(kw)) + "'");
    if (!items[i].is_null())
      vm.raise_type_error(qualname + "() got multiple values for argument '" + std::string(kw_name(kw)) + "'");
    items[i] = kw.second;
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < n; ++i) {
    if (!items[i].is_null()) continue;
    Value d = dict_get(vm, defaults, fields[i]);
    if (d.is_null())
      missing.push_back(str_text(fields[i]));
    else
      items[i] = d;
  }
  if (!missing.empty()) {
    vm.raise_type_error(qualname + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                        (missing.size() == 1 ? "" : "s") + ": " + quoted_names(missing));
  }
  auto* t = vm.heap.make<TupleObject>(cls);
  t->items = std::move(items);
  return t;
}

TupleObject* nt_self(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<TupleObject>(vm, args, self_type_of(data), method);
}

Value nt_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  TupleObject* self = nt_self(vm, args, data, "__repr__");
  const auto& fields = nt_fields(vm, self_type_of(data));
  std::string out = vm.type_of(self)->name + "(";
  for (size_t i = 0; i < fields.size() && i < self->items.size(); ++i) {
    if (i) out += ", ";
    out += str_text(fields[i]) + "=" + vm.repr(self->items[i])->text;
  }
  return vm.new_str(out + ")");
}

Value nt_asdict(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TupleObject* self = nt_self(vm, args, data, "_asdict");
  args_none(vm, "_asdict", args.subspan(1), kwargs);
  const auto& fields = nt_fields(vm, self_type_of(data));
  DictObject* d = vm.new_dict();
  for (size_t i = 0; i < fields.size() && i < self->items.size(); ++i) dict_set(vm, d, fields[i], self->items[i]);
  return d;
}

Value nt_make_from(VM& vm, TypeObject* cls, TypeObject* nt, Value iterable) {
  std::vector<Value> items = vm.to_vector(iterable);
  size_t n = nt_fields(vm, nt).size();
  if (items.size() != n)
    vm.raise_type_error("Expected " + std::to_string(n) + " arguments, got " + std::to_string(items.size()));
  auto* t = vm.heap.make<TupleObject>(cls);
  t->items = std::move(items);
  return t;
}

Value nt_make(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, self_type_of(data));
  static const Signature sig("_make", "iterable");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  return nt_make_from(vm, cls, self_type_of(data), a[0]);
}

Value nt_replace(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TupleObject* self = nt_self(vm, args, data, "_replace");
  args_between(vm, "_replace", args.subspan(1), 0, 0);
  const auto& fields = nt_fields(vm, self_type_of(data));
  std::vector<Value> items = self->items;
  std::vector<Value> unexpected;
  for (auto& kw : kwargs) {
    size_t i = 0;
    while (i < fields.size() && str_text(fields[i]) != kw_name(kw)) ++i;
    if (i == fields.size())
      unexpected.push_back(kw.first);
    else
      items[i] = kw.second;
  }
  if (!unexpected.empty())
    vm.raise(vm.t.ValueError, "Got unexpected field names: " + vm.repr(vm.new_list(unexpected))->text);
  auto* t = vm.heap.make<TupleObject>(vm.type_of(self));
  t->items = std::move(items);
  return t;
}

Value nt_getnewargs(VM& vm, PosArgs args, KwArgs, Object* data) {
  TupleObject* self = nt_self(vm, args, data, "__getnewargs__");
  return vm.new_tuple(self->items);
}

// A field accessor, CPython's _tuplegetter: a data descriptor reading item i of the tuple
// (slots [i, doc]); assignment fails with "can't set attribute".
NativeObject* self_tuplegetter(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<NativeObject>(vm, args, self_type_of(data), method);
}

Value tuplegetter_get(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_tuplegetter(vm, args, data, "__get__");
  kwargs_none(vm, "__get__", kwargs);
  args_between(vm, "__get__", args.subspan(1), 1, 2);
  Value obj = args[1];
  if (obj == vm.None) return self;
  int64_t i = self->slots[0].as_small_int();
  if (!has_kind(obj, ObjKind::Tuple)) {
    vm.raise_type_error("descriptor for index '" + std::to_string(i) + "' for tuple subclasses doesn't apply to '" +
                        vm.type_name(obj) + "' object");
  }
  auto* t = as<TupleObject>(obj);
  if (i >= int64_t(t->items.size())) vm.raise(vm.t.IndexError, "tuple index out of range");
  return t->items[size_t(i)];
}

Value tuplegetter_set(VM& vm, PosArgs args, KwArgs, Object* data) {
  self_tuplegetter(vm, args, data, "__set__");
  vm.raise(vm.t.AttributeError, "can't set attribute");
}

Value tuplegetter_delete(VM& vm, PosArgs args, KwArgs, Object* data) {
  self_tuplegetter(vm, args, data, "__delete__");
  vm.raise(vm.t.AttributeError, "can't delete attribute");
}

Value tuplegetter_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_tuplegetter(vm, args, data, "__repr__");
  return vm.new_str("_tuplegetter(" + std::to_string(self->slots[0].as_small_int()) + ", " +
                    vm.repr(self->slots[1])->text + ")");
}

Value tuplegetter_doc(VM& vm, PosArgs args, KwArgs, Object* data) {
  return self_tuplegetter(vm, args, data, "__doc__")->slots[1];
}

// The _tuplegetter class, made once per VM and kept in the collections module.
TypeObject* tuplegetter_type(VM& vm) {
  Value module = vm.find_module("collections");
  assert(!module.is_null() && "install_module_collections runs before any namedtuple is made");
  auto* m = as<ModuleObject>(module);
  Value existing = dict_get_str(vm, m->attrs, "_tuplegetter");
  if (!existing.is_null()) return as<TypeObject>(existing);
  TypeObject* type = vm.new_type("_tuplegetter", {vm.t.object}, ObjKind::Native, true);
  type->module = "collections";
  vm.def_method(type, "__get__", tuplegetter_get)->data = type;
  vm.def_method(type, "__set__", tuplegetter_set)->data = type;
  vm.def_method(type, "__delete__", tuplegetter_delete)->data = type;
  vm.def_method(type, "__repr__", tuplegetter_repr)->data = type;
  auto* doc = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  doc->fget = vm.new_builtin("__doc__", tuplegetter_doc, type);
  doc->fset = doc->fdel = doc->doc = vm.None;
  vm.def_attr(type, "__doc__", doc);
  dict_set_str(vm, m->attrs, "_tuplegetter", type);
  return type;
}

bool is_keyword(std::string_view s) {
  static const char* const kKeywords[] = {
      "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
      "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};
  for (const char* k : kKeywords)
    if (s == k) return true;
  return false;
}

}  // namespace

TypeObject* make_namedtuple_type(VM& vm, const std::string& name, const std::vector<std::string>& fields,
                                 const std::vector<Value>& defaults, const std::string& module) {
  TypeObject* cls = vm.new_type(name, {vm.t.tuple}, ObjKind::Tuple, false);
  cls->module = module;
  std::vector<Value> field_values;
  for (const auto& f : fields) field_values.push_back(vm.intern(f));
  dict_set_str(vm, cls->attrs, "_fields", vm.new_tuple(field_values));
  DictObject* field_defaults = vm.new_dict();
  for (size_t i = 0; i < defaults.size(); ++i)
    dict_set(vm, field_defaults, field_values[fields.size() - defaults.size() + i], defaults[i]);
  dict_set_str(vm, cls->attrs, "_field_defaults", field_defaults);
  dict_set_str(vm, cls->attrs, "__match_args__", vm.new_tuple(field_values));
  dict_set_str(vm, cls->attrs, "__slots__", vm.new_tuple());
  std::string doc = name + "(";
  for (size_t i = 0; i < fields.size(); ++i) doc += (i ? ", " : "") + fields[i];
  dict_set_str(vm, cls->attrs, "__doc__", vm.new_str(doc + ")"));
  dict_set_str(vm, cls->attrs, "__module__", vm.new_str(module));

  vm.def_method(cls, "__new__", nt_new)->data = cls;
  vm.def_method(cls, "__repr__", nt_repr)->data = cls;
  vm.def_method(cls, "_asdict", nt_asdict)->data = cls;
  vm.def_method(cls, "_replace", nt_replace)->data = cls;
  vm.def_method(cls, "__getnewargs__", nt_getnewargs)->data = cls;
  auto* make = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  make->fget = vm.new_builtin("_make", nt_make, cls);
  static_cast<BuiltinFunction*>(make->fget.as_object())->qualname = name + "._make";
  make->fset = make->fdel = make->doc = vm.None;
  vm.def_attr(cls, "_make", make);
  TypeObject* getter_type = tuplegetter_type(vm);
  for (size_t i = 0; i < fields.size(); ++i) {
    auto* getter = vm.heap.make<NativeObject>(getter_type);
    getter->slots = {vm.new_int(int64_t(i)), vm.new_str("Alias for field number " + std::to_string(i))};
    vm.def_attr(cls, fields[i], getter);
  }
  return cls;
}

namespace {

Value collections_namedtuple(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("namedtuple", "typename, field_names, *, rename=False, defaults=None, module=None");
  BoundArgs a = sig.bind(vm, args, kwargs);
  std::string type_name = vm.to_str(a[0])->text;
  std::vector<std::string> fields;
  if (VM::is_str(a[1])) {
    std::string text = str_replace(str_text(a[1]), ",", " ");
    fields = str_split(text);
  } else {
    for_each_item(vm, a[1], [&](Value v) {
      fields.push_back(vm.to_str(v)->text);
      return true;
    });
  }
  bool rename = a.has(2) && vm.truthy(a[2]);
  if (rename) {
    std::vector<std::string> seen;
    for (size_t i = 0; i < fields.size(); ++i) {
      const std::string& f = fields[i];
      bool bad = !str_isidentifier(f) || is_keyword(f) || f.starts_with("_") ||
                 std::find(seen.begin(), seen.end(), f) != seen.end();
      if (bad) fields[i] = "_" + std::to_string(i);
      seen.push_back(fields[i]);
    }
  }
  std::vector<std::string> all{type_name};
  all.insert(all.end(), fields.begin(), fields.end());
  for (const auto& name : all) {
    if (!str_isidentifier(name))
      vm.raise(vm.t.ValueError, "Type names and field names must be valid identifiers: " + vm.repr(vm.new_str(name))->text);
    if (is_keyword(name))
      vm.raise(vm.t.ValueError, "Type names and field names cannot be a keyword: " + vm.repr(vm.new_str(name))->text);
  }
  std::vector<std::string> seen;
  for (const auto& name : fields) {
    if (name.starts_with("_") && !rename)
      vm.raise(vm.t.ValueError, "Field names cannot start with an underscore: " + vm.repr(vm.new_str(name))->text);
    if (std::find(seen.begin(), seen.end(), name) != seen.end())
      vm.raise(vm.t.ValueError, "Encountered duplicate field name: " + vm.repr(vm.new_str(name))->text);
    seen.push_back(name);
  }
  std::vector<Value> defaults;
  if (!is_none(vm, a[3])) {
    defaults = vm.to_vector(a[3]);
    if (defaults.size() > fields.size()) vm.raise_type_error("Got more default values than field names");
  }
  std::string module = "__main__";
  if (!is_none(vm, a[4])) {
    module = vm.to_str(a[4])->text;
  } else if (Frame* f = vm.current_frame(); f && f->globals) {
    Value name = dict_get_str(vm, f->globals, "__name__");
    if (!name.is_null() && VM::is_str(name)) module = str_text(name);
  }
  return make_namedtuple_type(vm, type_name, fields, defaults, module);
}

}  // namespace

void install_module_collections(VM& vm) {
  ModuleObject* m = vm.new_module("collections");
  vm.register_module(m);
  vm.def_function(m->attrs, "namedtuple", collections_namedtuple);
  install_collections_dict_types(vm, m);
  install_collections_deque(vm, m);
  install_collections_chainmap(vm, m);
}

}  // namespace cv
