// Scope analysis (core/scope.h): every expected value was checked against python3 3.11.7
// (symtable, the co_varnames/co_cellvars/co_freevars/co_qualname of compiled code, compile() errors).
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/parser.h"
#include "core/scope.h"

namespace {

using cv::BlockKind;
using cv::BlockScope;
using cv::NameScope;
using Names = std::vector<std::string>;

// A parsed module and its analysis; the table points into the AST, so both live together.
struct Analyzed {
  std::unique_ptr<cv::ast::Module> module;
  cv::SymbolTable table;

  // The `nth` block (depth-first, source order) whose co_qualname is `qualname`.
  const BlockScope& block(const std::string& qualname, int nth = 0) const {
    const BlockScope* found = nullptr;
    std::function<void(const BlockScope&)> visit = [&](const BlockScope& b) {
      if (!found && b.qualname == qualname && nth-- == 0) found = &b;
      for (auto& c : b.children) visit(*c);
    };
    visit(*table.module);
    if (!found) FAIL("no block with qualname " << qualname);
    return *found;
  }
};

Analyzed analyze(const std::string& source) {
  Analyzed a;
  a.module = std::make_unique<cv::ast::Module>(cv::parse_module(source, "<test>"));
  a.table = cv::analyze_scopes(*a.module, "<test>");
  cv::check_statement_context(*a.module);
  return a;
}

struct Error {
  std::string message;
  int line;
  int col;
};

// The first error CPython reports for `source` after parsing: symtable errors, then compiler ones.
std::optional<Error> first_error(const std::string& source) {
  cv::ast::Module m = cv::parse_module(source, "<test>");
  try {
    cv::SymbolTable t = cv::analyze_scopes(m, "<test>");
    cv::check_statement_context(m);
  } catch (const cv::CompileError& e) {
    CHECK(e.type_name == "SyntaxError");
    return Error{e.message, e.line, e.col};
  }
  return std::nullopt;
}

}  // namespace

// ------------------------------------------------------------------ locals, cells, free variables

TEST_CASE("parameters, cells and free variables of a closure", "[scope]") {
  auto a = analyze(
      "def f(z, a, *, m, **kw):\n"
      "    b = 1\n"
      "    y = 2\n"
      "    def g(): return z + a + b + y + kw + m\n");
  const BlockScope& f = a.block("f");
  CHECK(f.kind == BlockKind::Function);
  CHECK(f.params == Names{"z", "a", "m", "kw"});
  CHECK(f.varnames == Names{"z", "a", "m", "kw", "g"});
  // Captured parameters first, in parameter order; then the other cells sorted.
  CHECK(f.cellvars == Names{"z", "a", "m", "kw", "b", "y"});
  CHECK(f.freevars.empty());
  CHECK(f.scope_of("b") == NameScope::Cell);
  CHECK(f.scope_of("g") == NameScope::Local);

  const BlockScope& g = a.block("f.<locals>.g");
  CHECK(g.freevars == Names{"a", "b", "kw", "m", "y", "z"});
  CHECK(g.scope_of("z") == NameScope::Free);
  CHECK(g.is_nested);
  CHECK_FALSE(f.is_nested);
}

TEST_CASE("parameter order: posonly, args, kwonly, *args, **kwargs", "[scope]") {
  auto a = analyze("def f(a, /, b, *args, c, d=1, **kw):\n    pass\n");
  CHECK(a.block("f").params == Names{"a", "b", "c", "d", "args", "kw"});
}

TEST_CASE("a cell is decided after the children: a later binding still counts", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    def g(): return x\n"
      "    if 0:\n"
      "        x = 1\n");
  CHECK(a.block("f").cellvars == Names{"x"});
  CHECK(a.block("f.<locals>.g").freevars == Names{"x"});
}

TEST_CASE("a free variable passes through an intermediate function", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    x = 1\n"
      "    def g():\n"
      "        def h():\n"
      "            return x\n"
      "        return h\n"
      "    return g\n");
  CHECK(a.block("f").cellvars == Names{"x"});
  const BlockScope& g = a.block("f.<locals>.g");
  CHECK(g.freevars == Names{"x"});
  CHECK(g.scope_of("x") == NameScope::Free);
  CHECK_FALSE(g.facts.at("x").used);  // no raw fact: it only carries the cell
  CHECK(a.block("f.<locals>.g.<locals>.h").freevars == Names{"x"});
}

TEST_CASE("global in a nested function stops the capture", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    x = 1\n"
      "    def g():\n"
      "        global x\n"
      "        def h():\n"
      "            return x\n"
      "        return h\n");
  CHECK(a.block("f").cellvars.empty());
  CHECK(a.block("f").scope_of("x") == NameScope::Local);
  CHECK(a.block("f.<locals>.g").scope_of("x") == NameScope::GlobalExplicit);
  CHECK(a.block("f.<locals>.g.<locals>.h").scope_of("x") == NameScope::GlobalImplicit);
  CHECK(a.block("f.<locals>.g.<locals>.h").freevars.empty());
}

TEST_CASE("implicit and explicit globals", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    global g\n"
      "    g = 1\n"
      "    return h\n"
      "x = 1\n");
  const BlockScope& f = a.block("f");
  CHECK(f.scope_of("g") == NameScope::GlobalExplicit);
  CHECK(f.scope_of("h") == NameScope::GlobalImplicit);
  CHECK(f.scope_of("never_mentioned") == NameScope::GlobalImplicit);
  CHECK(f.varnames.empty());
  const BlockScope& m = *a.table.module;
  CHECK(m.scope_of("x") == NameScope::Local);
  // CPython marks every `global` name declared global in the module's own table too.
  CHECK(m.scope_of("g") == NameScope::GlobalExplicit);
  CHECK(m.facts.at("g").declared_global);
  CHECK(m.scope_of("never_mentioned") == NameScope::Local);
}

TEST_CASE("nonlocal makes the name free and the binder's local a cell", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    x = 1\n"
      "    def g():\n"
      "        x = 2\n"
      "        def h():\n"
      "            nonlocal x\n"
      "            x += 1\n"
      "        return h\n"
      "    return g\n");
  CHECK(a.block("f").cellvars.empty());
  CHECK(a.block("f.<locals>.g").cellvars == Names{"x"});
  const BlockScope& h = a.block("f.<locals>.g.<locals>.h");
  CHECK(h.scope_of("x") == NameScope::Free);
  CHECK(h.facts.at("x").declared_nonlocal);
  CHECK(h.facts.at("x").bound);
  CHECK(h.varnames.empty());
}

TEST_CASE("every binding form binds", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    import a.b.c\n"
      "    import d.e as f2\n"
      "    from g import h as i, j\n"
      "    try:\n"
      "        pass\n"
      "    except E as e:\n"
      "        pass\n"
      "    with open(x) as (p, q):\n"
      "        pass\n"
      "    for r, *s in t:\n"
      "        pass\n"
      "    del u\n"
      "    k += 1\n"
      "    if (w := 3): pass\n"
      "    class C: pass\n"
      "    def v(): return a, f2, i, j, e, p, q, r, s, u, w\n");
  const BlockScope& f = a.block("f");
  CHECK(f.cellvars == Names{"a", "e", "f2", "i", "j", "p", "q", "r", "s", "u", "w"});
  CHECK(f.scope_of("k") == NameScope::Local);
  CHECK(f.scope_of("C") == NameScope::Local);
  CHECK(f.scope_of("x") == NameScope::GlobalImplicit);
  CHECK(f.facts.at("a").imported);
  CHECK_FALSE(f.names.count("b"));  // `import a.b.c` binds only `a`
  CHECK(f.varnames == Names{"k", "C", "v"});
}

// ------------------------------------------------------------------ classes

TEST_CASE("class-level names are invisible to methods", "[scope][class]") {
  auto a = analyze(
      "class C:\n"
      "    u = 1\n"
      "    def m(self): return u\n");
  const BlockScope& c = a.block("C");
  CHECK(c.kind == BlockKind::Class);
  CHECK(c.scope_of("u") == NameScope::Local);
  CHECK(c.cellvars.empty());
  CHECK(c.varnames.empty());
  CHECK(a.block("C.m").scope_of("u") == NameScope::GlobalImplicit);
}

TEST_CASE("a class body reads an enclosing function's variable as free", "[scope][class]") {
  auto a = analyze(
      "def f():\n"
      "    x = 1\n"
      "    class C:\n"
      "        y = x\n"
      "    return C\n");
  CHECK(a.block("f").cellvars == Names{"x"});
  const BlockScope& c = a.block("f.<locals>.C");
  CHECK(c.scope_of("x") == NameScope::Free);
  CHECK(c.freevars == Names{"x"});
}

TEST_CASE("a class binding a name its methods capture keeps it local and still lists it free", "[scope][class]") {
  auto a = analyze(
      "def outer():\n"
      "    x = 1\n"
      "    class K:\n"
      "        x = 2\n"
      "        def m(self): return x\n"
      "    return K\n");
  CHECK(a.block("outer").cellvars == Names{"x"});
  const BlockScope& k = a.block("outer.<locals>.K");
  CHECK(k.scope_of("x") == NameScope::Local);
  CHECK(k.freevars == Names{"x"});  // CPython's DEF_FREE_CLASS
  CHECK(a.block("outer.<locals>.K.m").freevars == Names{"x"});
}

TEST_CASE("nonlocal in a class body and in its method: the class lists the name once", "[scope][class]") {
  auto a = analyze(
      "def make():\n"
      "    counter = 0\n"
      "    class Tracker:\n"
      "        nonlocal counter\n"
      "        counter += 5\n"
      "        def bump(self):\n"
      "            nonlocal counter\n"
      "            counter += 1\n"
      "    return Tracker\n");
  CHECK(a.block("make").cellvars == Names{"counter"});
  CHECK(a.block("make.<locals>.Tracker").scope_of("counter") == NameScope::Free);
  CHECK(a.block("make.<locals>.Tracker").freevars == Names{"counter"});
  CHECK(a.block("make.<locals>.Tracker.bump").freevars == Names{"counter"});
}

TEST_CASE("global in a class does not hide the enclosing cell from its methods", "[scope][class]") {
  auto a = analyze(
      "def q():\n"
      "    x = 1\n"
      "    class K:\n"
      "        global x\n"
      "        def m(self): return x\n");
  CHECK(a.block("q").cellvars == Names{"x"});
  CHECK(a.block("q.<locals>.K").scope_of("x") == NameScope::GlobalExplicit);
  CHECK(a.block("q.<locals>.K").freevars == Names{"x"});
  CHECK(a.block("q.<locals>.K.m").scope_of("x") == NameScope::Free);
}

TEST_CASE("super() and __class__ create the implicit __class__ cell", "[scope][class]") {
  auto a = analyze(
      "class C:\n"
      "    def m(self): return super().m()\n"
      "    def n(self): return lambda: __class__\n"
      "    def o(self):\n"
      "        def inner():\n"
      "            return super\n"
      "        return inner\n"
      "    def plain(self): return 1\n");
  const BlockScope& c = a.block("C");
  CHECK(c.needs_class_closure);
  CHECK(c.cellvars == Names{"__class__"});
  CHECK(c.freevars.empty());
  CHECK(a.block("C.m").freevars == Names{"__class__"});
  CHECK(a.block("C.m").facts.at("__class__").used);
  CHECK(a.block("C.n").freevars == Names{"__class__"});  // carried for the lambda
  CHECK(a.block("C.n.<locals>.<lambda>").freevars == Names{"__class__"});
  CHECK(a.block("C.o").freevars == Names{"__class__"});
  CHECK(a.block("C.o.<locals>.inner").freevars == Names{"__class__"});
  CHECK(a.block("C.plain").freevars.empty());
}

TEST_CASE("super outside a class, or read in the class body itself, makes no cell", "[scope][class]") {
  auto a = analyze(
      "def f():\n"
      "    return super\n"
      "class C:\n"
      "    s = super\n"
      "    x = __class__\n");
  CHECK(a.block("f").freevars.empty());
  CHECK(a.block("f").scope_of("__class__") == NameScope::GlobalImplicit);
  CHECK_FALSE(a.block("C").needs_class_closure);
  CHECK(a.block("C").cellvars.empty());
}

TEST_CASE("a lambda and a comprehension in a class body can use super", "[scope][class]") {
  auto a = analyze(
      "class C:\n"
      "    f = lambda self: super()\n"
      "class D:\n"
      "    def m(self):\n"
      "        return [super() for _ in range(1)]\n");
  CHECK(a.block("C").cellvars == Names{"__class__"});
  CHECK(a.block("C.<lambda>").freevars == Names{"__class__"});
  CHECK(a.block("D").cellvars == Names{"__class__"});
  CHECK(a.block("D.m").freevars == Names{"__class__"});
  CHECK(a.block("D.m.<locals>.<listcomp>").freevars == Names{"__class__"});
}

TEST_CASE("private names are mangled inside a class", "[scope][class]") {
  auto a = analyze(
      "class D:\n"
      "    __y = 1\n"
      "    __dunder__ = 2\n"
      "    def __m(self, __a):\n"
      "        __z = 1\n"
      "        def g(): return __z + __a\n");
  const BlockScope& d = a.block("D");
  CHECK(d.names.count("_D__y"));
  CHECK(d.names.count("__dunder__"));
  CHECK(d.names.count("_D__m"));
  CHECK(d.scope_of("__y") == NameScope::Local);  // scope_of mangles for the caller
  const BlockScope& m = a.block("D.__m");  // co_name and co_qualname stay unmangled
  CHECK(m.name == "__m");
  CHECK(m.params == Names{"self", "_D__a"});
  CHECK(m.varnames == Names{"self", "_D__a", "g"});
  CHECK(m.cellvars == Names{"_D__a", "_D__z"});
  CHECK(a.block("D.__m.<locals>.g").freevars == Names{"_D__a", "_D__z"});

  CHECK(cv::mangle_private_name("_Ham", "__spam") == "_Ham__spam");
  CHECK(cv::mangle_private_name("___", "__spam") == "__spam");
  CHECK(cv::mangle_private_name("C", "__a.b") == "__a.b");
  CHECK(cv::mangle_private_name("C", "__") == "__");
  CHECK(cv::mangle_private_name("C", "_x") == "_x");
  CHECK(cv::mangle_private_name("", "__x") == "__x");
}

// ------------------------------------------------------------------ comprehensions, lambdas, walrus

TEST_CASE("comprehensions are function blocks; the first iterable runs outside", "[scope][comprehension]") {
  auto a = analyze(
      "def f(n):\n"
      "    return [x * n for x in range(n) for y in range(x)]\n");
  const BlockScope& f = a.block("f");
  CHECK(f.cellvars == Names{"n"});
  const BlockScope& lc = a.block("f.<locals>.<listcomp>");
  CHECK(lc.kind == BlockKind::Comprehension);
  CHECK(lc.name == "<listcomp>");
  CHECK(lc.params == Names{".0"});
  CHECK(lc.varnames == Names{".0", "x", "y"});
  CHECK(lc.freevars == Names{"n"});  // n in the element, not in the outermost iterable
  CHECK(lc.facts.at("x").comprehension_iter);
  CHECK_FALSE(lc.is_generator);
}

TEST_CASE("comprehension kinds and names", "[scope][comprehension]") {
  auto a = analyze("a = [x for x in y]\nb = {x for x in y}\nc = {x: 1 for x in y}\nd = (x for x in y)\n");
  CHECK(a.block("<listcomp>").name == "<listcomp>");
  CHECK(a.block("<setcomp>").name == "<setcomp>");
  CHECK(a.block("<dictcomp>").name == "<dictcomp>");
  const BlockScope& g = a.block("<genexpr>");
  CHECK(g.is_generator);
  CHECK_FALSE(g.is_nested);
  CHECK(a.table.module->scope_of("y") == NameScope::GlobalImplicit);
}

TEST_CASE("a comprehension in a class body sees only the first iterable of the class", "[scope][comprehension]") {
  auto a = analyze(
      "class Config:\n"
      "    names = ['x']\n"
      "    prefix = 'p'\n"
      "    full = [prefix + n for n in names]\n");
  CHECK(a.block("Config").scope_of("names") == NameScope::Local);
  const BlockScope& lc = a.block("Config.<listcomp>");
  CHECK(lc.scope_of("prefix") == NameScope::GlobalImplicit);
  CHECK_FALSE(lc.names.count("names"));
}

TEST_CASE("a loop variable captured by lambdas in a comprehension is a cell of the comprehension", "[scope][comprehension]") {
  auto a = analyze("def h(x):\n    return [lambda: x + i for i in range(3)]\n");
  CHECK(a.block("h").cellvars == Names{"x"});
  CHECK(a.block("h.<locals>.<listcomp>").cellvars == Names{"i"});
  CHECK(a.block("h.<locals>.<listcomp>").freevars == Names{"x"});
  CHECK(a.block("h.<locals>.<listcomp>.<lambda>").freevars == Names{"i", "x"});
}

TEST_CASE("a walrus in a comprehension binds in the enclosing function", "[scope][walrus]") {
  auto a = analyze(
      "def f(values):\n"
      "    total = 0\n"
      "    running = [total := total + v for v in values]\n"
      "    [[(y := a) for a in b] for b in values]\n"
      "    return running, total, y\n");
  const BlockScope& f = a.block("f");
  CHECK(f.cellvars == Names{"total", "y"});
  CHECK(f.varnames == Names{"values", "running"});
  const BlockScope& lc = a.block("f.<locals>.<listcomp>");
  CHECK(lc.scope_of("total") == NameScope::Free);
  CHECK(lc.facts.at("total").declared_nonlocal);
  CHECK(lc.freevars == Names{"total"});
  // Comprehensions between the walrus and its target block carry the cell.
  CHECK(a.block("f.<locals>.<listcomp>", 1).freevars == Names{"y"});
  CHECK(a.block("f.<locals>.<listcomp>.<listcomp>").freevars == Names{"y"});
}

TEST_CASE("a walrus in a comprehension at module level, or of a global name, binds a global", "[scope][walrus]") {
  auto a = analyze(
      "x = [(y := 1) for _ in z]\n"
      "def f():\n"
      "    global g\n"
      "    [(g := 1) for _ in z]\n");
  CHECK(a.table.module->scope_of("y") == NameScope::GlobalExplicit);
  CHECK(a.block("<listcomp>").scope_of("y") == NameScope::GlobalExplicit);
  CHECK(a.block("f.<locals>.<listcomp>").scope_of("g") == NameScope::GlobalExplicit);
  CHECK(a.block("f.<locals>.<listcomp>").freevars.empty());
}

TEST_CASE("a walrus inside a lambda binds in the lambda", "[scope][walrus]") {
  auto a = analyze("def outer():\n    lam = lambda: [(q := 1) for _ in r]\n    return q\n");
  CHECK(a.block("outer").scope_of("q") == NameScope::GlobalImplicit);
  CHECK(a.block("outer.<locals>.<lambda>").cellvars == Names{"q"});
}

TEST_CASE("defaults, decorators and annotations are evaluated in the enclosing block", "[scope]") {
  auto a = analyze(
      "def g():\n"
      "    T = 1\n"
      "    D = 2\n"
      "    @deco(T)\n"
      "    def inner(x: T = D, *, k=lambda: D) -> T:\n"
      "        y: T = 1\n"
      "        return x\n"
      "    return inner\n");
  const BlockScope& g = a.block("g");
  // Only the lambda (a default value) and the annotation inside the body capture.
  CHECK(g.cellvars == Names{"D", "T"});
  CHECK(g.varnames == Names{"inner"});
  const BlockScope& inner = a.block("g.<locals>.inner");
  CHECK(inner.lineno == 4);  // first decorator line
  CHECK(inner.params == Names{"x", "k"});
  CHECK(inner.freevars == Names{"T"});  // `y: T` in the body counts as a use, though never evaluated
  CHECK(inner.varnames == Names{"x", "k", "y"});
  CHECK(a.block("g.<locals>.<lambda>").freevars == Names{"D"});
}

TEST_CASE("under `from __future__ import annotations` annotations use no names", "[scope]") {
  auto a = analyze(
      "\"\"\"doc\"\"\"\n"
      "from __future__ import annotations\n"
      "def g():\n"
      "    T = 1\n"
      "    def inner(x: T) -> T:\n"
      "        y: T = 2\n"
      "        return y\n"
      "    class K:\n"
      "        z: T\n"
      "    return inner\n");
  CHECK(a.block("g").cellvars.empty());
  CHECK(a.block("g").varnames == Names{"T", "inner", "K"});
  CHECK(a.block("g.<locals>.inner").freevars.empty());
  CHECK(a.block("g.<locals>.K").freevars.empty());

  std::optional<Error> e = first_error("from __future__ import annotations\ndef f(a: (yield)): pass\n");
  REQUIRE(e.has_value());
  CHECK(e->message == "'yield expression' can not be used within an annotation");
  CHECK(e->line == 2);
  CHECK(e->col == 11);
  e = first_error("from __future__ import annotations\ndef f(a: (y := 1)): pass\n");
  REQUIRE(e.has_value());
  CHECK(e->message == "'named expression' can not be used within an annotation");
}

TEST_CASE("lambdas nest like functions", "[scope]") {
  auto a = analyze("def f():\n    return lambda a: lambda b: lambda c: a + b + c\n");
  CHECK(a.block("f.<locals>.<lambda>").cellvars == Names{"a"});
  CHECK(a.block("f.<locals>.<lambda>.<locals>.<lambda>").cellvars == Names{"b"});
  CHECK(a.block("f.<locals>.<lambda>.<locals>.<lambda>").freevars == Names{"a"});
  const BlockScope& inner = a.block("f.<locals>.<lambda>.<locals>.<lambda>.<locals>.<lambda>");
  CHECK(inner.kind == BlockKind::Lambda);
  CHECK(inner.name == "<lambda>");
  CHECK(inner.freevars == Names{"a", "b"});
  CHECK(inner.varnames == Names{"c"});
}

TEST_CASE("an annotated-only local is local but never in co_varnames", "[scope]") {
  auto a = analyze(
      "def f():\n"
      "    x: int\n"
      "    y: int = 1\n"
      "    (z): int = 2\n"
      "    (w): int\n");
  const BlockScope& f = a.block("f");
  CHECK(f.scope_of("x") == NameScope::Local);
  CHECK(f.facts.at("x").annotated);
  CHECK(f.scope_of("w") == NameScope::GlobalImplicit);  // a parenthesised target without value binds nothing
  CHECK(f.varnames == Names{"y", "z"});
}

// ------------------------------------------------------------------ co_varnames order

TEST_CASE("co_varnames follows the compiler's emission order", "[scope][varnames]") {
  auto a = analyze(
      "def g2():\n"
      "    print(x)\n"
      "    q = 1\n"
      "    x = 2\n"
      "def g4():\n"
      "    a = b = c\n"
      "    b = 1\n"
      "    c = 2\n"
      "def f4():\n"
      "    for i in x:\n"
      "        try:\n"
      "            break\n"
      "            a = 1\n"
      "        finally:\n"
      "            b = 2\n"
      "def f6(p):\n"
      "    g(k=a, *b)\n"
      "    a = b = 1\n");
  CHECK(a.block("g2").varnames == Names{"x", "q"});       // first load counts
  CHECK(a.block("g4").varnames == Names{"c", "a", "b"});  // value before targets
  CHECK(a.block("f4").varnames == Names{"i", "b", "a"});  // `finally` compiled at the break
  CHECK(a.block("f6").varnames == Names{"p", "b", "a"});  // positional before keyword arguments
}

// ------------------------------------------------------------------ block facts

TEST_CASE("qualnames and first lines", "[scope][qualname]") {
  auto a = analyze(
      "class C:\n"
      "    class D:\n"
      "        def m(self): pass\n"
      "    f = lambda: [x for x in ()]\n"
      "def outer():\n"
      "    global k\n"
      "    class k: pass\n"
      "    @a\n"
      "    @b\n"
      "    class E:\n"
      "        def m(self): return (y for y in ())\n"
      "x = [[y for y in z] for z in w]\n");
  CHECK(a.table.module->qualname == "<module>");
  CHECK(a.table.module->name == "<module>");
  CHECK(a.table.module->lineno == 1);
  CHECK(a.block("C.D.m").lineno == 3);
  CHECK(a.block("C.<lambda>").lineno == 4);
  CHECK(a.block("C.<lambda>.<locals>.<listcomp>").kind == BlockKind::Comprehension);
  CHECK(a.block("k").lineno == 7);  // declared global in its parent: just the name
  const BlockScope& e = a.block("outer.<locals>.E");
  CHECK(e.lineno == 8);
  CHECK(e.pos.lineno == 10);
  CHECK(a.block("outer.<locals>.E.m.<locals>.<genexpr>").is_generator);
  CHECK(a.block("<listcomp>.<listcomp>").lineno == 12);
}

TEST_CASE("generators and nesting flags", "[scope]") {
  auto a = analyze(
      "def gen():\n"
      "    yield 1\n"
      "def plain():\n"
      "    return [x for x in (yield)]\n"
      "class C:\n"
      "    def m(self):\n"
      "        def n(): pass\n");
  CHECK(a.block("gen").is_generator);
  CHECK(a.block("plain").is_generator);  // the first iterable belongs to the function
  CHECK_FALSE(a.block("plain.<locals>.<listcomp>").is_generator);
  CHECK_FALSE(a.block("C.m").is_nested);
  CHECK(a.block("C.m.<locals>.n").is_nested);
}

TEST_CASE("block_for maps AST nodes to blocks; children in source order", "[scope]") {
  auto a = analyze("def f(a=lambda: 1):\n    pass\ng = lambda: 2\n");
  const BlockScope& m = *a.table.module;
  CHECK(&a.table.block_for(a.module.get()) == &m);
  REQUIRE(m.children.size() == 3);
  CHECK(m.children[0]->name == "f");
  CHECK(m.children[1]->name == "<lambda>");
  CHECK(m.children[1]->pos.col_offset == 8);
  CHECK(m.children[2]->pos.lineno == 3);
  auto& def = cv::ast::as<cv::ast::FunctionDef>(*a.module->body[0]);
  CHECK(&a.table.block_for(&def) == m.children[0].get());
  CHECK(m.children[0]->parent == &m);
}

TEST_CASE("scopes_to_json prints what check_scopes.py --dump prints", "[scope][json]") {
  auto a = analyze(
      "def f(a=lambda: x):\n"
      "    def g(): return a\n"
      "class C:\n"
      "    def m(self): return super()\n");
  CHECK(cv::scopes_to_json(a.table) ==
        "[\n"
        "  {\"name\": \"<module>\", \"qualname\": \"<module>\", \"line\": 1, \"kind\": \"module\", \"varnames\": [], \"cellvars\": [], \"freevars\": []},\n"
        "  {\"name\": \"f\", \"qualname\": \"f\", \"line\": 1, \"kind\": \"function\", \"varnames\": [\"a\", \"g\"], \"cellvars\": [\"a\"], \"freevars\": []},\n"
        "  {\"name\": \"g\", \"qualname\": \"f.<locals>.g\", \"line\": 2, \"kind\": \"function\", \"varnames\": [], \"cellvars\": [], \"freevars\": [\"a\"]},\n"
        "  {\"name\": \"<lambda>\", \"qualname\": \"<lambda>\", \"line\": 1, \"kind\": \"lambda\", \"varnames\": [], \"cellvars\": [], \"freevars\": []},\n"
        "  {\"name\": \"C\", \"qualname\": \"C\", \"line\": 3, \"kind\": \"class\", \"varnames\": [], \"cellvars\": [\"__class__\"], \"freevars\": []},\n"
        "  {\"name\": \"m\", \"qualname\": \"C.m\", \"line\": 4, \"kind\": \"function\", \"varnames\": [\"self\"], \"cellvars\": [], \"freevars\": [\"__class__\"]}\n"
        "]\n");
}

TEST_CASE("a decorated def sorts at its first decorator", "[scope][json]") {
  auto a = analyze(
      "@register\n"
      "@tag(lambda: 1)\n"
      "def g(): pass\n");
  const BlockScope& m = *a.table.module;
  REQUIRE(m.children.size() == 2);
  CHECK(m.children[0]->name == "g");
  CHECK(m.children[0]->lineno == 1);
  CHECK(m.children[1]->name == "<lambda>");
}

TEST_CASE("to_string names", "[scope]") {
  CHECK(std::string(cv::to_string(NameScope::Cell)) == "CELL");
  CHECK(std::string(cv::to_string(NameScope::GlobalImplicit)) == "GLOBAL_IMPLICIT");
  CHECK(std::string(cv::to_string(BlockKind::Comprehension)) == "comprehension");
}

// ------------------------------------------------------------------ errors

TEST_CASE("CPython 3.11's scope and statement-context errors: message, line, column", "[scope][errors]") {
  struct Case {
    const char* source;
    const char* message;  // "" when CPython accepts the program
    int line;
    int col;
  };
  // Generated from python3 3.11.7: compile(source) -> (msg, lineno, offset).
  static const Case cases[] = {
      {"nonlocal x", "nonlocal declaration not allowed at module level", 1, 1},
      {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5},
      {"class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5},
      {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5},
      {"def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 5},
      {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5},
      {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5},
      {"def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n", "name 'x' is assigned to before nonlocal declaration", 5, 9},
      {"def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n", "name 'x' is used prior to nonlocal declaration", 5, 9},
      {"def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n", "name 'x' is nonlocal and global", 4, 9},
      {"def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global", 3, 5},
      {"def f():\n    global x\n    x: int\n", "annotated name 'x' can't be global", 3, 5},
      {"def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int = 2\n", "annotated name 'x' can't be nonlocal", 5, 9},
      {"def f(a, b, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 13},
      {"def f(a,\n      *a):\n    pass\n", "duplicate argument 'a' in function definition", 2, 8},
      {"def f(a, *, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 13},
      {"def f(a, **a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 12},
      {"f = lambda a, a: 1\n", "duplicate argument 'a' in function definition", 1, 15},
      {"def f():\n    from os import *\n", "import * only allowed at module level", 2, 20},
      {"class C:\n    from os import *\n", "import * only allowed at module level", 2, 20},
      {"[(x := 1) for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 3},
      {"[i for i in a if (j := i) for j in b]\n", "comprehension inner loop cannot rebind assignment expression target 'j'", 1, 31},
      {"class C:\n    [(y := 1) for x in z]\n", "assignment expression within a comprehension cannot be used in a class body", 2, 7},
      {"[x for x in (y := [1])]\n", "assignment expression cannot be used in a comprehension iterable expression", 1, 14},
      {"[x for x in (lambda: (y := 2))()]\n", "assignment expression cannot be used in a comprehension iterable expression", 1, 23},
      {"[a for b in c for x in (y := d)]\n", "assignment expression cannot be used in a comprehension iterable expression", 1, 25},
      {"[(yield) for x in y]\n", "'yield' inside list comprehension", 1, 3},
      {"{(yield) for x in y}\n", "'yield' inside set comprehension", 1, 3},
      {"{x: (yield) for x in y}\n", "'yield' inside dict comprehension", 1, 6},
      {"((yield) for x in y)\n", "'yield' inside generator expression", 1, 3},
      {"def f():\n    return [(yield) for x in y]\n", "'yield' inside list comprehension", 2, 14},
      {"import os\nimport os.path\nimport os as x, sys\nx = 1; return x\n", "'return' outside function", 4, 8},
      {"yield 1\n", "'yield' outside function", 1, 1},
      {"class C:\n    yield\n", "'yield' outside function", 2, 5},
      {"class C:\n    return 1\n", "'return' outside function", 2, 5},
      {"x = 1\nbreak\n", "'break' outside loop", 2, 1},
      {"continue\n", "'continue' not properly in loop", 1, 1},
      {"while x:\n    pass\nelse:\n    break\n", "'break' outside loop", 4, 5},
      {"for x in y:\n    def g():\n        continue\n", "'continue' not properly in loop", 3, 9},
      {"for x in y:\n    class C:\n        break\n", "'break' outside loop", 3, 9},
      // Leaving a try/finally compiles the finally body first, so its error comes first.
      {"try:\n    break\nfinally:\n    continue\n", "'continue' not properly in loop", 4, 5},
      {"for x in y:\n    try:\n        break\n        yield 2\n    finally:\n        return 5\n", "'return' outside function", 6, 9},
      {"def f():\n    try:\n        return 1\n    finally:\n        break\n", "'break' outside loop", 5, 9},
      // Order: first-pass errors anywhere, then each block's own names before its children's.
      {"def f():\n    nonlocal x\nnonlocal y\n", "nonlocal declaration not allowed at module level", 3, 1},
      {"def f(a, a):\n    pass\nnonlocal y\n", "duplicate argument 'a' in function definition", 1, 10},
      {"class C:\n    def f():\n        nonlocal a\n    nonlocal b\n", "no binding for nonlocal 'b' found", 4, 5},
      // The compiler's order: a class body before its bases, decorators and defaults before the body.
      {"x = 1\nclass C(lambda: (yield)):\n    return\n", "'return' outside function", 3, 5},
      {"@(yield)\ndef f():\n    return\n", "'yield' outside function", 1, 3},
      {"def f(x=(yield)):\n    pass\n", "'yield' outside function", 1, 10},
      {"[x for x in (yield)]\n", "'yield' outside function", 1, 14},
      {"def f():\n    def g():\n        [(y := 1) for x in z]\n        nonlocal y\n", "name 'y' is assigned to before nonlocal declaration", 4, 9},
      {"def f():\n    import os\n    nonlocal os\n", "no binding for nonlocal 'os' found", 3, 5},
      // Accepted by CPython.
      {"def f():\n    import os\n    global os\n", "", 0, 0},
      {"f = lambda: (yield)\n", "", 0, 0},
      {"def f(x):\n    [(x := 1) for q in r]\n", "", 0, 0},
      {"for x in y:\n    try:\n        pass\n    finally:\n        break\n", "", 0, 0},
      {"x = 1\nglobal x\n", "name 'x' is assigned to before global declaration", 2, 1},
      {"global x\nx = 1\n", "", 0, 0},
  };
  for (const Case& c : cases) {
    INFO("source:\n" << c.source);
    std::optional<Error> e = first_error(c.source);
    if (*c.message == '\0') {
      CHECK_FALSE(e.has_value());
      continue;
    }
    REQUIRE(e.has_value());
    CHECK(e->message == c.message);
    CHECK(e->line == c.line);
    CHECK(e->col == c.col);
  }
}

TEST_CASE("check_statement_context also reports a yield in a comprehension on its own", "[scope][errors]") {
  cv::ast::Module m = cv::parse_module("def f():\n    return [(yield) for x in y]\n", "<test>");
  try {
    cv::check_statement_context(m);
    FAIL("expected a SyntaxError");
  } catch (const cv::CompileError& e) {
    CHECK(e.message == "'yield' inside list comprehension");
    CHECK(e.line == 2);
  }
}
