// Unit tests for core/parser.h: trees (via core/ast_dump.h) and syntax errors, checked against python3 3.11.7.
//
// The expected dumps and positions are ast.dump(ast.parse(src)) and the walk of
// tests/parser/check_ast.py; the errors are compile(src, "f.py", "exec") run as a file.
#include <catch2/catch.hpp>

#include <string>

#include "core/ast_dump.h"
#include "core/diagnostics.h"
#include "core/parser.h"

namespace {

std::string dump(const std::string& source) { return cv::dump_ast(cv::parse_module(source, "f.py")); }
std::string lines(const std::string& source) { return cv::dump_ast_positions(cv::parse_module(source, "f.py")); }

// "Type: message @line" of the error parse_module raises, or "ok".
std::string error(const std::string& source) {
  try {
    cv::parse_module(source, "f.py");
    return "ok";
  } catch (const cv::CompileError& e) {
    return e.type_name + ": " + e.message + " @" + std::to_string(e.line);
  }
}

// The caret column (1-based) of the error.
int error_col(const std::string& source) {
  try {
    cv::parse_module(source, "f.py");
  } catch (const cv::CompileError& e) {
    return e.col;
  }
  return -1;
}

}  // namespace

TEST_CASE("parser: trees match ast.dump", "[parser]") {
  CHECK(dump("x = 1") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])");
  CHECK(dump("a, *b = c") ==
        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])");
  CHECK(dump("x = y = f(a, *b, k=1, **d)") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])");
  CHECK(dump("x += 1; del a[0], b.c") ==
        "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del())])], type_ignores=[])");
  CHECK(dump("lambda a, /, b=1, *c, d, e=2, **f: 0") ==
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[])");
  CHECK(dump("def f(a, b: int = 1, *, c) -> str:\n    return a") ==
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b', annotation=Name(id='int', ctx=Load()))], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[Constant(value=1)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='str', ctx=Load()))], type_ignores=[])");
  CHECK(dump("@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x: int = 1") ==
        "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])])], type_ignores=[])");
  CHECK(dump("a < b <= c != d") ==
        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))], type_ignores=[])");
  CHECK(dump("not a and b or c") ==
        "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))], type_ignores=[])");
  CHECK(dump("x if y else z") ==
        "Module(body=[Expr(value=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load())))], type_ignores=[])");
  CHECK(dump("-a ** -b") ==
        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load())))))], type_ignores=[])");
  CHECK(dump("x[1:2, ::3]") ==
        "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])");
  CHECK(dump("x[*a]") ==
        "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])");
  CHECK(dump("[i for i in range(3) if i for j in i]") ==
        "Module(body=[Expr(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[Name(id='i', ctx=Load())], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Name(id='i', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])");
  CHECK(dump("{k: v for k, v in d}") ==
        "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])");
  CHECK(dump("(y := 10)") ==
        "Module(body=[Expr(value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=10)))], type_ignores=[])");
  CHECK(dump("f(x for x in y)") ==
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])");
  CHECK(dump("f'{x!r:>{w}} {y=}'") ==
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))], type_ignores=[])");
  CHECK(dump("'a' 'b' f'{c}' u'd'") ==
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Constant(value='d')]))], type_ignores=[])");
  CHECK(dump("u'x'") ==
        "Module(body=[Expr(value=Constant(value='x', kind='u'))], type_ignores=[])");
  CHECK(dump("b'\\x00' b'a'") ==
        "Module(body=[Expr(value=Constant(value=b'\\x00a'))], type_ignores=[])");
  CHECK(dump("'\\N{GREEK SMALL LETTER ALPHA}\\u00e9\\x41\\101'") ==
        "Module(body=[Expr(value=Constant(value='\u03b1\u00e9AA'))], type_ignores=[])");
  CHECK(dump("global a, b") ==
        "Module(body=[Global(names=['a', 'b'])], type_ignores=[])");
  CHECK(dump("with (open(a) as f, open(b) as g):\n    pass") ==
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[])");
  CHECK(dump("try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass") ==
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])");
  CHECK(dump("for i, j in x:\n    continue\nelse:\n    break") ==
        "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Continue()], orelse=[Break()])], type_ignores=[])");
  CHECK(dump("while x:\n    pass") ==
        "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])");
  CHECK(dump("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass") ==
        "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])");
  CHECK(dump("from ..m import a as b, c") ==
        "Module(body=[ImportFrom(module='m', names=[alias(name='a', asname='b'), alias(name='c')], level=2)], type_ignores=[])");
  CHECK(dump("import os.path as p") ==
        "Module(body=[Import(names=[alias(name='os.path', asname='p')])], type_ignores=[])");
  CHECK(dump("assert x, 'm'") ==
        "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m'))], type_ignores=[])");
  CHECK(dump("raise E from None") ==
        "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Constant(value=None))], type_ignores=[])");
  CHECK(dump("x = 10 ** 30 + 0xff + 1_000 + 1.5e3 + .5") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=10), op=Pow(), right=Constant(value=30)), op=Add(), right=Constant(value=255)), op=Add(), right=Constant(value=1000)), op=Add(), right=Constant(value=1500.0)), op=Add(), right=Constant(value=0.5)))], type_ignores=[])");
  CHECK(dump("x = ...") ==
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis))], type_ignores=[])");
  CHECK(dump("def g():\n    yield\n    yield x\n    yield from y") ==
        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Name(id='x', ctx=Load()))), Expr(value=YieldFrom(value=Name(id='y', ctx=Load())))], decorator_list=[])], type_ignores=[])");
}

TEST_CASE("parser: node positions match CPython's", "[parser]") {
  CHECK(lines("x = (1 +\n     2)") ==
        "Assign 1 0 2 7\nName 1 0 1 1\nBinOp 1 5 2 6\nConstant 1 5 1 6\nConstant 2 5 2 6\n");
  CHECK(lines("def f():\n    return 1\n\nx = 1") ==
        "FunctionDef 1 0 2 12\nReturn 2 4 2 12\nConstant 2 11 2 12\nAssign 4 0 4 5\nName 4 0 4 1\nConstant 4 4 4 5\n");
  CHECK(lines("f(a=1, *b)") ==
        "Expr 1 0 1 10\nCall 1 0 1 10\nName 1 0 1 1\nStarred 1 7 1 9\nName 1 8 1 9\nkeyword 1 2 1 5\nConstant 1 4 1 5\n");
  CHECK(lines("f'a{b}c'") ==
        "Expr 1 0 1 8\nJoinedStr 1 0 1 8\nConstant 1 0 1 8\nFormattedValue 1 0 1 8\nName 1 4 1 5\nConstant 1 0 1 8\n");
  // Expressions in a multi-line f-string: the line of the `{`, columns from that line's start.
  CHECK(lines("x = f\"\"\"a\n  {b}\"\"\"") ==
        "Assign 1 0 2 8\nName 1 0 1 1\nJoinedStr 1 4 2 8\nConstant 1 4 2 8\nFormattedValue 1 4 2 8\nName 2 3 2 4\n");
  // Columns count code points (CPython counts UTF-8 bytes).
  CHECK(lines("\u00e9 = '\u00e9'") == "Assign 1 0 1 7\nName 1 0 1 1\nConstant 1 4 1 7\n");
}

TEST_CASE("parser: syntax errors match CPython's message and line", "[parser]") {
  CHECK(error("if x = 1:\n    pass\n") ==
        "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1");
  CHECK(error("print 'hello'\n") ==
        "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1");
  CHECK(error("x = [1, 2 3]\n") ==
        "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1");
  CHECK(error("f() = 1\n") ==
        "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1");
  CHECK(error("x = yield = 3\n") ==
        "SyntaxError: assignment to yield expression not possible @1");
  CHECK(error("def f(x=1, y):\n    pass\n") ==
        "SyntaxError: non-default argument follows default argument @1");
  CHECK(error("f(**a, *b)\n") ==
        "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1");
  CHECK(error("del f()\n") ==
        "SyntaxError: cannot delete function call @1");
  CHECK(error("for x in 1, 2 =\n    pass\n") ==
        "SyntaxError: invalid syntax @1");
  CHECK(error("print('a'\nx = 1\n") ==
        "SyntaxError: '(' was never closed @1");
  CHECK(error("if x\n    pass\n") ==
        "SyntaxError: expected ':' @1");
  CHECK(error("def f():\nreturn 1\n") ==
        "IndentationError: expected an indented block after function definition on line 1 @2");
  CHECK(error("x = 1\n    y = 2\n") ==
        "IndentationError: unexpected indent @2");
  CHECK(error("f(a=1, a=2)\n") ==
        "SyntaxError: keyword argument repeated: a @1");
  CHECK(error("x = {'a': }\n") ==
        "SyntaxError: expression expected after dictionary key and ':' @1");
  CHECK(error("x = f'{}'\n") ==
        "SyntaxError: f-string: empty expression not allowed @1");
  CHECK(error("x = f'{a b}'\n") ==
        "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @1");
  CHECK(error("class A:\n") ==
        "IndentationError: expected an indented block after class definition on line 1 @1");
  CHECK(error("try:\n    pass\nx = 1\n") ==
        "SyntaxError: expected 'except' or 'finally' block @3");
  CHECK(error("x = 1 if y\n") ==
        "SyntaxError: expected 'else' after 'if' expression @1");
  CHECK(error("(a.b := 1)\n") ==
        "SyntaxError: cannot use assignment expressions with attribute @1");
}

TEST_CASE("parser: error columns", "[parser]") {
  CHECK(error_col("x = [1, 2 3]\n") == 9);  // at the first of the two expressions
  CHECK(error_col("if x\n    pass\n") == 5);  // "expected ':'" at the end of the line
  CHECK(error_col("x = 1\n    y = 2\n") == 4);  // an INDENT has the column of its last space
  CHECK(error_col("def f():") == 9);  // just past the last line at the end of the input
  CHECK(error_col("f(a=1, b)\n") == 9);  // after the arguments, where CPython stops
  CHECK(error_col("d = {**a, 1}\n") == 11);  // on the key's last character
}

TEST_CASE("parser: nesting limits raise RecursionError instead of overflowing", "[parser]") {
  const std::string recursion = "RecursionError: maximum recursion depth exceeded during compilation";
  // `python3 file.py` accepts 3000 nodes from a statement down to a leaf, not 3001.
  CHECK(error("x = " + std::string(2998, '-') + "1\n") == "ok");
  CHECK(error("x = " + std::string(2999, '-') + "1\n").rfind(recursion, 0) == 0);
  CHECK(error("def f():\n    return " + std::string(2997, '-') + "1\n") == "ok");
  CHECK(error("def f():\n    return " + std::string(2998, '-') + "1\n").rfind(recursion, 0) == 0);
  std::string plus = "x = 1";
  for (int i = 0; i < 2998; ++i) plus += " + 1";
  CHECK(error(plus + "\n") == "ok");
  CHECK(error(plus + " + 1\n").rfind(recursion, 0) == 0);
  // Far deeper than CPython's parser goes (it gives a bare MemoryError there).
  CHECK(error("x = " + std::string(100000, '-') + "1\n").rfind(recursion, 0) == 0);
  std::string lambdas = "x = ";
  for (int i = 0; i < 100000; ++i) lambdas += "lambda: ";
  CHECK(error(lambdas + "1\n").rfind(recursion, 0) == 0);
  CHECK(error("x = " + std::string(10000, '(') + std::string(10000, ')') + "\n") ==
        "SyntaxError: too many nested parentheses @1");
}

TEST_CASE("parser: ast_only parses like ast.parse", "[parser]") {
  cv::ParseOptions options;
  options.ast_only = true;
  // except* makes a TryStar node; compiler-stage errors are not raised.
  CHECK(cv::dump_ast(cv::parse_module("try:\n    pass\nexcept* E:\n    pass\n", "f.py", options)) ==
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], "
        "orelse=[], finalbody=[])], type_ignores=[])");
  CHECK_NOTHROW(cv::parse_module("f(a=1, a=2)\n", "f.py", options));
  CHECK(error("try:\n    pass\nexcept* E:\n    pass\n").rfind("NotImplementedError: closureviz does not support 'except*'", 0) == 0);
}

TEST_CASE("parser: \\N{...} escapes use Unicode names", "[parser]") {
  CHECK(dump("'\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{latin small letter a}\\N{EM DASH}"
             "\\N{GRINNING FACE}'") ==
        "Module(body=[Expr(value=Constant(value='\uac01\u4e00a\u2014\U0001f600'))], type_ignores=[])");
  // Algorithmic names are matched case-sensitively, the others are not.
  CHECK(error("x = '\\N{hangul syllable a}'") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-20: unknown Unicode "
        "character name @1");
  CHECK(error("x = '\\N'") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N "
        "character escape @1");
  CHECK(error("x = 'ab\\N{}'") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: malformed \\N "
        "character escape @1");
}
