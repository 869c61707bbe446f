// Text protocols of the VM: repr(), str(), format() and printf-style `str % args`.
#include <cmath>
#include <cstdio>

#include "core/format_spec.h"
#include "core/numeric.h"
#include "core/ops.h"

namespace cv {

namespace {

const NameKey& key_repr() { static const NameKey k("__repr__"); return k; }
const NameKey& key_str() { static const NameKey k("__str__"); return k; }
const NameKey& key_format() { static const NameKey k("__format__"); return k; }
const NameKey& key_getitem() { static const NameKey k("__getitem__"); return k; }
const NameKey& key_int() { static const NameKey k("__int__"); return k; }
const NameKey& key_float() { static const NameKey k("__float__"); return k; }
const NameKey& key_index() { static const NameKey k("__index__"); return k; }
const NameKey& key_file() { static const NameKey k("__file__"); return k; }

const std::string& text_of(Value v) { return static_cast<StrObject*>(v.as_object())->text; }

// Containers being printed, for the "[...]" of a list that contains itself (CPython's Py_ReprEnter).
thread_local std::vector<const Object*> repr_in_progress;
thread_local int repr_depth = 0;

struct ReprEnter {
  explicit ReprEnter(const Object* o) : object(o) {
    for (const Object* p : repr_in_progress)
      if (p == o) {
        recursive = true;
        return;
      }
    repr_in_progress.push_back(o);
  }
  ~ReprEnter() {
    if (recursive) return;
    for (size_t i = repr_in_progress.size(); i-- > 0;)
      if (repr_in_progress[i] == object) {
        repr_in_progress.erase(repr_in_progress.begin() + std::ptrdiff_t(i));
        break;
      }
  }
  ReprEnter(const ReprEnter&) = delete;
  ReprEnter& operator=(const ReprEnter&) = delete;
  const Object* object;
  bool recursive = false;
};

struct ReprDepth {
  explicit ReprDepth(VM& vm) {
    if (++repr_depth > vm.limits.recursion_limit || repr_depth > vm.limits.max_native_nesting) {
      --repr_depth;
      vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    }
  }
  ~ReprDepth() { --repr_depth; }
  ReprDepth(const ReprDepth&) = delete;
  ReprDepth& operator=(const ReprDepth&) = delete;
};

// "__main__.C" for user classes, "int" for builtins: what CPython shows in <class '...'>.
std::string qualified_name(const TypeObject* type) {
  const std::string& qual = type->qualname.empty() ? type->name : type->qualname;
  if (type->module.empty() || type->module == "builtins") return qual;
  return type->module + "." + qual;
}

std::string str_value_or(Value v, const std::string& fallback) {
  if (v.is_object() && v.as_object()->kind == ObjKind::Str) return text_of(v);
  return fallback;
}

// An address for values that have no object (small ints inside a cell).
std::string address_of(Value v) {
  if (v.is_object()) return fake_address(v.as_object());
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%llx",
                static_cast<unsigned long long>(0x7e0000000000ULL + (uint64_t(v.as_small_int()) & 0xffffffffULL) * 32));
  return buffer;
}

[[noreturn, gnu::noinline]] void raise_non_string(VM& vm, const char* method, Value result) {
  vm.raise(vm.t.TypeError, std::string(method) + " returned non-string (type " + tp_name(vm, result) + ")");
}

std::string escape_non_ascii(const std::string& text) {
  if (is_ascii(text)) return text;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (char32_t c : utf8_decode(text)) {
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x100) {
      out += "\\x";
      out += hex[(c >> 4) & 15];
      out += hex[c & 15];
    } else if (c < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
    }
  }
  return out;
}

std::string exception_str(VM& vm, ExceptionObject* e) {
  const std::vector<Value>* args = e->args ? &e->args->items : nullptr;
  if (!args || args->empty()) return "";
  if (args->size() == 1) {
    // KeyError shows the missing key as its repr: KeyError: 'k'.
    if (vm.t.KeyError && e->type->is_subtype_of(vm.t.KeyError)) return vm.repr((*args)[0])->text;
    return vm.to_str((*args)[0])->text;
  }
  return vm.repr(e->args)->text;
}

std::string function_qualname(VM& vm, Value func) {
  if (!func.is_object()) return "?";
  Object* o = func.as_object();
  if (o->kind == ObjKind::Function) {
    auto* f = static_cast<FunctionObject*>(o);
    return str_value_or(f->qualname, f->code && f->code->qualname ? f->code->qualname->text : "?");
  }
  if (o->kind == ObjKind::Builtin) {
    auto* b = static_cast<BuiltinFunction*>(o);
    return b->qualname.empty() ? b->name : b->qualname;
  }
  Value q = vm.get_attr_or_null(func, vm.intern("__qualname__"));
  if (q && VM::is_str(q)) return text_of(q);
  return "?";
}

// {1, 2} for sets, frozenset({1, 2}) and Subclass({1, 2}) otherwise; set() when empty.
[[gnu::noinline]] std::string set_repr(VM& vm, SetObject* s) {
  const bool plain = s->type == vm.t.set;
  std::string out = plain ? "" : tp_name(s->type) + "(";
  if (s->table.size() == 0) return plain ? "set()" : out + ")";
  ReprEnter enter(s);
  if (enter.recursive) return tp_name(s->type) + "(...)";
  std::vector<Value> keys;
  for (const HashTable::Entry& e : s->table.entries())
    if (!e.key.is_null()) keys.push_back(e.key);
  out += '{';
  out += join_reprs(vm, keys);
  out += '}';
  if (!plain) out += ')';
  return out;
}

// The reprs that recurse into items. Kept apart from native_repr so that the recursion
// through nested containers uses small native stack frames (the web build's stack is small).
[[gnu::noinline]] std::string container_repr(VM& vm, Object* o) {
  const std::vector<Value>* items = nullptr;
  const char* brackets = "[]";
  switch (o->kind) {
    case ObjKind::List: items = &static_cast<ListObject*>(o)->items.vec(); break;
    case ObjKind::Tuple: items = &static_cast<TupleObject*>(o)->items; brackets = "()"; break;
    case ObjKind::Dict: return dict_repr_text(vm, static_cast<DictObject*>(o));
    default: return set_repr(vm, static_cast<SetObject*>(o));
  }
  if (items->empty()) return brackets;
  ReprEnter enter(o);
  std::string out(1, brackets[0]);
  if (enter.recursive) {
    out += "...";
  } else {
    for (size_t i = 0; i < items->size(); ++i) {
      if (i) out += ", ";
      out += vm.repr((*items)[i])->text;
    }
    if (o->kind == ObjKind::Tuple && items->size() == 1) out += ',';
  }
  out += brackets[1];
  return out;
}

// The repr of a builtin layout (the behaviour of object.__repr__, list.__repr__, ...).
std::string native_repr(VM& vm, Value v) {
  if (v.is_small_int()) return std::to_string(v.as_small_int());
  Object* o = v.as_object();
  switch (o->kind) {
    case ObjKind::None: return "None";
    case ObjKind::NotImplemented: return "NotImplemented";
    case ObjKind::Ellipsis: return "Ellipsis";
    case ObjKind::Bool: return v == vm.True ? "True" : "False";
    case ObjKind::Int: return int_to_decimal_string(static_cast<IntObject*>(o)->value);
    case ObjKind::Float: return float_repr(static_cast<FloatObject*>(o)->value);
    case ObjKind::Str: return str_repr(static_cast<StrObject*>(o)->text);
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::FrozenSet: return container_repr(vm, o);
    case ObjKind::Range: {
      auto* r = static_cast<RangeObject*>(o);
      std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      return out + ")";
    }
    case ObjKind::Slice: {
      auto* s = static_cast<SliceObject*>(o);
      auto part = [&](Value x) { return x.is_null() ? std::string("None") : vm.repr(x)->text; };
      return "slice(" + part(s->start) + ", " + part(s->stop) + ", " + part(s->step) + ")";
    }
    case ObjKind::Type: return "<class '" + qualified_name(static_cast<TypeObject*>(o)) + "'>";
    case ObjKind::Function:
      return "<function " + function_qualname(vm, v) + " at " + fake_address(o) + ">";
    case ObjKind::Builtin: {
      auto* b = static_cast<BuiltinFunction*>(o);
      if (b->is_method) {
        std::string owner = b->qualname;
        size_t dot = owner.rfind('.');
        owner = dot == std::string::npos ? "object" : owner.substr(0, dot);
        return "<method '" + b->name + "' of '" + owner + "' objects>";
      }
      return "<built-in function " + b->name + ">";
    }
    case ObjKind::BoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      if (m->func.is_object() && m->func.as_object()->kind == ObjKind::Builtin) {
        auto* b = static_cast<BuiltinFunction*>(m->func.as_object());
        if (m->self.is_object() && m->self.as_object()->kind == ObjKind::Module)
          return "<built-in function " + b->name + ">";
        return "<built-in method " + b->name + " of " + tp_name(vm, m->self) + " object at " + address_of(m->self) + ">";
      }
      return "<bound method " + function_qualname(vm, m->func) + " of " + vm.repr(m->self)->text + ">";
    }
    case ObjKind::Cell: {
      auto* c = static_cast<CellObject*>(o);
      if (c->contents.is_null()) return "<cell at " + fake_address(o) + ": empty>";
      return "<cell at " + fake_address(o) + ": " + tp_name(vm, c->contents) + " object at " + address_of(c->contents) + ">";
    }
    case ObjKind::Code: {
      auto* c = static_cast<CodeObject*>(o);
      return "<code object " + (c->name ? c->name->text : std::string("?")) + " at " + fake_address(o) + ", file \"" +
             (c->filename ? c->filename->text : std::string("?")) + "\", line " + std::to_string(c->info.firstlineno) + ">";
    }
    case ObjKind::Generator: {
      auto* g = static_cast<GeneratorObject*>(o);
      return "<generator object " + str_value_or(g->qualname, str_value_or(g->name, "?")) + " at " + fake_address(o) + ">";
    }
    case ObjKind::Module: {
      auto* m = static_cast<ModuleObject*>(o);
      if (m->attrs) {
        int64_t i = m->attrs->table.find_str(key_file().get());
        if (i >= 0) {
          Value file = m->attrs->table.entries()[size_t(i)].value;
          if (VM::is_str(file)) return "<module '" + m->name + "' from '" + text_of(file) + "'>";
        }
      }
      return "<module '" + m->name + "' (built-in)>";
    }
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      const std::string name = tp_name(o->type);
      if (!e->args || e->args->items.empty()) return name + "()";
      if (e->args->items.size() == 1) return name + "(" + vm.repr(e->args->items[0])->text + ")";
      return name + vm.repr(e->args)->text;
    }
    case ObjKind::StaticMethod:
    case ObjKind::ClassMethod: {
      auto* d = static_cast<DescriptorObject*>(o);
      std::string inner = d->fget.is_null() ? std::string("NULL") : vm.repr(d->fget)->text;
      return "<" + tp_name(o->type) + "(" + inner + ")>";
    }
    case ObjKind::Super: {
      auto* s = static_cast<SuperObject*>(o);
      std::string start = s->start_type ? s->start_type->name : "NULL";
      if (s->self.is_null()) return "<super: <class '" + start + "'>, NULL>";
      const TypeObject* obj_type = vm.type_of(s->self);
      if (s->self.is_object() && s->self.as_object()->kind == ObjKind::Type && s->start_type &&
          static_cast<TypeObject*>(s->self.as_object())->is_subtype_of(s->start_type))
        obj_type = static_cast<TypeObject*>(s->self.as_object());
      return "<super: <class '" + start + "'>, <" + obj_type->name + " object>>";
    }
    default: return "<" + qualified_name(o->type) + " object at " + fake_address(o) + ">";
  }
}

// float(v) for printf-style %f and friends: floats, ints, __float__, __index__.
double percent_float_argument(VM& vm, Value v, char32_t conversion) {
  BigInt big;
  if (int_value(vm, v, &big)) return v.is_small_int() ? double(v.as_small_int()) : bigint_to_double(big);
  if (v.is_object() && v.as_object()->kind == ObjKind::Float) return static_cast<FloatObject*>(v.as_object())->value;
  if (Value m = find_special(vm, v, key_float().get())) {
    Value r = call_special(vm, m, v, {});
    if (r.is_object() && r.as_object()->kind == ObjKind::Float) return static_cast<FloatObject*>(r.as_object())->value;
    vm.raise(vm.t.TypeError, tp_name(vm, v) + ".__float__ returned non-float (type " + tp_name(vm, r) + ")");
  }
  if (find_special(vm, v, key_index().get())) {
    BigInt b = vm.to_bigint(v);
    return bigint_to_double(b);
  }
  throw percent_type_error(conversion, tp_name(vm, v));
}

BigInt percent_int_argument(VM& vm, Value v, char32_t conversion) {
  BigInt big;
  if (int_value(vm, v, &big)) return big;
  bool index_only = conversion == 'o' || conversion == 'x' || conversion == 'X';
  if (!index_only) {
    if (v.is_object() && v.as_object()->kind == ObjKind::Float)
      return double_to_bigint(static_cast<FloatObject*>(v.as_object())->value);
    if (Value m = find_special(vm, v, key_int().get())) {
      Value r = call_special(vm, m, v, {});
      if (!int_value(vm, r, &big))
        vm.raise(vm.t.TypeError, "__int__ returned non-int (type " + tp_name(vm, r) + ")");
      return big;
    }
  }
  if (find_special(vm, v, key_index().get())) return vm.to_bigint(v);
  if (!index_only && find_special(vm, v, key_float().get()))
    return double_to_bigint(percent_float_argument(vm, v, conversion));
  throw percent_type_error(conversion, tp_name(vm, v));
}

bool has_getitem(VM& vm, Value v) {
  if (v.is_small_int()) return false;
  switch (v.as_object()->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Str:
    case ObjKind::Range: return true;
    default: break;
  }
  return bool(vm.type_of(v)->lookup(key_getitem().get()));
}

}  // namespace

// ---------------------------------------------------------------- shared helpers

std::string join_reprs(VM& vm, std::span<const Value> items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += vm.repr(items[i])->text;
  }
  return out;
}

std::string dict_repr_text(VM& vm, const DictObject* d) {
  if (d->table.size() == 0) return "{}";
  ReprEnter enter(d);
  if (enter.recursive) return "{...}";
  std::string out = "{";
  bool first = true;
  // A user __repr__ may mutate the dict; walk by position and re-read the size.
  for (size_t i = 0; i < d->table.entries().size(); ++i) {
    HashTable::Entry e = d->table.entries()[i];
    if (e.key.is_null()) continue;
    if (!first) out += ", ";
    first = false;
    out += vm.repr(e.key)->text;
    out += ": ";
    out += vm.repr(e.value)->text;
  }
  return out + "}";
}

// ---------------------------------------------------------------- repr and str

StrObject* VM::repr(Value v) {
  if (v.is_small_int()) return new_str(std::to_string(v.as_small_int()));
  ReprDepth depth(*this);
  if (Value method = find_special(*this, v, key_repr().get())) {
    Value r = call_special(*this, method, v, {});
    if (!is_str(r)) raise_non_string(*this, "__repr__", r);
    return static_cast<StrObject*>(r.as_object());
  }
  switch (v.as_object()->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::FrozenSet: return new_str(container_repr(*this, v.as_object()));
    default: return new_str(native_repr(*this, v));
  }
}

StrObject* VM::to_str(Value v) {
  if (v.is_small_int()) return new_str(std::to_string(v.as_small_int()));
  Object* o = v.as_object();
  if (o->type == t.str) return static_cast<StrObject*>(o);
  if (Value method = find_special(*this, v, key_str().get())) {
    Value r = call_special(*this, method, v, {});
    if (!is_str(r)) raise_non_string(*this, "__str__", r);
    return static_cast<StrObject*>(r.as_object());
  }
  switch (o->kind) {
    case ObjKind::Str: return new_str(static_cast<StrObject*>(o)->text);  // str(subclass) is an exact str
    case ObjKind::Exception: return new_str(exception_str(*this, static_cast<ExceptionObject*>(o)));
    default: return repr(v);  // object.__str__ is repr(), through a user __repr__ if any
  }
}

// ---------------------------------------------------------------- format()

Value VM::format(Value v, StrObject* spec) {
  if (Value method = find_special(*this, v, key_format().get())) {
    Value args[1] = {spec};
    Value r = call_special(*this, method, v, args);
    if (!is_str(r)) raise(t.TypeError, "__format__ must return a str, not " + tp_name(*this, r));
    return r;
  }
  const std::string& s = spec->text;
  ObjKind kind = kind_of(v);
  switch (kind) {
    case ObjKind::Int:
    case ObjKind::Bool: {
      if (s.empty()) return to_str(v);
      if (v.is_small_int()) return new_str(format_int64(v.as_small_int(), s, "int"));
      BigInt big;
      int_value(*this, v, &big);
      return new_str(format_int(big, s, tp_name(*this, v)));
    }
    case ObjKind::Float:
      if (s.empty()) return to_str(v);
      return new_str(format_float(static_cast<FloatObject*>(v.as_object())->value, s, tp_name(*this, v)));
    case ObjKind::Str:
      if (s.empty()) return to_str(v);
      return new_str(format_str(static_cast<StrObject*>(v.as_object())->text, s, tp_name(*this, v)));
    default: break;
  }
  if (!s.empty()) raise(t.TypeError, "unsupported format string passed to " + tp_name(*this, v) + ".__format__");
  return to_str(v);
}

// ---------------------------------------------------------------- str % args

std::string percent_format(VM& vm, const StrObject* format, Value args) {
  const std::string& f = format->text;
  // CPython's bookkeeping: a tuple supplies arguments in order; any other value is the
  // single argument (arglen -1, argidx -2 until it is used).
  Value current = args;
  bool is_tuple = kind_of(args) == ObjKind::Tuple;
  int64_t arglen = is_tuple ? int64_t(static_cast<TupleObject*>(args.as_object())->items.size()) : -1;
  int64_t argidx = is_tuple ? 0 : -2;
  Value mapping;
  if (!is_tuple && kind_of(args) != ObjKind::Str && has_getitem(vm, args)) mapping = args;

  auto next_arg = [&]() -> Value {
    if (argidx < arglen) {
      int64_t i = argidx++;
      if (arglen < 0) return current;
      return static_cast<TupleObject*>(current.as_object())->items[size_t(i)];
    }
    throw percent_not_enough_arguments_error();
  };
  auto star = [&](bool for_precision) -> int64_t {
    Value v = next_arg();
    BigInt big;
    if (!int_value(vm, v, &big)) throw percent_star_wants_int_error();
    std::optional<int64_t> n = bigint_to_int64(big);
    if (!n || (for_precision && (*n > INT32_MAX || *n < INT32_MIN)))
      vm.raise(vm.t.OverflowError,
               for_precision ? "Python int too large to convert to C int" : "Python int too large to convert to C ssize_t");
    return *n;
  };

  std::string out;
  size_t pos = 0;
  while (pos < f.size()) {
    size_t percent = f.find('%', pos);
    if (percent == std::string::npos) {
      out.append(f, pos, std::string::npos);
      break;
    }
    out.append(f, pos, percent - pos);
    PercentSpec spec = parse_percent_spec(f, percent, star);
    pos = spec.end;
    if (spec.literal_percent) {
      out += '%';
      continue;
    }
    if (spec.mapping_key) {
      if (!mapping) throw percent_requires_mapping_error();
      current = vm.get_item(mapping, vm.new_str(*spec.mapping_key));
      arglen = -1;
      argidx = -2;
    }
    Value v = next_arg();
    char32_t c = spec.conversion;
    if (!percent_conversion_supported(c)) throw percent_unsupported_error(f, spec);
    switch (c) {
      case 's': out += percent_format_text(spec, vm.to_str(v)->text); break;
      case 'r': out += percent_format_text(spec, vm.repr(v)->text); break;
      case 'a': out += percent_format_text(spec, escape_non_ascii(vm.repr(v)->text)); break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': out += percent_format_int(spec, percent_int_argument(vm, v, c)); break;
      case 'c': {
        char32_t ch;
        BigInt big;
        if (int_value(vm, v, &big)) ch = percent_char_from_int(big);
        else if (kind_of(v) == ObjKind::Str) ch = percent_char_from_str(static_cast<StrObject*>(v.as_object())->text);
        else if (find_special(vm, v, key_index().get())) ch = percent_char_from_int(vm.to_bigint(v));
        else throw percent_type_error('c', tp_name(vm, v));
        out += percent_format_char(spec, ch);
        break;
      }
      default: out += percent_format_float(spec, percent_float_argument(vm, v, c)); break;
    }
  }
  if (argidx < arglen && !mapping) throw percent_not_all_converted_error();
  return out;
}

}  // namespace cv
