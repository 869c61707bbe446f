// Argument binding for native functions and methods, with CPython 3.11's exact TypeError wording.
//
// CPython words arity errors differently depending on how each builtin parses its
// arguments (Argument Clinic, _PyArg_CheckPositional, PyArg_ParseTuple, METH_O,
// METH_NOARGS). Learners read these messages, so every native declares which family
// its CPython counterpart belongs to and the binder reproduces that family's wording.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/vm.h"

namespace cv {

// Which CPython argument parser a native imitates (only the error messages differ).
enum class ArgStyle : uint8_t {
  Clinic,      // _PyArg_UnpackKeywords: "round() missing required argument 'number' (pos 1)"
  Positional,  // _PyArg_CheckPositional: "divmod expected 2 arguments, got 1"; no keywords
  ParseTuple,  // PyArg_ParseTuple: "find() takes at least 1 argument (0 given)"; no keywords
};

// The arguments of one call, bound to a Signature's named parameters.
struct BoundArgs {
  static constexpr size_t kMaxParams = 8;
  std::array<Value, kMaxParams> values{};  // per named parameter; null when an optional one was not passed
  PosArgs rest;                            // what a "*args" parameter collected
  std::vector<std::pair<StrObject*, Value>> extra_kwargs;  // what a "**kwargs" parameter collected

  Value operator[](size_t i) const { return values[i]; }
  bool has(size_t i) const { return !values[i].is_null(); }
  // The argument, or `fallback` when it was not passed.
  Value get(size_t i, Value fallback) const { return values[i].is_null() ? fallback : values[i]; }
};

// A native's parameter list, parsed once (keep it in a function-local static).
class Signature {
 public:
  // `name` as CPython prints it in messages ("sorted", "sort", "pop").
  // `params` is written like a Python signature: "iterable, /, *, key=None, reverse=False".
  // "=..." marks an optional parameter (applying the default is the native's business),
  // "/" ends the positional-only parameters, "*" starts the keyword-only ones,
  // "*name" collects extra positional arguments and "**name" extra keyword arguments.
  Signature(std::string name, std::string_view params, ArgStyle style = ArgStyle::Clinic);

  BoundArgs bind(VM& vm, PosArgs args, KwArgs kwargs) const;
  const std::string& name() const { return name_; }

 private:
  struct Param {
    std::string name;
    bool required;
    bool positional_only;
    bool keyword_only;
  };
  [[noreturn]] void fail_arity(VM& vm, size_t given) const;  // the Positional/ParseTuple wording
  std::string name_;
  ArgStyle style_;
  std::vector<Param> params_;
  size_t max_positional_ = 0;   // parameters that can be filled positionally
  size_t min_positional_ = 0;   // leading required positional parameters
  bool has_varargs_ = false;
  bool has_varkwargs_ = false;
};

// ---- the fixed-arity families (no Signature needed)

// METH_O: "len() takes exactly one argument (2 given)", "len() takes no keyword arguments".
// `qualname` is how CPython names the function there: "len", "list.append".
Value arg_exactly_one(VM& vm, std::string_view qualname, PosArgs args, KwArgs kwargs);
// METH_NOARGS: "list.copy() takes no arguments (1 given)".
void args_none(VM& vm, std::string_view qualname, PosArgs args, KwArgs kwargs);
// "abs() takes no keyword arguments".
void kwargs_none(VM& vm, std::string_view name, KwArgs kwargs);
// _PyArg_CheckPositional: "divmod expected 2 arguments, got 1", "getattr expected at least 2 arguments, got 1".
void args_between(VM& vm, std::string_view name, PosArgs args, size_t min, size_t max);

// ---- methods of builtin types (args[0] is self)

// Checks that a method descriptor of `type` was given a suitable self and returns it:
// "unbound method list.append() needs an argument",
// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
Value method_self(VM& vm, PosArgs args, const TypeObject* type, std::string_view method);

template <class T>
T* method_self_as(VM& vm, PosArgs args, const TypeObject* type, std::string_view method) {
  return static_cast<T*>(method_self(vm, args, type, method).as_object());
}

// The class argument of `base.__new__(cls, ...)`: a type that is `base` or a subclass of it
// ("int.__new__(X): X is not a type object (str)", "... X is not a subtype of int").
TypeObject* new_cls(VM& vm, PosArgs args, const TypeObject* base);

// ---- conversions with CPython's wording

// Whether `v` is a heap object of layout `kind` (subclass instances included).
inline bool has_kind(Value v, ObjKind kind) { return v.is_object() && v.as_object()->kind == kind; }
template <class T>
T* as(Value v) { return static_cast<T*>(v.as_object()); }

// An int argument ("'str' object cannot be interpreted as an integer"); OverflowError beyond int64.
int64_t arg_int64(VM& vm, Value v);
// A str argument; otherwise "<what> must be str, not int" (e.g. what = "join() argument").
StrObject* arg_str(VM& vm, Value v, std::string_view what);
// The keyword name as a string_view.
inline std::string_view kw_name(const std::pair<StrObject*, Value>& kw) { return kw.first->text; }

}  // namespace cv
