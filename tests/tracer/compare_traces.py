#!/usr/bin/env python3
"""Compares two closureviz traces (docs/trace-format.md, "Comparing two traces").

    python3 tests/tracer/compare_traces.py A.jsonl B.jsonl [--with-fn]
                                          [--max-diffs N]

Exit status: 0 when the traces agree, 1 when they differ (the first differing
step is printed), 2 when a file cannot be read.  Library use:

    from compare_traces import compare, load_trace
    diffs = compare(load_trace(a), load_trace(b))     # [] when they agree

Canonical numbering
===================
fids and heap ids are renumbered in each trace independently, by first
appearance in this walk, so that the same structure gets the same numbers:

  for each step record, in order:
    for each frame, bottom of the stack first:
      fid, parent,
      locals   (names in sorted order),
      cells    (names in sorted order),
      fn       (only with --with-fn)
    ret
    then the heap objects reached so far, first reached first served (FIFO);
    an object's references are visited in this order:
      function  parent, closure (in order: cell, value)
      cell      owner, v
      list, tuple, dict           items in order (dict: key then value)
      set, frozenset              primitive items need no number; referenced
                                  items in the order of their content with
                                  all ids masked (json, sorted keys)
      instance  attrs (sorted)    class  attrs (sorted)
      method    func, self        generator  fid
      exception args              other kinds: items, attrs, func, self, args

Only what the document says is compared is walked; keys a reader does not
know (`changed`, `retained`, `out` of single steps, ...) are ignored.

Compared: each step's event, line (not step 1's), frames (fid, func, line,
parent, locals, cells; fn with --with-fn), ret, exc, yield, unwind, and every
heap object reachable from those frames and `ret` (locals/attrs as maps, set
items as multisets, everything else in order); at the end, the total stdout,
the end status and the end exc.  `fn` is not in the document's list of
compared frame fields, so it is compared only on request.
"""

import argparse
import json
import sys

# heap kinds defined by the format, and the keys each one is compared on
KIND_KEYS = {
    "function": ("name", "qual", "line", "parent", "closure"),
    "cell": ("owner", "v"),
    "list": ("items",), "tuple": ("items",),
    "set": ("items",), "frozenset": ("items",),
    "dict": ("items",),
    "instance": ("class", "attrs"),
    "class": ("name", "bases", "attrs"),
    "method": ("func", "self"),
    "generator": ("name", "fid"),
    "builtin": ("name",), "module": ("name",),
    "exception": ("class", "args"),
}
# for kinds the format does not define: keys whose meaning it does define
GENERIC_KEYS = ("repr", "name", "items", "attrs", "func", "self", "args")
UNORDERED_KINDS = ("set", "frozenset")
ABSENT = ("absent",)
# Tagged values (refs, special floats, unbound) start like this in JSON text; a string can never
# contain these characters unescaped, so a text without them holds plain values only.
_TAGGED_MARKS = ('["ref"', '["float"', '["unbound"')


_encode = json.JSONEncoder().encode
_encode_sorted = json.JSONEncoder(sort_keys=True).encode


def _path_text(path):
    """How an object was first reached, as text. Paths are kept as (format, parts...) tuples and
    only formatted for a difference shown: formatting each one cost more than the comparison."""
    if isinstance(path, tuple):
        return path[0] % tuple(_path_text(p) for p in path[1:])
    return path


def _plain_json(value):
    """The JSON text of `value` when it holds no reference (nor any tagged value), else None.

    Why: a step's big lists and dicts of numbers and strings, and the locals of deep recursions,
    are most of the comparing work; such a value needs no renumbering, and its JSON text (the C
    encoder, exact for ints, floats and bools) is a canonical form both traces produce alike.
    """
    text = _encode(value)
    for mark in _TAGGED_MARKS:
        if mark in text:
            return None
    return text


def load_trace(path):
    """The records of a JSON-lines trace file."""
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)   # ints are written with all digits
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except ValueError as e:
                raise ValueError("%s:%d: not JSON: %s" % (path, lineno, e))
    return records


# ---------------------------------------------------------------------------
# Canonical form
# ---------------------------------------------------------------------------

def _mask_ids(obj):
    """A heap object with every id and fid replaced by 0 (for ordering)."""
    if isinstance(obj, dict):
        return {k: (0 if k in ("parent", "owner", "fid") else _mask_ids(v))
                for k, v in obj.items()}
    if isinstance(obj, list):
        if len(obj) == 2 and obj[0] == "ref":
            return ["ref", 0]
        return [_mask_ids(v) for v in obj]
    return obj


class _Canon:
    """Renumbers one trace; turns each step into a comparable structure."""

    def __init__(self, with_fn):
        self.with_fn = with_fn
        self.fids = {}
        self.hids = {}

    def fid(self, raw):
        if raw is None:
            return None
        return self.fids.setdefault(raw, len(self.fids) + 1)

    def step(self, rec):
        heap = rec.get("heap") or {}
        st = _StepWalk(self, heap)
        frames = []
        for i, fr in enumerate(rec.get("stack") or []):
            where = ("stack[%d] %s", i, fr.get("func"))
            c = {"fid": self.fid(fr.get("fid")), "func": fr.get("func"),
                 "line": fr.get("line"), "parent": self.fid(fr.get("parent"))}
            locs = fr.get("locals") or {}
            if locs and list not in map(type, locs.values()):
                c["locals"] = ("json", _encode_sorted(locs))
            else:
                c["locals"] = {k: st.val(locs[k], ("%s locals[%r]", where, k))
                               for k in sorted(locs)}
            cells = fr.get("cells") or {}
            c["cells"] = {k: st.ref(cells[k], ("%s cells[%r]", where, k))
                          for k in sorted(cells)}
            if self.with_fn:
                c["fn"] = (st.ref(fr["fn"], ("%s fn", where))
                           if fr.get("fn") is not None else None)
            frames.append(c)
        out = {"event": rec.get("event"), "line": rec.get("line"),
               "frames": frames,
               "ret": st.val(rec["ret"], "ret") if "ret" in rec else ABSENT,
               "exc": rec.get("exc"),
               "yield": bool(rec.get("yield")),
               "unwind": bool(rec.get("unwind"))}
        out["heap"], out["paths"] = st.finish()
        return out


class _StepWalk:
    """The heap walk of one step (FIFO from the roots)."""

    def __init__(self, canon, heap):
        self.c = canon
        self.heap = heap
        self.queue = []          # raw ids in order of first reference
        self.paths = {}          # canonical id -> how it was first reached
        self.done = set()

    def ref(self, raw, path):
        cid = self.c.hids.setdefault(raw, len(self.c.hids) + 1)
        if cid not in self.paths:
            self.paths[cid] = path
            self.queue.append(raw)
        return ("ref", cid)

    def val(self, v, path):
        if v is None:
            return ("none",)
        if isinstance(v, bool):
            return ("bool", v)
        if isinstance(v, int):
            return ("int", v)
        if isinstance(v, float):
            return ("float", repr(v))
        if isinstance(v, str):
            return ("str", v)
        if isinstance(v, list) and v:
            if v[0] == "ref" and len(v) == 2:
                return self.ref(v[1], path)
            if v[0] == "float" and len(v) == 2:
                return ("float", v[1])
            if v == ["unbound"]:
                return ("unbound",)
        return ("?", json.dumps(v, sort_keys=True))

    def finish(self):
        objs = {}
        i = 0
        while i < len(self.queue):
            raw = self.queue[i]
            i += 1
            cid = self.c.hids[raw]
            obj = self.heap.get(str(raw))
            if not isinstance(obj, dict):
                objs[cid] = {"t": "<missing from heap>"}
                continue
            try:
                objs[cid] = self.obj(obj, self.paths[cid])
            except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                objs[cid] = {"t": "<malformed>",
                             "json": json.dumps(obj, sort_keys=True)}
        return objs, self.paths

    def vals(self, items, path):
        if items and len(items) > 2 and list not in map(type, items):
            return ("json", _encode(items))
        return tuple(self.val(v, ("%s[%d]", path, i))
                     for i, v in enumerate(items or []))

    def attrs(self, attrs, path):
        attrs = attrs or {}
        return {k: self.val(attrs[k], ("%s.%s", path, k)) for k in sorted(attrs)}

    def obj(self, o, path):
        kind = o.get("t")
        keys = KIND_KEYS.get(kind)
        out = {"t": kind}
        for key in (keys or GENERIC_KEYS):
            if key not in o:
                if keys:
                    out[key] = ABSENT
                continue
            v = o[key]
            sub = ("%s .%s", path, key)
            if key in ("parent", "owner", "fid"):
                out[key] = self.c.fid(v)
            elif key == "closure":
                out[key] = tuple(
                    (e[0], self.ref(e[1], ("%s .closure %s", path, e[0])),
                     self.val(e[2], ("%s .closure %s value", path, e[0])))
                    if isinstance(e, list) and len(e) == 3 else ("?", repr(e))
                    for e in v)
            elif key == "items" and kind in UNORDERED_KINDS:
                out[key] = self.multiset(v, sub)
            elif key == "items" and kind == "dict":
                plain = _plain_json(v) if v and len(v) > 2 else None
                out[key] = (("json", plain) if plain is not None else
                            tuple((self.val(k, ("%s key", sub)), self.val(w, sub))
                                  for k, w in v))
            elif key in ("items", "args"):
                out[key] = self.vals(v, sub)
            elif key == "attrs":
                out[key] = self.attrs(v, path)
            elif key in ("func", "self", "v"):
                out[key] = self.val(v, sub)
            elif key == "bases":
                out[key] = tuple(v)
            else:
                out[key] = v
        return out

    def multiset(self, items, path):
        prims, refs = [], []
        for v in items or []:
            if isinstance(v, list) and len(v) == 2 and v[0] == "ref":
                refs.append(v[1])
            else:
                prims.append(self.val(v, path))

        def shape(raw):
            return json.dumps(_mask_ids(self.heap.get(str(raw))), sort_keys=True)
        tagged = prims + [self.ref(r, ("%s item", path)) for r in sorted(refs, key=shape)]
        return tuple(sorted(tagged, key=repr))


# ---------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------

def _show(v):
    """A short display of a canonical value."""
    if v == ABSENT:
        return "<absent>"
    if isinstance(v, tuple) and v:
        tag = v[0]
        if tag == "ref":
            return "#%d" % v[1]
        if tag == "none":
            return "None"
        if tag in ("int", "bool"):
            return repr(v[1])
        if tag == "float":
            return v[1]
        if tag == "str":
            return repr(v[1])
        if tag == "unbound":
            return "<unbound>"
        if tag in ("?", "json"):
            return v[1]
    if isinstance(v, tuple):
        return "(" + ", ".join(_show(x) for x in v) + ")"
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (k, _show(x)) for k, x in v.items()) + "}"
    return json.dumps(v) if not isinstance(v, str) else repr(v)


def _as_map(m):
    """A frame's locals as a name -> canonical value map (also when kept as plain JSON text)."""
    if isinstance(m, tuple) and m and m[0] == "json":
        walk = _StepWalk(None, {})      # plain values: no reference to number
        return {k: walk.val(v, "") for k, v in json.loads(m[1]).items()}
    return m


def _cmp_map(where, a, b, diffs, show=_show):
    if a == b:
        return
    a, b = _as_map(a), _as_map(b)
    for k in sorted(set(a) | set(b)):
        va, vb = a.get(k, ABSENT), b.get(k, ABSENT)
        if va != vb:
            diffs.append("%s[%r]: A=%s B=%s" % (where, k, show(va), show(vb)))


def _cmp_steps(n, a, b, diffs):
    if a["event"] != b["event"]:
        diffs.append("event: A=%s B=%s" % (a["event"], b["event"]))
    if n != 1 and a["line"] != b["line"]:
        diffs.append("line: A=%s B=%s" % (a["line"], b["line"]))
    fa, fb = a["frames"], b["frames"]
    if len(fa) != len(fb):
        diffs.append("stack depth: A=%d (%s) B=%d (%s)" % (
            len(fa), " > ".join(f["func"] or "?" for f in fa),
            len(fb), " > ".join(f["func"] or "?" for f in fb)))
    for i, (x, y) in enumerate(zip(fa, fb)):
        where = "stack[%d] %s" % (i, x["func"])
        for key in ("fid", "func", "line", "parent"):
            if key == "line" and n == 1:
                continue
            if x[key] != y[key]:
                diffs.append("%s %s: A=%s B=%s" % (where, key, x[key], y[key]))
        _cmp_map(where + " locals", x["locals"], y["locals"], diffs)
        _cmp_map(where + " cells", x["cells"], y["cells"], diffs)
        if "fn" in x and x["fn"] != y.get("fn"):
            diffs.append("%s fn: A=%s B=%s" % (where, _show(x["fn"]),
                                               _show(y.get("fn"))))
    for key in ("ret", "exc", "yield", "unwind"):
        if a[key] != b[key]:
            show = _show if key == "ret" else json.dumps
            diffs.append("%s: A=%s B=%s" % (key, show(a[key]), show(b[key])))
    ha, hb = a["heap"], b["heap"]
    for cid in sorted(set(ha) | set(hb)):
        oa, ob = ha.get(cid), hb.get(cid)
        path = _path_text(a["paths"].get(cid) or b["paths"].get(cid))
        where = "heap #%d (%s)" % (cid, path)
        if oa is None or ob is None:
            diffs.append("%s: only in %s" % (where, "A" if ob is None else "B"))
            continue
        if oa == ob:
            continue
        if oa["t"] != ob["t"]:
            diffs.append("%s kind: A=%s B=%s" % (where, oa["t"], ob["t"]))
            continue
        for key in sorted(set(oa) | set(ob)):
            va, vb = oa.get(key, ABSENT), ob.get(key, ABSENT)
            if va == vb:
                continue
            if key == "attrs":
                _cmp_map(where + " attrs", va or {}, vb or {}, diffs)
            else:
                diffs.append("%s %s %s: A=%s B=%s" % (where, oa["t"], key,
                                                       _show(va), _show(vb)))


def compare(a_records, b_records, with_fn=False, max_diffs=20):
    """Differences between two traces, as short lines of text.

    Empty when the traces agree.  Otherwise the lines describe the first
    differing step (or the end record) only, at most max_diffs of them.
    The records may be any iterables (e.g. read lazily from files): they are
    consumed only up to the first differing step.
    """
    ita, itb = iter(a_records), iter(b_records)
    state_a, state_b = {"end": None, "out": []}, {"end": None, "out": []}

    def next_step(it, state):
        """The next step record, or None after the last (the end record is kept)."""
        for r in it:
            kind = r.get("kind")
            if kind == "step":
                state["out"].append(r.get("out", ""))
                return r
            if kind == "end":
                state["end"] = r
        return None

    ca, cb = _Canon(with_fn), _Canon(with_fn)
    n = 0
    while True:
        n += 1
        ra, rb = next_step(ita, state_a), next_step(itb, state_b)
        if ra is None and rb is None:
            break
        if ra is None or rb is None:
            r = ra if rb is None else rb
            rest = sum(1 for _ in iter(lambda: next_step(ita if rb is None else itb,
                                                         state_a if rb is None else state_b), None))
            na = n - 1 if ra is None else n + rest
            nb = n - 1 if rb is None else n + rest
            return ["step %d: only in %s (%s, line %s); A has %d steps, B has %d"
                    % (n, "A" if rb is None else "B", r.get("event"),
                       r.get("line"), na, nb)]
        x, y = ca.step(ra), cb.step(rb)
        diffs = []
        _cmp_steps(n, x, y, diffs)
        if diffs:
            head = "step %d (A: %s at line %s, B: %s at line %s):" % (
                n, x["event"], x["line"], y["event"], y["line"])
            return [head] + diffs[:max_diffs] + (
                ["... %d more" % (len(diffs) - max_diffs)]
                if len(diffs) > max_diffs else [])
    ea, eb = state_a["end"], state_b["end"]
    diffs = []
    if ea is None or eb is None:
        if ea is not eb:
            diffs.append("end record missing in %s" % ("A" if ea is None else "B"))
        return (["end:"] + diffs) if diffs else []
    if ea.get("status") != eb.get("status"):
        diffs.append("status: A=%s B=%s" % (ea.get("status"), eb.get("status")))
    if ea.get("exc") != eb.get("exc"):
        diffs.append("exc: A=%s B=%s" % (json.dumps(ea.get("exc")),
                                         json.dumps(eb.get("exc"))))
    out_a = ea.get("stdout", "".join(state_a["out"]))
    out_b = eb.get("stdout", "".join(state_b["out"]))
    if out_a != out_b:
        k = next((i for i, (p, q) in enumerate(zip(out_a, out_b)) if p != q),
                 min(len(out_a), len(out_b)))
        diffs.append("stdout differs at character %d: A=%r B=%r" % (
            k, out_a[max(0, k - 20):k + 40], out_b[max(0, k - 20):k + 40]))
    return (["end:"] + diffs) if diffs else []


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--with-fn", action="store_true",
                    help="also compare each frame's fn (function object)")
    ap.add_argument("--max-diffs", type=int, default=20)
    args = ap.parse_args(argv)
    try:
        a, b = load_trace(args.a), load_trace(args.b)
    except (OSError, ValueError) as e:
        print("compare_traces: %s" % e, file=sys.stderr)
        return 2
    diffs = compare(a, b, with_fn=args.with_fn, max_diffs=args.max_diffs)
    if diffs:
        print("traces differ (A=%s, B=%s)" % (args.a, args.b))
        for line in diffs:
            print("  " + line)
        return 1
    print("traces agree (%d steps)" % sum(1 for r in a if r.get("kind") == "step"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
