// The methods of str: split/join/strip/find/replace/..., str.format, maketrans/translate, and str() itself.
//
// The text algorithms are text.h's; this file binds arguments with CPython's wording
// and implements str.format's field grammar (CPython's MarkupIterator and
// FieldNameIterator in Objects/stringlib/unicode_format.h).
#include <cstdio>
#include <optional>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"
#include "core/text.h"

namespace cv {

namespace {

StrObject* self_str(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<StrObject>(vm, args, vm.t.str, method);
}

// The method's name, stored in BuiltinFunction::data by def_str_method.
const std::string& method_name(Object* data) { return static_cast<StrObject*>(data)->text; }

BuiltinFunction* def_str_method(VM& vm, const char* name, NativeFn fn) {
  BuiltinFunction* f = vm.def_method(vm.t.str, name, fn);
  f->data = vm.intern(name);
  return f;
}

// A start/end argument of find/count/startswith: None, or an index clamped like a slice bound.
std::optional<int64_t> slice_bound(VM& vm, Value v) {
  if (is_none(vm, v)) return std::nullopt;
  BigInt n;
  if (VM::is_int(v)) {
    n = vm.to_bigint(v);
  } else {
    Value r = vm.call_dunder_or_null(v, "__index__", {});
    if (r.is_null() || !VM::is_int(r))
      vm.raise_type_error("slice indices must be integers or None or have an __index__ method");
    n = vm.to_bigint(r);
  }
  if (n > INT64_MAX / 2) return INT64_MAX / 2;
  if (n < INT64_MIN / 2) return INT64_MIN / 2;
  return static_cast<int64_t>(n);
}

Value new_text(VM& vm, std::string text) { return vm.new_str(std::move(text)); }

// ---------------------------------------------------------------- no-argument methods

template <std::string (*Transform)(std::string_view)>
Value str_transform(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  args_none(vm, "str." + name, args.subspan(1), kwargs);
  return new_text(vm, Transform(self->text));
}

template <bool (*Predicate)(std::string_view)>
Value str_predicate(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  args_none(vm, "str." + name, args.subspan(1), kwargs);
  return vm.new_bool(Predicate(self->text));
}

// ---------------------------------------------------------------- join, split

Value str_join(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "join");
  Value iterable = arg_exactly_one(vm, "str.join", args.subspan(1), kwargs);
  std::vector<Value> items;
  if (has_kind(iterable, ObjKind::List)) {
    items = as<ListObject>(iterable)->items.vec();
  } else if (has_kind(iterable, ObjKind::Tuple)) {
    items = as<TupleObject>(iterable)->items;
  } else {
    Value it;
    try {
      it = vm.get_iter(iterable);
    } catch (PyRaise& e) {
      if (!vm.is_instance(e.exception, vm.t.TypeError)) throw;
      vm.raise_type_error("can only join an iterable");
    }
    items = vm.to_vector(it);
  }
  std::vector<std::string_view> pieces;
  pieces.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (!VM::is_str(items[i])) {
      vm.raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " +
                          vm.type_name(items[i]) + " found");
    }
    pieces.push_back(str_text(items[i]));
  }
  return new_text(vm, cv::str_join(self->text, pieces));
}

Value split_common(VM& vm, PosArgs args, KwArgs kwargs, bool from_right) {
  const char* name = from_right ? "rsplit" : "split";
  StrObject* self = self_str(vm, args, name);
  static const Signature split_sig("split", "sep=None, maxsplit=-1");
  static const Signature rsplit_sig("rsplit", "sep=None, maxsplit=-1");
  BoundArgs a = (from_right ? rsplit_sig : split_sig).bind(vm, args.subspan(1), kwargs);
  std::optional<std::string_view> sep;
  if (!is_none(vm, a[0])) {
    if (!VM::is_str(a[0])) vm.raise_type_error("must be str or None, not " + vm.type_name(a[0]));
    sep = str_text(a[0]);
  }
  int64_t maxsplit = a.has(1) ? arg_int64(vm, a[1]) : -1;
  std::vector<std::string> parts = from_right ? str_rsplit(self->text, sep, maxsplit) : str_split(self->text, sep, maxsplit);
  std::vector<Value> items;
  items.reserve(parts.size());
  for (auto& p : parts) items.push_back(vm.new_str(std::move(p)));
  return vm.new_list(std::move(items));
}

Value str_split_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) { return split_common(vm, args, kwargs, false); }
Value str_rsplit_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) { return split_common(vm, args, kwargs, true); }

Value str_splitlines_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "splitlines");
  static const Signature sig("splitlines", "keepends=False");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  bool keepends = a.has(0) && arg_int64(vm, a[0]) != 0;
  std::vector<Value> items;
  for (auto& p : str_splitlines(self->text, keepends)) items.push_back(vm.new_str(std::move(p)));
  return vm.new_list(std::move(items));
}

// ---------------------------------------------------------------- strip, replace

template <std::string (*Strip)(std::string_view, std::optional<std::string_view>)>
Value str_strip_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  kwargs_none(vm, name, kwargs);
  args_between(vm, name, args.subspan(1), 0, 1);
  std::optional<std::string_view> chars;
  if (args.size() > 1 && !is_none(vm, args[1])) {
    if (!VM::is_str(args[1])) vm.raise_type_error(name + " arg must be None or str");
    chars = str_text(args[1]);
  }
  return new_text(vm, Strip(self->text, chars));
}

Value str_replace_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "replace");
  static const Signature sig("replace", "old, new, count=-1, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  StrObject* old_text = arg_str(vm, a[0], "replace() argument 1");
  StrObject* new_text_ = arg_str(vm, a[1], "replace() argument 2");
  int64_t count = a.has(2) ? arg_int64(vm, a[2]) : -1;
  return new_text(vm, str_replace(self->text, old_text->text, new_text_->text, count));
}

template <std::string (*Remove)(std::string_view, std::string_view)>
Value str_remove_affix(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  Value affix = arg_exactly_one(vm, "str." + name, args.subspan(1), kwargs);
  StrObject* s = arg_str(vm, affix, name + "() argument");
  return new_text(vm, Remove(self->text, s->text));
}

// ---------------------------------------------------------------- searching

enum class Search { Find, RFind, Index, RIndex, Count };

Value search(VM& vm, PosArgs args, KwArgs kwargs, Search kind, const char* name) {
  StrObject* self = self_str(vm, args, name);
  static const Signature sigs[] = {
      {"find", "sub, start=None, end=None, /", ArgStyle::ParseTuple},
      {"rfind", "sub, start=None, end=None, /", ArgStyle::ParseTuple},
      {"index", "sub, start=None, end=None, /", ArgStyle::ParseTuple},
      {"rindex", "sub, start=None, end=None, /", ArgStyle::ParseTuple},
      {"count", "sub, start=None, end=None, /", ArgStyle::ParseTuple},
  };
  BoundArgs a = sigs[static_cast<int>(kind)].bind(vm, args.subspan(1), kwargs);
  if (!VM::is_str(a[0])) vm.raise_type_error("must be str, not " + vm.type_name(a[0]));
  const std::string& sub = str_text(a[0]);
  std::optional<int64_t> start = slice_bound(vm, a[1]), end = slice_bound(vm, a[2]);
  switch (kind) {
    case Search::Find: return vm.new_int(str_find(self->text, sub, start, end));
    case Search::RFind: return vm.new_int(str_rfind(self->text, sub, start, end));
    case Search::Index: return vm.new_int(str_index(self->text, sub, start, end));
    case Search::RIndex: return vm.new_int(str_rindex(self->text, sub, start, end));
    case Search::Count: return vm.new_int(str_count(self->text, sub, start, end));
  }
  return vm.None;
}

Value str_find_method(VM& vm, PosArgs a, KwArgs k, Object*) { return search(vm, a, k, Search::Find, "find"); }
Value str_rfind_method(VM& vm, PosArgs a, KwArgs k, Object*) { return search(vm, a, k, Search::RFind, "rfind"); }
Value str_index_method(VM& vm, PosArgs a, KwArgs k, Object*) { return search(vm, a, k, Search::Index, "index"); }
Value str_rindex_method(VM& vm, PosArgs a, KwArgs k, Object*) { return search(vm, a, k, Search::RIndex, "rindex"); }
Value str_count_method(VM& vm, PosArgs a, KwArgs k, Object*) { return search(vm, a, k, Search::Count, "count"); }

Value affix_test(VM& vm, PosArgs args, KwArgs kwargs, bool prefix) {
  const char* name = prefix ? "startswith" : "endswith";
  StrObject* self = self_str(vm, args, name);
  static const Signature startswith_sig("startswith", "prefix, start=None, end=None, /", ArgStyle::ParseTuple);
  static const Signature endswith_sig("endswith", "suffix, start=None, end=None, /", ArgStyle::ParseTuple);
  BoundArgs a = (prefix ? startswith_sig : endswith_sig).bind(vm, args.subspan(1), kwargs);
  std::optional<int64_t> start = slice_bound(vm, a[1]), end = slice_bound(vm, a[2]);
  auto test = [&](std::string_view affix) {
    return prefix ? str_startswith(self->text, affix, start, end) : str_endswith(self->text, affix, start, end);
  };
  if (has_kind(a[0], ObjKind::Tuple)) {
    for (Value v : as<TupleObject>(a[0])->items) {
      if (!VM::is_str(v)) {
        vm.raise_type_error(std::string("tuple for ") + name + " must only contain str, not " + vm.type_name(v));
      }
      if (test(str_text(v))) return vm.True;
    }
    return vm.False;
  }
  if (!VM::is_str(a[0])) {
    vm.raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + vm.type_name(a[0]));
  }
  return vm.new_bool(test(str_text(a[0])));
}

Value str_startswith_method(VM& vm, PosArgs a, KwArgs k, Object*) { return affix_test(vm, a, k, true); }
Value str_endswith_method(VM& vm, PosArgs a, KwArgs k, Object*) { return affix_test(vm, a, k, false); }

Value partition_common(VM& vm, PosArgs args, KwArgs kwargs, bool from_right) {
  const char* name = from_right ? "rpartition" : "partition";
  StrObject* self = self_str(vm, args, name);
  Value sep = arg_exactly_one(vm, std::string("str.") + name, args.subspan(1), kwargs);
  if (!VM::is_str(sep)) vm.raise_type_error("must be str, not " + vm.type_name(sep));
  auto parts = from_right ? str_rpartition(self->text, str_text(sep)) : str_partition(self->text, str_text(sep));
  return vm.new_tuple({vm.new_str(parts[0]), vm.new_str(parts[1]), vm.new_str(parts[2])});
}

Value str_partition_method(VM& vm, PosArgs a, KwArgs k, Object*) { return partition_common(vm, a, k, false); }
Value str_rpartition_method(VM& vm, PosArgs a, KwArgs k, Object*) { return partition_common(vm, a, k, true); }

// ---------------------------------------------------------------- padding

template <std::string (*Pad)(std::string_view, int64_t, std::string_view)>
Value str_pad_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  Signature sig(name, "width, fillchar=' ', /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  int64_t width = arg_int64(vm, a[0]);
  std::string_view fill = " ";
  if (a.has(1)) {
    if (!VM::is_str(a[1]))
      vm.raise_type_error("The fill character must be a unicode character, not " + vm.type_name(a[1]));
    fill = str_text(a[1]);
  }
  return new_text(vm, Pad(self->text, width, fill));
}

Value str_zfill_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "zfill");
  Value width = arg_exactly_one(vm, "str.zfill", args.subspan(1), kwargs);
  return new_text(vm, str_zfill(self->text, arg_int64(vm, width)));
}

Value str_expandtabs_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "expandtabs");
  static const Signature sig("expandtabs", "tabsize=8");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  return new_text(vm, str_expandtabs(self->text, a.has(0) ? arg_int64(vm, a[0]) : 8));
}

// ---------------------------------------------------------------- str.format

// One str.format call: the arguments and the automatic-numbering state.
struct Formatter {
  VM& vm;
  PosArgs args;
  KwArgs kwargs;
  Value mapping;  // format_map's mapping; null for str.format
  enum class Numbering { Unknown, Auto, Manual } numbering = Numbering::Unknown;
  int64_t next_auto = 0;

  [[noreturn]] void value_error(const std::string& message) { vm.raise(vm.t.ValueError, message); }

  static bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  }

  Value positional(int64_t index) {
    if (!mapping.is_null() || index >= int64_t(args.size())) {
      if (!mapping.is_null()) return vm.get_item(mapping, vm.new_int(index));
      vm.raise(vm.t.IndexError,
               "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
    }
    return args[size_t(index)];
  }

  Value keyword(std::string_view name) {
    if (!mapping.is_null()) return vm.get_item(mapping, vm.new_str(std::string(name)));
    for (auto& kw : kwargs)
      if (kw_name(kw) == name) return kw.second;
    raise_key_error(vm, vm.new_str(std::string(name)));
  }

  // The object a field name designates: "0", "name", "" (automatic), then .attr and [key] parts.
  Value resolve(std::string_view field) {
    size_t first_end = 0;
    while (first_end < field.size() && field[first_end] != '.' && field[first_end] != '[') ++first_end;
    std::string_view first = field.substr(0, first_end);
    Value obj;
    if (first.empty()) {
      if (numbering == Numbering::Manual)
        value_error("cannot switch from manual field specification to automatic field numbering");
      numbering = Numbering::Auto;
      obj = positional(next_auto++);
    } else if (all_digits(first)) {
      if (numbering == Numbering::Auto)
        value_error("cannot switch from automatic field numbering to manual field specification");
      numbering = Numbering::Manual;
      obj = positional(std::stoll(std::string(first)));
    } else {
      obj = keyword(first);
    }
    size_t i = first_end;
    while (i < field.size()) {
      char c = field[i++];
      if (c == '.') {
        size_t start = i;
        while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
        if (i == start) value_error("Empty attribute in format string");
        obj = vm.get_attr(obj, vm.intern(field.substr(start, i - start)));
      } else if (c == '[') {
        size_t start = i;
        while (i < field.size() && field[i] != ']') ++i;
        if (i >= field.size()) value_error("Missing ']' in format string");
        std::string_view key = field.substr(start, i - start);
        if (key.empty()) value_error("Empty attribute in format string");
        ++i;  // ']'
        Value k = all_digits(key) ? vm.new_int(std::stoll(std::string(key))) : Value(vm.new_str(std::string(key)));
        obj = vm.get_item(obj, k);
        if (i < field.size() && field[i] != '.' && field[i] != '[')
          value_error("Only '.' or '[' may follow ']' in format field specifier");
      } else {
        value_error("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return obj;
  }

  Value convert(Value obj, char32_t conversion) {
    switch (conversion) {
      case 0: return obj;
      case 'r': return vm.repr(obj);
      case 's': return vm.to_str(obj);
      case 'a': return vm.new_str(ascii_escape(vm.repr(obj)->text));
      default:
        if (conversion > 32 && conversion < 127)
          value_error(std::string("Unknown conversion specifier ") + char(conversion));
        char buf[64];
        std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x", unsigned(conversion));
        value_error(buf);
    }
  }

  // Renders `format` (CPython's MarkupIterator): literal text, {{ and }}, and fields.
  std::string render(std::string_view format, int recursion_depth) {
    if (recursion_depth <= 0) value_error("Max string recursion exceeded");
    std::string out;
    size_t i = 0, n = format.size();
    while (i < n) {
      char c = format[i];
      if (c != '{' && c != '}') {
        out += c;
        ++i;
        continue;
      }
      ++i;
      bool at_end = i >= n;
      if (c == '}') {
        if (at_end || format[i] != '}') value_error("Single '}' encountered in format string");
        out += '}';
        ++i;
        continue;
      }
      if (at_end) value_error("Single '{' encountered in format string");
      if (format[i] == '{') {
        out += '{';
        ++i;
        continue;
      }
      // A field: name up to ':' '!' or '}' (brackets may hide those), then conversion and spec.
      size_t name_start = i;
      char stop = 0;
      while (i < n) {
        char d = format[i++];
        if (d == '{') value_error("unexpected '{' in field name");
        if (d == '[') {
          while (i < n && format[i] != ']') ++i;
          continue;
        }
        if (d == '}' || d == ':' || d == '!') {
          stop = d;
          break;
        }
      }
      if (stop == 0) value_error("expected '}' before end of string");
      std::string_view name = format.substr(name_start, i - 1 - name_start);
      char32_t conversion = 0;
      std::string_view spec;
      bool spec_needs_expanding = false;
      if (stop == '!' || stop == ':') {
        if (stop == '!') {
          if (i >= n) value_error("end of string while looking for conversion specifier");
          // The conversion is one code point.
          size_t len = 1;
          unsigned char lead = static_cast<unsigned char>(format[i]);
          if (lead >= 0xF0) len = 4; else if (lead >= 0xE0) len = 3; else if (lead >= 0xC0) len = 2;
          conversion = utf8_decode(format.substr(i, len)).front();
          i += len;
          if (i < n) {
            char d = format[i++];
            if (d == '}') goto field_done;
            if (d != ':') value_error("expected ':' after conversion specifier");
          }
        }
        size_t spec_start = i;
        int depth = 1;
        bool closed = false;
        while (i < n) {
          char d = format[i++];
          if (d == '{') {
            spec_needs_expanding = true;
            ++depth;
          } else if (d == '}') {
            if (--depth == 0) {
              spec = format.substr(spec_start, i - 1 - spec_start);
              closed = true;
              break;
            }
          }
        }
        if (!closed) value_error("unmatched '{' in format spec");
      }
    field_done:
      Value obj = convert(resolve(name), conversion);
      std::string spec_text = spec_needs_expanding ? render(spec, recursion_depth - 1) : std::string(spec);
      out += vm.to_str(vm.format(obj, vm.new_str(std::move(spec_text))))->text;
    }
    return out;
  }
};

Value str_format_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "format");
  Formatter f{vm, args.subspan(1), kwargs, Value()};
  return new_text(vm, f.render(self->text, 2));
}

Value str_format_map_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "format_map");
  Value mapping = arg_exactly_one(vm, "str.format_map", args.subspan(1), kwargs);
  Formatter f{vm, {}, {}, mapping};
  return new_text(vm, f.render(self->text, 2));
}

// ---------------------------------------------------------------- translate

Value str_maketrans(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "maketrans", kwargs);
  args_between(vm, "maketrans", args, 1, 3);
  DictObject* table = vm.new_dict();
  if (args.size() == 1) {
    if (!has_kind(args[0], ObjKind::Dict))
      vm.raise_type_error("if you give only one argument to maketrans it must be a dict");
    for (auto& [k, v] : dict_items(as<DictObject>(args[0]))) {
      if (VM::is_str(k)) {
        if (as<StrObject>(k)->length != 1)
          vm.raise(vm.t.ValueError, "string keys in translate table must be of length 1");
        dict_set(vm, table, vm.new_int(ord_text(str_text(k))), v);
      } else if (VM::is_int(k)) {
        dict_set(vm, table, k, v);
      } else {
        vm.raise_type_error("keys in translate table must be strings or integers");
      }
    }
    return table;
  }
  StrObject* x = arg_str(vm, args[0], "maketrans() argument 1");
  StrObject* y = arg_str(vm, args[1], "maketrans() argument 2");
  if (x->length != y->length) vm.raise(vm.t.ValueError, "the first two maketrans arguments must have equal length");
  std::u32string from = utf8_decode(x->text), to = utf8_decode(y->text);
  for (size_t i = 0; i < from.size(); ++i) dict_set(vm, table, vm.new_int(int64_t(from[i])), vm.new_int(int64_t(to[i])));
  if (args.size() == 3) {
    StrObject* z = arg_str(vm, args[2], "maketrans() argument 3");
    for (char32_t c : utf8_decode(z->text)) dict_set(vm, table, vm.new_int(int64_t(c)), vm.None);
  }
  return table;
}

Value str_translate_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "translate");
  Value table = arg_exactly_one(vm, "str.translate", args.subspan(1), kwargs);
  std::string out;
  for (char32_t c : utf8_decode(self->text)) {
    Value mapped;
    try {
      mapped = vm.get_item(table, vm.new_int(int64_t(c)));
    } catch (PyRaise& e) {
      if (!vm.is_instance(e.exception, vm.t.LookupError)) throw;
      utf8_append(out, c);
      continue;
    }
    if (mapped == vm.None) continue;
    if (VM::is_int(mapped)) {
      BigInt cp = vm.to_bigint(mapped);
      if (cp < 0 || cp > 0x10FFFF) vm.raise(vm.t.ValueError, "character mapping must be in range(0x110000)");
      utf8_append(out, char32_t(static_cast<int64_t>(cp)));
    } else if (VM::is_str(mapped)) {
      out += str_text(mapped);
    } else {
      vm.raise_type_error("character mapping must return integer, None or str");
    }
  }
  return new_text(vm, std::move(out));
}

Value str_encode_method(VM& vm, PosArgs args, KwArgs, Object*) {
  self_str(vm, args, "encode");
  vm.raise(vm.t.NotImplementedError, "closureviz does not support bytes (str.encode())");
}

// ---------------------------------------------------------------- str() and dunders

Value str_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  auto* cls = static_cast<TypeObject*>(method_self(vm, args, vm.t.type, "__new__").as_object());
  static const Signature sig("str", "object='', encoding='utf-8', errors='strict'");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (a.has(1) || a.has(2)) {
    if (!a.has(0)) return vm.heap.make<StrObject>(cls, std::string());
    vm.raise_type_error("decoding to str: need a bytes-like object, " + vm.type_name(a[0]) + " found");
  }
  StrObject* s = a.has(0) ? vm.to_str(a[0]) : vm.intern("");
  if (cls == vm.t.str) return s;
  if (!cls->is_subtype_of(vm.t.str))
    vm.raise_type_error("str.__new__(" + cls->name + "): " + cls->name + " is not a subtype of str");
  return vm.heap.make<StrObject>(cls, s->text);
}

// A plain str with self's text, so that the protocols apply str's own behaviour even for
// subclasses that override the special method being called (super().__len__()).
Value plain_str(VM& vm, StrObject* s) { return s->type == vm.t.str ? Value(s) : Value(vm.new_str(s->text)); }

Value str_len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__len__");
  args_none(vm, "str.__len__", args.subspan(1), kwargs);
  return vm.new_int(self->length);
}

Value str_contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__contains__");
  Value item = arg_exactly_one(vm, "str.__contains__", args.subspan(1), kwargs);
  return vm.new_bool(vm.contains(plain_str(vm, self), item));
}

Value str_getitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__getitem__");
  Value key = arg_exactly_one(vm, "str.__getitem__", args.subspan(1), kwargs);
  return vm.get_item(plain_str(vm, self), key);
}

Value str_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__repr__");
  args_none(vm, "str.__repr__", args.subspan(1), kwargs);
  return vm.new_str(str_repr(self->text));
}

Value str_str_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__str__");
  args_none(vm, "str.__str__", args.subspan(1), kwargs);
  return plain_str(vm, self);
}

Value str_hash_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__hash__");
  args_none(vm, "str.__hash__", args.subspan(1), kwargs);
  return vm.new_int(static_cast<int64_t>(self->hash()));
}

Value str_iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__iter__");
  args_none(vm, "str.__iter__", args.subspan(1), kwargs);
  return vm.get_iter(plain_str(vm, self));
}

Value str_format_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  StrObject* self = self_str(vm, args, "__format__");
  Value spec = arg_exactly_one(vm, "str.__format__", args.subspan(1), kwargs);
  return vm.format(plain_str(vm, self), arg_str(vm, spec, "__format__() argument"));
}

template <BinaryOpArg Op>
Value str_binary_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  Value other = arg_exactly_one(vm, "str." + name, args.subspan(1), kwargs);
  // As str's sq_concat / sq_repeat slots: errors rather than NotImplemented.
  if (Op == BinaryOpArg::Add && !VM::is_str(other))
    vm.raise_type_error("can only concatenate str (not \"" + vm.type_name(other) + "\") to str");
  if (Op == BinaryOpArg::Mul) return vm.binary_op(plain_str(vm, self), vm.new_int(index_bigint(vm, other)), Op);
  return vm.binary_op(plain_str(vm, self), other, Op);
}

template <CompareOpArg Op>
Value str_compare_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = method_name(data);
  StrObject* self = self_str(vm, args, name);
  Value other = arg_exactly_one(vm, "str." + name, args.subspan(1), kwargs);
  if (!VM::is_str(other)) return vm.NotImplemented;
  int c = self->text.compare(str_text(other));
  bool r = false;
  switch (Op) {
    case CompareOpArg::Lt: r = c < 0; break;
    case CompareOpArg::Le: r = c <= 0; break;
    case CompareOpArg::Eq: r = c == 0; break;
    case CompareOpArg::Ne: r = c != 0; break;
    case CompareOpArg::Gt: r = c > 0; break;
    case CompareOpArg::Ge: r = c >= 0; break;
  }
  return vm.new_bool(r);
}

}  // namespace

void install_str_methods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kMethods[] = {
      {"upper", str_transform<str_upper>},
      {"lower", str_transform<str_lower>},
      {"casefold", str_transform<str_casefold>},
      {"capitalize", str_transform<str_capitalize>},
      {"title", str_transform<str_title>},
      {"swapcase", str_transform<str_swapcase>},
      {"isdigit", str_predicate<str_isdigit>},
      {"isdecimal", str_predicate<str_isdecimal>},
      {"isnumeric", str_predicate<str_isnumeric>},
      {"isalpha", str_predicate<str_isalpha>},
      {"isalnum", str_predicate<str_isalnum>},
      {"isspace", str_predicate<str_isspace>},
      {"isupper", str_predicate<str_isupper>},
      {"islower", str_predicate<str_islower>},
      {"istitle", str_predicate<str_istitle>},
      {"isidentifier", str_predicate<str_isidentifier>},
      {"isprintable", str_predicate<str_isprintable>},
      {"isascii", str_predicate<str_isascii>},
      {"join", str_join},
      {"split", str_split_method},
      {"rsplit", str_rsplit_method},
      {"splitlines", str_splitlines_method},
      {"strip", str_strip_method<str_strip>},
      {"lstrip", str_strip_method<str_lstrip>},
      {"rstrip", str_strip_method<str_rstrip>},
      {"replace", str_replace_method},
      {"removeprefix", str_remove_affix<str_removeprefix>},
      {"removesuffix", str_remove_affix<str_removesuffix>},
      {"find", str_find_method},
      {"rfind", str_rfind_method},
      {"index", str_index_method},
      {"rindex", str_rindex_method},
      {"count", str_count_method},
      {"startswith", str_startswith_method},
      {"endswith", str_endswith_method},
      {"partition", str_partition_method},
      {"rpartition", str_rpartition_method},
      {"center", str_pad_method<str_center>},
      {"ljust", str_pad_method<str_ljust>},
      {"rjust", str_pad_method<str_rjust>},
      {"zfill", str_zfill_method},
      {"expandtabs", str_expandtabs_method},
      {"format", str_format_method},
      {"format_map", str_format_map_method},
      {"translate", str_translate_method},
      {"encode", str_encode_method},
      {"__new__", str_new},
      {"__len__", str_len_dunder},
      {"__contains__", str_contains_dunder},
      {"__getitem__", str_getitem_dunder},
      {"__iter__", str_iter_dunder},
      {"__repr__", str_repr_dunder},
      {"__str__", str_str_dunder},
      {"__hash__", str_hash_dunder},
      {"__format__", str_format_dunder},
      {"__add__", str_binary_dunder<BinaryOpArg::Add>},
      {"__mul__", str_binary_dunder<BinaryOpArg::Mul>},
      {"__rmul__", str_binary_dunder<BinaryOpArg::Mul>},
      {"__mod__", str_binary_dunder<BinaryOpArg::Mod>},
      {"__lt__", str_compare_dunder<CompareOpArg::Lt>},
      {"__le__", str_compare_dunder<CompareOpArg::Le>},
      {"__eq__", str_compare_dunder<CompareOpArg::Eq>},
      {"__ne__", str_compare_dunder<CompareOpArg::Ne>},
      {"__gt__", str_compare_dunder<CompareOpArg::Gt>},
      {"__ge__", str_compare_dunder<CompareOpArg::Ge>},
  };
  for (const Entry& e : kMethods) def_str_method(vm, e.name, e.fn);

  // str.maketrans is a static method.
  auto* maketrans = vm.heap.make<DescriptorObject>(ObjKind::StaticMethod, vm.t.staticmethod);
  BuiltinFunction* fn = vm.new_builtin("maketrans", str_maketrans);
  fn->qualname = "str.maketrans";
  maketrans->fget = fn;
  vm.def_attr(vm.t.str, "maketrans", maketrans);
}

}  // namespace cv
