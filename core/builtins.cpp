// The builtins namespace: print, len, sorted, min/max, isinstance, ... and the builtin classes bound by name.
//
// Each function mirrors its CPython 3.11 counterpart, error messages included (the
// argument-parsing family of each is chosen in native_args.h to match). The builtin
// classes themselves (int, list, map, zip, ...) are constructed through their
// `__new__`, defined with the other methods of each type (methods_*.cpp); the lazy
// iterator classes of this file (map, filter, zip, enumerate, reversed) are here.
#include <algorithm>
#include <span>
#include <cmath>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/numeric.h"
#include "core/text.h"
#include "core/vm.h"

namespace cv {

namespace {

// ---------------------------------------------------------------- output and input

// Writes through `file.write(text)` when print(file=...) names an object, else to stdout.
void print_piece(VM& vm, Value file, const std::string& text) {
  if (is_none(vm, file)) {
    vm.write_stdout(text);
    return;
  }
  Value s = vm.new_str(text);
  vm.call_method(file, vm.intern("write"), {&s, 1});
}

Value builtin_print(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("print", "*objects, sep=' ', end='\\n', file=None, flush=False");
  BoundArgs a = sig.bind(vm, args, kwargs);
  std::string sep = " ", end = "\n";
  for (int i : {0, 1}) {
    if (is_none(vm, a[size_t(i)])) continue;
    if (!VM::is_str(a[size_t(i)])) {
      vm.raise_type_error(std::string(i == 0 ? "sep" : "end") + " must be None or a string, not " +
                          vm.type_name(a[size_t(i)]));
    }
    (i == 0 ? sep : end) = str_text(a[size_t(i)]);
  }
  Value file = a[2];
  if (is_none(vm, file)) {
    std::string line;
    for (size_t i = 0; i < a.rest.size(); ++i) {
      if (i) line += sep;
      line += vm.to_str(a.rest[i])->text;
    }
    line += end;
    vm.write_stdout(line);
    return vm.None;
  }
  for (size_t i = 0; i < a.rest.size(); ++i) {
    if (i) print_piece(vm, file, sep);
    print_piece(vm, file, vm.to_str(a.rest[i])->text);
  }
  print_piece(vm, file, end);
  return vm.None;
}

Value builtin_input(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "input", kwargs);
  args_between(vm, "input", args, 0, 1);
  if (!args.empty()) vm.write_stdout(vm.to_str(args[0])->text);
  std::string line;
  if (!vm.read_stdin_line || !vm.read_stdin_line(line)) vm.raise(vm.t.EOFError, "EOF when reading a line");
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return vm.new_str(std::move(line));
}

// ---------------------------------------------------------------- sizes, identity, conversion

Value builtin_len(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_int(vm.length(arg_exactly_one(vm, "len", args, kwargs)));
}

Value builtin_repr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.repr(arg_exactly_one(vm, "repr", args, kwargs));
}

Value builtin_ascii(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* r = vm.repr(arg_exactly_one(vm, "ascii", args, kwargs));
  if (r->is_ascii) return r;
  return vm.new_str(ascii_escape(r->text));
}

Value builtin_id(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value v = arg_exactly_one(vm, "id", args, kwargs);
  if (v.is_object()) return vm.new_int(int64_t(v.as_object()->serial));
  // Small ints live in the Value itself; give them ids above every object serial.
  return vm.new_int((BigInt(1) << 64) + BigInt(v.raw_bits()));
}

Value builtin_hash(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value v = arg_exactly_one(vm, "hash", args, kwargs);
  return vm.new_int(static_cast<int64_t>(vm.hash(v)));
}

Value builtin_callable(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value v = arg_exactly_one(vm, "callable", args, kwargs);
  if (v.is_object()) {
    switch (v.as_object()->kind) {
      case ObjKind::Function:
      case ObjKind::Builtin:
      case ObjKind::BoundMethod:
      case ObjKind::Type:
        return vm.True;
      default:
        break;
    }
  }
  return vm.new_bool(!vm.type_of(v)->lookup(vm.intern("__call__")).is_null());
}

Value builtin_abs(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value v = arg_exactly_one(vm, "abs", args, kwargs);
  if (v.is_small_int()) {
    int64_t n = v.as_small_int();
    return vm.new_int(n < 0 ? -n : n);
  }
  if (has_kind(v, ObjKind::Int) || has_kind(v, ObjKind::Bool)) {
    BigInt n = vm.to_bigint(v);
    return vm.new_int(n < 0 ? BigInt(-n) : n);
  }
  if (is_float(v)) return vm.new_float(std::fabs(float_value(v)));
  Value r = vm.call_dunder_or_null(v, "__abs__", {});
  if (r.is_null()) vm.raise_type_error("bad operand type for abs(): '" + vm.type_name(v) + "'");
  return r;
}

Value builtin_chr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt n = index_bigint(vm, arg_exactly_one(vm, "chr", args, kwargs));
  if (n > INT32_MAX || n < INT32_MIN) vm.raise(vm.t.OverflowError, "Python int too large to convert to C int");
  return vm.new_str(chr_text(static_cast<int64_t>(n)));
}

Value builtin_ord(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value v = arg_exactly_one(vm, "ord", args, kwargs);
  if (!VM::is_str(v)) vm.raise_type_error("ord() expected string of length 1, but " + vm.type_name(v) + " found");
  auto* s = as<StrObject>(v);
  if (s->length != 1) {
    vm.raise_type_error("ord() expected a character, but string of length " + std::to_string(s->length) + " found");
  }
  return vm.new_int(ord_text(s->text));
}

Value builtin_bin(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_str(int_bin(index_bigint(vm, arg_exactly_one(vm, "bin", args, kwargs))));
}
Value builtin_oct(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_str(int_oct(index_bigint(vm, arg_exactly_one(vm, "oct", args, kwargs))));
}
Value builtin_hex(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_str(int_hex(index_bigint(vm, arg_exactly_one(vm, "hex", args, kwargs))));
}

Value builtin_format(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("format", "value, format_spec='', /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  StrObject* spec = a.has(1) ? arg_str(vm, a[1], "format() argument 2") : vm.intern("");
  return vm.format(a[0], spec);
}

// ---------------------------------------------------------------- numbers

Value builtin_round(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("round", "number, ndigits=None");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Value number = a[0];
  bool has_ndigits = !is_none(vm, a[1]);
  if (is_float(number) && vm.type_of(number) == vm.t.float_) {
    double x = float_value(number);
    if (!has_ndigits) return vm.new_int(float_round_to_int(x));
    BigInt nd = index_bigint(vm, a[1]);
    // Beyond +-400 digits the result no longer changes; clamping keeps int64 safe.
    int64_t digits = nd > 1000 ? 1000 : nd < -1000 ? -1000 : static_cast<int64_t>(nd);
    return vm.new_float(float_round(x, digits));
  }
  if (VM::is_int(number) && (number.is_small_int() || vm.type_of(number) == vm.t.int_ ||
                             vm.type_of(number) == vm.t.bool_)) {
    BigInt n = vm.to_bigint(number);
    if (!has_ndigits) return vm.new_int(n);
    BigInt nd = index_bigint(vm, a[1]);
    if (nd >= 0) return vm.new_int(n);
    int64_t digits = nd < -100000 ? -100000 : static_cast<int64_t>(nd);
    return vm.new_int(int_round(n, digits));
  }
  std::vector<Value> dunder_args;
  if (has_ndigits) dunder_args.push_back(a[1]);
  Value r = vm.call_dunder_or_null(number, "__round__", dunder_args);
  if (r.is_null()) vm.raise_type_error("type " + vm.type_name(number) + " doesn't define __round__ method");
  return r;
}

bool is_plain_number(VM& vm, Value v) {
  if (v.is_small_int()) return true;
  TypeObject* t = vm.type_of(v);
  return t == vm.t.int_ || t == vm.t.bool_ || t == vm.t.float_;
}

Value builtin_divmod(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("divmod", "x, y, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, kwargs);
  Value x = a[0], y = a[1];
  if (is_plain_number(vm, x) && is_plain_number(vm, y)) {
    if (is_float(x) || is_float(y)) {
      double fx = is_float(x) ? float_value(x) : bigint_to_double(vm.to_bigint(x));
      double fy = is_float(y) ? float_value(y) : bigint_to_double(vm.to_bigint(y));
      auto [q, r] = float_divmod(fx, fy);
      return vm.new_tuple({vm.new_float(q), vm.new_float(r)});
    }
    auto [q, r] = int_divmod(vm.to_bigint(x), vm.to_bigint(y));
    return vm.new_tuple({vm.new_int(q), vm.new_int(r)});
  }
  Value r = vm.call_dunder_or_null(x, "__divmod__", {&y, 1});
  if (!r.is_null() && r != vm.NotImplemented) return r;
  if (vm.type_of(x) != vm.type_of(y)) {
    r = vm.call_dunder_or_null(y, "__rdivmod__", {&x, 1});
    if (!r.is_null() && r != vm.NotImplemented) return r;
  }
  vm.raise_type_error("unsupported operand type(s) for divmod(): '" + vm.type_name(x) + "' and '" +
                      vm.type_name(y) + "'");
}

Value builtin_pow(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("pow", "base, exp, mod=None");
  BoundArgs a = sig.bind(vm, args, kwargs);
  if (is_none(vm, a[2])) return vm.binary_op(a[0], a[1], BinaryOpArg::Pow);
  if (!VM::is_int(a[0]) || !VM::is_int(a[1]) || !VM::is_int(a[2])) {
    if (is_plain_number(vm, a[0]) && is_plain_number(vm, a[1]) && is_plain_number(vm, a[2]))
      vm.raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    Value r = vm.call_dunder_or_null(a[0], "__pow__", std::vector<Value>{a[1], a[2]});
    if (!r.is_null() && r != vm.NotImplemented) return r;
    vm.raise_type_error("unsupported operand type(s) for ** or pow(): '" + vm.type_name(a[0]) + "', '" +
                        vm.type_name(a[1]) + "', '" + vm.type_name(a[2]) + "'");
  }
  return vm.new_int(int_pow_mod(vm.to_bigint(a[0]), vm.to_bigint(a[1]), vm.to_bigint(a[2])));
}

Value builtin_sum(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  static const Signature sig("sum", "iterable, /, start=0");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Value acc = a.get(1, vm.new_int(0));
  if (VM::is_str(acc)) vm.raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  for_each_item(vm, a[0], [&](Value item) {
    int64_t r;
    if (acc.is_small_int() && item.is_small_int() && checked_add(acc.as_small_int(), item.as_small_int(), &r)) {
      acc = vm.new_int(r);
    } else {
      acc = vm.binary_op(acc, item, BinaryOpArg::Add);
    }
    return true;
  });
  return acc;
}

// ---------------------------------------------------------------- min / max

Value min_max(VM& vm, PosArgs args, KwArgs kwargs, bool is_max) {
  const char* name = is_max ? "max" : "min";
  if (args.empty()) vm.raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
  static const Signature max_sig("max", "*, key=None, default=None");
  static const Signature min_sig("min", "*, key=None, default=None");
  BoundArgs a = (is_max ? max_sig : min_sig).bind(vm, {}, kwargs);
  const bool positional = args.size() > 1;
  if (positional && a.has(1)) {
    vm.raise_type_error(std::string("Cannot specify a default for ") + name +
                        "() with multiple positional arguments");
  }
  Value key = is_none(vm, a[0]) ? Value() : a[0];
  Value best_item, best_key;
  auto consider = [&](Value item) {
    Value k = key.is_null() ? item : vm.call(key, {&item, 1});
    if (best_key.is_null()) {
      best_item = item;
      best_key = k;
    } else if (vm.truthy(vm.compare(k, best_key, is_max ? CompareOpArg::Gt : CompareOpArg::Lt))) {
      best_item = item;
      best_key = k;
    }
    return true;
  };
  if (positional) {
    Value tuple = vm.new_tuple(std::vector<Value>(args.begin(), args.end()));
    for_each_item(vm, tuple, consider);
  } else {
    for_each_item(vm, args[0], consider);
  }
  if (best_key.is_null()) {
    if (a.has(1)) return a[1];
    vm.raise(vm.t.ValueError, std::string(name) + "() arg is an empty sequence");
  }
  return best_item;
}

Value builtin_max(VM& vm, PosArgs args, KwArgs kwargs, Object*) { return min_max(vm, args, kwargs, true); }
Value builtin_min(VM& vm, PosArgs args, KwArgs kwargs, Object*) { return min_max(vm, args, kwargs, false); }

// ---------------------------------------------------------------- iteration

Value builtin_any(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value iterable = arg_exactly_one(vm, "any", args, kwargs);
  bool found = false;
  for_each_item(vm, iterable, [&](Value item) {
    found = vm.truthy(item);
    return !found;
  });
  return vm.new_bool(found);
}

Value builtin_all(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value iterable = arg_exactly_one(vm, "all", args, kwargs);
  bool ok = true;
  for_each_item(vm, iterable, [&](Value item) {
    ok = vm.truthy(item);
    return ok;
  });
  return vm.new_bool(ok);
}

Value builtin_sorted(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  args_between(vm, "sorted", args, 1, 1);
  std::vector<Value> items = vm.to_vector(args[0]);
  static const Signature sig("sort", "*, key=None, reverse=False");
  BoundArgs a = sig.bind(vm, {}, kwargs);
  bool reverse = a.has(1) && arg_int64(vm, a[1]) != 0;
  sort_values(vm, items, a[0], reverse);
  return vm.new_list(std::move(items));
}

// iter(callable, sentinel): calls until the result equals the sentinel.
Value callable_iterator_next(VM& vm, NativeIterator& self) {
  if (self.limit) return Value();
  Value v = vm.call(self.source, {});
  if (vm.equals(v, self.extra[0])) {
    self.limit = 1;
    return Value();
  }
  return v;
}

Value builtin_iter(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  kwargs_none(vm, "iter", kwargs);
  args_between(vm, "iter", args, 1, 2);
  if (args.size() == 1) return vm.get_iter(args[0]);
  Value fn = args[0];
  bool ok = false;
  if (fn.is_object()) {
    ObjKind k = fn.as_object()->kind;
    ok = k == ObjKind::Function || k == ObjKind::Builtin || k == ObjKind::BoundMethod || k == ObjKind::Type;
  }
  if (!ok) ok = !vm.type_of(fn)->lookup(vm.intern("__call__")).is_null();
  if (!ok) vm.raise_type_error("iter(v, w): v must be callable");
  NativeIterator* it = new_native_iterator(vm, static_cast<TypeObject*>(data), callable_iterator_next);
  it->source = fn;
  it->extra.push_back(args[1]);
  return it;
}

bool is_iterator(VM& vm, Value v) {
  if (has_kind(v, ObjKind::Iterator) || has_kind(v, ObjKind::Generator)) return true;
  return !vm.type_of(v)->lookup(vm.intern("__next__")).is_null();
}

Value builtin_next(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "next", kwargs);
  args_between(vm, "next", args, 1, 2);
  if (!is_iterator(vm, args[0])) vm.raise_type_error("'" + vm.type_name(args[0]) + "' object is not an iterator");
  if (has_kind(args[0], ObjKind::Generator)) {
    // The generator's own __next__ raises StopIteration carrying the return value.
    Value method = vm.type_of(args[0])->lookup(vm.intern("__next__"));
    if (!method.is_null()) {
      if (args.size() == 1) return vm.call(method, {&args[0], 1});
      try {
        return vm.call(method, {&args[0], 1});
      } catch (PyRaise& e) {
        if (!exception_is(vm, e, vm.t.StopIteration)) throw;
        return args[1];
      }
    }
  }
  Value item = vm.next(args[0]);
  if (!item.is_null()) return item;
  if (args.size() == 2) return args[1];
  vm.raise(vm.new_exception(vm.t.StopIteration, std::vector<Value>{}));
}

// ---------------------------------------------------------------- the lazy iterator classes

Value enumerate_next(VM& vm, NativeIterator& self) {
  Value item = vm.next(self.source);
  if (item.is_null()) return Value();
  Value index;
  if (self.extra.empty()) {
    index = vm.new_int(self.index++);
  } else {  // a start beyond int64: count in BigInt
    index = self.extra[0];
    self.extra[0] = vm.binary_op(index, vm.new_int(1), BinaryOpArg::Add);
  }
  return vm.new_tuple({index, item});
}

Value enumerate_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  static const Signature sig("enumerate", "iterable, start=0");
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));  // data: the class itself
  // CPython's vectorcall fast path words this one case without "(pos 1)".
  if (args.size() == 1 && kwargs.empty()) vm.raise_type_error("enumerate() missing required argument 'iterable'");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, enumerate_next);
  it->source = vm.get_iter(a[0]);
  if (a.has(1)) {
    BigInt start = index_bigint(vm, a[1]);
    if (auto small = bigint_to_int64(start); small && Value::fits_small(*small) && *small < INT64_MAX / 2)
      it->index = *small;
    else
      it->extra.push_back(vm.new_int(start));
  }
  return it;
}

// zip: `extra` holds the iterators; `step` is 1 for strict=True; `limit` 1 once exhausted.
Value zip_next(VM& vm, NativeIterator& self) {
  if (self.limit || self.extra.empty()) return Value();
  std::vector<Value> items;
  items.reserve(self.extra.size());
  for (size_t i = 0; i < self.extra.size(); ++i) {
    Value item = vm.next(self.extra[i]);
    if (item.is_null()) {
      self.limit = 1;
      if (!self.step) return Value();
      auto arguments = [](size_t upto) {
        return upto == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(upto);
      };
      if (i > 0) {
        vm.raise(vm.t.ValueError,
                 "zip() argument " + std::to_string(i + 1) + " is shorter than " + arguments(i));
      }
      for (size_t j = 1; j < self.extra.size(); ++j) {
        if (!vm.next(self.extra[j]).is_null()) {
          vm.raise(vm.t.ValueError,
                   "zip() argument " + std::to_string(j + 1) + " is longer than " + arguments(j));
        }
      }
      return Value();
    }
    items.push_back(item);
  }
  return vm.new_tuple(std::move(items));
}

Value zip_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));  // data: the class itself
  bool strict = false;
  if (kwargs.size() > 1)
    vm.raise_type_error("zip() takes at most 1 keyword argument (" + std::to_string(kwargs.size()) + " given)");
  for (auto& kw : kwargs) {
    if (kw_name(kw) != "strict")
      vm.raise_type_error("'" + std::string(kw_name(kw)) + "' is an invalid keyword argument for zip()");
    strict = vm.truthy(kw.second);
  }
  NativeIterator* it = new_native_iterator(vm, cls, zip_next);
  for (Value iterable : args.subspan(1)) it->extra.push_back(vm.get_iter(iterable));
  it->step = strict ? 1 : 0;
  return it;
}

// map: extra[0] is the function, extra[1..] the iterators.
Value map_next(VM& vm, NativeIterator& self) {
  std::vector<Value> call_args;
  call_args.reserve(self.extra.size() - 1);
  for (size_t i = 1; i < self.extra.size(); ++i) {
    Value item = vm.next(self.extra[i]);
    if (item.is_null()) return Value();
    call_args.push_back(item);
  }
  return vm.call(self.extra[0], call_args);
}

Value map_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));  // data: the class itself
  kwargs_none(vm, "map", kwargs);
  if (args.size() < 3) vm.raise_type_error("map() must have at least two arguments.");
  NativeIterator* it = new_native_iterator(vm, cls, map_next);
  it->extra.push_back(args[1]);
  for (Value iterable : args.subspan(2)) it->extra.push_back(vm.get_iter(iterable));
  return it;
}

// filter: source is the iterator, extra[0] the predicate (None keeps truthy items).
Value filter_next(VM& vm, NativeIterator& self) {
  while (true) {
    Value item = vm.next(self.source);
    if (item.is_null()) return Value();
    Value keep = self.extra[0] == vm.None ? item : vm.call(self.extra[0], {&item, 1});
    if (vm.truthy(keep)) return item;
  }
}

Value filter_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));  // data: the class itself
  kwargs_none(vm, "filter", kwargs);
  args_between(vm, "filter", args.subspan(1), 2, 2);
  NativeIterator* it = new_native_iterator(vm, cls, filter_next);
  it->extra.push_back(args[1]);
  it->source = vm.get_iter(args[2]);
  return it;
}

// reversed over a sequence: source is the sequence, index the next position (counting down).
Value reversed_next(VM& vm, NativeIterator& self) {
  if (self.index < 0) return Value();
  Value seq = self.source;
  if (has_kind(seq, ObjKind::List)) {
    auto& items = as<ListObject>(seq)->items;
    if (self.index >= int64_t(items.size())) {
      self.index = -1;
      return Value();
    }
    return items[size_t(self.index--)];
  }
  try {
    return with_py_errors(vm, [&] { return vm.get_item(seq, vm.new_int(self.index--)); });
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.IndexError) && !exception_is(vm, e, vm.t.StopIteration)) throw;
    self.index = -1;
    return Value();
  }
}

Value reversed_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));  // data: the class itself
  kwargs_none(vm, "reversed", kwargs);
  args_between(vm, "reversed", args.subspan(1), 1, 1);
  Value seq = args[1];
  if (has_kind(seq, ObjKind::Range)) {
    auto* r = as<RangeObject>(seq);
    int64_t n = r->length();
    auto* rev = vm.heap.make<RangeObject>(vm.t.range, r->start + (n - 1) * r->step, r->start - r->step, -r->step);
    return vm.get_iter(rev);
  }
  if (has_kind(seq, ObjKind::Dict)) {
    std::vector<Value> keys;
    for (auto& [k, v] : dict_items(as<DictObject>(seq))) keys.push_back(k);
    std::reverse(keys.begin(), keys.end());
    return vm.get_iter(vm.new_list(std::move(keys)));
  }
  Value custom = vm.call_dunder_or_null(seq, "__reversed__", {});
  if (!custom.is_null()) return custom;
  bool sequence = has_kind(seq, ObjKind::List) || has_kind(seq, ObjKind::Tuple) || has_kind(seq, ObjKind::Str);
  if (!sequence) {
    TypeObject* t = vm.type_of(seq);
    sequence = !t->lookup(vm.intern("__len__")).is_null() && !t->lookup(vm.intern("__getitem__")).is_null() &&
               !has_kind(seq, ObjKind::Dict);
  }
  if (!sequence) vm.raise_type_error("'" + vm.type_name(seq) + "' object is not reversible");
  NativeIterator* it = new_native_iterator(vm, cls, reversed_next);
  it->source = seq;
  it->index = vm.length(seq) - 1;
  return it;
}

// ---------------------------------------------------------------- types and attributes

// Whether `cls` is a class or a (nested) tuple of classes, for isinstance/issubclass.
template <class Test>
bool match_class_info(VM& vm, Value info, Test&& test, const char* message) {
  if (has_kind(info, ObjKind::Type)) return test(as<TypeObject>(info));
  if (has_kind(info, ObjKind::Tuple)) {
    for (Value v : as<TupleObject>(info)->items)
      if (match_class_info(vm, v, test, message)) return true;
    return false;
  }
  vm.raise_type_error(message);
}

Value builtin_isinstance(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "isinstance", kwargs);
  args_between(vm, "isinstance", args, 2, 2);
  Value obj = args[0];
  return vm.new_bool(match_class_info(
      vm, args[1], [&](TypeObject* t) { return vm.is_instance(obj, t); },
      "isinstance() arg 2 must be a type, a tuple of types, or a union"));
}

Value builtin_issubclass(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "issubclass", kwargs);
  args_between(vm, "issubclass", args, 2, 2);
  if (!has_kind(args[0], ObjKind::Type)) vm.raise_type_error("issubclass() arg 1 must be a class");
  TypeObject* cls = as<TypeObject>(args[0]);
  return vm.new_bool(match_class_info(
      vm, args[1], [&](TypeObject* t) { return cls->is_subtype_of(t); },
      "issubclass() arg 2 must be a class, a tuple of classes, or a union"));
}

StrObject* attr_name(VM& vm, Value v) {
  if (!VM::is_str(v)) vm.raise_type_error("attribute name must be string, not '" + vm.type_name(v) + "'");
  return vm.intern(as<StrObject>(v)->text);
}

Value builtin_getattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "getattr", kwargs);
  args_between(vm, "getattr", args, 2, 3);
  StrObject* name = attr_name(vm, args[1]);
  if (args.size() == 2) return vm.get_attr(args[0], name);
  try {
    return vm.get_attr(args[0], name);
  } catch (PyRaise& e) {
    if (!vm.is_instance(e.exception, vm.t.AttributeError)) throw;
    return args[2];
  }
}

Value builtin_hasattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "hasattr", kwargs);
  args_between(vm, "hasattr", args, 2, 2);
  StrObject* name = attr_name(vm, args[1]);
  try {
    vm.get_attr(args[0], name);
    return vm.True;
  } catch (PyRaise& e) {
    if (!vm.is_instance(e.exception, vm.t.AttributeError)) throw;
    return vm.False;
  }
}

Value builtin_setattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "setattr", kwargs);
  args_between(vm, "setattr", args, 3, 3);
  vm.set_attr(args[0], attr_name(vm, args[1]), args[2]);
  return vm.None;
}

Value builtin_delattr(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "delattr", kwargs);
  args_between(vm, "delattr", args, 2, 2);
  vm.del_attr(args[0], attr_name(vm, args[1]));
  return vm.None;
}

// ---------------------------------------------------------------- namespaces

// The calling Python frame (natives run without a frame of their own).
Frame* caller_frame(VM& vm) {
  Frame* f = vm.current_frame();
  if (!f) vm.raise(vm.t.RuntimeError, "no current frame");
  return f;
}

// locals() of a function frame: arguments and locals, then cells, then free variables,
// in CPython 3.11's co_localsplusnames order; unbound names are left out.
DictObject* frame_locals_snapshot(VM& vm, Frame* f) {
  if (f->locals_dict) return f->locals_dict;
  if (!f->function && f->globals) return f->globals;
  DictObject* out = vm.new_dict();
  CodeObject* code = f->code;
  const int32_t nlocals = code->info.nlocals;
  const int32_t ncells = code->info.ncells();
  auto cell_value = [&](int32_t slot) -> Value {
    Value c = f->slots[slot];
    if (has_kind(c, ObjKind::Cell)) return as<CellObject>(c)->contents;
    return c;
  };
  for (int32_t i = 0; i < nlocals && i < int32_t(code->varnames.size()); ++i) {
    Value v = f->slots[i];
    for (int32_t c = 0; c < ncells; ++c)
      if (code->info.cell2arg[size_t(c)] == i) v = cell_value(nlocals + c);
    if (!v.is_null()) dict_set(vm, out, code->varnames[size_t(i)], v);
  }
  for (int32_t c = 0; c < ncells && c < int32_t(code->cellvars.size()); ++c) {
    if (code->info.cell2arg[size_t(c)] >= 0) continue;
    Value v = cell_value(nlocals + c);
    if (!v.is_null()) dict_set(vm, out, code->cellvars[size_t(c)], v);
  }
  for (size_t j = 0; j < code->freevars.size(); ++j) {
    Value v = cell_value(nlocals + ncells + int32_t(j));
    if (!v.is_null()) dict_set(vm, out, code->freevars[j], v);
  }
  return out;
}

Value builtin_globals(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  args_none(vm, "globals", args, kwargs);
  return caller_frame(vm)->globals;
}

Value builtin_locals(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  args_none(vm, "locals", args, kwargs);
  return frame_locals_snapshot(vm, caller_frame(vm));
}

Value builtin_vars(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "vars", kwargs);
  args_between(vm, "vars", args, 0, 1);
  if (args.empty()) return frame_locals_snapshot(vm, caller_frame(vm));
  // As CPython: vars(x) is x.__dict__ (which honours __slots__ and the builtin layouts).
  Value d = vm.get_attr_or_null(args[0], vm.intern("__dict__"));
  if (d.is_null()) vm.raise_type_error("vars() argument must have __dict__ attribute");
  return d;
}

// The attributes that ops_attr.cpp answers for objects of `kind` without a dict or class entry
// (only those getattr answers), for dir().
std::span<const char* const> native_attribute_names(ObjKind kind) {
  static constexpr const char* kFunction[] = {
      "__annotations__", "__builtins__", "__closure__", "__code__", "__defaults__", "__dict__",
      "__globals__", "__kwdefaults__", "__module__", "__name__", "__qualname__"};
  static constexpr const char* kBuiltin[] = {"__module__", "__name__", "__qualname__", "__self__"};
  static constexpr const char* kMethod[] = {"__func__", "__self__"};
  static constexpr const char* kCell[] = {"cell_contents"};
  static constexpr const char* kCode[] = {
      "co_argcount", "co_cellvars", "co_consts", "co_filename", "co_firstlineno", "co_flags", "co_freevars",
      "co_kwonlyargcount", "co_name", "co_names", "co_nlocals", "co_posonlyargcount", "co_qualname",
      "co_stacksize", "co_varnames"};
  static constexpr const char* kGenerator[] = {"__name__", "__qualname__", "gi_code", "gi_frame",
                                               "gi_running", "gi_suspended", "gi_yieldfrom"};
  switch (kind) {
    case ObjKind::Function: return kFunction;
    case ObjKind::Builtin: return kBuiltin;
    case ObjKind::BoundMethod: return kMethod;
    case ObjKind::Cell: return kCell;
    case ObjKind::Code: return kCode;
    case ObjKind::Generator: return kGenerator;
    default: return {};
  }
}

Value builtin_dir(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "dir", kwargs);
  args_between(vm, "dir", args, 0, 1);
  std::vector<Value> names;
  auto add_keys = [&](DictObject* d) {
    if (!d) return;
    for (auto& [k, v] : dict_items(d)) names.push_back(k);
  };
  if (args.empty()) {
    add_keys(frame_locals_snapshot(vm, caller_frame(vm)));
  } else {
    Value obj = args[0];
    // A class's own __dir__ wins; object.__dir__ is the default computed here.
    StrObject* dir_name = vm.intern("__dir__");
    Value dir_method = vm.type_of(obj)->lookup(dir_name);
    bool custom = !dir_method.is_null() && dir_method != vm.t.object->lookup(dir_name) &&
                  !has_kind(obj, ObjKind::Type) && !has_kind(obj, ObjKind::Module);
    if (custom) {
      names = vm.to_vector(vm.call_dunder_or_null(obj, "__dir__", {}));
    } else if (has_kind(obj, ObjKind::Module)) {
      add_keys(obj.as_object()->attrs);
    } else {
      // An instance: its own attributes, then its class's along the MRO; a class: the MRO.
      bool is_class = has_kind(obj, ObjKind::Type);
      if (obj.is_object() && !is_class) add_keys(obj.as_object()->attrs);
      TypeObject* t = is_class ? as<TypeObject>(obj) : vm.type_of(obj);
      for (TypeObject* base : t->mro) add_keys(base->attrs);
      names.push_back(vm.intern("__class__"));
      // Attributes the VM serves natively for these objects (ops_attr.cpp), listed as CPython
      // lists its descriptors: `'__closure__' in dir(f)` must hold.
      if (obj.is_object() && !is_class)
        for (const char* name : native_attribute_names(obj.as_object()->kind)) names.push_back(vm.intern(name));
      // What CPython's user classes carry as descriptors: __dict__ and __weakref__.
      bool user_class = false;
      for (TypeObject* base : t->mro) user_class |= !base->is_builtin && dict_get_str(vm, base->attrs, "__slots__").is_null();
      if (user_class) {
        names.push_back(vm.intern("__dict__"));
        names.push_back(vm.intern("__weakref__"));
      }
    }
  }
  // Unique, then sorted as strings (the names are all str).
  std::vector<Value> unique;
  for (Value n : names) {
    bool seen = false;
    for (Value u : unique)
      if (str_text(u) == str_text(n)) {
        seen = true;
        break;
      }
    if (!seen) unique.push_back(n);
  }
  std::sort(unique.begin(), unique.end(), [](Value a, Value b) { return str_text(a) < str_text(b); });
  return vm.new_list(std::move(unique));
}

// ---------------------------------------------------------------- confinement

// Builtins that would reach the host (files, code loading) or model types closureviz
// leaves out: they exist, so learners get a clear message instead of a NameError.
Value builtin_unsupported(VM& vm, PosArgs, KwArgs, Object* data) {
  vm.raise(vm.t.NotImplementedError,
           "closureviz does not support " + static_cast<StrObject*>(data)->text + "()");
}

// exit and quit are instances of site's Quitter class in python3, not functions: their repr is a
// hint for the interactive prompt, and calling one raises SystemExit(code) (code None by default).
// slots[0] is the name ("exit" or "quit").
Value quitter_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  method_self_as<NativeObject>(vm, args, static_cast<TypeObject*>(data), "__call__");
  // A Python method `def __call__(self, code=None)`, hence a Python function's messages.
  if (args.size() > 2)
    vm.raise_type_error("Quitter.__call__() takes from 1 to 2 positional arguments but " +
                        std::to_string(args.size()) + " were given");
  Value code = args.size() == 2 ? args[1] : Value();
  for (const auto& [name, value] : kwargs) {
    if (name->text != "code") vm.raise_type_error("Quitter.__call__() got an unexpected keyword argument '" + name->text + "'");
    if (!code.is_null()) vm.raise_type_error("Quitter.__call__() got multiple values for argument 'code'");
    code = value;
  }
  if (code.is_null()) code = vm.None;
  ExceptionObject* exit = vm.new_exception(vm.t.SystemExit, std::vector<Value>{code});
  exit->value = code;  // what SystemExit.__init__ sets; new_exception does not run it
  vm.raise(exit);
}

Value quitter_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* self = method_self_as<NativeObject>(vm, args, static_cast<TypeObject*>(data), "__repr__");
  args_none(vm, "Quitter.__repr__", args.subspan(1), kwargs);
  return vm.new_str("Use " + str_text(self->slots[0]) + "() or Ctrl-D (i.e. EOF) to exit");
}


void bind_builtin(VM& vm, std::string_view name, Value v) { dict_set_str(vm, vm.builtins, name, v); }

void install_quitters(VM& vm) {
  TypeObject* quitter = vm.new_type("Quitter", {vm.t.object}, ObjKind::Native, true);
  quitter->module = "_sitebuiltins";
  vm.def_method(quitter, "__call__", quitter_call)->data = quitter;
  vm.def_method(quitter, "__repr__", quitter_repr)->data = quitter;
  for (const char* name : {"exit", "quit"}) {
    auto* instance = vm.heap.make<NativeObject>(quitter);
    instance->slots = {vm.intern(name)};
    bind_builtin(vm, name, instance);
  }
}

// A builtin class whose instances are lazy NativeIterators created by `make`.
TypeObject* def_iterator_class(VM& vm, std::string name, NativeFn make) {
  TypeObject* type = new_iterator_type(vm, name);
  vm.def_method(type, "__new__", make)->data = type;
  bind_builtin(vm, name, type);
  return type;
}

}  // namespace

void install_builtins(VM& vm) {
  install_iterator_methods(vm);
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kFunctions[] = {
      {"print", builtin_print},     {"input", builtin_input},       {"len", builtin_len},
      {"repr", builtin_repr},       {"ascii", builtin_ascii},       {"id", builtin_id},
      {"hash", builtin_hash},       {"callable", builtin_callable}, {"abs", builtin_abs},
      {"chr", builtin_chr},         {"ord", builtin_ord},           {"bin", builtin_bin},
      {"oct", builtin_oct},         {"hex", builtin_hex},           {"format", builtin_format},
      {"round", builtin_round},     {"divmod", builtin_divmod},     {"pow", builtin_pow},
      {"sum", builtin_sum},         {"max", builtin_max},           {"min", builtin_min},
      {"any", builtin_any},         {"all", builtin_all},           {"sorted", builtin_sorted},
      {"next", builtin_next},       {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
      {"getattr", builtin_getattr}, {"hasattr", builtin_hasattr},   {"setattr", builtin_setattr},
      {"delattr", builtin_delattr}, {"globals", builtin_globals},   {"locals", builtin_locals},
      {"vars", builtin_vars},       {"dir", builtin_dir},
  };
  for (const Entry& e : kFunctions) vm.def_function(vm.builtins, e.name, e.fn);
  install_quitters(vm);

  TypeObject* callable_iterator = new_iterator_type(vm, "callable_iterator");
  vm.def_function(vm.builtins, "iter", builtin_iter)->data = callable_iterator;

  def_iterator_class(vm, "enumerate", enumerate_new);
  def_iterator_class(vm, "zip", zip_new);
  def_iterator_class(vm, "map", map_new);
  def_iterator_class(vm, "filter", filter_new);
  def_iterator_class(vm, "reversed", reversed_new);

  for (const char* name : {"open", "eval", "exec", "compile", "__import__", "breakpoint", "memoryview", "bytes",
                           "bytearray", "complex", "help", "aiter", "anext"}) {
    vm.def_function(vm.builtins, name, builtin_unsupported)->data = vm.intern(name);
  }

  // The builtin classes and exceptions are bound by the VM itself (VM::VM).
  bind_builtin(vm, "None", vm.None);
  bind_builtin(vm, "True", vm.True);
  bind_builtin(vm, "False", vm.False);
  bind_builtin(vm, "NotImplemented", vm.NotImplemented);
  bind_builtin(vm, "Ellipsis", vm.Ellipsis);
  bind_builtin(vm, "__debug__", vm.True);
  bind_builtin(vm, "__name__", vm.intern("builtins"));
  bind_builtin(vm, "__doc__", vm.None);
}

}  // namespace cv
