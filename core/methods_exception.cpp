// The methods of BaseException and its subclasses: __init__, __str__, __repr__, args, add_note, with_traceback.
//
// Instances are allocated by the VM (VM::construct, with `args` already set); these
// natives serve `super().__init__(msg)` in user exceptions, str()/repr() and the
// attributes learners read.
#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

ExceptionObject* self_exception(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<ExceptionObject>(vm, args, vm.t.BaseException, method);
}

const std::vector<Value>& exception_args(ExceptionObject* e) {
  static const std::vector<Value> kEmpty;
  return e->args ? e->args->items : kEmpty;
}

Value exception_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "__init__");
  kwargs_none(vm, self->type->name, kwargs);
  self->args = vm.new_tuple(std::vector<Value>(args.begin() + 1, args.end()));
  note_write(self);
  return vm.None;
}

Value exception_str(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "__str__");
  args_none(vm, "BaseException.__str__", args.subspan(1), kwargs);
  const auto& items = exception_args(self);
  if (items.empty()) return vm.intern("");
  if (items.size() == 1) return vm.to_str(items[0]);
  return vm.to_str(self->args);
}

// KeyError shows its key as repr: KeyError('a') prints as 'a'.
Value key_error_str(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = method_self_as<ExceptionObject>(vm, args, vm.t.KeyError, "__str__");
  args_none(vm, "KeyError.__str__", args.subspan(1), kwargs);
  const auto& items = exception_args(self);
  if (items.size() == 1) return vm.repr(items[0]);
  return exception_str(vm, args, kwargs, nullptr);
}

Value exception_repr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "__repr__");
  args_none(vm, "BaseException.__repr__", args.subspan(1), kwargs);
  const auto& items = exception_args(self);
  std::string name = self->type->name;
  if (items.size() == 1) return vm.new_str(name + "(" + vm.repr(items[0])->text + ")");
  return vm.new_str(name + vm.repr(self->args ? Value(self->args) : Value(vm.new_tuple()))->text);
}

Value exception_with_traceback(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "with_traceback");
  arg_exactly_one(vm, "BaseException.with_traceback", args.subspan(1), kwargs);
  return self;
}

// add_note(note): appends to the __notes__ list, which tracebacks print under the message.
Value exception_add_note(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "add_note");
  Value note = arg_exactly_one(vm, "BaseException.add_note", args.subspan(1), kwargs);
  if (!VM::is_str(note)) vm.raise_type_error("note must be a str, not '" + vm.type_name(note) + "'");
  if (!self->attrs) self->attrs = vm.new_dict();
  Value notes = dict_get_str(vm, self->attrs, "__notes__");
  if (notes.is_null()) {
    notes = vm.new_list();
    dict_set_str(vm, self->attrs, "__notes__", notes);
  }
  if (!has_kind(notes, ObjKind::List)) vm.raise_type_error("Cannot add note: __notes__ is not a list");
  as<ListObject>(notes)->items.push_back(note);
  return vm.None;
}

Value exception_args_get(VM& vm, PosArgs args, KwArgs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "args");
  if (!self->args) self->args = vm.new_tuple();
  return self->args;
}

Value exception_args_set(VM& vm, PosArgs args, KwArgs, Object*) {
  ExceptionObject* self = self_exception(vm, args, "args");
  if (args.size() < 2) vm.raise_type_error("args may not be deleted");
  self->args = vm.new_tuple(vm.to_vector(args[1]));
  note_write(self);
  return vm.None;
}

Value stop_iteration_value(VM& vm, PosArgs args, KwArgs, Object*) {
  ExceptionObject* self = method_self_as<ExceptionObject>(vm, args, vm.t.StopIteration, "value");
  if (!self->value.is_null()) return self->value;
  const auto& items = exception_args(self);
  return items.empty() ? vm.None : items[0];
}

// SystemExit.code lives in ExceptionObject::value: set by SystemExit.__init__ from its arguments
// (None for none, the argument for one, the args tuple for more) and by assignment; None when
// __init__ never ran (a subclass __init__ that does not call it), as in CPython.
Value system_exit_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ExceptionObject* self = method_self_as<ExceptionObject>(vm, args, vm.t.SystemExit, "__init__");
  exception_init(vm, args, kwargs, nullptr);
  const auto& items = exception_args(self);
  self->value = items.empty() ? vm.None : items.size() == 1 ? items[0] : Value(self->args);
  return vm.None;
}

Value system_exit_code_get(VM& vm, PosArgs args, KwArgs, Object*) {
  ExceptionObject* self = method_self_as<ExceptionObject>(vm, args, vm.t.SystemExit, "code");
  return system_exit_code(vm, self);
}

Value system_exit_code_set(VM& vm, PosArgs args, KwArgs, Object*) {
  ExceptionObject* self = method_self_as<ExceptionObject>(vm, args, vm.t.SystemExit, "code");
  // `del e.code` leaves None behind, as deleting CPython's member does.
  self->value = args.size() < 2 ? vm.None : args[1];
  note_write(self);
  return vm.None;
}

}  // namespace

Value system_exit_code(VM& vm, ExceptionObject* exit) { return exit->value.is_null() ? vm.None : exit->value; }

void install_exception_methods(VM& vm) {
  TypeObject* base = vm.t.BaseException;
  vm.def_method(base, "__init__", exception_init);
  vm.def_method(base, "__str__", exception_str);
  vm.def_method(base, "__repr__", exception_repr);
  vm.def_method(base, "with_traceback", exception_with_traceback);
  vm.def_method(base, "add_note", exception_add_note);
  vm.def_method(vm.t.KeyError, "__str__", key_error_str);

  auto* args_prop = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  args_prop->fget = vm.new_builtin("args", exception_args_get);
  args_prop->fset = vm.new_builtin("args", exception_args_set);
  args_prop->fdel = vm.None;
  args_prop->doc = vm.None;
  vm.def_attr(base, "args", args_prop);
  def_native_getter(vm, vm.t.StopIteration, "value", stop_iteration_value);
  vm.def_method(vm.t.SystemExit, "__init__", system_exit_init);
  auto* code_prop = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  code_prop->fget = vm.new_builtin("code", system_exit_code_get);
  code_prop->fset = vm.new_builtin("code", system_exit_code_set);
  code_prop->fdel = code_prop->fset;
  code_prop->doc = vm.None;
  vm.def_attr(vm.t.SystemExit, "code", code_prop);
}

}  // namespace cv
