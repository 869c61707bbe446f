#!/usr/bin/env python3
"""`closureviz render` against `closureviz trace` of the same program: for each step checked, the SVG
must parse as XML and show what the trace's step record says.

Expected values come from the trace (trace-format.md), never from stored pictures:
  * frame titles: every frame on the stack ("Global frame", "fN: NAME", "fN: class NAME",
    "fN: λ"; fN numbers the non-module frames by fid), in both views; in the Environment view also
    the frames the step lists as retained (kept alive by a function defined in them), except class
    bodies, which the teaching model skips (a method's environment is the scope around the class);
  * binding names: each stack frame's rows hold its plain locals and its bound cell variables; the
    Cells view also lists its free variables (cells owned by another frame) and empty cells;
  * arrows (Cells view): one per reference row of a stack frame (a local referring to an object,
    every cell or free variable, a returned object), one per reference item of each object drawn
    (list/tuple/set items, dict values, attributes, a cell's content, a method's parts), and one per
    __closure__ slot of a function. The objects drawn are those the stack frames' rows reach through
    these references (a frame's own function object is in the heap, but no row refers to it), plus
    the objects of the step before that are gone (drawn faded once); a faded object's arrow is drawn
    when its target is drawn. Steps whose picture has things this count does not model (generators, comprehensions,
    dict keys that are tuples, default values that are objects, containers longer than the layout
    shows) only get the title and name checks.
Also: a bad step number and a file that does not compile give a clear message and exit codes 2 and 1.

Usage: check_render.py --closureviz PATH --repo DIR [--max-steps-per-program N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
MAX_ITEMS = 40  # LayoutStyle::max_items: longer containers end with a "… N more" row

PROGRAMS = [
    "assets/examples/adder.py",
    "assets/lessons/01_what_is_a_closure.py",
    "assets/lessons/03_persistent_state.py",
    "assets/lessons/04_nonlocal_global.py",
    "tests/programs/closures",
    "tests/programs/nonlocal_global",
]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, **kw)


def trace_steps(closureviz, path):
    out = run([closureviz, "trace", path])
    steps = []
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        if rec.get("kind") == "step":
            steps.append(rec)
    return steps


def frame_labels(steps):
    """fid -> label, as environment diagrams number frames: Global, then f1, f2, ... by fid."""
    info = {}
    for st in steps:
        for fr in st["stack"]:
            info.setdefault(fr["fid"], fr)
    labels, n = {}, 0
    for fid in sorted(info):
        fr = info[fid]
        if fr["func"] == "<module>" and "fn" not in fr:
            labels[fid] = "Global"
        else:
            n += 1
            labels[fid] = "f%d" % n
    return labels, info


def title_of(fid, labels, info):
    fr = info[fid]
    if labels[fid] == "Global":
        return "Global frame"
    if "fn" not in fr:
        return labels[fid] + ": class " + fr["func"]
    if fr["func"] == "<lambda>":
        return labels[fid] + ": \u03bb"
    return labels[fid] + ": " + fr["func"]


def is_ref(v):
    return isinstance(v, list) and len(v) == 2 and v[0] == "ref"


def ref_items(obj):
    """The values of an object that the diagram draws as arrows (trace-format.md heap objects)."""
    t = obj.get("t")
    vals = []
    if t in ("list", "tuple", "set", "frozenset", "deque"):
        vals += obj.get("items", [])
    elif t == "dict":
        vals += [kv[1] for kv in obj.get("items", [])]
    elif t == "cell":
        vals.append(obj.get("v"))
    elif t == "method":
        vals += [obj.get("func"), obj.get("self")]
    elif t == "exception":
        vals += obj.get("args", [])
    elif t in ("staticmethod", "classmethod"):
        vals.append(obj.get("func"))
    vals += list(obj.get("attrs", {}).values()) if isinstance(obj.get("attrs"), dict) else []
    refs = [v[1] for v in vals if is_ref(v)]
    if t == "function":
        refs += [c[1] for c in obj.get("closure", [])]
    return refs


def countable(step, before):
    """Whether the arrow count of the Cells view can be predicted from the records alone."""
    for rec in (step, before):
        if rec is None:
            continue
        for fr in rec["stack"]:
            if fr["func"].startswith("<") and fr["func"] not in ("<module>", "<lambda>"):
                return False
        for obj in rec["heap"].values():
            t = obj.get("t")
            if t == "generator" or obj.get("defaults"):
                return False
            if t == "dict" and any(is_ref(kv[0]) for kv in obj.get("items", [])):
                return False
            if len(obj.get("items", [])) + len(obj.get("attrs", {}) or {}) > MAX_ITEMS:
                return False
    return True


def expected_cells_arrows(step, before):
    heap = {int(k): v for k, v in step["heap"].items()}
    gone = {}
    if before is not None:
        for k, v in before["heap"].items():
            if int(k) not in heap:
                gone[int(k)] = v
    # Drawn: what the stack frames' rows reach through drawn references (a frame's own function
    # object is in the heap but no row refers to it), plus the faded objects of the step before.
    n = 0
    roots = []
    for fr in step["stack"]:
        refs = [v[1] for v in fr["locals"].values() if is_ref(v)] + list(fr["cells"].values())
        n += len(refs)
        roots += refs
    if step["event"] == "return" and not step.get("unwind") and is_ref(step.get("ret")):
        n += 1
        roots.append(step["ret"][1])
    drawn = set()
    todo = [r for r in roots if r in heap]
    while todo:
        i = todo.pop()
        if i in drawn:
            continue
        drawn.add(i)
        todo += [r for r in ref_items(heap[i]) if r in heap]
    drawn |= set(gone)
    for i in drawn:
        obj = heap.get(i) or gone[i]
        n += sum(1 for r in ref_items(obj) if r in drawn)
    return n


def parse_svg(text):
    """frame title -> list of row names (texts without class, or class free), and the arrow count."""
    root = ET.fromstring(text)
    frames = {}
    for g in root.iter(SVG + "g"):
        if not g.get("id", "").startswith("frame-"):
            continue
        title, names = None, []
        for t in g.iter(SVG + "text"):
            cls = t.get("class", "")
            if cls == "ttl":
                title = t.text or ""
            elif cls in ("", "free"):
                names.append(t.text or "")
        frames[title] = names
    arrows = [p for p in root.iter(SVG + "path") if p.get("class", "").split()[:1] == ["a"]]
    plain = [p for p in arrows if not {"par", "scope"} & set(p.get("class").split())]
    return frames, len(plain)


def find_frame(frames, title):
    for t, names in frames.items():
        if t == title or t.startswith(title + " ["):
            return names
    return None


def check_program(closureviz, path, limit, failures):
    steps = trace_steps(closureviz, path)
    if not steps:
        return 0, 0
    labels, info = frame_labels(steps)
    # Every step of short runs; for long ones an even spread plus the last step.
    picks = list(range(1, len(steps) + 1))
    if len(picks) > limit:
        stride = len(picks) / limit
        picks = sorted({int(i * stride) + 1 for i in range(limit)} | {len(steps)})
    checked = counted = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in picks:
            step, before = steps[k - 1], steps[k - 2] if k >= 2 else None
            owner = {int(i): o.get("owner") for i, o in step["heap"].items() if o.get("t") == "cell"}
            bound = {int(i): "v" in o for i, o in step["heap"].items() if o.get("t") == "cell"}
            for view in ("env", "cells"):
                out = os.path.join(tmp, "s.svg")
                r = run([closureviz, "render", path, "--step", str(k), "--view", view, "-o", out])
                where = "%s step %d (%s)" % (os.path.relpath(path), k, view)
                if r.returncode != 0:
                    failures.append("%s: exit %d: %s" % (where, r.returncode, r.stderr.strip()))
                    continue
                try:
                    frames, arrows = parse_svg(open(out, encoding="utf-8").read())
                except ET.ParseError as e:
                    failures.append("%s: SVG does not parse: %s" % (where, e))
                    continue
                for fr in step["stack"]:
                    title = title_of(fr["fid"], labels, info)
                    names = find_frame(frames, title)
                    if names is None:
                        failures.append("%s: no frame titled %r (frames: %s)" % (where, title, sorted(frames)))
                        continue
                    want = set(fr["locals"])
                    for name, cell in fr["cells"].items():
                        # The Environment view lists a frame's own cell variables once bound
                        # (free variables are read through the parent chain instead).
                        if view == "cells" or (owner.get(cell) in (None, fr["fid"]) and bound.get(cell)):
                            want.add(name)
                    missing = want - set(names)
                    if missing:
                        failures.append("%s: frame %r lacks rows %s (has %s)" % (where, title, sorted(missing), names))
                if view == "env":
                    for fid in step.get("retained", []):
                        if "fn" not in info[fid]:
                            continue  # a class body: its methods' environment is the scope around the class
                        if find_frame(frames, title_of(fid, labels, info)) is None:
                            failures.append("%s: retained frame %r not drawn" % (where, title_of(fid, labels, info)))
                elif countable(step, before):
                    want = expected_cells_arrows(step, before)
                    counted += 1
                    if arrows != want:
                        failures.append("%s: %d arrows, the trace says %d" % (where, arrows, want))
            checked += 1
    return checked, counted


def check_errors(closureviz, example, failures):
    r = run([closureviz, "render", example, "--step", "100000", "-o", os.devnull])
    if r.returncode != 2 or "not in the run" not in r.stderr:
        failures.append("a step past the end: exit %d, %r" % (r.returncode, r.stderr))
    r = run([closureviz, "render", example, "--step", "0"])
    if r.returncode != 2 or "--step" not in r.stderr:
        failures.append("step 0: exit %d, %r" % (r.returncode, r.stderr))
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.py")
        with open(bad, "w") as f:
            f.write("def f(:\n    pass\n")
        r = run([closureviz, "render", bad, "--step", "1", "-o", os.path.join(tmp, "x.svg")])
        py = run([sys.executable, bad])
        if r.returncode != 1 or r.stderr.strip().splitlines()[-1:] != py.stderr.strip().splitlines()[-1:]:
            failures.append("syntax error: exit %d, %r (python3 says %r)" % (r.returncode, r.stderr, py.stderr))
        if os.path.exists(os.path.join(tmp, "x.svg")):
            failures.append("syntax error: an SVG was written anyway")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--max-steps-per-program", type=int, default=30)
    args = ap.parse_args()
    files = []
    for p in PROGRAMS:
        full = os.path.join(args.repo, p)
        if os.path.isdir(full):
            files += sorted(os.path.join(full, f) for f in os.listdir(full) if f.endswith(".py"))
        elif os.path.exists(full):
            files.append(full)
    failures = []
    checked = counted = 0
    for f in files:
        c, n = check_program(args.closureviz, f, args.max_steps_per_program, failures)
        checked += c
        counted += n
    check_errors(args.closureviz, os.path.join(args.repo, "assets/examples/adder.py"), failures)
    for line in failures[:40]:
        print("FAIL", line)
    print("%d programs, %d steps rendered in both views, %d arrow counts checked, %d failures"
          % (len(files), checked, counted, len(failures)))
    if checked < 100 or counted < 50:
        print("FAIL too few steps checked")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
