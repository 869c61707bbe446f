#!/usr/bin/env python3
"""Generates tests/unit/test_builtins.cpp: each expression's expected output comes from python3.

Run it with CPython 3.11 after adding cases: python3 tests/unit/gen_test_builtins.py
"""
import json
import os
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_test_builtins.py: run it with CPython 3.11 (the oracle closureviz follows)")

CASES = [
 ("argument binding errors are worded as CPython's", "[builtins][args]", [
  "len(1, 2)", "len()", "sorted()", "sorted([], foo=1)", "sorted([], key=len, reverse=True, x=1)",
  "print(x=1)", "divmod(1)", "round()", "round(1, 2, 3)", "pow(1)", "enumerate()", "enumerate([], 1, 2)",
  "sum()", "abs(x=1)", "isinstance(1)", "getattr(1)", "max()", "min(default=1)", "[].append()",
  "[].copy(1)", "[].insert(1)", "[].pop(1, 2)", "[].sort(1)", "{}.get()", "'a'.find()", "'a'.split(x=1)",
  "'a'.strip(' ', 2)", "list.append(1, 2)", "list.append()", "str.maketrans(1)", "'a'.center(3, 'ab')",
 ]),
 ("builtin functions", "[builtins]", [
  "sorted([3, 1, 2], key=lambda x: -x)", "sorted('bca', reverse=True)", "max([], default=7)", "max([])",
  "max(3, 9, 2, key=lambda x: x % 3)", "min('hello')", "max(1, 2, default=3)", "sum([1, 2, 3], 10)",
  "sum(['a'], '')", "abs(-5)", "abs('x')", "any([0, 0, 1])", "all([])", "isinstance(1, (str, (float, int)))",
  "isinstance(1, 1)", "issubclass(bool, int)", "chr(65) + chr(0x3b1)", "ord('ab')", "chr(-1)",
  "hex(-255) + oct(8) + bin(5)", "round(2.5)", "round(2.675, 2)", "round(1250, -2)", "divmod(7, -2)",
  "divmod(7.5, 2)", "divmod('a', 1)", "pow(3, 4, 5)", "pow(2, -1, 7)", "pow(2.0, 3, 5)", "callable(len)",
  "getattr(1, 'nope', 'default')", "getattr(1, 'nope')", "hasattr('x', 'upper')", "next(iter([]), 'end')",
  "next(5)", "ascii('é')", "vars(5)", "list(reversed(range(4)))", "reversed(5)",
  "list(zip('ab', [1], strict=True))", "list(map(lambda a, b: a * b, [1, 2], [3, 4]))",
  "list(filter(None, [0, 1, '', 'x']))", "list(enumerate('ab', 1))", "format(3.14159, '.2f')",
 ]),
 ("constructors of the builtin types", "[builtins][types]", [
  "int('abc')", "int([])", "int('ff', 16)", "int(' 42 ')", "int(3.9)", "int('1_000')", "int(1.5, 2)",
  "int(base=2)", "float('1e3')", "float('abc')", "float([])", "str(123)", "bool([])", "list('abc')",
  "tuple([1, 2])", "dict([('a', 1)], b=2)", "dict([1])", "dict([(1,)])", "set([3, 1, 2, 1])",
  "frozenset('aab') == frozenset('ab')", "list(range(0, 10, 3))", "range(1, 2, 0)", "type(3)",
  "object(1)", "super(1)", "property(1, 2, 3, 4, 5)", "repr(Exception(1, 2))", "str(KeyError('a'))",
  "StopIteration(5).value", "slice(1, 5, 2).indices(3)", "range(3).index(5)",
 ]),
 ("str methods", "[methods][str]", [
  "'  x  '.strip() + '|'", "'a,b,,c'.split(',')", "'a b  c'.split()", "'a b c'.rsplit(' ', 1)",
  "'x\\ny\\r\\nz'.splitlines()", "'-'.join(['a', 1])", "'hello'.replace('l', 'L', 1)", "'hello'.index('z')",
  "'hello'.count('l')", "'hello'.startswith(('he', 'x'))", "'a'.startswith(1)", "'hello world'.title()",
  "'ab'.center(6, '*') + '42'.zfill(5) + '-42'.zfill(5)", "'a:b:c'.partition(':') + 'a:b:c'.rpartition(':')",
  "'a\\tb'.expandtabs(4)", "'{} {}'.format(1, 2)", "'{1} {0}'.format('a', 'b')", "'{x} {y!r}'.format(x=1, y='s')",
  "'{0[1]} {0[k]}'.format({1: 'one', 'k': 'kay'})", "'{:>{w}.{p}f}'.format(3.14159, w=10, p=2)",
  "'{{lit}} {}'.format(5)", "'{} {}'.format(1)", "'{0} {}'.format(1, 2)", "'{'.format()", "'{0!x}'.format(1)",
  "'{name}'.format_map({'name': 'map'})", "'abc'.translate(str.maketrans('ab', 'xy', 'c'))",
 ]),
 ("list, tuple, dict and set methods", "[methods]", [
  "[3, 1, 2].index(99)", "[].pop()", "[1].pop(5)", "[].remove(1)", "(1, 2).index(3)",
  "sorted(['bb', 'a', 'ccc'], key=len)", "{'a': 1}.pop('zz')", "{}.popitem()",
  "{'a': 1, 'b': 2}.keys()", "{'a': 1}.items()", "{'a': 1}.values()", "{'x': 1}.keys() & {'x', 'q'}",
  "dict.fromkeys('ab', 0)", "{1, 2, 3}.union([5])", "{1, 2}.issubset([1, 2, 3])", "set().pop()",
  "{1}.remove(2)", "(5).bit_length()", "(0.75).as_integer_ratio()", "(2.5).hex()", "float.fromhex('0x1.8p1')",
 ]),
 ("functools, itertools, math, operator", "[modules]", [
  "__import__ and None", "functools.reduce(operator.add, [])", "functools.reduce(lambda a, b: a * b, [1, 2, 3], 10)",
  "repr(functools.partial(int, base=2))", "functools.partial(int, base=2)('101')",
  "list(itertools.islice(itertools.count(5, 2), 4))", "list(itertools.permutations('abc', 2))",
  "list(itertools.combinations(range(4), 3))", "list(itertools.product('ab', repeat=2))",
  "[(k, list(g)) for k, g in itertools.groupby('aabbbc')]", "list(itertools.zip_longest('ab', 'c', fillvalue='-'))",
  "list(itertools.accumulate([1, 2, 3], initial=10))", "itertools.islice('a', -1)",
  "math.sqrt(-1)", "math.factorial(-1)", "math.log(8, 2)", "math.fsum([0.1] * 10)", "math.comb(5, 2)",
  "math.isqrt(50)", "math.floor(-2.5)", "operator.itemgetter(0, 2)('abc')", "repr(operator.attrgetter('a.b'))",
 ]),
 ("collections", "[modules][collections]", [
  "namedtuple('P', 'x y')(1, 2)", "namedtuple('P', 'x y')(1)", "namedtuple('P', 'x y')._make([1, 2, 3])",
  "namedtuple('P', 'x y')(1, 2)._replace(z=3)", "namedtuple('A', 'x class')", "defaultdict(list)",
  "defaultdict(int, a=1)", "defaultdict(1)", "Counter('abracadabra')", "Counter('abracadabra').most_common(2)",
  "Counter('ab') + Counter('bc')", "Counter('a')['z']", "OrderedDict(a=1, b=2)", "deque([1, 2, 3], maxlen=2)",
  "deque().pop()", "ChainMap({'a': 1}, {'b': 2})",
 ]),
]

PRELUDE = ("import functools, itertools, math, operator\n"
           "from collections import namedtuple, defaultdict, Counter, OrderedDict, deque, ChainMap\n"
           "def show(f):\n"
           "    try:\n"
           "        print(repr(f()))\n"
           "    except Exception as e:\n"
           "        print(type(e).__name__ + ':', e)\n")

def cxx_string(s):
    return json.dumps(s, ensure_ascii=False)

out = []
out.append('''// Unit tests for the native library: builtins (builtins.cpp), the methods of builtin types
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
''')
for line in PRELUDE.splitlines(True):
    out.append('    ' + cxx_string(line) + '\n')
out.append(''';

// What `show(lambda: EXPR)` prints under closureviz.
std::string show(const std::string& expression) {
  std::string printed;
  cv::ProgramOptions options;
  options.filename = "<test>";
  options.write_stdout = [&](std::string_view s) { printed += s; };
  cv::ProgramOutcome outcome = cv::run_program(std::string(kPrelude) + "show(lambda: " + expression + ")\\n", options);
  if (!outcome.ok) printed += "uncaught " + outcome.error_type + ": " + outcome.error_message + "\\n";
  return printed;
}

}  // namespace
''')
for title, tags, exprs in CASES:
    out.append(f'\nTEST_CASE({cxx_string(title)}, {cxx_string(tags)}) {{\n')
    for e in exprs:
        if e.startswith('__import__'):
            continue
        prog = PRELUDE + f"show(lambda: {e})\n"
        r = subprocess.run([sys.executable, '-c', prog], capture_output=True, text=True)
        assert r.returncode == 0, (e, r.stderr)
        out.append(f'  CHECK(show({cxx_string(e)}) == {cxx_string(r.stdout)});\n')
    out.append('}\n')
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'test_builtins.cpp'), 'w', encoding='utf-8') as f:
    f.write(''.join(out))
