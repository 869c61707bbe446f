#!/usr/bin/env python3
"""Self-tests of the CPython reference tracer and the trace comparer.

    python3 tests/tracer/test_tracer.py [-k SUBSTRING] [--corpus]

Each test runs cpython_trace.py in a subprocess on a small program and checks
facts of the trace, or feeds traces to compare_traces.compare().  With
--corpus, every tests/programs/**/*.py is also traced once (the tracer must
not fail on any of them).  The last line printed is "N passed, N failed";
the exit status is 0 iff nothing failed.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TRACER = os.path.join(HERE, "cpython_trace.py")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True          # no __pycache__ in the source tree
import compare_traces  # noqa: E402

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

class Trace:
    """A parsed trace with a few lookups."""

    def __init__(self, records):
        self.records = records
        self.meta = records[0]
        self.steps = [r for r in records if r["kind"] == "step"]
        self.end = records[-1]

    def frames(self, func):
        """(step, frame) for every frame running `func`, in order."""
        return [(s, f) for s in self.steps for f in s["stack"] if f["func"] == func]

    def first_call(self, func):
        for s in self.steps:
            if s["event"] == "call" and s["stack"][-1]["func"] == func:
                return s, s["stack"][-1]
        raise AssertionError("no call of %s" % func)

    def calls(self, func):
        return [(s, s["stack"][-1]) for s in self.steps
                if s["event"] == "call" and s["stack"][-1]["func"] == func]

    def last(self):
        return self.steps[-1]


def run_tracer(source, *args, stdin=None, allow_tracer_error=False):
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "prog.py")
        with open(prog, "w") as fh:
            fh.write(textwrap.dedent(source))
        out = os.path.join(d, "trace.jsonl")
        cmd = [sys.executable, TRACER, prog, "-o", out] + list(args)
        if stdin is not None:
            inp = os.path.join(d, "stdin.txt")
            with open(inp, "w") as fh:
                fh.write(stdin)
            cmd += ["--stdin-file", inp]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        with open(out) as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    trace = Trace(records)
    if not allow_tracer_error:
        assert "tracer_error" not in trace.end, trace.end["tracer_error"]
    return trace


def run_plain(source):
    """stdout and the last stderr line of `python3 PROGRAM.py`."""
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "prog.py")
        with open(prog, "w") as fh:
            fh.write(textwrap.dedent(source))
        p = subprocess.run([sys.executable, prog], capture_output=True,
                           text=True, timeout=60, stdin=subprocess.DEVNULL)
    err = p.stderr.strip().splitlines()
    return p.stdout, (err[-1] if err else "")


def check(cond, msg="check failed"):
    if not cond:
        raise AssertionError(msg)


def eq(a, b, what=""):
    if a != b:
        raise AssertionError("%s: expected %r, got %r" % (what, b, a))


SEED = """\
def outer_function(x):
    def inner_function(y):
        return x + y
    return inner_function

add_5 = outer_function(5)
result = add_5(3)
print(result)  # Output: 8
"""


# ---------------------------------------------------------------------------
# tracer: format basics
# ---------------------------------------------------------------------------

@test
def meta_and_end_records():
    t = run_tracer(SEED)
    eq(t.meta["kind"], "meta", "first record")
    eq(t.meta["format"], 1, "format")
    eq(t.meta["tool"], "cpython-reference", "tool")
    eq(t.meta["python"], "3.11.7" if sys.version_info[:3] == (3, 11, 7)
       else sys.version.split()[0], "python")
    eq(t.meta["program"], "prog.py", "program")
    eq(t.end, {"kind": "end", "status": "ok", "steps": len(t.steps),
               "stdout": "8\n", "exc": None}, "end")
    eq([s["step"] for s in t.steps], list(range(1, len(t.steps) + 1)), "numbers")
    first = t.steps[0]
    eq((first["event"], first["stack"][0]["func"]), ("call", "<module>"), "step 1")
    eq("".join(s.get("out", "") for s in t.steps), "8\n", "outs add up")


@test
def seed_event_sequence():
    t = run_tracer(SEED)
    seq = [(s["event"], s["line"], s["stack"][-1]["func"]) for s in t.steps[1:]]
    eq(seq, [("line", 1, "<module>"), ("line", 6, "<module>"),
             ("call", 1, "outer_function"), ("line", 2, "outer_function"),
             ("line", 4, "outer_function"), ("return", 4, "outer_function"),
             ("line", 7, "<module>"), ("call", 2, "inner_function"),
             ("line", 3, "inner_function"), ("return", 3, "inner_function"),
             ("line", 8, "<module>"), ("return", 8, "<module>")], "events")


@test
def seed_parent_and_cell():
    t = run_tracer(SEED)
    _, outer = t.first_call("outer_function")
    step, inner = t.first_call("inner_function")
    eq(outer["parent"], None, "module-level function parent")
    eq(inner["parent"], outer["fid"], "inner's parent is outer's frame")
    eq(set(inner["cells"]), {"x"}, "inner cells")
    eq(inner["locals"], {"y": 3}, "inner locals")
    cell_id = inner["cells"]["x"]
    cell = step["heap"][str(cell_id)]
    eq(cell["t"], "cell", "cell kind")
    eq(cell["v"], 5, "cell value")
    eq(cell["owner"], outer["fid"], "cell owner")
    # the same cell as add_5.__closure__[0], and as outer's cellvar x
    fn = step["heap"][str(inner["fn"])]
    eq(fn["t"], "function", "fn kind")
    eq(fn["closure"], [["x", cell_id, 5]], "closure of add_5")
    eq(fn["parent"], outer["fid"], "function object's parent")
    eq(step["stack"][0]["locals"]["add_5"], ["ref", inner["fn"]], "add_5 is fn")
    eq(outer["cells"]["x"], cell_id, "outer's cellvar x is the same cell")
    eq(outer["locals"], {}, "x is a cell, not a local")
    check("fn" not in t.steps[0]["stack"][0], "module frame has no fn")


@test
def return_values_and_out():
    t = run_tracer(SEED)
    rets = [(s["stack"][-1]["func"], s["ret"]) for s in t.steps
            if s["event"] == "return"]
    eq(rets[1], ("inner_function", 8), "inner returns 8")
    eq(rets[2], ("<module>", None), "module returns None")
    check(rets[0][1][0] == "ref", "outer returns a function")
    eq(t.last().get("out"), "8\n", "print shows on the next step")


# ---------------------------------------------------------------------------
# tracer: closures
# ---------------------------------------------------------------------------

@test
def counters_have_distinct_cells():
    t = run_tracer("""\
        def make_counter():
            count = 0
            def inc():
                nonlocal count
                count += 1
                return count
            return inc
        a = make_counter()
        b = make_counter()
        a(); a(); b()
        """)
    incs = t.calls("inc")
    eq(len(incs), 3, "three calls")
    cells = [f["cells"]["count"] for _, f in incs]
    eq(cells[0], cells[1], "a's calls share a's cell")
    check(cells[0] != cells[2], "a and b have different cells")
    makers = t.calls("make_counter")
    eq([f["fid"] for _, f in incs], [incs[0][1]["fid"], incs[1][1]["fid"],
                                     incs[2][1]["fid"]], "fids")
    eq(incs[0][1]["parent"], makers[0][1]["fid"], "a's parent")
    eq(incs[2][1]["parent"], makers[1][1]["fid"], "b's parent")
    last = t.last()
    eq(last["heap"][str(cells[0])]["v"], 2, "a's count")
    eq(last["heap"][str(cells[2])]["v"], 1, "b's count")


@test
def two_closures_share_one_cell():
    t = run_tracer("""\
        def pair():
            n = 0
            def inc():
                nonlocal n
                n += 1
            def get():
                return n
            return inc, get
        inc, get = pair()
        inc()
        v = get()
        """)
    (_, i), (_, g) = t.first_call("inc"), t.first_call("get")
    eq(i["cells"]["n"], g["cells"]["n"], "one cell for n")
    heap = t.last()["heap"]
    glob = t.last()["stack"][0]["locals"]
    fi, fg = heap[str(glob["inc"][1])], heap[str(glob["get"][1])]
    eq(fi["closure"][0][1], fg["closure"][0][1], "closures hold the same cell")
    eq(glob["v"], 1, "get sees inc's update")


@test
def late_binding_lambdas_share_one_cell():
    t = run_tracer("""\
        def make():
            fs = []
            for i in range(3):
                fs.append(lambda: i)
            return fs
        fs = make()
        vals = [f() for f in fs]
        """)
    lambdas = t.calls("<lambda>")
    eq(len(lambdas), 3, "three lambda calls")
    eq(len({f["cells"]["i"] for _, f in lambdas}), 1, "one shared cell")
    _, maker = t.first_call("make")
    eq({f["parent"] for _, f in lambdas}, {maker["fid"]}, "all made by make()")
    last = t.last()
    eq(last["stack"][0]["locals"]["vals"][0], "ref", "vals is a list")
    eq(last["heap"][str(last["stack"][0]["locals"]["vals"][1])]["items"],
       [2, 2, 2], "late binding")


@test
def comprehension_frames_and_parents():
    t = run_tracer("""\
        def f(k):
            return [lambda: j * k for j in range(2)]
        ls = f(10)
        r = ls[0]()
        """)
    _, ff = t.first_call("f")
    step, comp = t.first_call("<listcomp>")
    eq(comp["parent"], ff["fid"], "listcomp made by f")
    fn = step["heap"][str(comp["fn"])]
    eq((fn["t"], fn["qual"]), ("function", "f.<locals>.<listcomp>"), "listcomp fn")
    eq(set(comp["cells"]), {"j", "k"}, "listcomp cells: j (own), k (free)")
    eq(comp["cells"]["k"], ff["cells"]["k"], "k passes through")
    _, lam = t.first_call("<lambda>")
    eq(lam["parent"], comp["fid"], "lambda made by the listcomp frame")
    eq(lam["cells"]["j"], comp["cells"]["j"], "lambda closes over listcomp's j")
    eq(t.steps[-1]["stack"][0]["locals"]["r"], 10, "result")


@test
def unbound_cell():
    t = run_tracer("""\
        def f():
            def g():
                return v
            h = g
            v = 1
            return h
        f()
        """)
    step, ff = t.first_call("f")
    cell = step["heap"][str(ff["cells"]["v"])]
    check("v" not in cell, "cell starts empty")
    for s in t.steps:
        if s["event"] == "line" and s["line"] == 5:
            fn = s["heap"][str(s["stack"][-1]["locals"]["h"][1])]
            eq(fn["closure"][0][2], ["unbound"], "closure shows unbound")


@test
def decorator_and_method_parents():
    t = run_tracer("""\
        def deco(f):
            def wrapper(*a):
                return f(*a) + 1
            return wrapper
        class A:
            @deco
            def m(self, x):
                return x
        print(A().m(1))
        """)
    _, body = t.first_call("A")
    eq(body["parent"], None, "class body parent")
    check("fn" not in body, "class body has no fn")
    _, d = t.first_call("deco")
    _, w = t.first_call("wrapper")
    _, m = t.first_call("m")
    eq(w["parent"], d["fid"], "wrapper made by deco's frame")
    eq(m["parent"], body["fid"], "method made by the class body")
    eq(t.end["stdout"], "2\n", "output")


# ---------------------------------------------------------------------------
# tracer: generators and exceptions
# ---------------------------------------------------------------------------

@test
def generator_keeps_fid_and_yields():
    t = run_tracer("""\
        def gen(n):
            for i in range(n):
                yield i
        g = gen(3)
        total = 0
        for v in g:
            total += v
        """)
    calls = t.calls("gen")
    eq(len(calls), 4, "first call + three resumptions")
    eq(len({f["fid"] for _, f in calls}), 1, "one fid across resumptions")
    rets = [s for s in t.steps if s["event"] == "return"
            and s["stack"][-1]["func"] == "gen"]
    eq([(s["ret"], s.get("yield", False)) for s in rets],
       [(0, True), (1, True), (2, True), (None, False)], "yields")
    check(not any(s.get("unwind") for s in rets), "no unwind")
    last = t.last()
    g = last["heap"][str(last["stack"][0]["locals"]["g"][1])]
    eq(g, {"t": "generator", "name": "gen", "fid": calls[0][1]["fid"]}, "gen obj")


@test
def unstarted_generator_has_null_fid():
    t = run_tracer("""\
        def gen():
            yield 1
        g = gen()
        """)
    last = t.last()
    g = last["heap"][str(last["stack"][0]["locals"]["g"][1])]
    eq(g["fid"], None, "not started")


@test
def uncaught_exception_unwinds():
    t = run_tracer("""\
        def a():
            b()
        def b():
            raise ValueError("boom")
        a()
        """)
    tail = [(s["event"], s["stack"][-1]["func"], s.get("unwind", False))
            for s in t.steps[-6:]]
    eq(tail, [("exception", "b", False), ("return", "b", True),
              ("exception", "a", False), ("return", "a", True),
              ("exception", "<module>", False), ("return", "<module>", True)],
       "propagation")
    eq(t.steps[-6]["exc"], ["ValueError", "boom"], "exc")
    eq(t.steps[-5]["ret"], None, "unwind returns None")
    eq((t.end["status"], t.end["exc"]), ("error", ["ValueError", "boom"]), "end")


@test
def finally_reraise_is_unwind():
    t = run_tracer("""\
        def f():
            try:
                1 / 0
            finally:
                x = 1
        try:
            f()
        except ZeroDivisionError:
            pass
        """)
    ret = [s for s in t.steps if s["event"] == "return"
           and s["stack"][-1]["func"] == "f"]
    eq(len(ret), 1, "one return")
    eq(ret[0].get("unwind"), True, "left by the re-raised exception")
    eq(t.end["status"], "ok", "caught")


@test
def caught_exception_is_not_unwind():
    t = run_tracer("""\
        def f():
            try:
                return {}['k']
            except KeyError as e:
                return str(e)
        r = f()
        """)
    exc = [s for s in t.steps if s["event"] == "exception"]
    eq(exc[0]["exc"], ["KeyError", "'k'"], "KeyError message is repr of key")
    ret = [s for s in t.steps if s["event"] == "return"
           and s["stack"][-1]["func"] == "f"][0]
    check(not ret.get("unwind"), "normal return")
    eq(ret["ret"], "'k'", "ret")


@test
def generator_close_and_throw():
    t = run_tracer("""\
        def gen():
            yield 1
            yield 2
        g = gen()
        next(g)
        try:
            g.throw(ValueError("v"))
        except ValueError:
            pass
        h = gen()
        next(h)
        h.close()
        """)
    rets = [s for s in t.steps if s["event"] == "return"
            and s["stack"][-1]["func"] == "gen"]
    eq([(bool(s.get("yield")), bool(s.get("unwind"))) for s in rets],
       [(True, False), (False, True), (True, False), (False, True)],
       "yield, unwind (throw), yield, unwind (close)")


@test
def uncaught_errors_end_records():
    t = run_tracer("""\
        class MyError(Exception):
            pass
        raise MyError()
        """)
    eq(t.end["exc"], ["MyError", ""], "no message")
    t = run_tracer("""\
        def f():
            n += 1
        f()
        """)
    eq(t.end["exc"], ["UnboundLocalError", "cannot access local variable 'n' "
                      "where it is not associated with a value"], "unbound")
    t = run_tracer("d = {}\nd['missing']\n")
    eq(t.end["exc"], ["KeyError", "'missing'"], "KeyError")


@test
def syntax_error_has_no_steps():
    t = run_tracer("x = (\nprint(1)\n")
    eq(t.steps, [], "no steps")
    eq((t.end["status"], t.end["steps"], t.end["exc"]),
       ("error", 0, ["SyntaxError", "'(' was never closed"]), "end")


# ---------------------------------------------------------------------------
# tracer: values, heap, I/O, limits
# ---------------------------------------------------------------------------

@test
def value_encoding():
    t = run_tracer("""\
        import math
        big = math.factorial(30)
        fl = [0.1, 1e16, -0.0, float('inf'), float('-inf'), float('nan')]
        flag = True
        none = None
        s = 'é'
        t = (1, 'a')
        st = {3}
        d = {'k': [1]}
        """)
    last = t.last()
    g = last["stack"][0]["locals"]
    eq(g["big"], 265252859812191058636308480000000, "big int")
    check(g["flag"] is True and g["none"] is None and g["s"] == "é", "prims")
    eq(g["math"][0], "ref", "module is a ref")
    heap = last["heap"]
    eq(heap[str(g["math"][1])], {"t": "module", "name": "math"}, "module")
    items = heap[str(g["fl"][1])]["items"]
    eq([repr(x) for x in items[:3]], ["0.1", "1e+16", "-0.0"], "float digits")
    eq(items[3:], [["float", "inf"], ["float", "-inf"], ["float", "nan"]],
       "special floats")
    eq(heap[str(g["t"][1])], {"t": "tuple", "items": [1, "a"]}, "tuple")
    eq(heap[str(g["st"][1])], {"t": "set", "items": [3]}, "set")
    d = heap[str(g["d"][1])]
    eq(d["items"][0][0], "k", "dict key")
    eq(heap[str(d["items"][0][1][1])], {"t": "list", "items": [1]}, "nested")
    check(not any(k.startswith("__") for k in g), "module dunders hidden")


@test
def huge_int_is_written_in_full():
    t = run_tracer("n = 7 ** 6000\n")
    eq(t.last()["stack"][0]["locals"]["n"], 7 ** 6000, "all digits")


@test
def instances_classes_and_no_program_code_called():
    t = run_tracer("""\
        class Loud:
            kind = 'L'
            def __init__(self):
                self.v = 1
            def __repr__(self):
                print('REPR')
                return 'Loud'
            def __getattr__(self, name):
                print('GETATTR', name)
                raise AttributeError(name)
        x = Loud()
        m = x.__init__
        """)
    eq(t.end["stdout"], "", "no repr/getattr of program objects")
    last = t.last()
    g = last["stack"][0]["locals"]
    heap = last["heap"]
    eq(heap[str(g["x"][1])], {"t": "instance", "class": "Loud",
                              "attrs": {"v": 1}}, "instance")
    cls = heap[str(g["Loud"][1])]
    eq((cls["t"], cls["name"], cls["bases"]), ("class", "Loud", ["object"]), "class")
    eq(sorted(cls["attrs"]), ["__getattr__", "__init__", "__repr__", "kind"],
       "class attrs")
    meth = heap[str(g["m"][1])]
    eq((meth["t"], meth["self"]), ("method", g["x"]), "bound method")


@test
def ids_are_stable_across_steps():
    t = run_tracer("""\
        xs = []
        for i in range(3):
            xs.append([i])
        ys = xs
        """)
    ids = {s["stack"][0]["locals"]["xs"][1] for s in t.steps
           if "xs" in s["stack"][0]["locals"]}
    eq(len(ids), 1, "one id for xs")
    last = t.last()
    inner = [v[1] for v in last["heap"][str(last["stack"][0]["locals"]["xs"][1])]
             ["items"]]
    eq(len(set(inner)), 3, "three different inner lists")
    eq(last["stack"][0]["locals"]["ys"], last["stack"][0]["locals"]["xs"], "alias")


@test
def fresh_objects_never_reuse_ids():
    t = run_tracer("""\
        for i in range(4):
            cur = [i]
        """)
    seen = {}
    for s in t.steps:
        v = s["stack"][0]["locals"].get("cur")
        if v:
            val = s["heap"][str(v[1])]["items"][0]
            seen.setdefault(v[1], set()).add(val)
    eq(len(seen), 4, "four lists, four ids")
    check(all(len(v) == 1 for v in seen.values()), "an id never changes object")


@test
def stdin_and_out():
    t = run_tracer("""\
        name = input('who? ')
        print('hi', name)
        """, stdin="bob\n")
    eq(t.end["stdout"], "who? hi bob\n", "prompt and output")
    outs = [s.get("out") for s in t.steps]
    check("who? " in outs and "hi bob\n" in outs, "outs split by step")


@test
def step_limit():
    t = run_tracer("while True:\n    pass\n", "--max-steps", "7")
    eq(len(t.steps), 7, "seven steps")
    eq((t.end["status"], t.end["steps"], t.end["exc"]), ("limit", 7, None), "end")


@test
def builtins_and_stdlib_get_no_events():
    t = run_tracer("""\
        import functools
        r = functools.reduce(lambda a, b: a + b, [1, 2, 3])
        s = sorted([3, 1], key=lambda v: -v)
        """)
    funcs = {s["stack"][-1]["func"] for s in t.steps}
    eq(funcs, {"<module>", "<lambda>"}, "only program frames")
    for s in t.steps:
        if s["stack"][-1]["func"] == "<lambda>":
            eq(len(s["stack"]), 2, "lambda right above module")
            eq(s["stack"][-1]["parent"], None, "module-level lambda")


@test
def classes_inside_functions_and_super():
    t = run_tracer("""\
        def make(base):
            class K(base):
                def hello(self):
                    return super().__class__.__name__ + str(base)
            return K
        print(make(object)().hello())
        """)
    _, body = t.first_call("K")
    eq(body["parent"], None, "class body parent is null")
    eq(sorted(body["cells"]), ["__class__", "base"], "class body cells")
    _, hello = t.first_call("hello")
    eq(hello["parent"], body["fid"], "method made by class body")
    eq(hello["cells"]["__class__"], body["cells"]["__class__"], "__class__ cell")


@test
def program_behaviour_is_unchanged():
    # locals() returns one dict per frame in 3.11; sys.settrace's trampoline
    # would refresh it at every event unless the tracer detaches it
    src = """\
        def f(a, b=2):
            c = a + b
            snap = locals()
            d = 99
            return sorted(snap.items())
        print(f(1))
        class Bye:
            def __del__(self):
                print('bye')
        b = Bye()
        b = None
        print('after')
        """
    t = run_tracer(src)
    eq(t.end["stdout"], run_plain(src)[0], "stdout as under plain CPython")


@test
def end_exc_is_cpythons_last_line():
    src = """\
        count = 1
        print(cout)
        """
    t = run_tracer(src)
    _, last = run_plain(src)
    eq(": ".join(t.end["exc"]), last, "with the Did-you-mean suggestion")
    eq(t.end["exc"], ["NameError", "name 'cout' is not defined. "
                      "Did you mean: 'count'?"], "exc")
    src = """\
        e = ValueError('two\\nlines')
        e.add_note('note')
        raise e
        """
    eq(run_tracer(src).end["exc"], ["ValueError", "two\nlines"], "notes left out")


@test
def recursion_limit_programs_do_not_break_the_tracer():
    src = """\
        import sys
        sys.setrecursionlimit(120)      # keeps the trace small
        def down(n):
            return down(n + 1)
        try:
            down(0)
        except RecursionError as e:
            print('RecursionError:', e)
        print('after')
        """
    t = run_tracer(src, allow_tracer_error=True)
    eq(t.end["stdout"], run_plain(src)[0], "same output as plain CPython")
    eq(t.end["status"], "ok", "status")
    check(any("recursion" in e for e in t.end.get("tracer_error", [])),
          "the lost events are reported")
    calls = t.calls("down")
    check(len(calls) > 100, "the recursion is traced up to the limit")


# ---------------------------------------------------------------------------
# comparer
# ---------------------------------------------------------------------------

COMPARE_PROGRAM = """\
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
data = {'a': [1, 2], 'b': (c1, c2)}
tags = {frozenset({1}), (2, 3), 'x'}
c1(); c2(); c1()
def gen():
    yield data
for d in gen():
    pass
print(c1(), c2())
"""


def permute_ids(records, offset_h=100, offset_f=50):
    """The same trace with every heap id and fid renamed consistently."""
    hmap, fmap = {}, {}

    def h(i):
        return hmap.setdefault(i, offset_h + 7 * len(hmap) + 3)

    def f(i):
        return None if i is None else fmap.setdefault(i, offset_f + 5 * len(fmap) + 1)

    def val(v):
        if isinstance(v, list) and len(v) == 2 and v[0] == "ref":
            return ["ref", h(v[1])]
        return v

    def obj(o):
        o = dict(o)
        for key in ("parent", "owner", "fid"):
            if key in o:
                o[key] = f(o[key])
        if "closure" in o:
            o["closure"] = [[n, h(c), val(v)] for n, c, v in o["closure"]]
        if "items" in o:
            if o["t"] == "dict":
                o["items"] = [[val(k), val(v)] for k, v in o["items"]]
            else:
                o["items"] = [val(v) for v in o["items"]]
                if o["t"] in ("set", "frozenset"):
                    o["items"] = list(reversed(o["items"]))
        for key in ("attrs",):
            if key in o:
                o[key] = {k: val(v) for k, v in reversed(list(o[key].items()))}
        for key in ("func", "self"):
            if key in o:
                o[key] = val(o[key])
        if "args" in o:
            o["args"] = [val(v) for v in o["args"]]
        return o

    out = []
    for r in records:
        if r["kind"] != "step":
            out.append(r)
            continue
        r = json.loads(json.dumps(r))
        for fr in r["stack"]:
            fr["fid"] = f(fr["fid"])
            fr["parent"] = f(fr["parent"])
            if "fn" in fr:
                fr["fn"] = h(fr["fn"])
            fr["locals"] = {k: val(v) for k, v in reversed(list(fr["locals"].items()))}
            fr["cells"] = {k: h(v) for k, v in fr["cells"].items()}
        if "ret" in r:
            r["ret"] = val(r["ret"])
        heap = list(r["heap"].items())
        r["heap"] = {str(h(int(k))): obj(o) for k, o in reversed(heap)}
        out.append(r)
    return out


@test
def compare_trace_with_itself():
    t = run_tracer(COMPARE_PROGRAM)
    eq(compare_traces.compare(t.records, t.records), [], "self comparison")
    eq(compare_traces.compare(t.records, t.records, with_fn=True), [], "with fn")


@test
def compare_permuted_ids_agree():
    t = run_tracer(COMPARE_PROGRAM)
    p = permute_ids(t.records)
    check(p != t.records, "permutation changed something")
    eq(compare_traces.compare(t.records, p), [], "permuted ids")
    eq(compare_traces.compare(p, t.records, with_fn=True), [], "permuted, with fn")


@test
def compare_detects_changed_local():
    t = run_tracer(COMPARE_PROGRAM)
    b = json.loads(json.dumps(t.records))
    for r in b:
        if r["kind"] == "step" and r["stack"][0]["locals"].get("c1"):
            target = r
    target["stack"][0]["locals"]["c1"] = 5
    diffs = compare_traces.compare(t.records, b)
    check(diffs, "difference found")
    check(("step %d " % target["step"]) in diffs[0], diffs[0])
    check(any("locals['c1']" in d for d in diffs), diffs)


@test
def compare_detects_missing_event():
    t = run_tracer(COMPARE_PROGRAM)
    b = [r for r in t.records if not (r["kind"] == "step" and r["step"] == 20)]
    diffs = compare_traces.compare(t.records, b)
    check(diffs and diffs[0].startswith("step 20"), diffs)


@test
def compare_detects_heap_and_cell_changes():
    t = run_tracer(COMPARE_PROGRAM)
    last = len(t.steps)
    # a cell value
    b = json.loads(json.dumps(t.records))
    step = b[last]
    cid = next(k for k, o in step["heap"].items() if o["t"] == "cell")
    step["heap"][cid]["v"] = 99
    diffs = compare_traces.compare(t.records, b)
    check(diffs and any("cell v" in d for d in diffs), diffs)
    # two closures made to use different cells (aliasing broken)
    b = json.loads(json.dumps(t.records))
    step = b[last]
    fns = [o for o in step["heap"].values()
           if o["t"] == "function" and o["name"] == "inc"]
    fns[1]["closure"][0][1] = fns[0]["closure"][0][1]
    check(compare_traces.compare(t.records, b), "aliasing change found")
    # a parent
    b = json.loads(json.dumps(t.records))
    for r in b:
        if r["kind"] == "step":
            for fr in r["stack"]:
                if fr["func"] == "inc":
                    fr["parent"] = None
    check(compare_traces.compare(t.records, b), "parent change found")


@test
def compare_sets_and_maps_ignore_order_and_unknown_keys():
    t = run_tracer(COMPARE_PROGRAM)
    b = json.loads(json.dumps(t.records))
    for r in b:
        if r["kind"] == "step":
            r["changed"] = ["whatever"]
            for o in r["heap"].values():
                o["retained"] = True
                if o["t"] in ("set", "frozenset"):
                    o["items"] = list(reversed(o["items"]))
    eq(compare_traces.compare(t.records, b), [], "order of set items, extra keys")
    # but a list's order matters
    b = json.loads(json.dumps(t.records))
    for o in b[-2]["heap"].values():
        if o["t"] == "list" and len(o["items"]) == 2:
            o["items"].reverse()
    check(compare_traces.compare(t.records, b), "list order matters")


@test
def compare_types_of_values_matter():
    t = run_tracer("x = 1\ny = 2\n")
    b = json.loads(json.dumps(t.records))
    b[-2]["stack"][0]["locals"]["x"] = 1.0
    check(compare_traces.compare(t.records, b), "1 vs 1.0")
    b[-2]["stack"][0]["locals"]["x"] = True
    check(compare_traces.compare(t.records, b), "1 vs True")


@test
def compare_plain_lists_and_locals_by_value():
    # lists and dicts of plain values, and locals without references, are compared as JSON text
    t = run_tracer("xs = [1, 2, 3, 4]\nd = {'a': 1, 'b': 2, 'c': 3}\ny = 0\n")
    eq(compare_traces.compare(t.records, json.loads(json.dumps(t.records))), [], "self comparison")
    for change in ((1, 1.0), (1, True), (4, "4")):
        b = json.loads(json.dumps(t.records))
        for o in b[-2]["heap"].values():
            if o["t"] == "list":
                o["items"][0 if change[0] == 1 else 3] = change[1]
        diffs = compare_traces.compare(t.records, b)
        check(diffs and any("items" in d for d in diffs), "list item %r vs %r: %s" % (change + (diffs,)))
    b = json.loads(json.dumps(t.records))
    for o in b[-2]["heap"].values():
        if o["t"] == "dict":
            o["items"][2][1] = 3.0
    check(compare_traces.compare(t.records, b), "dict value 3 vs 3.0")
    a = run_tracer("def f(n):\n    k = n * 2\n    return k\nf(3)\n").records
    b = json.loads(json.dumps(a))
    for r in b:
        for fr in r.get("stack", []):
            if fr["func"] == "f" and "k" in fr["locals"]:
                fr["locals"]["k"] = 7
    diffs = compare_traces.compare(a, b)
    check(diffs and any("locals['k']: A=6 B=7" in d for d in diffs), diffs)


@test
def compare_end_records():
    t = run_tracer(COMPARE_PROGRAM)
    b = json.loads(json.dumps(t.records))
    b[-1]["stdout"] = b[-1]["stdout"] + "extra"
    diffs = compare_traces.compare(t.records, b)
    check(diffs and diffs[0] == "end:" and "stdout" in diffs[1], diffs)
    b = json.loads(json.dumps(t.records))
    b[-1]["status"] = "error"
    check(compare_traces.compare(t.records, b), "status")
    # step 1's line is not compared
    b = json.loads(json.dumps(t.records))
    b[1]["line"] = 1
    b[1]["stack"][0]["line"] = 1
    eq(compare_traces.compare(t.records, b), [], "step 1 line ignored")


@test
def compare_cli_exit_codes():
    t = run_tracer(SEED)
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl")
        with open(a, "w") as fh:
            fh.write("".join(json.dumps(r) + "\n" for r in t.records))
        with open(b, "w") as fh:
            fh.write("".join(json.dumps(r) + "\n"
                             for r in permute_ids(t.records)))
        cmd = [sys.executable, os.path.join(HERE, "compare_traces.py")]
        eq(subprocess.run(cmd + [a, b], capture_output=True).returncode, 0, "agree")
        bad = json.loads(json.dumps(t.records))
        bad[5]["stack"][-1]["locals"] = {"zzz": 1}
        with open(b, "w") as fh:
            fh.write("".join(json.dumps(r) + "\n" for r in bad))
        p = subprocess.run(cmd + [a, b], capture_output=True, text=True)
        eq(p.returncode, 1, "differ")
        check("step 5" in p.stdout and "zzz" in p.stdout, p.stdout)


# ---------------------------------------------------------------------------
# corpus smoke test
# ---------------------------------------------------------------------------

def corpus_tests():
    """One test per tests/programs/**/*.py: the tracer must produce a complete
    trace that agrees with itself.  Differences from plain `python3` output
    (programs that print addresses, ...) are printed as notes, not failures."""
    progs = sorted(glob.glob(os.path.join(REPO, "tests", "programs", "**", "*.py"),
                             recursive=True))
    env = dict(os.environ, PYTHONHASHSEED="0")
    made = []
    for prog in progs:
        def run(prog=prog):
            name = os.path.relpath(prog, REPO)
            stdin_path = os.path.splitext(prog)[0] + ".in"
            stdin = ""
            if os.path.exists(stdin_path):
                with open(stdin_path) as fh:
                    stdin = fh.read()
            with tempfile.TemporaryDirectory() as d:
                out = os.path.join(d, "t.jsonl")
                cmd = [sys.executable, TRACER, prog, "-o", out,
                       "--max-steps", "20000"]
                if stdin:
                    cmd += ["--stdin-file", stdin_path]
                p = subprocess.run(cmd, capture_output=True, text=True, env=env,
                                   timeout=600, cwd=os.path.dirname(prog))
                eq(p.returncode, 0, "exit status (%s)" % p.stderr[-500:])
                big = os.path.getsize(out) > 20_000_000
                with open(out) as fh:
                    recs = [json.loads(line) for line in fh]
            end = recs[-1]
            eq(end["kind"], "end", "end record")
            eq(end["steps"], len(recs) - 2, "step count")
            if "tracer_error" in end:
                print("    note %s: %s" % (name, "; ".join(end["tracer_error"])[:300]))
            if end["status"] != "limit":
                plain = subprocess.run([sys.executable, prog], capture_output=True,
                                       text=True, input=stdin, env=env,
                                       timeout=120, cwd=os.path.dirname(prog))
                if plain.stdout != end["stdout"]:
                    print("    note %s: stdout differs from plain python3" % name)
            if not big:
                eq(compare_traces.compare(recs, recs), [], "self comparison")
        run.__name__ = "corpus:" + os.path.relpath(prog, REPO)
        made.append(run)
    return made


def main(argv):
    selected = TESTS
    if "-k" in argv:
        key = argv[argv.index("-k") + 1]
        selected = [t for t in TESTS if key in t.__name__]
    if "--corpus" in argv:
        selected = selected + corpus_tests()
    passed = failed = 0
    for t in selected:
        try:
            t()
        except Exception:
            failed += 1
            print("FAIL %s" % t.__name__)
            print(textwrap.indent(traceback.format_exc(limit=3), "    "))
        else:
            passed += 1
            print("ok   %s" % t.__name__)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
