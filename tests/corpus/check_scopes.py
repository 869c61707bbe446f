#!/usr/bin/env python3
"""Scope oracle: compare `closureviz scopes FILE` with CPython's code objects.

Usage:
  python3 tests/corpus/check_scopes.py --closureviz PATH [--filter SUBSTR] [--jobs N] [-v] [FILE ...]
  python3 tests/corpus/check_scopes.py --dump FILE
  (both accept --order source|consts; see "Order of siblings")

With no FILE, every tests/programs/**/*.py is checked except those under
syntax_errors/ (CPython cannot compile them). The output ends with the line
`N passed, N failed`; the exit status is 0 iff nothing failed.

The JSON (what `closureviz scopes FILE` must print, and what --dump prints) is
a list with one object per code block:

  {"name": co_name, "qualname": co_qualname, "line": co_firstlineno,
   "kind": "module" | "function" | "class" | "lambda" | "comprehension",
   "varnames": [...co_varnames...], "cellvars": [...co_cellvars...],
   "freevars": [...co_freevars...]}

computed from `compile(source, path, "exec")` by walking the code objects
found in co_consts recursively, depth-first, parent before children.

Order of siblings ("source order")
  co_consts order is the order in which the compiler *emits* the nested code
  objects, which is evaluation order, not always textual order: a lambda in a
  default value or in a decorator is emitted BEFORE the function it belongs
  next to, so in

      def f(                      @register
          key=lambda x: x):       @tag(lambda: 1)
          ...                     def g(): ...

  co_consts has <lambda> before f (resp. g). Therefore siblings are sorted by
  the point where their construct begins in the source, (line, column):
    - def/class: the first decorator's '@' if decorated, else the 'def' /
      'class' keyword (line = co_firstlineno);
    - lambda: the 'lambda' keyword;
    - comprehension / generator expression: its opening bracket (for a
      generator expression that is the sole argument of a call, the call's
      '(').
  Ties keep co_consts order. `--order consts` instead keeps raw co_consts
  (emission) order, for an implementation that lists blocks as its compiler
  emits them. The column is taken from the position of the
  instruction that loads the code object in the parent (3.11 positions), or
  from the AST when the compiler removed that instruction (dead code such as
  `if False:` bodies keeps the code object in co_consts but drops the load).

Caveats (CPython 3.11 facts, not choices of this script)
  - A def/lambda/class that is unreachable because it follows a `return`,
    `raise`, `break` or `continue` in the same block is removed entirely by
    the compiler: it does not appear here. (Blocks under `if False:` /
    `while 0:` do appear.)
  - co_varnames lists only non-cell locals plus ALL arguments (an argument
    that is also a cell variable appears in both varnames and cellvars; a
    plain local captured by an inner function appears only in cellvars).
  - co_cellvars and co_freevars are sorted alphabetically, except that
    arguments that are cells come first in argument order (3.11 behaviour);
    comprehensions have '.0' as first varname.
  - Methods that use super() or __class__ have '__class__' as a freevar and
    the class body has '__class__' as a cellvar.
"""

import argparse
import ast
import concurrent.futures
import dis
import json
import os
import shutil
import subprocess
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.normpath(os.path.join(HERE, "..", "programs"))
TIMEOUT = 20
CO_NEWLOCALS = 0x2
COMPREHENSIONS = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"}
AST_NAMES = {ast.ListComp: "<listcomp>", ast.SetComp: "<setcomp>", ast.DictComp: "<dictcomp>",
             ast.GeneratorExp: "<genexpr>", ast.Lambda: "<lambda>"}


def kind_of(co, is_root):
    if is_root:
        return "module"
    if co.co_name in COMPREHENSIONS:
        return "comprehension"
    if co.co_name == "<lambda>":
        return "lambda"
    if not co.co_flags & CO_NEWLOCALS:
        return "class"
    return "function"


def ast_start_columns(tree):
    """{(start line, co_name): [columns]} for every block-creating AST node."""
    cols = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.decorator_list[0] if node.decorator_list else node
            # '@' sits one column left of the decorator expression, at the def's column.
            cols.setdefault((first.lineno, node.name), []).append(node.col_offset)
        elif type(node) in AST_NAMES:
            cols.setdefault((node.lineno, AST_NAMES[type(node)]), []).append(node.col_offset)
    for v in cols.values():
        v.sort()
    return cols


def ordered_children(co, ast_cols, order="source"):
    """Child code objects of `co` in source order; also whether that differs from co_consts."""
    kids = [(i, c) for i, c in enumerate(co.co_consts) if isinstance(c, types.CodeType)]
    if order == "consts":
        return [c for _, c in kids], False
    load_col = {}
    for ins in dis.get_instructions(co):
        if isinstance(ins.argval, types.CodeType) and ins.positions is not None:
            col = ins.positions.col_offset
            if col is not None:
                prev = load_col.get(id(ins.argval))
                load_col[id(ins.argval)] = col if prev is None else min(prev, col)
    keyed = []
    for i, c in kids:
        col = load_col.get(id(c))
        if col is None:
            col = min(ast_cols.get((c.co_firstlineno, c.co_name), [0]))
        keyed.append(((c.co_firstlineno, col, i), c))
    keyed.sort(key=lambda kc: kc[0])
    ordered = [c for _, c in keyed]
    return ordered, ordered != [c for _, c in kids]


def cpython_scopes(source, path, notes=None, order="source"):
    """The JSON-able list of blocks for one program, per CPython."""
    code = compile(source, path, "exec", dont_inherit=True)
    try:
        ast_cols = ast_start_columns(ast.parse(source, path))
    except SyntaxError:
        ast_cols = {}
    blocks = []

    def walk(co, is_root):
        blocks.append({
            "name": co.co_name,
            "qualname": co.co_qualname,
            "line": co.co_firstlineno,
            "kind": kind_of(co, is_root),
            "varnames": list(co.co_varnames),
            "cellvars": list(co.co_cellvars),
            "freevars": list(co.co_freevars),
        })
        children, reordered = ordered_children(co, ast_cols, order)
        if reordered and notes is not None:
            notes.append("children of %s reordered from co_consts order to source order" % co.co_qualname)
        for child in children:
            walk(child, False)

    walk(code, True)
    return blocks


def dump_json(blocks):
    return "[\n" + ",\n".join("  " + json.dumps(b, ensure_ascii=False) for b in blocks) + "\n]\n"


def read_source(path):
    with open(path, "rb") as f:
        return f.read()


def describe(b):
    return "%s %s (line %s)" % (b.get("kind"), b.get("qualname"), b.get("line")) if isinstance(b, dict) else repr(b)


def compare(expected, got):
    """List of human-readable differences (empty when equal)."""
    if not isinstance(got, list):
        return ["output is not a JSON list"]
    diffs = []
    fields = ["name", "qualname", "line", "kind", "varnames", "cellvars", "freevars"]
    for i in range(max(len(expected), len(got))):
        if i >= len(expected):
            diffs.append("block #%d: unexpected extra block %s" % (i, describe(got[i])))
            continue
        if i >= len(got):
            diffs.append("block #%d: missing %s" % (i, describe(expected[i])))
            continue
        e, g = expected[i], got[i]
        if not isinstance(g, dict):
            diffs.append("block #%d: not a JSON object: %r" % (i, g))
            continue
        for f in fields:
            if e[f] != g.get(f, "<missing>"):
                diffs.append("block #%d %s: %s: python %s, closureviz %s"
                             % (i, describe(e), f, json.dumps(e[f]), json.dumps(g.get(f, "<missing>"))))
        extra = sorted(set(g) - set(fields))
        if extra:
            diffs.append("block #%d %s: unexpected keys %s" % (i, describe(e), extra))
    if len(expected) != len(got):
        diffs.insert(0, "python has %d blocks %s, closureviz has %d %s" % (
            len(expected), [b["qualname"] for b in expected], len(got),
            [b.get("qualname") if isinstance(b, dict) else b for b in got]))
    return diffs


def default_files(substr=None):
    files = []
    for dirpath, dirnames, filenames in os.walk(PROGRAMS):
        dirnames.sort()
        for fn in filenames:
            if fn.endswith(".py"):
                full = os.path.join(dirpath, fn)
                rel = os.path.relpath(full, PROGRAMS).replace(os.sep, "/")
                if not rel.startswith("syntax_errors/") and (substr is None or substr in rel):
                    files.append(full)
    return sorted(files)


def resolve_command(cmd):
    if os.sep in cmd:
        return os.path.abspath(cmd)
    return shutil.which(cmd) or cmd


def check_one(closureviz, path, order="source"):
    """(ok, lines of explanation)."""
    try:
        expected = cpython_scopes(read_source(path), path, order=order)
    except SyntaxError as e:
        return False, ["CPython cannot compile it: %s" % e]
    try:
        proc = subprocess.run([closureviz, "scopes", path], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, ["closureviz scopes timed out after %ds" % TIMEOUT]
    except OSError as e:
        return False, ["could not run closureviz: %s" % e]
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return False, ["closureviz scopes exited with %d" % proc.returncode] + ["  | " + t for t in tail]
    try:
        got = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return False, ["closureviz output is not valid JSON: %s" % e]
    diffs = compare(expected, got)
    return not diffs, diffs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--closureviz", help="path to the closureviz executable")
    ap.add_argument("--dump", metavar="FILE", help="print CPython's scope JSON for FILE and exit")
    ap.add_argument("--filter", default=None, metavar="SUBSTR",
                    help="only corpus programs whose path (relative to tests/programs) contains SUBSTR")
    ap.add_argument("--jobs", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing programs")
    ap.add_argument("--order", choices=("source", "consts"), default="source",
                    help="sibling order: 'source' (default, see above) or raw co_consts order")
    ap.add_argument("files", nargs="*", help="programs to check (default: the corpus minus syntax_errors/)")
    args = ap.parse_args(argv)

    if args.dump:
        notes = []
        try:
            blocks = cpython_scopes(read_source(args.dump), args.dump, notes, args.order)
        except SyntaxError as e:
            print("check_scopes: CPython cannot compile %s: %s" % (args.dump, e), file=sys.stderr)
            return 1
        sys.stdout.write(dump_json(blocks))
        sys.stdout.flush()
        for n in notes:
            print("note: " + n, file=sys.stderr)
        return 0
    if not args.closureviz:
        ap.error("--closureviz PATH is required (or use --dump FILE)")
    closureviz = resolve_command(args.closureviz)
    files = [os.path.abspath(f) for f in args.files] or default_files(args.filter)

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, (ok, lines) in zip(files, pool.map(lambda p: check_one(closureviz, p, args.order), files)):
            rel = os.path.relpath(path, PROGRAMS) if path.startswith(PROGRAMS + os.sep) else path
            if ok:
                passed += 1
                if args.verbose:
                    print("PASS %s" % rel)
            else:
                failed += 1
                print("FAIL %s" % rel)
                for line in lines[:12]:
                    print("  " + line)
                if len(lines) > 12:
                    print("  ... and %d more differences" % (len(lines) - 12))
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
