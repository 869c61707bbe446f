// Unit tests for the VM's object protocols (core/ops*.cpp), checked against CPython 3.11.7.
//
// Values are built directly with the VM's allocators; the cases that need user classes run
// a short program with VM::run_main and read its globals. Expected texts are what python3
// prints for the same expression (the expression is given next to each check).
#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/ops.h"
#include "core/vm.h"

namespace {

using cv::BinaryOpArg;
using cv::CompareOpArg;
using cv::Value;

Value small(int64_t v) { return Value::small_int(v); }

// "Type: message" for the exception `f` raises, or "" when it returns normally.
std::string error_of(cv::VM& vm, const std::function<void()>& f) {
  try {
    f();
  } catch (cv::PyRaise& e) {
    return vm.format_exception_only(e.exception);
  } catch (cv::PyError& e) {
    return e.type_name + ": " + e.message;
  }
  return "";
}

std::string repr(cv::VM& vm, Value v) { return vm.repr(v)->text; }
std::string str(cv::VM& vm, Value v) { return vm.to_str(v)->text; }

Value global(cv::VM& vm, const char* name) {
  int64_t i = vm.main_globals->table.find_str(vm.intern(name));
  REQUIRE(i >= 0);
  return vm.main_globals->table.entries()[size_t(i)].value;
}

std::string global_repr(cv::VM& vm, const char* name) { return repr(vm, global(vm, name)); }

cv::SliceObject* slice(cv::VM& vm, Value start, Value stop, Value step) {
  cv::SliceObject* s = vm.heap.make<cv::SliceObject>(vm.t.slice);
  s->start = start ? start : vm.None;
  s->stop = stop ? stop : vm.None;
  s->step = step ? step : vm.None;
  return s;
}

}  // namespace

TEST_CASE("arithmetic on ints, bools and floats", "[ops]") {
  cv::VM vm;
  auto op = [&](Value a, Value b, BinaryOpArg o) { return repr(vm, vm.binary_op(a, b, o)); };
  CHECK(op(small(7), small(-2), BinaryOpArg::FloorDiv) == "-4");                    // 7 // -2
  CHECK(op(small(-7), small(3), BinaryOpArg::Mod) == "2");                           // -7 % 3
  CHECK(op(small(7), small(2), BinaryOpArg::TrueDiv) == "3.5");                      // 7 / 2
  CHECK(op(small(2), small(100), BinaryOpArg::Pow) == "1267650600228229401496703205376");
  CHECK(op(small(2), small(-1), BinaryOpArg::Pow) == "0.5");                         // 2 ** -1
  CHECK(op(vm.True, small(1), BinaryOpArg::Add) == "2");                             // True + 1
  CHECK(op(vm.True, vm.False, BinaryOpArg::Or) == "True");                           // True | False
  CHECK(op(small(1), vm.new_float(2.5), BinaryOpArg::Add) == "3.5");
  CHECK(op(small(-5), small(1), BinaryOpArg::RShift) == "-3");
  CHECK(op(small(1), small(70), BinaryOpArg::LShift) == "1180591620717411303424");
  // Results that fit are small ints again: (2**62) - (2**62 - 1)
  Value big = vm.binary_op(small(2), small(62), BinaryOpArg::Pow);
  Value r = vm.binary_op(big, vm.binary_op(big, small(1), BinaryOpArg::Sub), BinaryOpArg::Sub);
  CHECK(r.is_small_int());
  CHECK(r.as_small_int() == 1);
  CHECK(error_of(vm, [&] { vm.binary_op(small(1), small(0), BinaryOpArg::TrueDiv); }) == "ZeroDivisionError: division by zero");
  CHECK(error_of(vm, [&] { vm.binary_op(small(1), small(0), BinaryOpArg::FloorDiv); }) ==
        "ZeroDivisionError: integer division or modulo by zero");
}

TEST_CASE("operator type errors are worded as CPython's", "[ops]") {
  cv::VM vm;
  Value s = vm.new_str("a");
  Value l = vm.new_list({small(1)});
  Value t = vm.new_tuple({small(1)});
  CHECK(error_of(vm, [&] { vm.binary_op(small(1), s, BinaryOpArg::Add); }) ==
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  CHECK(error_of(vm, [&] { vm.binary_op(s, small(1), BinaryOpArg::Add); }) ==
        "TypeError: can only concatenate str (not \"int\") to str");
  CHECK(error_of(vm, [&] { vm.binary_op(l, t, BinaryOpArg::Add); }) ==
        "TypeError: can only concatenate list (not \"tuple\") to list");
  CHECK(error_of(vm, [&] { vm.binary_op(l, vm.new_float(1.5), BinaryOpArg::Mul); }) ==
        "TypeError: can't multiply sequence by non-int of type 'float'");
  CHECK(error_of(vm, [&] { vm.binary_op(small(2), s, BinaryOpArg::Pow); }) ==
        "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  CHECK(error_of(vm, [&] { vm.binary_op(small(2), s, BinaryOpArg::InplaceAdd); }) ==
        "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
  CHECK(error_of(vm, [&] { vm.compare(small(1), s, CompareOpArg::Lt); }) ==
        "TypeError: '<' not supported between instances of 'int' and 'str'");
  CHECK(error_of(vm, [&] { vm.unary_op(s, cv::UnaryOpArg::Negative); }) == "TypeError: bad operand type for unary -: 'str'");
}

TEST_CASE("sequence operators", "[ops]") {
  cv::VM vm;
  Value l = vm.new_list({small(1), small(2)});
  CHECK(repr(vm, vm.binary_op(vm.new_str("ab"), small(3), BinaryOpArg::Mul)) == "'ababab'");
  CHECK(repr(vm, vm.binary_op(small(2), l, BinaryOpArg::Mul)) == "[1, 2, 1, 2]");
  CHECK(repr(vm, vm.binary_op(vm.new_tuple({small(1)}), vm.new_tuple({small(2)}), BinaryOpArg::Add)) == "(1, 2)");
  // list += iterable extends the same list
  Value r = vm.binary_op(l, vm.new_tuple({small(3)}), BinaryOpArg::InplaceAdd);
  CHECK(r == l);
  CHECK(repr(vm, l) == "[1, 2, 3]");
  CHECK(error_of(vm, [&] { vm.binary_op(l, small(1), BinaryOpArg::InplaceAdd); }) == "TypeError: 'int' object is not iterable");
}

TEST_CASE("printf-style formatting", "[ops]") {
  cv::VM vm;
  auto fmt = [&](const char* f, Value args) { return str(vm, vm.binary_op(vm.new_str(f), args, BinaryOpArg::Mod)); };
  CHECK(fmt("%s and %r %d %5.2f %x %%", vm.new_tuple({vm.new_str("a"), vm.new_str("b"), small(42), vm.new_float(3.14159),
                                                       small(255)})) == "a and 'b' 42  3.14 ff %");
  cv::DictObject* d = vm.new_dict();
  cv::dict_set(vm, d, vm.new_str("x"), small(7));
  CHECK(fmt("%(x)03d", d) == "007");
  CHECK(fmt("%s", vm.new_list({small(1)})) == "[1]");
  CHECK(fmt("hello", vm.new_list({})) == "hello");  // a mapping-like argument is never "not converted"
  CHECK(error_of(vm, [&] { fmt("%s %s", vm.new_tuple({small(1)})); }) == "TypeError: not enough arguments for format string");
  CHECK(error_of(vm, [&] { fmt("%s", vm.new_tuple({small(1), small(2)})); }) ==
        "TypeError: not all arguments converted during string formatting");
  CHECK(error_of(vm, [&] { fmt("%d", vm.new_str("a")); }) == "TypeError: %d format: a real number is required, not str");
}

TEST_CASE("repr and str of builtin values", "[ops]") {
  cv::VM vm;
  CHECK(repr(vm, vm.new_list({small(1), vm.new_str("a"), vm.None})) == "[1, 'a', None]");
  CHECK(repr(vm, vm.new_tuple({small(1)})) == "(1,)");
  CHECK(repr(vm, vm.new_tuple({})) == "()");
  CHECK(repr(vm, vm.new_float(1e16)) == "1e+16");
  CHECK(repr(vm, vm.new_float(0.1)) == "0.1");
  CHECK(repr(vm, vm.True) == "True");
  CHECK(repr(vm, vm.new_set(false)) == "set()");
  CHECK(repr(vm, vm.new_set(true)) == "frozenset()");
  CHECK(repr(vm, vm.heap.make<cv::RangeObject>(vm.t.range, 0, 5, 1)) == "range(0, 5)");
  CHECK(repr(vm, vm.heap.make<cv::RangeObject>(vm.t.range, 1, 10, 2)) == "range(1, 10, 2)");
  CHECK(repr(vm, slice(vm, small(1), small(2), Value())) == "slice(1, 2, None)");
  CHECK(repr(vm, vm.t.int_) == "<class 'int'>");
  CHECK(repr(vm, vm.new_str("it's")) == "\"it's\"");
  // Self-containing containers
  cv::ListObject* l = vm.new_list({small(1)});
  l->items.push_back(l);
  CHECK(repr(vm, l) == "[1, [...]]");
  cv::DictObject* d = vm.new_dict();
  cv::dict_set(vm, d, small(1), d);
  CHECK(repr(vm, d) == "{1: {...}}");
  // Exceptions: str() shows the argument, KeyError its repr
  CHECK(str(vm, vm.new_exception(vm.t.ValueError, "msg")) == "msg");
  CHECK(repr(vm, vm.new_exception(vm.t.ValueError, "msg")) == "ValueError('msg')");
  CHECK(str(vm, vm.new_exception(vm.t.KeyError, std::vector<Value>{vm.new_str("k")})) == "'k'");
  CHECK(str(vm, vm.new_exception(vm.t.ValueError, std::vector<Value>{})) == "");
  CHECK(str(vm, vm.new_exception(vm.t.ValueError, std::vector<Value>{small(1), small(2)})) == "(1, 2)");
}

TEST_CASE("sets print in CPython's order and combine like CPython's", "[ops][set]") {
  cv::VM vm;
  auto make = [&](std::vector<int64_t> keys) {
    cv::SetObject* s = vm.new_set(false);
    for (int64_t k : keys) s->table.insert(vm, small(k), vm.hash(small(k)), Value());
    return s;
  };
  cv::SetObject* a = make({1, 2, 3, 4});
  cv::SetObject* b = make({3, 4, 5});
  CHECK(repr(vm, make({3, 1, 2})) == "{1, 2, 3}");
  CHECK(repr(vm, vm.binary_op(a, b, BinaryOpArg::Or)) == "{1, 2, 3, 4, 5}");
  CHECK(repr(vm, vm.binary_op(a, b, BinaryOpArg::And)) == "{3, 4}");
  CHECK(repr(vm, vm.binary_op(a, b, BinaryOpArg::Sub)) == "{1, 2}");
  CHECK(repr(vm, vm.binary_op(a, b, BinaryOpArg::Xor)) == "{1, 2, 5}");
  CHECK(vm.compare(make({1, 2}), a, CompareOpArg::Lt) == vm.True);
  CHECK(vm.equals(make({2, 1}), make({1, 2})));
  CHECK(error_of(vm, [&] { vm.binary_op(a, vm.new_list({}), BinaryOpArg::Or); }) ==
        "TypeError: unsupported operand type(s) for |: 'set' and 'list'");
}

TEST_CASE("comparisons and equality", "[ops]") {
  cv::VM vm;
  Value nan = vm.new_float(std::numeric_limits<double>::quiet_NaN());
  Value big = vm.binary_op(small(2), small(53), BinaryOpArg::Pow);
  Value big_plus_one = vm.binary_op(big, small(1), BinaryOpArg::Add);
  Value two53 = vm.new_float(9007199254740992.0);
  CHECK(vm.compare(big_plus_one, two53, CompareOpArg::Eq) == vm.False);  // 2**53 + 1 == 2.0**53
  CHECK(vm.compare(big_plus_one, two53, CompareOpArg::Gt) == vm.True);
  CHECK(vm.compare(small(1), vm.new_float(1.0), CompareOpArg::Eq) == vm.True);
  CHECK(vm.compare(nan, nan, CompareOpArg::Eq) == vm.False);
  CHECK(vm.compare(nan, nan, CompareOpArg::Ne) == vm.True);
  // Containers compare items by identity first: [nan] == [nan]
  CHECK(vm.compare(vm.new_list({nan}), vm.new_list({nan}), CompareOpArg::Eq) == vm.True);
  CHECK(vm.compare(vm.new_list({small(1), small(2)}), vm.new_list({small(1), small(3)}), CompareOpArg::Lt) == vm.True);
  CHECK(vm.compare(vm.new_tuple({small(1), small(2)}), vm.new_tuple({small(1)}), CompareOpArg::Gt) == vm.True);
  CHECK(vm.compare(vm.new_str("Z"), vm.new_str("a"), CompareOpArg::Lt) == vm.True);
  CHECK(vm.compare(vm.new_str("\xc3\xa9"), vm.new_str("z"), CompareOpArg::Gt) == vm.True);  // 'é' > 'z'
  CHECK(vm.compare(small(1), vm.new_str("1"), CompareOpArg::Eq) == vm.False);
}

TEST_CASE("hashes agree for equal numbers and follow CPython's algorithms", "[ops]") {
  cv::VM vm;
  CHECK(vm.hash(small(1)) == vm.hash(vm.new_float(1.0)));
  CHECK(vm.hash(small(1)) == vm.hash(vm.True));
  CHECK(int64_t(vm.hash(small(-1))) == -2);
  CHECK(int64_t(vm.hash(vm.new_tuple({small(1), small(2)}))) == -3550055125485641917);  // hash((1, 2))
  CHECK(int64_t(vm.hash(vm.new_tuple({}))) == 5740354900026072187);                      // hash(())
  cv::SetObject* fs = vm.new_set(true);
  for (int64_t k : {1, 2}) fs->table.insert(vm, small(k), vm.hash(small(k)), Value());
  CHECK(int64_t(vm.hash(fs)) == -1826646154956904602);  // hash(frozenset({1, 2}))
  CHECK(error_of(vm, [&] { vm.hash(vm.new_list({})); }) == "TypeError: unhashable type: 'list'");
  CHECK(error_of(vm, [&] { vm.hash(vm.new_tuple({vm.new_dict()})); }) == "TypeError: unhashable type: 'dict'");
}

TEST_CASE("truth values", "[ops]") {
  cv::VM vm;
  CHECK_FALSE(vm.truthy(small(0)));
  CHECK_FALSE(vm.truthy(vm.new_float(0.0)));
  CHECK_FALSE(vm.truthy(vm.new_str("")));
  CHECK_FALSE(vm.truthy(vm.new_list({})));
  CHECK_FALSE(vm.truthy(vm.new_dict()));
  CHECK_FALSE(vm.truthy(vm.heap.make<cv::RangeObject>(vm.t.range, 0, 0, 1)));
  CHECK(vm.truthy(vm.new_tuple({vm.None})));
  CHECK(vm.truthy(vm.NotImplemented));
}

TEST_CASE("indexing and slicing", "[ops]") {
  cv::VM vm;
  Value l = vm.new_list({small(1), small(2), small(3), small(4), small(5)});
  Value s = vm.new_str("h\xc3\xa9llo");  // "héllo"
  CHECK(repr(vm, vm.get_item(l, small(-1))) == "5");
  CHECK(repr(vm, vm.get_item(l, slice(vm, Value(), Value(), small(2)))) == "[1, 3, 5]");
  CHECK(repr(vm, vm.get_item(s, small(1))) == "'\xc3\xa9'");
  CHECK(repr(vm, vm.get_item(s, slice(vm, Value(), Value(), small(-1)))) == "'oll\xc3\xa9h'");
  Value r = vm.heap.make<cv::RangeObject>(vm.t.range, 0, 10, 1);
  CHECK(repr(vm, vm.get_item(r, slice(vm, Value(), Value(), small(-1)))) == "range(9, -1, -1)");
  CHECK(error_of(vm, [&] { vm.get_item(l, small(5)); }) == "IndexError: list index out of range");
  CHECK(error_of(vm, [&] { vm.get_item(s, small(9)); }) == "IndexError: string index out of range");
  CHECK(error_of(vm, [&] { vm.get_item(l, vm.new_str("a")); }) == "TypeError: list indices must be integers or slices, not str");
  CHECK(error_of(vm, [&] { vm.get_item(s, vm.new_float(1.0)); }) == "TypeError: string indices must be integers, not 'float'");
  CHECK(error_of(vm, [&] { vm.get_item(small(1), small(0)); }) == "TypeError: 'int' object is not subscriptable");
  // Slice assignment and deletion
  vm.set_item(l, slice(vm, small(1), small(3), Value()), vm.new_str("ab"));
  CHECK(repr(vm, l) == "[1, 'a', 'b', 4, 5]");
  vm.del_item(l, slice(vm, Value(), Value(), small(2)));
  CHECK(repr(vm, l) == "['a', 4]");
  CHECK(error_of(vm, [&] { vm.set_item(l, slice(vm, Value(), Value(), small(2)), vm.new_list({})); }) ==
        "ValueError: attempt to assign sequence of size 0 to extended slice of size 1");
  CHECK(error_of(vm, [&] { vm.set_item(vm.new_tuple({}), small(0), small(1)); }) ==
        "TypeError: 'tuple' object does not support item assignment");
}

TEST_CASE("dict subscripts, defaultdict factories and KeyError", "[ops]") {
  cv::VM vm;
  cv::DictObject* d = vm.new_dict();
  vm.set_item(d, vm.new_str("a"), small(1));
  CHECK(repr(vm, vm.get_item(d, vm.new_str("a"))) == "1");
  CHECK(error_of(vm, [&] { vm.get_item(d, vm.new_str("b")); }) == "KeyError: 'b'");
  CHECK(error_of(vm, [&] { vm.get_item(d, vm.new_list({})); }) == "TypeError: unhashable type: 'list'");
  CHECK(vm.contains(d, vm.new_str("a")));
  vm.del_item(d, vm.new_str("a"));
  CHECK(vm.length(d) == 0);
}

TEST_CASE("membership and iteration", "[ops]") {
  cv::VM vm;
  Value r = vm.heap.make<cv::RangeObject>(vm.t.range, 0, 10, 2);
  CHECK(vm.contains(r, small(4)));
  CHECK_FALSE(vm.contains(r, small(5)));
  CHECK(vm.contains(r, vm.new_float(4.0)));
  CHECK(vm.contains(vm.new_str("h\xc3\xa9llo"), vm.new_str("\xc3\xa9l")));
  CHECK(error_of(vm, [&] { vm.contains(vm.new_str("a"), small(1)); }) ==
        "TypeError: 'in <string>' requires string as left operand, not int");
  CHECK(error_of(vm, [&] { vm.contains(small(1), small(1)); }) == "TypeError: argument of type 'int' is not iterable");
  CHECK(repr(vm, vm.new_list(vm.to_vector(vm.new_str("h\xc3\xa9")))) == "['h', '\xc3\xa9']");
  CHECK(repr(vm, vm.new_list(vm.to_vector(r))) == "[0, 2, 4, 6, 8]");
  // A list iterator sees appends; a dict iterator refuses a size change.
  cv::ListObject* l = vm.new_list({small(1)});
  Value it = vm.get_iter(l);
  CHECK(vm.next(it) == small(1));
  l->items.push_back(small(2));
  CHECK(vm.next(it) == small(2));
  CHECK(vm.next(it).is_null());
  cv::DictObject* d = vm.new_dict();
  cv::dict_set(vm, d, small(1), small(1));
  Value dit = vm.get_iter(d);
  cv::dict_set(vm, d, small(2), small(2));
  CHECK(error_of(vm, [&] { vm.next(dit); }) == "RuntimeError: dictionary changed size during iteration");
  CHECK(error_of(vm, [&] { vm.get_iter(small(1)); }) == "TypeError: 'int' object is not iterable");
  CHECK(error_of(vm, [&] { vm.length(small(1)); }) == "TypeError: object of type 'int' has no len()");
}

TEST_CASE("format() of builtin values", "[ops]") {
  cv::VM vm;
  CHECK(str(vm, vm.format(vm.True, vm.new_str(""))) == "True");
  CHECK(str(vm, vm.format(vm.True, vm.new_str(">5"))) == "    1");
  CHECK(str(vm, vm.format(vm.new_float(3.14159), vm.new_str(".2f"))) == "3.14");
  CHECK(str(vm, vm.format(small(255), vm.new_str("x"))) == "ff");
  CHECK(error_of(vm, [&] { vm.format(vm.None, vm.new_str("x")); }) ==
        "TypeError: unsupported format string passed to NoneType.__format__");
}

TEST_CASE("attributes of builtin objects", "[ops]") {
  cv::VM vm;
  CHECK(vm.get_attr(small(5), vm.intern("__class__")) == Value(vm.t.int_));
  CHECK(repr(vm, vm.get_attr(vm.heap.make<cv::RangeObject>(vm.t.range, 1, 9, 2), vm.intern("step"))) == "2");
  CHECK(error_of(vm, [&] { vm.get_attr(small(1), vm.intern("nope")); }) == "AttributeError: 'int' object has no attribute 'nope'");
  CHECK(error_of(vm, [&] { vm.set_attr(small(1), vm.intern("x"), small(2)); }) ==
        "AttributeError: 'int' object has no attribute 'x'");
  CHECK(error_of(vm, [&] { vm.set_attr(vm.t.int_, vm.intern("x"), small(2)); }) ==
        "TypeError: cannot set 'x' attribute of immutable type 'int'");
  CHECK(error_of(vm, [&] { vm.get_attr(vm.t.int_, vm.intern("nope")); }) ==
        "AttributeError: type object 'int' has no attribute 'nope'");
  CHECK(vm.get_attr_or_null(vm.None, vm.intern("nope")).is_null());
  cv::CellObject* cell = vm.heap.make<cv::CellObject>(vm.t.cell);
  CHECK(error_of(vm, [&] { vm.get_attr(cell, vm.intern("cell_contents")); }) == "ValueError: Cell is empty");
}

TEST_CASE("user classes dispatch through their special methods", "[ops]") {
  cv::VM vm;
  vm.run_main(
      "class V:\n"
      "    def __init__(self, x): self.x = x\n"
      "    def __repr__(self): return 'V(' + repr(self.x) + ')'\n"
      "    def __add__(self, o): return V(self.x + o)\n"
      "    def __radd__(self, o): return V(o * 100 + self.x)\n"
      "    def __eq__(self, o): return self.x == o.x\n"
      "    def __lt__(self, o): return self.x < o.x\n"
      "    def __len__(self): return self.x\n"
      "    def __getitem__(self, i):\n"
      "        if i >= self.x: raise IndexError(i)\n"
      "        return i * 10\n"
      "class W(V):\n"
      "    def __radd__(self, o): return 'W.radd'\n"
      "a = V(1) + 2\n"
      "b = 3 + V(1)\n"
      "c = V(1) + W(2)\n"
      "d = V(2) > V(1)\n"
      "e = V(1) != V(2)\n"
      "f = [x for x in V(3)]\n"
      "g = 20 in V(3)\n"
      "h = not V(0)\n"
      "class P:\n"
      "    def __init__(self): self._v = 1\n"
      "    @property\n"
      "    def v(self): return self._v\n"
      "    @staticmethod\n"
      "    def sm(a): return a + 1\n"
      "    @classmethod\n"
      "    def cm(cls, a): return (cls, a)\n"
      "p = P()\n"
      "i = (p.v, P.sm(1), p.cm(2))\n"
      "class G:\n"
      "    def __getattr__(self, name): return 'dyn_' + name\n"
      "j = G().anything\n"
      "class Base:\n"
      "    def hello(self): return 'base'\n"
      "class Derived(Base):\n"
      "    def hello(self): return 'derived+' + super().hello()\n"
      "k = Derived().hello()\n",
      "<test>");
  CHECK(global_repr(vm, "a") == "V(3)");
  CHECK(global_repr(vm, "b") == "V(301)");
  CHECK(global_repr(vm, "c") == "'W.radd'");  // the subclass's reflected method goes first
  CHECK(global_repr(vm, "d") == "True");      // V.__gt__ is missing: reflected __lt__
  CHECK(global_repr(vm, "e") == "True");      // __ne__ inverts __eq__
  CHECK(global_repr(vm, "f") == "[0, 10, 20]");
  CHECK(global_repr(vm, "g") == "True");
  CHECK(global_repr(vm, "h") == "True");
  CHECK(global_repr(vm, "i") == "(1, 2, (<class '__main__.P'>, 2))");
  CHECK(global_repr(vm, "j") == "'dyn_anything'");
  CHECK(global_repr(vm, "k") == "'derived+base'");
  Value v = global(vm, "V");
  CHECK(error_of(vm, [&] { vm.hash(vm.call(v, {small(1)})); }) == "TypeError: unhashable type: 'V'");
  CHECK(error_of(vm, [&] { vm.get_attr(global(vm, "p"), vm.intern("nope")); }) ==
        "AttributeError: 'P' object has no attribute 'nope'");
  CHECK(error_of(vm, [&] { vm.set_attr(global(vm, "p"), vm.intern("v"), small(1)); }) ==
        "AttributeError: property 'v' of 'P' object has no setter");
}
