// Unit tests for the native library: builtins (builtins.cpp), the methods of builtin types
// (methods_*.cpp), the library modules (module_*.cpp) and argument binding (native_args.cpp).
//
// Each check runs a one-line expression through the whole interpreter and compares what it
// prints with what python3 (3.11.7) printed for the same line when this file was generated
// by tests/unit/gen_test_builtins.py: the repr of the result, or "Type: message" of the error.
#include <catch2/catch.hpp>

#include <string>

#include "core/interpreter.h"

namespace {

const char* const kPrelude =
    "import functools, itertools, math, operator\n"
    "from collections import namedtuple, defaultdict, Counter, OrderedDict, deque, ChainMap\n"
    "def show(f):\n"
    "    try:\n"
    "        print(repr(f()))\n"
    "    except Exception as e:\n"
    "        print(type(e).__name__ + ':', e)\n"
;

// What `show(lambda: EXPR)` prints under closureviz.
std::string show(const std::string& expression) {
  std::string printed;
  cv::ProgramOptions options;
  options.filename = "<test>";
  options.write_stdout = [&](std::string_view s) { printed += s; };
  cv::ProgramOutcome outcome = cv::run_program(std::string(kPrelude) + "show(lambda: " + expression + ")\n", options);
  if (!outcome.ok) printed += "uncaught " + outcome.error_type + ": " + outcome.error_message + "\n";
  return printed;
}

}  // namespace

TEST_CASE("argument binding errors are worded as CPython's", "[builtins][args]") {
  CHECK(show("len(1, 2)") == "TypeError: len() takes exactly one argument (2 given)\n");
  CHECK(show("len()") == "TypeError: len() takes exactly one argument (0 given)\n");
  CHECK(show("sorted()") == "TypeError: sorted expected 1 argument, got 0\n");
  CHECK(show("sorted([], foo=1)") == "TypeError: 'foo' is an invalid keyword argument for sort()\n");
  CHECK(show("sorted([], key=len, reverse=True, x=1)") == "TypeError: sort() takes at most 2 keyword arguments (3 given)\n");
  CHECK(show("print(x=1)") == "TypeError: 'x' is an invalid keyword argument for print()\n");
  CHECK(show("divmod(1)") == "TypeError: divmod expected 2 arguments, got 1\n");
  CHECK(show("round()") == "TypeError: round() missing required argument 'number' (pos 1)\n");
  CHECK(show("round(1, 2, 3)") == "TypeError: round() takes at most 2 arguments (3 given)\n");
  CHECK(show("pow(1)") == "TypeError: pow() missing required argument 'exp' (pos 2)\n");
  CHECK(show("enumerate()") == "TypeError: enumerate() missing required argument 'iterable'\n");
  CHECK(show("enumerate([], 1, 2)") == "TypeError: enumerate() takes at most 2 arguments (3 given)\n");
  CHECK(show("sum()") == "TypeError: sum() takes at least 1 positional argument (0 given)\n");
  CHECK(show("abs(x=1)") == "TypeError: abs() takes no keyword arguments\n");
  CHECK(show("isinstance(1)") == "TypeError: isinstance expected 2 arguments, got 1\n");
  CHECK(show("getattr(1)") == "TypeError: getattr expected at least 2 arguments, got 1\n");
  CHECK(show("max()") == "TypeError: max expected at least 1 argument, got 0\n");
  CHECK(show("min(default=1)") == "TypeError: min expected at least 1 argument, got 0\n");
  CHECK(show("[].append()") == "TypeError: list.append() takes exactly one argument (0 given)\n");
  CHECK(show("[].copy(1)") == "TypeError: list.copy() takes no arguments (1 given)\n");
  CHECK(show("[].insert(1)") == "TypeError: insert expected 2 arguments, got 1\n");
  CHECK(show("[].pop(1, 2)") == "TypeError: pop expected at most 1 argument, got 2\n");
  CHECK(show("[].sort(1)") == "TypeError: sort() takes no positional arguments\n");
  CHECK(show("{}.get()") == "TypeError: get expected at least 1 argument, got 0\n");
  CHECK(show("'a'.find()") == "TypeError: find() takes at least 1 argument (0 given)\n");
  CHECK(show("'a'.split(x=1)") == "TypeError: 'x' is an invalid keyword argument for split()\n");
  CHECK(show("'a'.strip(' ', 2)") == "TypeError: strip expected at most 1 argument, got 2\n");
  CHECK(show("list.append(1, 2)") == "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object\n");
  CHECK(show("list.append()") == "TypeError: unbound method list.append() needs an argument\n");
  CHECK(show("str.maketrans(1)") == "TypeError: if you give only one argument to maketrans it must be a dict\n");
  CHECK(show("'a'.center(3, 'ab')") == "TypeError: The fill character must be exactly one character long\n");
}

TEST_CASE("builtin functions", "[builtins]") {
  CHECK(show("sorted([3, 1, 2], key=lambda x: -x)") == "[3, 2, 1]\n");
  CHECK(show("sorted('bca', reverse=True)") == "['c', 'b', 'a']\n");
  CHECK(show("max([], default=7)") == "7\n");
  CHECK(show("max([])") == "ValueError: max() arg is an empty sequence\n");
  CHECK(show("max(3, 9, 2, key=lambda x: x % 3)") == "2\n");
  CHECK(show("min('hello')") == "'e'\n");
  CHECK(show("max(1, 2, default=3)") == "TypeError: Cannot specify a default for max() with multiple positional arguments\n");
  CHECK(show("sum([1, 2, 3], 10)") == "16\n");
  CHECK(show("sum(['a'], '')") == "TypeError: sum() can't sum strings [use ''.join(seq) instead]\n");
  CHECK(show("abs(-5)") == "5\n");
  CHECK(show("abs('x')") == "TypeError: bad operand type for abs(): 'str'\n");
  CHECK(show("any([0, 0, 1])") == "True\n");
  CHECK(show("all([])") == "True\n");
  CHECK(show("isinstance(1, (str, (float, int)))") == "True\n");
  CHECK(show("isinstance(1, 1)") == "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union\n");
  CHECK(show("issubclass(bool, int)") == "True\n");
  CHECK(show("chr(65) + chr(0x3b1)") == "'Aα'\n");
  CHECK(show("ord('ab')") == "TypeError: ord() expected a character, but string of length 2 found\n");
  CHECK(show("chr(-1)") == "ValueError: chr() arg not in range(0x110000)\n");
  CHECK(show("hex(-255) + oct(8) + bin(5)") == "'-0xff0o100b101'\n");
  CHECK(show("round(2.5)") == "2\n");
  CHECK(show("round(2.675, 2)") == "2.67\n");
  CHECK(show("round(1250, -2)") == "1200\n");
  CHECK(show("divmod(7, -2)") == "(-4, -1)\n");
  CHECK(show("divmod(7.5, 2)") == "(3.0, 1.5)\n");
  CHECK(show("divmod('a', 1)") == "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'\n");
  CHECK(show("pow(3, 4, 5)") == "1\n");
  CHECK(show("pow(2, -1, 7)") == "4\n");
  CHECK(show("pow(2.0, 3, 5)") == "TypeError: pow() 3rd argument not allowed unless all arguments are integers\n");
  CHECK(show("callable(len)") == "True\n");
  CHECK(show("getattr(1, 'nope', 'default')") == "'default'\n");
  CHECK(show("getattr(1, 'nope')") == "AttributeError: 'int' object has no attribute 'nope'\n");
  CHECK(show("hasattr('x', 'upper')") == "True\n");
  CHECK(show("next(iter([]), 'end')") == "'end'\n");
  CHECK(show("next(5)") == "TypeError: 'int' object is not an iterator\n");
  CHECK(show("ascii('é')") == "\"'\\\\xe9'\"\n");
  CHECK(show("vars(5)") == "TypeError: vars() argument must have __dict__ attribute\n");
  CHECK(show("list(reversed(range(4)))") == "[3, 2, 1, 0]\n");
  CHECK(show("reversed(5)") == "TypeError: 'int' object is not reversible\n");
  CHECK(show("list(zip('ab', [1], strict=True))") == "ValueError: zip() argument 2 is shorter than argument 1\n");
  CHECK(show("list(map(lambda a, b: a * b, [1, 2], [3, 4]))") == "[3, 8]\n");
  CHECK(show("list(filter(None, [0, 1, '', 'x']))") == "[1, 'x']\n");
  CHECK(show("list(enumerate('ab', 1))") == "[(1, 'a'), (2, 'b')]\n");
  CHECK(show("format(3.14159, '.2f')") == "'3.14'\n");
}

TEST_CASE("constructors of the builtin types", "[builtins][types]") {
  CHECK(show("int('abc')") == "ValueError: invalid literal for int() with base 10: 'abc'\n");
  CHECK(show("int([])") == "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'\n");
  CHECK(show("int('ff', 16)") == "255\n");
  CHECK(show("int(' 42 ')") == "42\n");
  CHECK(show("int(3.9)") == "3\n");
  CHECK(show("int('1_000')") == "1000\n");
  CHECK(show("int(1.5, 2)") == "TypeError: int() can't convert non-string with explicit base\n");
  CHECK(show("int(base=2)") == "TypeError: int() missing string argument\n");
  CHECK(show("float('1e3')") == "1000.0\n");
  CHECK(show("float('abc')") == "ValueError: could not convert string to float: 'abc'\n");
  CHECK(show("float([])") == "TypeError: float() argument must be a string or a real number, not 'list'\n");
  CHECK(show("str(123)") == "'123'\n");
  CHECK(show("bool([])") == "False\n");
  CHECK(show("list('abc')") == "['a', 'b', 'c']\n");
  CHECK(show("tuple([1, 2])") == "(1, 2)\n");
  CHECK(show("dict([('a', 1)], b=2)") == "{'a': 1, 'b': 2}\n");
  CHECK(show("dict([1])") == "TypeError: cannot convert dictionary update sequence element #0 to a sequence\n");
  CHECK(show("dict([(1,)])") == "ValueError: dictionary update sequence element #0 has length 1; 2 is required\n");
  CHECK(show("set([3, 1, 2, 1])") == "{1, 2, 3}\n");
  CHECK(show("frozenset('aab') == frozenset('ab')") == "True\n");
  CHECK(show("list(range(0, 10, 3))") == "[0, 3, 6, 9]\n");
  CHECK(show("range(1, 2, 0)") == "ValueError: range() arg 3 must not be zero\n");
  CHECK(show("type(3)") == "<class 'int'>\n");
  CHECK(show("object(1)") == "TypeError: object() takes no arguments\n");
  CHECK(show("super(1)") == "TypeError: super() argument 1 must be a type, not int\n");
  CHECK(show("property(1, 2, 3, 4, 5)") == "TypeError: property() takes at most 4 arguments (5 given)\n");
  CHECK(show("repr(Exception(1, 2))") == "'Exception(1, 2)'\n");
  CHECK(show("str(KeyError('a'))") == "\"'a'\"\n");
  CHECK(show("StopIteration(5).value") == "5\n");
  CHECK(show("slice(1, 5, 2).indices(3)") == "(1, 3, 2)\n");
  CHECK(show("range(3).index(5)") == "ValueError: 5 is not in range\n");
}

TEST_CASE("str methods", "[methods][str]") {
  CHECK(show("'  x  '.strip() + '|'") == "'x|'\n");
  CHECK(show("'a,b,,c'.split(',')") == "['a', 'b', '', 'c']\n");
  CHECK(show("'a b  c'.split()") == "['a', 'b', 'c']\n");
  CHECK(show("'a b c'.rsplit(' ', 1)") == "['a b', 'c']\n");
  CHECK(show("'x\\ny\\r\\nz'.splitlines()") == "['x', 'y', 'z']\n");
  CHECK(show("'-'.join(['a', 1])") == "TypeError: sequence item 1: expected str instance, int found\n");
  CHECK(show("'hello'.replace('l', 'L', 1)") == "'heLlo'\n");
  CHECK(show("'hello'.index('z')") == "ValueError: substring not found\n");
  CHECK(show("'hello'.count('l')") == "2\n");
  CHECK(show("'hello'.startswith(('he', 'x'))") == "True\n");
  CHECK(show("'a'.startswith(1)") == "TypeError: startswith first arg must be str or a tuple of str, not int\n");
  CHECK(show("'hello world'.title()") == "'Hello World'\n");
  CHECK(show("'ab'.center(6, '*') + '42'.zfill(5) + '-42'.zfill(5)") == "'**ab**00042-0042'\n");
  CHECK(show("'a:b:c'.partition(':') + 'a:b:c'.rpartition(':')") == "('a', ':', 'b:c', 'a:b', ':', 'c')\n");
  CHECK(show("'a\\tb'.expandtabs(4)") == "'a   b'\n");
  CHECK(show("'{} {}'.format(1, 2)") == "'1 2'\n");
  CHECK(show("'{1} {0}'.format('a', 'b')") == "'b a'\n");
  CHECK(show("'{x} {y!r}'.format(x=1, y='s')") == "\"1 's'\"\n");
  CHECK(show("'{0[1]} {0[k]}'.format({1: 'one', 'k': 'kay'})") == "'one kay'\n");
  CHECK(show("'{:>{w}.{p}f}'.format(3.14159, w=10, p=2)") == "'      3.14'\n");
  CHECK(show("'{{lit}} {}'.format(5)") == "'{lit} 5'\n");
  CHECK(show("'{} {}'.format(1)") == "IndexError: Replacement index 1 out of range for positional args tuple\n");
  CHECK(show("'{0} {}'.format(1, 2)") == "ValueError: cannot switch from manual field specification to automatic field numbering\n");
  CHECK(show("'{'.format()") == "ValueError: Single '{' encountered in format string\n");
  CHECK(show("'{0!x}'.format(1)") == "ValueError: Unknown conversion specifier x\n");
  CHECK(show("'{name}'.format_map({'name': 'map'})") == "'map'\n");
  CHECK(show("'abc'.translate(str.maketrans('ab', 'xy', 'c'))") == "'xy'\n");
}

TEST_CASE("list, tuple, dict and set methods", "[methods]") {
  CHECK(show("[3, 1, 2].index(99)") == "ValueError: 99 is not in list\n");
  CHECK(show("[].pop()") == "IndexError: pop from empty list\n");
  CHECK(show("[1].pop(5)") == "IndexError: pop index out of range\n");
  CHECK(show("[].remove(1)") == "ValueError: list.remove(x): x not in list\n");
  CHECK(show("(1, 2).index(3)") == "ValueError: tuple.index(x): x not in tuple\n");
  CHECK(show("sorted(['bb', 'a', 'ccc'], key=len)") == "['a', 'bb', 'ccc']\n");
  CHECK(show("{'a': 1}.pop('zz')") == "KeyError: 'zz'\n");
  CHECK(show("{}.popitem()") == "KeyError: 'popitem(): dictionary is empty'\n");
  CHECK(show("{'a': 1, 'b': 2}.keys()") == "dict_keys(['a', 'b'])\n");
  CHECK(show("{'a': 1}.items()") == "dict_items([('a', 1)])\n");
  CHECK(show("{'a': 1}.values()") == "dict_values([1])\n");
  CHECK(show("{'x': 1}.keys() & {'x', 'q'}") == "{'x'}\n");
  CHECK(show("dict.fromkeys('ab', 0)") == "{'a': 0, 'b': 0}\n");
  CHECK(show("{1, 2, 3}.union([5])") == "{1, 2, 3, 5}\n");
  CHECK(show("{1, 2}.issubset([1, 2, 3])") == "True\n");
  CHECK(show("set().pop()") == "KeyError: 'pop from an empty set'\n");
  CHECK(show("{1}.remove(2)") == "KeyError: 2\n");
  CHECK(show("(5).bit_length()") == "3\n");
  CHECK(show("(0.75).as_integer_ratio()") == "(3, 4)\n");
  CHECK(show("(2.5).hex()") == "'0x1.4000000000000p+1'\n");
  CHECK(show("float.fromhex('0x1.8p1')") == "3.0\n");
}

TEST_CASE("functools, itertools, math, operator", "[modules]") {
  CHECK(show("functools.reduce(operator.add, [])") == "TypeError: reduce() of empty iterable with no initial value\n");
  CHECK(show("functools.reduce(lambda a, b: a * b, [1, 2, 3], 10)") == "60\n");
  CHECK(show("repr(functools.partial(int, base=2))") == "\"functools.partial(<class 'int'>, base=2)\"\n");
  CHECK(show("functools.partial(int, base=2)('101')") == "5\n");
  CHECK(show("list(itertools.islice(itertools.count(5, 2), 4))") == "[5, 7, 9, 11]\n");
  CHECK(show("list(itertools.permutations('abc', 2))") == "[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')]\n");
  CHECK(show("list(itertools.combinations(range(4), 3))") == "[(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)]\n");
  CHECK(show("list(itertools.product('ab', repeat=2))") == "[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]\n");
  CHECK(show("[(k, list(g)) for k, g in itertools.groupby('aabbbc')]") == "[('a', ['a', 'a']), ('b', ['b', 'b', 'b']), ('c', ['c'])]\n");
  CHECK(show("list(itertools.zip_longest('ab', 'c', fillvalue='-'))") == "[('a', 'c'), ('b', '-')]\n");
  CHECK(show("list(itertools.accumulate([1, 2, 3], initial=10))") == "[10, 11, 13, 16]\n");
  CHECK(show("itertools.islice('a', -1)") == "ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.\n");
  CHECK(show("math.sqrt(-1)") == "ValueError: math domain error\n");
  CHECK(show("math.factorial(-1)") == "ValueError: factorial() not defined for negative values\n");
  CHECK(show("math.log(8, 2)") == "3.0\n");
  CHECK(show("math.fsum([0.1] * 10)") == "1.0\n");
  CHECK(show("math.comb(5, 2)") == "10\n");
  CHECK(show("math.isqrt(50)") == "7\n");
  CHECK(show("math.floor(-2.5)") == "-3\n");
  CHECK(show("operator.itemgetter(0, 2)('abc')") == "('a', 'c')\n");
  CHECK(show("repr(operator.attrgetter('a.b'))") == "\"operator.attrgetter('a.b')\"\n");
}

TEST_CASE("collections", "[modules][collections]") {
  CHECK(show("namedtuple('P', 'x y')(1, 2)") == "P(x=1, y=2)\n");
  CHECK(show("namedtuple('P', 'x y')(1)") == "TypeError: P.__new__() missing 1 required positional argument: 'y'\n");
  CHECK(show("namedtuple('P', 'x y')._make([1, 2, 3])") == "TypeError: Expected 2 arguments, got 3\n");
  CHECK(show("namedtuple('P', 'x y')(1, 2)._replace(z=3)") == "ValueError: Got unexpected field names: ['z']\n");
  CHECK(show("namedtuple('A', 'x class')") == "ValueError: Type names and field names cannot be a keyword: 'class'\n");
  CHECK(show("defaultdict(list)") == "defaultdict(<class 'list'>, {})\n");
  CHECK(show("defaultdict(int, a=1)") == "defaultdict(<class 'int'>, {'a': 1})\n");
  CHECK(show("defaultdict(1)") == "TypeError: first argument must be callable or None\n");
  CHECK(show("Counter('abracadabra')") == "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})\n");
  CHECK(show("Counter('abracadabra').most_common(2)") == "[('a', 5), ('b', 2)]\n");
  CHECK(show("Counter('ab') + Counter('bc')") == "Counter({'b': 2, 'a': 1, 'c': 1})\n");
  CHECK(show("Counter('a')['z']") == "0\n");
  CHECK(show("OrderedDict(a=1, b=2)") == "OrderedDict([('a', 1), ('b', 2)])\n");
  CHECK(show("deque([1, 2, 3], maxlen=2)") == "deque([2, 3], maxlen=2)\n");
  CHECK(show("deque().pop()") == "IndexError: pop from an empty deque\n");
  CHECK(show("ChainMap({'a': 1}, {'b': 2})") == "ChainMap({'a': 1}, {'b': 2})\n");
}
