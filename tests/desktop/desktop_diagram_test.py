#!/usr/bin/env python3
"""Desktop diagram test: the diagram closureviz-desktop draws for a step is the recorder's view of that step.

For each case PROGRAM:STEP:VIEW, runs under Xvfb

    closureviz-desktop PROGRAM --step STEP --view VIEW --frames N --screenshot OUT.png --dump-diagram OUT.json

checks that the screenshot shows something, then compares the drawn diagram (the JSON the app
writes from what it drew in its last frame) with `closureviz trace PROGRAM`'s record of that step,
computed here:
  * frames: every frame on the stack (and, in the environment view, every retained frame) is drawn,
    titled `Global frame` / `fN: func`, and no other frame is;
  * bindings: each frame's rows are its variables (env: locals and its own cell variables, cells:
    locals, cell and free variables), plus `Return value` at a return; inline values read as Python
    shows them, references have an arrow to a box of the right kind (functions by name and parent);
  * cells (cells view): every cell variable points to a drawn cell box holding the cell's value, the
    same cell is one box however many frames or closures refer to it, and each function shows its
    __closure__ slots in co_freevars order;
  * arrows: as many reference arrows leave the frames as the frames hold references;
  * every drawn box lies inside the diagram canvas (fit to window).

    desktop_diagram_test.py --exe closureviz-desktop --closureviz closureviz --xvfb-run xvfb-run \
        --out-dir DIR PROGRAM:STEP:VIEW...
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "smoke"))
import pngcheck  # noqa: E402

WIDTH, HEIGHT = 1280, 800

OBJECT_KINDS = {"function": "function", "cell": "cell", "list": "list", "tuple": "tuple", "dict": "dict",
                "set": "set", "frozenset": "set", "instance": "instance", "class": "class",
                "method": "method", "generator": "generator"}


class Mismatch(Exception):
    pass


def shown(value):
    """A trace VAL as the diagram writes an inline value (Python's repr), or None for a reference."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if value is None:
        return "None"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list) and value and value[0] == "float":
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}[value[1]]
    return None


def is_ref(value):
    return isinstance(value, list) and len(value) == 2 and value[0] == "ref"


def same_text(drawn, expected):
    # Long values are shortened with an ellipsis by the layout.
    if drawn.endswith("\u2026"):
        return expected.startswith(drawn[:-1])
    return drawn == expected


def trace_records(closureviz, program):
    out = subprocess.run([closureviz, "trace", program], capture_output=True, text=True, timeout=120).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def frame_label(fid, module_fid):
    return "Global" if fid == module_fid else f"f{fid - 1}"


def check_case(a, program, step, view):
    records = trace_records(a.closureviz, program)
    steps = [r for r in records if r.get("kind") == "step"]
    if not 1 <= step <= len(steps):
        raise Mismatch(f"the trace has {len(steps)} steps, not {step}")
    record = steps[step - 1]
    heap = {int(k): v for k, v in record["heap"].items()}
    module_fid = steps[0]["stack"][0]["fid"]
    # Frames not on the stack are known from their last appearance on it (retained frames).
    last_seen = {}
    for r in steps[:step]:
        for f in r["stack"]:
            last_seen[f["fid"]] = f

    name = f"{os.path.splitext(os.path.basename(program))[0]}_{step}_{view}"
    png = os.path.join(a.out_dir, name + ".png")
    dump = os.path.join(a.out_dir, name + ".json")
    for path in (png, dump):
        if os.path.exists(path):
            os.remove(path)
    cmd = [a.xvfb_run, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", a.exe, program, "--step", str(step),
           "--view", view, "--size", f"{WIDTH}x{HEIGHT}", "--frames", "4", "--screenshot", png, "--dump-diagram", dump]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=150)
    if p.returncode != 0:
        raise Mismatch(f"closureviz-desktop exited with {p.returncode}: {p.stderr.strip()}")
    problems = pngcheck.check(png, WIDTH, HEIGHT)
    if problems:
        raise Mismatch("screenshot: " + "; ".join(problems))
    with open(dump) as f:
        drawn = json.load(f)
    state, diagram = drawn["state"], drawn["diagram"]
    if state["step"] != step or state["view"] != view or diagram is None or diagram["view"] != view:
        raise Mismatch(f"the app shows step {state['step']} in view {state['view']}, not step {step} in {view}")
    boxes, arrows = diagram["boxes"], diagram["arrows"]

    # ---- frames
    expected_frames = [f["fid"] for f in record["stack"]]
    if view == "env":
        expected_frames += [fid for fid in record.get("retained", []) if fid not in expected_frames]
    frame_boxes = [b for b in boxes if b["kind"] == "frame"]
    by_fid = {b["id"]: b for b in frame_boxes}
    if sorted(by_fid) != sorted(expected_frames):
        raise Mismatch(f"frames drawn {sorted(by_fid)}, expected {sorted(expected_frames)}")
    top_fid = record["stack"][-1]["fid"]
    ref_rows_expected = 0
    for fid in expected_frames:
        box = by_fid[fid]
        frame = next((f for f in record["stack"] if f["fid"] == fid), None)
        on_stack = frame is not None
        frame = frame or last_seen[fid]
        func = "\u03bb" if frame["func"] == "<lambda>" else frame["func"]  # lambdas' frames are titled λ
        title = "Global frame" if fid == module_fid else f"{frame_label(fid, module_fid)}: {func}"
        if not box["title"].startswith(title):
            raise Mismatch(f"frame {fid}: title {box['title']!r}, expected it to start with {title!r}")
        if not on_stack and not box["greyed"]:
            raise Mismatch(f"retained frame {title} is not drawn greyed")

        expected = {}  # row name -> trace VAL
        if on_stack:
            expected.update(frame["locals"])
        for var, cell in frame["cells"].items():
            own = heap.get(cell, {}).get("owner") == fid
            if view == "cells" and on_stack:
                expected[var] = ["cell", cell]
            elif view == "env" and own:
                expected[var] = heap[cell]["v"] if "v" in heap[cell] else ["unbound"]
        if on_stack and fid == top_fid and record["event"] == "return":
            expected["Return value"] = record.get("ret")
        rows = {r["name"]: r for r in box["rows"]}
        if set(rows) != set(expected):
            raise Mismatch(f"{title}: rows {sorted(rows)}, expected {sorted(expected)}")
        for var, value in expected.items():
            row = rows[var]
            index = box["rows"].index(row)
            arrow = next((x for x in arrows if x["kind"] == "reference" and boxes[x["from"]] is box and x["from_row"] == index), None)
            if isinstance(value, list) and value[:1] == ["cell"]:
                ref_rows_expected += 1
                if arrow is None or boxes[arrow["to"]].get("object_kind") != "cell":
                    raise Mismatch(f"{title}.{var}: no arrow to a cell box")
                check_cell(boxes[arrow["to"]], heap[value[1]], f"{title}.{var}")
            elif is_ref(value):
                ref_rows_expected += 1
                if arrow is None:
                    raise Mismatch(f"{title}.{var}: no arrow drawn for a reference")
                check_object(boxes[arrow["to"]], heap[value[1]], module_fid, f"{title}.{var}")
            elif value == ["unbound"]:
                pass
            else:
                if row["reference"] or not same_text(row["value"], shown(value)):
                    raise Mismatch(f"{title}.{var}: drawn {row['value']!r}, expected {shown(value)!r}")

    # ---- arrows out of frames
    frame_indexes = {i for i, b in enumerate(boxes) if b["kind"] == "frame"}
    drawn_refs = sum(1 for x in arrows if x["kind"] == "reference" and x["from"] in frame_indexes)
    if drawn_refs != ref_rows_expected:
        raise Mismatch(f"{drawn_refs} reference arrows leave the frames, the frames hold {ref_rows_expected} references")

    # ---- cells view: one box per cell
    if view == "cells":
        cell_ids = {cell for f in record["stack"] for cell in f["cells"].values()}
        cell_boxes = [b for b in boxes if b.get("object_kind") == "cell" and not b["faded"]]
        if len(cell_boxes) < len(cell_ids):
            raise Mismatch(f"{len(cell_boxes)} cell boxes drawn for {len(cell_ids)} cells on the stack")
        targets = {}
        for f in record["stack"]:
            for var, cell in f["cells"].items():
                box = by_fid[f["fid"]]
                index = [r["name"] for r in box["rows"]].index(var)
                to = next(x["to"] for x in arrows if x["kind"] == "reference" and boxes[x["from"]] is box and x["from_row"] == index)
                if targets.setdefault(cell, to) != to:
                    raise Mismatch(f"cell {cell} is drawn as two boxes")

    # ---- everything inside the canvas
    cx, cy, cw, ch = diagram["canvas"]
    for b in boxes:
        x, y, w, h = b["screen"]
        if x < cx - 1 or y < cy - 1 or x + w > cx + cw + 1 or y + h > cy + ch + 1:
            raise Mismatch(f"box {b['title']!r} at {b['screen']} is outside the canvas {diagram['canvas']}")
    return len(frame_boxes), sum(len(b["rows"]) for b in frame_boxes), len(arrows)


def check_cell(box, cell, where):
    if len(box["rows"]) != 1:
        raise Mismatch(f"{where}: the cell box has {len(box['rows'])} items")
    value = cell.get("v", ["unbound"])
    item = box["rows"][0]
    if is_ref(value):
        if not item["reference"]:
            raise Mismatch(f"{where}: the cell holds a reference, drawn {item['value']!r}")
    elif value != ["unbound"] and not same_text(item["value"], shown(value)):
        raise Mismatch(f"{where}: the cell holds {shown(value)!r}, drawn {item['value']!r}")


def check_object(box, obj, module_fid, where):
    kind = OBJECT_KINDS.get(obj["t"], "other")
    if kind == "function":
        if obj["name"] == "<lambda>":
            kind = "lambda"
            expected_title = "\u03bb"
        else:
            expected_title = f"func {obj['name']}("
        if not box["title"].startswith(expected_title):
            raise Mismatch(f"{where}: function box titled {box['title']!r}, expected {expected_title!r}...")
        parent = "Global" if obj["parent"] is None else frame_label(obj["parent"], module_fid)
        if f"[parent={parent}]" not in box["title"]:
            raise Mismatch(f"{where}: function box {box['title']!r} does not name its parent {parent}")
        slots = [c[0] for c in obj.get("closure", [])]
        if box["slots"] and box["slots"] != slots:
            raise Mismatch(f"{where}: __closure__ slots {box['slots']}, expected {slots}")
    if box.get("object_kind") != kind:
        raise Mismatch(f"{where}: arrow to a {box.get('object_kind')} box, expected a {kind}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--xvfb-run", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("cases", nargs="+", help="PROGRAM:STEP:VIEW")
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    failures = 0
    for case in a.cases:
        program, step, view = case.rsplit(":", 2)
        try:
            frames, rows, arrows = check_case(a, program, int(step), view)
            print(f"ok {os.path.basename(program)} step {step} {view}: {frames} frames, {rows} bindings, {arrows} arrows")
        except (Mismatch, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
            failures += 1
            print(f"FAIL {os.path.basename(program)} step {step} {view}: {e}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
