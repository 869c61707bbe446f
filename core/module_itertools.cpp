// The itertools module: lazy NativeIterators, one class per tool, consuming their inputs exactly as CPython's.
//
// How much of an input an iterator consumes is visible to programs (islice over a
// generator that prints, groupby's shared iterator, tee), so each next step mirrors
// Modules/itertoolsmodule.c. Per-iterator state lives in NativeIterator's fields:
// `source` the input iterator, `extra` further values, `index`/`limit`/`step` counters.
#include <algorithm>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

TypeObject* cls_of(VM& vm, PosArgs args, Object* data) { return new_cls(vm, args, static_cast<TypeObject*>(data)); }

Value done(NativeIterator& it) {
  it.limit = -1;  // exhausted for good
  return Value();
}
bool finished(const NativeIterator& it) { return it.limit == -1; }

// ---------------------------------------------------------------- count, cycle, repeat

bool is_number(VM& vm, Value v) {
  return VM::is_int(v) || is_float(v) || !vm.type_of(v)->lookup(vm.intern("__add__")).is_null();
}

// extra: [current, step]
Value count_next(VM& vm, NativeIterator& it) {
  Value current = it.extra[0];
  it.extra[0] = vm.binary_op(current, it.extra[1], BinaryOpArg::Add);
  return current;
}

Value count_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("count", "start=0, step=1");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value start = a.get(0, vm.new_int(0)), step = a.get(1, vm.new_int(1));
  if (!is_number(vm, start) || !is_number(vm, step)) vm.raise_type_error("a number is required");
  NativeIterator* it = new_native_iterator(vm, cls, count_next);
  it->extra = {start, step};
  return it;
}

Value count_repr(VM& vm, PosArgs args, KwArgs, Object*) {
  if (args.empty() || !has_kind(args[0], ObjKind::Iterator)) vm.raise_type_error("count.__repr__ needs a count");
  auto* it = as<NativeIterator>(args[0]);
  std::string out = vm.type_name(it) + "(" + vm.repr(it->extra[0])->text;
  Value step = it->extra[1];
  if (!(step.is_small_int() && step.as_small_int() == 1)) out += ", " + vm.repr(step)->text;
  return vm.new_str(out + ")");
}

// source: the input; extra: the saved items; index: replay position once the input ran out.
Value cycle_next(VM& vm, NativeIterator& it) {
  if (it.step == 0) {
    Value item = vm.next(it.source);
    if (!item.is_null()) {
      it.extra.push_back(item);
      return item;
    }
    it.step = 1;
    it.index = 0;
  }
  if (it.extra.empty()) return Value();
  Value item = it.extra[size_t(it.index)];
  it.index = (it.index + 1) % int64_t(it.extra.size());
  return item;
}

Value cycle_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  kwargs_none(vm, "cycle", kwargs);
  args_between(vm, "cycle", args.subspan(1), 1, 1);
  NativeIterator* it = new_native_iterator(vm, cls, cycle_next);
  it->source = vm.get_iter(args[1]);
  it->step = 0;
  return it;
}

// extra: [object]; limit: remaining count, or -2 for endless.
Value repeat_next(VM&, NativeIterator& it) {
  if (it.limit == -2) return it.extra[0];
  if (it.limit <= 0) return Value();
  --it.limit;
  return it.extra[0];
}

Value repeat_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("repeat", "object, times=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, repeat_next);
  it->extra = {a[0]};
  it->limit = a.has(1) ? std::max<int64_t>(0, arg_int64(vm, a[1])) : -2;
  return it;
}

Value repeat_repr(VM& vm, PosArgs args, KwArgs, Object*) {
  if (args.empty() || !has_kind(args[0], ObjKind::Iterator)) vm.raise_type_error("repeat.__repr__ needs a repeat");
  auto* it = as<NativeIterator>(args[0]);
  std::string out = vm.type_name(it) + "(" + vm.repr(it->extra[0])->text;
  if (it->limit != -2) out += ", " + std::to_string(it->limit);
  return vm.new_str(out + ")");
}

// ---------------------------------------------------------------- chain

// source: iterator over the iterables; extra[0]: the current iterator (null between them).
Value chain_next(VM& vm, NativeIterator& it) {
  if (finished(it)) return Value();
  while (true) {
    if (it.extra[0].is_null()) {
      Value iterable = vm.next(it.source);
      if (iterable.is_null()) return done(it);
      it.extra[0] = vm.get_iter(iterable);
    }
    Value item = vm.next(it.extra[0]);
    if (!item.is_null()) return item;
    it.extra[0] = Value();
  }
}

Value chain_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  kwargs_none(vm, "chain", kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, chain_next);
  it->source = vm.get_iter(vm.new_tuple(std::vector<Value>(args.begin() + 1, args.end())));
  it->extra = {Value()};
  return it;
}

Value chain_from_iterable(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.object);
  kwargs_none(vm, "from_iterable", kwargs);
  args_between(vm, "from_iterable", args.subspan(1), 1, 1);
  NativeIterator* it = new_native_iterator(vm, cls, chain_next);
  it->source = vm.get_iter(args[1]);
  it->extra = {Value()};
  return it;
}

// ---------------------------------------------------------------- islice

// index: items consumed so far (cnt); extra: [next index wanted, stop (-1 none), step] as small ints.
Value islice_next(VM& vm, NativeIterator& it) {
  if (finished(it)) return Value();
  int64_t next = it.extra[0].as_small_int(), stop = it.extra[1].as_small_int(), step = it.extra[2].as_small_int();
  while (it.index < next) {
    Value skipped = vm.next(it.source);
    if (skipped.is_null()) return done(it);
    ++it.index;
  }
  if (stop != -1 && it.index >= stop) return done(it);
  Value item = vm.next(it.source);
  if (item.is_null()) return done(it);
  ++it.index;
  int64_t advanced = next + step;
  if (stop != -1 && advanced > stop) advanced = stop;
  it.extra[0] = Value::small_int(advanced);
  return item;
}

int64_t islice_bound(VM& vm, Value v, const char* message) {
  if (is_none(vm, v)) return -1;
  if (!VM::is_int(v) && vm.call_dunder_or_null(v, "__index__", {}).is_null()) vm.raise(vm.t.ValueError, message);
  BigInt n = index_bigint(vm, v);
  if (n < 0 || n > Value::kSmallMax) vm.raise(vm.t.ValueError, message);
  return static_cast<int64_t>(n);
}

Value islice_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  kwargs_none(vm, "islice", kwargs);
  PosArgs rest = args.subspan(1);
  args_between(vm, "islice", rest, 2, 4);
  int64_t start = 0, stop, step = 1;
  const char* stop_message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  const char* index_message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (rest.size() == 2) {
    stop = islice_bound(vm, rest[1], stop_message);
  } else {
    int64_t s = islice_bound(vm, rest[1], index_message);
    start = s < 0 ? 0 : s;
    stop = islice_bound(vm, rest[2], index_message);
    if (rest.size() == 4 && !is_none(vm, rest[3])) {
      BigInt st = VM::is_int(rest[3]) ? vm.to_bigint(rest[3]) : BigInt(-1);
      if (st <= 0 || st > Value::kSmallMax) vm.raise(vm.t.ValueError, "Step for islice() must be a positive integer or None.");
      step = static_cast<int64_t>(st);
    }
  }
  NativeIterator* it = new_native_iterator(vm, cls, islice_next);
  it->source = vm.get_iter(rest[0]);
  it->index = 0;
  it->extra = {Value::small_int(start), Value::small_int(stop), Value::small_int(step)};
  return it;
}

// ---------------------------------------------------------------- accumulate

// extra: [func or None, total (null before the first item), initial (null if none)]
Value accumulate_next(VM& vm, NativeIterator& it) {
  if (!it.extra[2].is_null()) {
    it.extra[1] = it.extra[2];
    it.extra[2] = Value();
    return it.extra[1];
  }
  Value item = vm.next(it.source);
  if (item.is_null()) return Value();
  if (it.extra[1].is_null()) {
    it.extra[1] = item;
  } else if (it.extra[0] == vm.None) {
    it.extra[1] = vm.binary_op(it.extra[1], item, BinaryOpArg::Add);
  } else {
    std::vector<Value> pair{it.extra[1], item};
    it.extra[1] = vm.call(it.extra[0], pair);
  }
  return it.extra[1];
}

Value accumulate_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("accumulate", "iterable, func=None, *, initial=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, accumulate_next);
  it->source = vm.get_iter(a[0]);
  it->extra = {a.get(1, vm.None), Value(), is_none(vm, a[2]) ? Value() : a[2]};
  return it;
}

// ---------------------------------------------------------------- combinatorics
// extra: the pool; data: a TupleObject of small-int indices (and cycles for permutations);
// index: 0 before the first result, 1 after, -1 when done; limit: r.

std::vector<int64_t> read_indices(NativeIterator& it) {
  std::vector<int64_t> out;
  for (Value v : static_cast<TupleObject*>(it.data)->items) out.push_back(v.as_small_int());
  return out;
}

void write_indices(NativeIterator& it, const std::vector<int64_t>& indices) {
  auto& items = static_cast<TupleObject*>(it.data)->items;
  for (size_t i = 0; i < indices.size(); ++i) items[i] = Value::small_int(indices[i]);
}

Value pick(VM& vm, const std::vector<Value>& pool, const std::vector<int64_t>& indices, size_t count) {
  std::vector<Value> out;
  for (size_t i = 0; i < count; ++i) out.push_back(pool[size_t(indices[i])]);
  return vm.new_tuple(std::move(out));
}

// product: `extra` is the flattened pools, `data` holds the indices then each pool's size.
Value product_next(VM& vm, NativeIterator& it) {
  if (it.index < 0) return Value();
  std::vector<int64_t> state = read_indices(it);
  size_t n = state.size() / 2;
  std::vector<int64_t> idx(state.begin(), state.begin() + int64_t(n)), sizes(state.begin() + int64_t(n), state.end());
  if (it.index == 0) {
    for (int64_t s : sizes) {
      if (s == 0) {
        it.index = -1;
        return Value();
      }
    }
    it.index = 1;
  } else {
    size_t i = n;
    while (i > 0) {
      --i;
      if (++idx[i] < sizes[i]) break;
      idx[i] = 0;
      if (i == 0) {
        it.index = -1;
        return Value();
      }
    }
    if (n == 0) {
      it.index = -1;
      return Value();
    }
  }
  std::vector<Value> out;
  int64_t offset = 0;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(it.extra[size_t(offset + idx[i])]);
    offset += sizes[i];
  }
  std::copy(idx.begin(), idx.end(), state.begin());
  write_indices(it, state);
  return vm.new_tuple(std::move(out));
}

Value product_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  int64_t repeat = 1;
  for (auto& kw : kwargs) {
    if (kw_name(kw) != "repeat")
      vm.raise_type_error("'" + std::string(kw_name(kw)) + "' is an invalid keyword argument for product()");
    repeat = arg_int64(vm, kw.second);
    if (repeat < 0) vm.raise(vm.t.ValueError, "repeat argument cannot be negative");
  }
  std::vector<std::vector<Value>> pools;
  for (Value iterable : args.subspan(1)) pools.push_back(vm.to_vector(iterable));
  NativeIterator* it = new_native_iterator(vm, cls, product_next);
  std::vector<Value> state;
  std::vector<int64_t> sizes;
  for (int64_t r = 0; r < repeat; ++r)
    for (auto& pool : pools) {
      it->extra.insert(it->extra.end(), pool.begin(), pool.end());
      sizes.push_back(int64_t(pool.size()));
    }
  for (size_t i = 0; i < sizes.size(); ++i) state.push_back(Value::small_int(0));
  for (int64_t s : sizes) state.push_back(Value::small_int(s));
  it->data = vm.new_tuple(std::move(state));
  it->index = 0;
  return it;
}

// combinations(pool, r): the Python equivalent in the itertools docs, step by step.
Value combinations_next(VM& vm, NativeIterator& it) {
  if (it.index < 0) return Value();
  std::vector<int64_t> idx = read_indices(it);
  int64_t r = it.limit, n = int64_t(it.extra.size());
  if (it.index == 0) {
    if (r > n) {
    it.index = -1;
    return Value();
  }
    it.index = 1;
    return pick(vm, it.extra, idx, size_t(r));
  }
  int64_t i = r - 1;
  while (i >= 0 && idx[size_t(i)] == i + n - r) --i;
  if (i < 0) {
    it.index = -1;
    return Value();
  }
  ++idx[size_t(i)];
  for (int64_t j = i + 1; j < r; ++j) idx[size_t(j)] = idx[size_t(j - 1)] + 1;
  write_indices(it, idx);
  return pick(vm, it.extra, idx, size_t(r));
}

Value cwr_next(VM& vm, NativeIterator& it) {
  if (it.index < 0) return Value();
  std::vector<int64_t> idx = read_indices(it);
  int64_t r = it.limit, n = int64_t(it.extra.size());
  if (it.index == 0) {
    if (n == 0 && r > 0) {
    it.index = -1;
    return Value();
  }
    it.index = 1;
    return pick(vm, it.extra, idx, size_t(r));
  }
  int64_t i = r - 1;
  while (i >= 0 && idx[size_t(i)] == n - 1) --i;
  if (i < 0) {
    it.index = -1;
    return Value();
  }
  int64_t v = idx[size_t(i)] + 1;
  for (int64_t j = i; j < r; ++j) idx[size_t(j)] = v;
  write_indices(it, idx);
  return pick(vm, it.extra, idx, size_t(r));
}

// permutations: data holds n indices then r cycles.
Value permutations_next(VM& vm, NativeIterator& it) {
  if (it.index < 0) return Value();
  std::vector<int64_t> state = read_indices(it);
  int64_t r = it.limit, n = int64_t(it.extra.size());
  std::vector<int64_t> idx(state.begin(), state.begin() + n), cycles(state.begin() + n, state.end());
  if (it.index == 0) {
    if (r > n) {
    it.index = -1;
    return Value();
  }
    it.index = 1;
    return pick(vm, it.extra, idx, size_t(r));
  }
  int64_t i = r - 1;
  for (; i >= 0; --i) {
    if (--cycles[size_t(i)] == 0) {
      std::rotate(idx.begin() + i, idx.begin() + i + 1, idx.end());
      cycles[size_t(i)] = n - i;
    } else {
      int64_t j = cycles[size_t(i)];
      std::swap(idx[size_t(i)], idx[size_t(n - j)]);
      break;
    }
  }
  if (i < 0) {
    it.index = -1;
    return Value();
  }
  std::copy(idx.begin(), idx.end(), state.begin());
  std::copy(cycles.begin(), cycles.end(), state.begin() + n);
  write_indices(it, state);
  return pick(vm, it.extra, idx, size_t(r));
}

int64_t r_argument(VM& vm, Value v) {
  int64_t r = arg_int64(vm, v);
  if (r < 0) vm.raise(vm.t.ValueError, "r must be non-negative");
  return r;
}

Value combinations_new_impl(VM& vm, PosArgs args, KwArgs kwargs, Object* data, bool with_replacement) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("combinations", "iterable, r");
  static const Signature cwr_sig("combinations_with_replacement", "iterable, r");
  BoundArgs a = (with_replacement ? cwr_sig : sig).bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, with_replacement ? cwr_next : combinations_next);
  it->extra = vm.to_vector(a[0]);
  it->limit = r_argument(vm, a[1]);
  std::vector<Value> idx;
  for (int64_t i = 0; i < it->limit; ++i) idx.push_back(Value::small_int(with_replacement ? 0 : i));
  it->data = vm.new_tuple(std::move(idx));
  it->index = 0;
  return it;
}

Value combinations_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  return combinations_new_impl(vm, args, kwargs, data, false);
}
Value cwr_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  return combinations_new_impl(vm, args, kwargs, data, true);
}

Value permutations_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("permutations", "iterable, r=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, permutations_next);
  it->extra = vm.to_vector(a[0]);
  int64_t n = int64_t(it->extra.size());
  it->limit = is_none(vm, a[1]) ? n : r_argument(vm, a[1]);
  std::vector<Value> state;
  for (int64_t i = 0; i < n; ++i) state.push_back(Value::small_int(i));
  for (int64_t i = 0; i < it->limit; ++i) state.push_back(Value::small_int(n - i));
  it->data = vm.new_tuple(std::move(state));
  it->index = 0;
  return it;
}

// ---------------------------------------------------------------- zip_longest, pairwise

// extra: [fillvalue, iterators...]; each exhausted iterator becomes null; index: active count.
Value zip_longest_next(VM& vm, NativeIterator& it) {
  size_t n = it.extra.size() - 1;
  if (n == 0 || it.index == 0) return Value();
  std::vector<Value> out;
  for (size_t i = 1; i <= n; ++i) {
    Value item;
    if (!it.extra[i].is_null()) {
      item = vm.next(it.extra[i]);
      if (item.is_null()) {
        it.extra[i] = Value();
        if (--it.index == 0) return Value();
      }
    }
    out.push_back(item.is_null() ? it.extra[0] : item);
  }
  return vm.new_tuple(std::move(out));
}

Value zip_longest_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  Value fill = vm.None;
  for (auto& kw : kwargs) {
    if (kw_name(kw) != "fillvalue") vm.raise_type_error("zip_longest() got an unexpected keyword argument '" + std::string(kw_name(kw)) + "'");
    fill = kw.second;
  }
  NativeIterator* it = new_native_iterator(vm, cls, zip_longest_next);
  it->extra.push_back(fill);
  for (Value iterable : args.subspan(1)) it->extra.push_back(vm.get_iter(iterable));
  it->index = int64_t(args.size()) - 1;
  return it;
}

// extra[0]: the previous item (null before the first).
Value pairwise_next(VM& vm, NativeIterator& it) {
  if (finished(it)) return Value();
  if (it.extra[0].is_null()) {
    Value first = vm.next(it.source);
    if (first.is_null()) return done(it);
    it.extra[0] = first;
  }
  Value second = vm.next(it.source);
  if (second.is_null()) return done(it);
  Value out = vm.new_tuple({it.extra[0], second});
  it.extra[0] = second;
  return out;
}

Value pairwise_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  kwargs_none(vm, "pairwise", kwargs);
  args_between(vm, "pairwise", args.subspan(1), 1, 1);
  NativeIterator* it = new_native_iterator(vm, cls, pairwise_next);
  it->source = vm.get_iter(args[1]);
  it->extra = {Value()};
  return it;
}

// ---------------------------------------------------------------- predicates and mapping
// extra[0]: the function; source: the input; step: 1 once takewhile stopped / dropwhile started.

Value call1(VM& vm, Value fn, Value x) { return vm.call(fn, {&x, 1}); }

Value takewhile_next(VM& vm, NativeIterator& it) {
  if (it.step) return Value();
  Value item = vm.next(it.source);
  if (item.is_null()) return Value();
  if (vm.truthy(call1(vm, it.extra[0], item))) return item;
  it.step = 1;
  return Value();
}

Value dropwhile_next(VM& vm, NativeIterator& it) {
  while (true) {
    Value item = vm.next(it.source);
    if (item.is_null()) return Value();
    if (it.step) return item;
    if (!vm.truthy(call1(vm, it.extra[0], item))) {
      it.step = 1;
      return item;
    }
  }
}

Value filterfalse_next(VM& vm, NativeIterator& it) {
  while (true) {
    Value item = vm.next(it.source);
    if (item.is_null()) return Value();
    Value keep = it.extra[0] == vm.None ? item : call1(vm, it.extra[0], item);
    if (!vm.truthy(keep)) return item;
  }
}

Value starmap_next(VM& vm, NativeIterator& it) {
  Value item = vm.next(it.source);
  if (item.is_null()) return Value();
  std::vector<Value> call_args = vm.to_vector(item);
  return vm.call(it.extra[0], call_args);
}

// compress: source is the data iterator, extra[0] the selectors iterator.
Value compress_next(VM& vm, NativeIterator& it) {
  while (true) {
    Value item = vm.next(it.source);
    if (item.is_null()) return Value();
    Value selector = vm.next(it.extra[0]);
    if (selector.is_null()) return Value();
    if (vm.truthy(selector)) return item;
  }
}

template <NativeIterator::NextFn Next>
Value function_iterable_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  TypeObject* cls = new_cls(vm, args, type);
  kwargs_none(vm, type->name, kwargs);
  args_between(vm, type->name, args.subspan(1), 2, 2);
  NativeIterator* it = new_native_iterator(vm, cls, Next);
  it->extra = {args[1]};
  it->source = vm.get_iter(args[2]);
  it->step = 0;
  return it;
}

Value compress_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = cls_of(vm, args, data);
  static const Signature sig("compress", "data, selectors");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, cls, compress_next);
  it->source = vm.get_iter(a[0]);
  it->extra = {vm.get_iter(a[1])};
  return it;
}

// ---------------------------------------------------------------- groupby
// The groupby iterator: source the input; extra [keyfunc, tgtkey, currkey, currvalue, currgrouper]
// (null = unset). A grouper: source is its groupby, extra[0] its key.

enum GroupbySlot { kKeyFunc = 0, kTgtKey = 1, kCurrKey = 2, kCurrValue = 3, kCurrGrouper = 4 };

bool groupby_step(VM& vm, NativeIterator& gb) {
  Value value = vm.next(gb.source);
  if (value.is_null()) return false;
  Value key = gb.extra[kKeyFunc] == vm.None ? value : call1(vm, gb.extra[kKeyFunc], value);
  gb.extra[kCurrValue] = value;
  gb.extra[kCurrKey] = key;
  return true;
}

Value grouper_next(VM& vm, NativeIterator& g) {
  auto* gb = as<NativeIterator>(g.source);
  if (gb->extra[kCurrGrouper] != Value(&g)) return Value();
  if (gb->extra[kCurrValue].is_null() && !groupby_step(vm, *gb)) return Value();
  Value tgt = g.extra[0], curr = gb->extra[kCurrKey];
  if (!(tgt == curr || vm.equals(tgt, curr))) return Value();
  Value r = gb->extra[kCurrValue];
  gb->extra[kCurrValue] = Value();
  return r;
}

Value groupby_next(VM& vm, NativeIterator& gb) {
  gb.extra[kCurrGrouper] = Value();
  while (true) {
    if (gb.extra[kCurrKey].is_null()) {
      // nothing read yet
    } else if (gb.extra[kTgtKey].is_null()) {
      break;
    } else if (!(gb.extra[kTgtKey] == gb.extra[kCurrKey] || vm.equals(gb.extra[kTgtKey], gb.extra[kCurrKey]))) {
      break;
    }
    if (!groupby_step(vm, gb)) return Value();
  }
  gb.extra[kTgtKey] = gb.extra[kCurrKey];
  NativeIterator* g = new_native_iterator(vm, static_cast<TypeObject*>(gb.data), grouper_next);
  g->source = &gb;
  g->extra = {gb.extra[kTgtKey]};
  gb.extra[kCurrGrouper] = g;
  return vm.new_tuple({gb.extra[kCurrKey], g});
}

// data of groupby.__new__: the _grouper class.
Value groupby_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* grouper_type = static_cast<TypeObject*>(data);
  TypeObject* cls = new_cls(vm, args, vm.t.iterator);
  static const Signature sig("groupby", "iterable, key=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  NativeIterator* gb = new_native_iterator(vm, cls, groupby_next);
  gb->source = vm.get_iter(a[0]);
  gb->extra = {a.get(1, vm.None), Value(), Value(), Value(), Value()};
  gb->data = grouper_type;
  return gb;
}

// ---------------------------------------------------------------- tee
// The shared buffer is a NativeObject: slots[0] the input iterator, slots[1..] the items read;
// counters[0] how many items were dropped from the front (never: kept simple). Each tee
// iterator: source the buffer, index its position among the items read.

Value tee_next(VM& vm, NativeIterator& it) {
  auto* buffer = as<NativeObject>(it.source);
  size_t at = size_t(it.index) + 1;
  if (at >= buffer->slots.size()) {
    if (buffer->slots[0].is_null()) return Value();
    Value item = vm.next(buffer->slots[0]);
    if (item.is_null()) {
      buffer->slots[0] = Value();
      return Value();
    }
    buffer->slots.push_back(item);
  }
  ++it.index;
  return buffer->slots[at];
}

Value itertools_tee(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  kwargs_none(vm, "tee", kwargs);
  args_between(vm, "tee", args, 1, 2);
  int64_t n = args.size() > 1 ? arg_int64(vm, args[1]) : 2;
  if (n < 0) vm.raise(vm.t.ValueError, "n must be >= 0");
  auto* buffer = vm.heap.make<NativeObject>(vm.t.native);
  buffer->slots.push_back(vm.get_iter(args[0]));
  std::vector<Value> out;
  for (int64_t i = 0; i < n; ++i) {
    NativeIterator* it = new_native_iterator(vm, static_cast<TypeObject*>(data), tee_next);
    it->source = buffer;
    it->index = 0;
    out.push_back(it);
  }
  return vm.new_tuple(std::move(out));
}

// ---------------------------------------------------------------- installation

TypeObject* def_tool(VM& vm, ModuleObject* m, const char* name, NativeFn make) {
  TypeObject* type = new_iterator_type(vm, name, "itertools");
  if (make) vm.def_method(type, "__new__", make)->data = type;
  dict_set_str(vm, m->attrs, name, type);
  return type;
}

}  // namespace

void install_module_itertools(VM& vm) {
  ModuleObject* m = vm.new_module("itertools");
  vm.register_module(m);
  TypeObject* count = def_tool(vm, m, "count", count_new);
  vm.def_method(count, "__repr__", count_repr);
  def_tool(vm, m, "cycle", cycle_new);
  TypeObject* repeat = def_tool(vm, m, "repeat", repeat_new);
  vm.def_method(repeat, "__repr__", repeat_repr);
  TypeObject* chain = def_tool(vm, m, "chain", chain_new);
  auto* from_iterable = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  from_iterable->fget = vm.new_builtin("from_iterable", chain_from_iterable, chain);
  from_iterable->fset = from_iterable->fdel = from_iterable->doc = vm.None;
  vm.def_attr(chain, "from_iterable", from_iterable);
  def_tool(vm, m, "islice", islice_new);
  def_tool(vm, m, "accumulate", accumulate_new);
  def_tool(vm, m, "product", product_new);
  def_tool(vm, m, "permutations", permutations_new);
  def_tool(vm, m, "combinations", combinations_new);
  def_tool(vm, m, "combinations_with_replacement", cwr_new);
  def_tool(vm, m, "zip_longest", zip_longest_new);
  def_tool(vm, m, "pairwise", pairwise_new);
  def_tool(vm, m, "takewhile", function_iterable_new<takewhile_next>);
  def_tool(vm, m, "dropwhile", function_iterable_new<dropwhile_next>);
  def_tool(vm, m, "filterfalse", function_iterable_new<filterfalse_next>);
  def_tool(vm, m, "starmap", function_iterable_new<starmap_next>);
  def_tool(vm, m, "compress", compress_new);
  TypeObject* grouper = new_iterator_type(vm, "_grouper", "itertools");
  TypeObject* groupby = def_tool(vm, m, "groupby", nullptr);
  vm.def_method(groupby, "__new__", groupby_new)->data = grouper;
  TypeObject* tee = new_iterator_type(vm, "_tee", "itertools");
  vm.def_function(m->attrs, "tee", itertools_tee)->data = tee;
}

}  // namespace cv
