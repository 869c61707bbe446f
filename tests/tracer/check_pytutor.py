#!/usr/bin/env python3
"""Checks `closureviz trace --format pytutor` (Online Python Tutor's trace) on the corpus.

    python3 tests/tracer/check_pytutor.py --closureviz PATH [--filter SUBSTR] [--jobs N]
        [--max-steps N] [--cpython-filter SUBSTR] [-v]

For every tests/programs/**/*.py except syntax_errors/ (sorted), the program is traced twice by
closureviz, as JSON lines (docs trace-format.md) and as Python Tutor's JSON, with the same step
limit, stdin from NAME.in and cwd = the program's directory. Then:

1. Structural invariants of the pytutor trace: the keys of each step; events; every REF names a
   heap object of its step and every heap object is referred to; at most one highlighted frame,
   on the stack, running func_name; frame ids unique and sorted; unique_hash = func_name + "_f" + id (+ "_p" when is_parent,
   "_z" when is_zombie); parent_frame_id_list is the chain of defining frames; stdout only grows.
2. Exact values: this script converts the JSON-lines trace of the same run into Python Tutor's
   form on its own (to_pytutor() below) and the two must be equal, step by step, after both are
   renumbered canonically (heap ids by first reference from the globals, then the frames; frame
   ids are kept). A function's label "name(params)" is rebuilt from the program's source with the
   ast module (lambdas on a line with differing parameter lists, and comprehensions, are compared
   by name only). The JSON-lines trace does not hold the plain locals of a zombie (returned but
   retained) frame, so for zombies only their cell variables are compared, plus the presence of
   the frame.
3. For programs whose path contains --cpython-filter (default "closures/"), the trace of CPython's
   reference tracer (tests/tracer/cpython_trace.py) is converted the same way and must equal the
   closureviz pytutor trace too, when the two JSON-lines traces agree (compare_traces.py; a
   documented trace deviation is reported, not failed, as run_trace_corpus.py does).

The last line is `N passed, N failed`; the exit status is 0 iff nothing failed.
"""

import argparse
import ast
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(REPO, "tests", "programs")
TRACER = os.path.join(HERE, "cpython_trace.py")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import compare_traces  # noqa: E402

TIMEOUT = 300
ANY = object()  # a label this script cannot rebuild: compared by name only


# ---------------------------------------------------------------- function labels from the source

def parameter_text(args):
    """ "a, b, *args, c, **kw": the names, as core/recorder.cpp's parameter_text writes them."""
    names = [a.arg for a in args.posonlyargs + args.args]
    if args.vararg:
        names.append("*" + args.vararg.arg)
    elif args.kwonlyargs:
        names.append("*")
    names += [a.arg for a in args.kwonlyargs]
    if args.kwarg:
        names.append("**" + args.kwarg.arg)
    return ", ".join(names)


def function_labels(source):
    """(name, first line) -> "name(params)", or ANY when the source is ambiguous there."""
    labels = {}
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return labels

    def add(name, line, text):
        key = (name, line)
        labels[key] = text if labels.get(key, text) == text else ANY

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # A decorated def's code starts at its first decorator.
            line = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            add(node.name, line, f"{node.name}({parameter_text(node.args)})")
        elif isinstance(node, ast.Lambda):
            add("<lambda>", node.lineno, f"<lambda>({parameter_text(node.args)})")
    return labels


# ---------------------------------------------------------------- JSON lines -> Python Tutor

CLASS_HIDDEN = {"__module__", "__dict__", "__weakref__", "__qualname__"}


class Converter:
    """Converts one JSON-lines trace (a list of records) into Python Tutor's trace steps, by the
    rules core/trace_export.cpp documents for write_trace_pytutor()."""

    def __init__(self, records, labels):
        self.steps = [r for r in records if r.get("kind") == "step"]
        self.end = next((r for r in records if r.get("kind") == "end"), {})
        self.labels = labels
        self.frame_info = {}  # fid -> (func, parent fid or None), from the frames seen on the stack

    def convert(self):
        out, stdout = [], ""
        for i, step in enumerate(self.steps):
            stdout += step.get("out", "")
            for f in step["stack"]:
                self.frame_info.setdefault(f["fid"], (f["func"], f["parent"]))
            last = i == len(self.steps) - 1
            uncaught = (last and self.end.get("status") == "error" and step["event"] == "return"
                        and len(step["stack"]) == 1)
            out.append(self.step(step, stdout, uncaught))
        return out

    def value(self, heap, v):
        """A VAL in Python Tutor's encoding."""
        if isinstance(v, list):
            if v[0] == "ref":
                self.queue(v[1])
                return ["REF", v[1]]
            if v[0] == "float":
                return ["SPECIAL_FLOAT", v[1]]
            if v[0] == "unbound":
                return None
        return v

    def queue(self, ident):
        if ident not in self.queued:
            self.queued.add(ident)
            self.order.append(ident)

    def step(self, step, stdout, uncaught):
        self.order, self.queued = [], set()
        heap = step["heap"]
        stack = step["stack"]
        top = stack[-1]
        event = "uncaught_exception" if uncaught else {"line": "step_line"}.get(step["event"], step["event"])
        out = {"event": event, "line": step["line"], "func_name": top["func"]}
        if "exc" in step:
            kind, msg = step["exc"]
            out["exception_msg"] = kind + (": " + msg if msg else "")
        module = stack[0]
        out["globals"] = {k: self.value(heap, v) for k, v in module["locals"].items()}
        out["ordered_globals"] = list(module["locals"])
        # Parents: the parent fid of every function in the step's heap.
        parents = {o["parent"] for o in heap.values() if o["t"] == "function" and o["parent"] is not None}
        frames = [dict(f, zombie=False) for f in stack[1:]]
        # Zombies: frames off the stack that are the parent of a function in the heap (the
        # reference tracer does not list them; closureviz's "retained" key must agree).
        on_stack = {f["fid"] for f in stack}
        retained = sorted(parents - on_stack)
        if "retained" in step and sorted(step["retained"]) != retained:
            raise ValueError(f"step {step['step']}: retained {step['retained']}, heap says {retained}")
        for fid in retained:
            if fid != module["fid"]:
                func, parent = self.frame_info[fid]
                frames.append({"fid": fid, "func": func, "parent": parent, "locals": None, "cells": {},
                               "zombie": True})
        frames.sort(key=lambda f: f["fid"])
        out["stack_to_render"] = [self.frame(step, f, heap, f["fid"] == top["fid"], f["fid"] in parents)
                                  for f in frames]
        out["heap"] = {}
        i = 0
        while i < len(self.order):
            ident = self.order[i]
            out["heap"][str(ident)] = self.object(heap, heap[str(ident)])
            i += 1
        out["stdout"] = stdout
        return out

    def own_cells(self, fid, heap):
        """name -> cell id of the cells frame `fid` created, found through the closures in the heap."""
        cells = {}
        for o in heap.values():
            if o["t"] == "function":
                for name, cell_id, _ in o["closure"]:
                    if heap[str(cell_id)].get("owner") == fid:
                        cells.setdefault(name, cell_id)
        return cells

    def frame(self, step, f, heap, highlighted, is_parent):
        chain, p = [], f["parent"]
        while p is not None:
            chain.append(p)
            p = self.frame_info.get(p, (None, None))[1]
        names, values = [], {}
        if not f["zombie"]:
            for k, v in f["locals"].items():
                names.append(k)
                values[k] = self.value(heap, v)
            own = {k: c for k, c in f["cells"].items() if heap[str(c)].get("owner") == f["fid"]}
        else:
            own = self.own_cells(f["fid"], heap)
        for k, c in own.items():
            cell = heap[str(c)]
            if "v" in cell:
                names.append(k)
                values[k] = self.value(heap, cell["v"])
        if highlighted and step["event"] == "return":
            names.append("__return__")
            values["__return__"] = self.value(heap, step.get("ret"))
        suffix = ("_p" if is_parent else "") + ("_z" if f["zombie"] else "")
        return {"func_name": f["func"], "frame_id": f["fid"], "parent_frame_id_list": chain,
                "is_parent": is_parent, "is_zombie": f["zombie"], "is_highlighted": highlighted,
                "unique_hash": f"{f['func']}_f{f['fid']}{suffix}", "encoded_locals": values,
                "ordered_varnames": names, "zombie_plain_locals_unknown": f["zombie"]}

    def object(self, heap, o):
        t = o["t"]
        val = lambda v: self.value(heap, v)  # noqa: E731
        if t in ("list", "deque"):
            return ["LIST"] + [val(v) for v in o["items"]]
        if t == "tuple":
            return ["TUPLE"] + [val(v) for v in o["items"]]
        if t in ("set", "frozenset"):
            return ["SET"] + [val(v) for v in o["items"]]
        if t == "dict":
            return ["DICT"] + [[val(k), val(v)] for k, v in o["items"]]
        if t == "function":
            label = self.labels.get((o["name"], o["line"]), ANY)
            return ["FUNCTION", label if label is not ANY else ANY_LABEL(o["name"]), o["parent"]]
        if t == "instance":
            return ["INSTANCE", o["class"]] + [[k, val(v)] for k, v in o["attrs"].items()]
        if t == "class":
            attrs = [[k, val(v)] for k, v in o["attrs"].items()
                     if k not in CLASS_HIDDEN and not (k == "__doc__" and v is None)]
            return ["CLASS", o["name"], list(o["bases"])] + attrs
        if t == "exception":
            args = "(" + ", ".join(json.dumps(a, ensure_ascii=False) if not isinstance(a, list) else ANY_ARGS
                                   for a in o["args"]) + ")"
            return ["INSTANCE", o["class"], ["args", args if ANY_ARGS not in args else ANY_ARGS]]
        if t == "cell":  # a cell the program holds as a value (closure variables are shown in their frame)
            return ["INSTANCE", "cell"] + ([["cell_contents", val(o["v"])]] if "v" in o else [])
        if t in ("builtin", "module", "generator"):
            return ["HEAP_PRIMITIVE", t, f"<{t} {o['name']}>"]
        if t in ("method", "staticmethod", "classmethod"):
            return ["HEAP_PRIMITIVE", t, f"<{t}>"]
        return ["HEAP_PRIMITIVE", t, o.get("repr", "")]


ANY_ARGS = "\0any args\0"  # exception args holding a ref: not comparable after renumbering


ANY_LABEL_MARK = "\0any label\0"


def ANY_LABEL(name):  # noqa: N802
    """A function label known by name only: equal to any "name(...)" (a string that survives JSON)."""
    return ANY_LABEL_MARK + name


# ---------------------------------------------------------------- invariants and comparison

STEP_KEYS = {"event", "line", "func_name", "globals", "ordered_globals", "stack_to_render", "heap", "stdout"}
FRAME_KEYS = {"func_name", "frame_id", "parent_frame_id_list", "is_parent", "is_zombie", "is_highlighted",
              "encoded_locals", "ordered_varnames", "unique_hash"}
EVENTS = {"step_line", "call", "return", "exception", "uncaught_exception"}
HEAP_TAGS = {"LIST", "TUPLE", "SET", "DICT", "FUNCTION", "INSTANCE", "CLASS", "HEAP_PRIMITIVE"}


def refs(value, out):
    """Appends the ids of the REFs inside an encoded value, in order."""
    if isinstance(value, list):
        if len(value) == 2 and value[0] == "REF":
            out.append(value[1])
        else:
            for v in value:
                refs(v, out)


def check_invariants(trace):
    """Problems with the structure of a Python Tutor trace (a list of messages)."""
    problems = []
    if set(trace) != {"code", "trace"}:
        problems.append(f"top-level keys {sorted(trace)}")
    previous_stdout, parent_of = "", {}
    for n, step in enumerate(trace["trace"], 1):
        where = f"step {n}: "
        if not STEP_KEYS <= set(step) or not set(step) <= STEP_KEYS | {"exception_msg"}:
            problems.append(where + f"keys {sorted(step)}")
            continue
        if step["event"] not in EVENTS:
            problems.append(where + f"event {step['event']!r}")
        if ("exception_msg" in step) != (step["event"] == "exception"):
            problems.append(where + "exception_msg present iff event is exception")
        if list(step["globals"]) != step["ordered_globals"]:
            problems.append(where + "ordered_globals differs from the globals' keys")
        if not step["stdout"].startswith(previous_stdout):
            problems.append(where + "stdout shrank")
        previous_stdout = step["stdout"]
        frames = step["stack_to_render"]
        ids = [f.get("frame_id") for f in frames]
        if len(set(ids)) != len(ids) or ids != sorted(ids):
            problems.append(where + f"frame ids {ids}")
        highlighted = [f for f in frames if f.get("is_highlighted")]
        on_stack = [f for f in frames if not f.get("is_zombie")]
        if step["func_name"] == "<module>":
            if highlighted:
                problems.append(where + "a frame is highlighted while <module> runs")
        elif len(highlighted) != 1 or highlighted[0] not in on_stack or highlighted[0]["func_name"] != step["func_name"]:
            problems.append(where + "not exactly one highlighted frame, on the stack, running func_name")
        used = []
        refs(list(step["globals"].values()), used)
        for f in frames:
            if set(f) != FRAME_KEYS:
                problems.append(where + f"frame keys {sorted(f)}")
                continue
            if list(f["encoded_locals"]) != f["ordered_varnames"]:
                problems.append(where + f"frame {f['frame_id']}: ordered_varnames differs from encoded_locals")
            expected = f"{f['func_name']}_f{f['frame_id']}" + ("_p" if f["is_parent"] else "") + \
                ("_z" if f["is_zombie"] else "")
            if f["unique_hash"] != expected:
                problems.append(where + f"unique_hash {f['unique_hash']!r}, expected {expected!r}")
            chain = f["parent_frame_id_list"]
            parent_of.setdefault(f["frame_id"], chain[0] if chain else None)
            for a, b in zip(chain, chain[1:]):
                if parent_of.get(a, b) != b:
                    problems.append(where + f"frame {f['frame_id']}: parent chain {chain} breaks at {a}")
            refs(list(f["encoded_locals"].values()), used)
        for key, obj in step["heap"].items():
            if not isinstance(obj, list) or not obj or obj[0] not in HEAP_TAGS:
                problems.append(where + f"heap {key}: {str(obj)[:60]}")
                continue
            if obj[0] == "FUNCTION" and (len(obj) != 3 or not (obj[2] is None or isinstance(obj[2], int))):
                problems.append(where + f"heap {key}: FUNCTION {obj}")
            refs(obj[1:], used)
        missing = sorted({str(r) for r in used} - set(step["heap"]))
        if missing:
            problems.append(where + f"REF to ids missing from the heap: {missing[:5]}")
        unused = sorted(set(step["heap"]) - {str(r) for r in used})
        if unused:
            problems.append(where + f"heap objects nothing refers to: {unused[:5]}")
        if len(problems) > 20:
            break
    return problems


def canonical(step, zombie_names=None):
    """The step with heap ids renumbered by first reference (globals, then the frames in order,
    then the heap breadth first). With zombie_names (frame id -> names to keep), a zombie frame
    keeps only those variables and the heap only what the kept values reach."""
    step = json.loads(json.dumps(step))
    for f in step["stack_to_render"]:
        f.pop("zombie_plain_locals_unknown", None)
        if f["is_zombie"]:
            # The JSON lines give a zombie's cell variables but not their order: sorted.
            keep = zombie_names.get(f["frame_id"], []) if zombie_names is not None else f["ordered_varnames"]
            f["ordered_varnames"] = sorted(n for n in f["ordered_varnames"] if n in keep)
            f["encoded_locals"] = {n: f["encoded_locals"][n] for n in f["ordered_varnames"]}
    order = []
    roots = [step["globals"][n] for n in step["ordered_globals"]]
    for f in step["stack_to_render"]:
        roots += [f["encoded_locals"][n] for n in f["ordered_varnames"]]
    refs(roots, order)
    number = {}
    i = 0
    while i < len(order):
        old = order[i]
        i += 1
        if old in number or str(old) not in step["heap"]:
            continue
        number[old] = len(number) + 1
        refs(step["heap"][str(old)][1:], order)

    def renumber(v):
        if isinstance(v, list):
            if len(v) == 2 and v[0] == "REF":
                return ["REF", number.get(v[1], -1)]
            return [renumber(x) for x in v]
        if isinstance(v, dict):
            return {k: renumber(x) for k, x in v.items()}
        return v

    step["globals"] = renumber(step["globals"])
    for f in step["stack_to_render"]:
        f["encoded_locals"] = renumber(f["encoded_locals"])
    step["heap"] = {str(number[int(k)]): renumber(v) for k, v in step["heap"].items() if int(k) in number}
    return step


def labels_equal(expected, actual):
    """Function labels: an ANY_LABEL matches any parameter list."""
    if isinstance(expected, str) and expected.startswith(ANY_LABEL_MARK):
        return isinstance(actual, str) and actual.startswith(expected[len(ANY_LABEL_MARK):] + "(")
    if expected == ANY_ARGS:
        return True
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(labels_equal(a, b) for a, b in zip(expected, actual))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return expected.keys() == actual.keys() and all(labels_equal(expected[k], actual[k]) for k in expected)
    return expected == actual


def first_difference(expected, actual, path=""):
    """A short description of where two values differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k in list(expected) + [k for k in actual if k not in expected]:
            if k not in actual or k not in expected:
                return f"{path}.{k}: only in {'expected' if k in expected else 'actual'}"
            if not labels_equal(expected[k], actual[k]):
                return first_difference(expected[k], actual[k], f"{path}.{k}")
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for i, (a, b) in enumerate(zip(expected, actual)):
            if not labels_equal(a, b):
                return first_difference(a, b, f"{path}[{i}]")
    return f"{path}: expected {str(expected)[:150]}, got {str(actual)[:150]}"


def compare(expected_steps, actual_steps):
    """None when the converted trace equals closureviz's pytutor trace, else the first difference."""
    if len(expected_steps) != len(actual_steps):
        return f"{len(expected_steps)} steps expected, {len(actual_steps)} written"
    for n, (e, a) in enumerate(zip(expected_steps, actual_steps), 1):
        zombies = {f["frame_id"]: f["ordered_varnames"] for f in e["stack_to_render"] if f["is_zombie"]}
        # A zombie's cell variables (all the JSON lines show of it) must all be written.
        for f in a["stack_to_render"]:
            if f["is_zombie"] and f["frame_id"] in zombies:
                if not set(zombies[f["frame_id"]]) <= set(f["ordered_varnames"]):
                    return f"step {n}: zombie frame {f['frame_id']} variables {f['ordered_varnames']}, expected {zombies[f['frame_id']]}"
        ce, ca = canonical(e), canonical(a, zombies)
        if not labels_equal(ce, ca):
            return f"step {n}: " + first_difference(ce, ca)
    return None


# ---------------------------------------------------------------- running

def run(cmd, program):
    stdin_path = os.path.splitext(program)[0] + ".in"
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        return subprocess.run(cmd, cwd=os.path.dirname(program), stdin=stdin, capture_output=True, timeout=TIMEOUT)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_program(args, program):
    """(status, message): status is "pass", "fail" or "deviation"."""
    try:
        return check_program_traces(args, program)
    except (OSError, ValueError, KeyError, IndexError, TypeError, subprocess.TimeoutExpired) as e:
        return "fail", f"{type(e).__name__}: {str(e)[:300]}"


def check_program_traces(args, program):
    with open(program, encoding="utf-8", errors="replace") as f:
        labels = function_labels(f.read())
    with tempfile.TemporaryDirectory(prefix="cv-pytutor-") as tmp:
        jsonl_path, tutor_path = os.path.join(tmp, "trace.jsonl"), os.path.join(tmp, "trace.json")
        limit = ["--max-steps", str(args.max_steps)]
        a = run([args.closureviz, "trace", program, "-o", jsonl_path] + limit, program)
        b = run([args.closureviz, "trace", program, "--format", "pytutor", "-o", tutor_path] + limit, program)
        if a.stdout != b.stdout or a.returncode != b.returncode:
            return "fail", "the two trace runs printed or exited differently"
        if not os.path.exists(tutor_path) or not os.path.exists(jsonl_path):
            return "fail", f"no trace written: {b.stderr.decode(errors='replace')[-300:]}"
        with open(tutor_path, encoding="utf-8") as f:
            tutor = json.load(f)
        records = read_jsonl(jsonl_path)
        problems = check_invariants(tutor)
        if problems:
            return "fail", "invariants: " + "; ".join(problems[:3])
        with open(program, encoding="utf-8", errors="replace") as f:
            if tutor["code"] != f.read():
                return "fail", "code is not the program's source"
        difference = compare(Converter(records, labels).convert(), tutor["trace"])
        if difference:
            return "fail", "against the JSON-lines trace: " + difference
        if args.cpython_filter and args.cpython_filter in os.path.relpath(program, PROGRAMS):
            ref_path = os.path.join(tmp, "cpython.jsonl")
            c = run([sys.executable, TRACER, program, "-o", ref_path] + limit, program)
            if not os.path.exists(ref_path):
                return "fail", f"the reference tracer wrote no trace: {c.stderr.decode(errors='replace')[-300:]}"
            reference = read_jsonl(ref_path)
            trace_difference = compare_traces.compare(reference, records)
            if trace_difference:
                return "deviation", f"JSON-lines traces differ (tests/tracer): {str(trace_difference)[:200]}"
            difference = compare(Converter(reference, labels).convert(), tutor["trace"])
            if difference:
                return "fail", "against CPython's trace: " + difference
            return "pass", "also equals CPython's trace converted"
    return "pass", ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--closureviz", required=True)
    parser.add_argument("--filter", default="")
    parser.add_argument("--cpython-filter", default="closures/")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max-steps", type=int, default=3000)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    args.closureviz = os.path.abspath(args.closureviz)
    programs = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(PROGRAMS) if os.path.basename(root) != "syntax_errors"
        for name in names if name.endswith(".py") and args.filter in os.path.join(root, name))
    counts = {"pass": 0, "fail": 0, "deviation": 0}
    cpython_equal = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for program, (status, message) in zip(programs, pool.map(lambda p: check_program(args, p), programs)):
            counts[status] += 1
            cpython_equal += message.startswith("also equals")
            name = os.path.relpath(program, PROGRAMS)
            if status != "pass" or args.verbose:
                print(f"{status.upper()} {name}{': ' + message if message else ''}")
    print(f"{counts['pass']} programs' pytutor traces equal their JSON-lines traces converted "
          f"({cpython_equal} also CPython's reference trace converted); "
          f"{counts['deviation']} known trace deviations not compared with CPython")
    print(f"{counts['pass'] + counts['deviation']} passed, {counts['fail']} failed")
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
