// Argument binding for native functions and methods, with CPython 3.11's exact TypeError wording.
#include "core/native_args.h"

#include <algorithm>
#include <cassert>

namespace cv {

namespace {

std::string plural(size_t n, std::string_view word) {
  std::string out = std::to_string(n) + " " + std::string(word);
  if (n != 1) out += 's';
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Signature::Signature(std::string name, std::string_view params, ArgStyle style) : name_(std::move(name)), style_(style) {
  bool keyword_only = false;
  bool leading_required = true;
  size_t positional_only_end = 0;
  while (!params.empty()) {
    size_t comma = params.find(',');
    std::string_view item = trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view() : params.substr(comma + 1);
    if (item.empty()) continue;
    if (item == "/") {
      positional_only_end = params_.size();
      continue;
    }
    if (item == "*") {
      keyword_only = true;
      continue;
    }
    if (item.starts_with("**")) {
      has_varkwargs_ = true;
      continue;
    }
    if (item.starts_with("*")) {
      has_varargs_ = true;
      keyword_only = true;
      continue;
    }
    size_t eq = item.find('=');
    Param p{std::string(trim(item.substr(0, eq))), eq == std::string_view::npos, false, keyword_only};
    if (!keyword_only) {
      ++max_positional_;
      if (p.required && leading_required) ++min_positional_;
      if (!p.required) leading_required = false;
    }
    params_.push_back(std::move(p));
  }
  for (size_t i = 0; i < positional_only_end; ++i) params_[i].positional_only = true;
  assert(params_.size() <= BoundArgs::kMaxParams);
}

void Signature::fail_arity(VM& vm, size_t given) const {
  size_t min = min_positional_;
  size_t max = has_varargs_ ? SIZE_MAX : max_positional_;
  if (style_ == ArgStyle::Positional) {
    std::string bound = min == max ? "" : given < min ? "at least " : "at most ";
    size_t n = given < min ? min : max;
    vm.raise_type_error(name_ + " expected " + bound + plural(n, "argument") + ", got " + std::to_string(given));
  }
  std::string bound = min == max ? "exactly" : given < min ? "at least" : "at most";
  size_t n = given < min ? min : max;
  vm.raise_type_error(name_ + "() takes " + bound + " " + plural(n, "argument") + " (" + std::to_string(given) +
                      " given)");
}

BoundArgs Signature::bind(VM& vm, PosArgs args, KwArgs kwargs) const {
  BoundArgs out;
  const size_t nargs = args.size();
  if (style_ != ArgStyle::Clinic) {
    if (!kwargs.empty()) kwargs_none(vm, name_, kwargs);
    if (nargs < min_positional_ || (!has_varargs_ && nargs > max_positional_)) fail_arity(vm, nargs);
    size_t n = std::min(nargs, max_positional_);
    for (size_t i = 0; i < n; ++i) out.values[i] = args[i];
    if (has_varargs_) out.rest = args.subspan(n);
    return out;
  }

  // Argument Clinic (_PyArg_UnpackKeywords), message for message.
  size_t positional_only = 0;
  while (positional_only < params_.size() && params_[positional_only].positional_only) ++positional_only;
  const size_t maxargs = params_.size();
  const size_t maxpos = max_positional_;
  const size_t minpos = min_positional_;
  const size_t minposonly = std::min(positional_only, minpos);
  size_t nkwargs = kwargs.size();
  const std::string f = name_ + "()";
  if (!has_varargs_ && !has_varkwargs_ && nargs + nkwargs > maxargs) {
    vm.raise_type_error(f + " takes at most " + std::to_string(maxargs) + " " + (nargs == 0 ? "keyword " : "") +
                        (maxargs == 1 ? "argument" : "arguments") + " (" + std::to_string(nargs + nkwargs) +
                        " given)");
  }
  if (!has_varargs_ && nargs > maxpos) {
    if (maxpos == 0) vm.raise_type_error(f + " takes no positional arguments");
    vm.raise_type_error(f + " takes " + (minposonly < maxpos ? "at most " : "exactly ") +
                        plural(maxpos, "positional argument") + " (" + std::to_string(nargs) + " given)");
  }
  if (nargs < minposonly) {
    vm.raise_type_error(f + " takes " + (has_varargs_ || minposonly < maxpos ? "at least " : "exactly ") +
                        plural(minposonly, "positional argument") + " (" + std::to_string(nargs) + " given)");
  }
  const size_t npos = std::min(nargs, maxpos);
  for (size_t i = 0; i < npos; ++i) out.values[i] = args[i];
  if (has_varargs_) out.rest = args.subspan(npos);

  std::vector<bool> used(kwargs.size(), false);
  for (size_t i = std::max(npos, positional_only); i < maxargs; ++i) {
    Value found;
    for (size_t k = 0; k < kwargs.size(); ++k) {
      if (!used[k] && kw_name(kwargs[k]) == params_[i].name) {
        found = kwargs[k].second;
        used[k] = true;
        break;
      }
    }
    out.values[i] = found;
    if (!found.is_null()) {
      --nkwargs;
    } else if (params_[i].required) {
      vm.raise_type_error(f + " missing required argument '" + params_[i].name + "' (pos " + std::to_string(i + 1) +
                          ")");
    }
  }
  if (nkwargs > 0) {
    for (size_t k = 0; k < kwargs.size(); ++k) {
      if (used[k]) continue;
      for (size_t i = positional_only; i < npos; ++i) {
        if (kw_name(kwargs[k]) == params_[i].name) {
          vm.raise_type_error("argument for " + f + " given by name ('" + params_[i].name + "') and position (" +
                              std::to_string(i + 1) + ")");
        }
      }
    }
    for (size_t k = 0; k < kwargs.size(); ++k) {
      if (used[k]) continue;
      if (has_varkwargs_) {
        out.extra_kwargs.push_back(kwargs[k]);
        continue;
      }
      vm.raise_type_error("'" + std::string(kw_name(kwargs[k])) + "' is an invalid keyword argument for " + f);
    }
  }
  return out;
}

Value arg_exactly_one(VM& vm, std::string_view qualname, PosArgs args, KwArgs kwargs) {
  if (!kwargs.empty()) kwargs_none(vm, qualname, kwargs);
  if (args.size() != 1) {
    vm.raise_type_error(std::string(qualname) + "() takes exactly one argument (" + std::to_string(args.size()) +
                        " given)");
  }
  return args[0];
}

void args_none(VM& vm, std::string_view qualname, PosArgs args, KwArgs kwargs) {
  if (!kwargs.empty()) kwargs_none(vm, qualname, kwargs);
  if (!args.empty()) {
    vm.raise_type_error(std::string(qualname) + "() takes no arguments (" + std::to_string(args.size()) + " given)");
  }
}

void kwargs_none(VM& vm, std::string_view name, KwArgs kwargs) {
  if (!kwargs.empty()) vm.raise_type_error(std::string(name) + "() takes no keyword arguments");
}

void args_between(VM& vm, std::string_view name, PosArgs args, size_t min, size_t max) {
  size_t given = args.size();
  if (given >= min && given <= max) return;
  std::string bound = min == max ? "" : given < min ? "at least " : "at most ";
  size_t n = given < min ? min : max;
  vm.raise_type_error(std::string(name) + " expected " + bound + plural(n, "argument") + ", got " +
                      std::to_string(given));
}

Value method_self(VM& vm, PosArgs args, const TypeObject* type, std::string_view method) {
  if (args.empty()) {
    vm.raise_type_error("unbound method " + type->name + "." + std::string(method) + "() needs an argument");
  }
  if (!vm.is_instance(args[0], type)) {
    vm.raise_type_error("descriptor '" + std::string(method) + "' for '" + type->name +
                        "' objects doesn't apply to a '" + vm.type_name(args[0]) + "' object");
  }
  return args[0];
}

TypeObject* new_cls(VM& vm, PosArgs args, const TypeObject* base) {
  if (args.empty()) vm.raise_type_error(base->name + ".__new__(): not enough arguments");
  if (!has_kind(args[0], ObjKind::Type)) {
    vm.raise_type_error(base->name + ".__new__(X): X is not a type object (" + vm.type_name(args[0]) + ")");
  }
  auto* cls = as<TypeObject>(args[0]);
  if (!cls->is_subtype_of(base)) {
    vm.raise_type_error(base->name + ".__new__(" + cls->name + "): " + cls->name + " is not a subtype of " +
                        base->name);
  }
  return cls;
}

int64_t arg_int64(VM& vm, Value v) { return vm.index_value(v); }

StrObject* arg_str(VM& vm, Value v, std::string_view what) {
  if (!VM::is_str(v)) vm.raise_type_error(std::string(what) + " must be str, not " + vm.type_name(v));
  return as<StrObject>(v);
}

}  // namespace cv
