#!/usr/bin/env python3
"""CPython 3.11 reference tracer: runs a program under sys.settrace and writes
the closureviz trace format (docs/trace-format.md, version 1, JSON lines).

    python3 tests/tracer/cpython_trace.py PROGRAM.py [-o OUT.jsonl]
            [--max-steps N] [--stdin-file F]

Without -o the trace goes to stdout; with -o the program's own output is
shown on stdout after the run.  The exit status is 0 whenever a trace was
written (the program's fate is in the `end` record), 2 if the interpreter is
not one the tracer can read.

Design
======
Events.  A global trace function (sys.settrace) is called for every new frame;
it returns the local trace function only for frames whose code comes from the
program file, so builtins, the stdlib and this tracer get no events and are
never part of `stack`.  Each `call`, `line`, `return` and `exception` event is
recorded as one step, exactly as settrace reports it.  In addition every
program frame gets `f_trace_opcodes = True`: the per-instruction `opcode`
events are NOT recorded, they only let the tracer see each instruction a
program frame executes (used for function creation and yield detection below).

CPython internals.  CPython 3.11 keeps a frame's data in a `_PyInterpreterFrame`
(Include/internal/pycore_frame.h) that the Python API does not expose fully.
The tracer reads these fields with ctypes:
  * `f_func`, the function object the frame runs (exact `fn`);
  * `localsplus[i]`, the fast-locals array: plain locals (an empty slot is an
    unbound name) and the real cell objects of cell and free variables;
  * `stacktop`, to read the top of the value stack right after MAKE_FUNCTION;
  * `f_locals`, the namespace of a class body, and the cached locals dict of
    a function frame (see "Side effects");
  * the thread state's recursion counters (see "Recursion").
The layout is checked against known objects at start-up (see
`_Internals._validate`); on any mismatch the tracer refuses to run rather than
guess.  CPython sets `stacktop` before it calls the trace function for line and
opcode events, and the `call` event comes at RESUME, after the prologue
(COPY_FREE_VARS / MAKE_CELL), so the cells exist at the `call` event.

Parents (exact).  A function object is created only by MAKE_FUNCTION, and the
next instruction of the same frame gets an `opcode` (or `line`) event before
anything else can run.  At that event the new function is the top of the
frame's value stack (checked: a function whose code is a constant of the
frame's code); it is recorded with the creating frame's fid (null when the
creating frame is `<module>`), keyed by the function's identity (a weak
reference guards against id reuse).  A frame's `parent` is then the creator
of its `f_func`, and a function object's `parent` is the same value.  Class
bodies and `<module>` have parent null.  Methods are created by their class
body, so their parent is the class body's fid (literally "the frame in which
the function object was created").  Comprehensions and generator expressions
are real functions in 3.11, created by MAKE_FUNCTION in the enclosing frame,
so they get the same treatment and a heap entry for `fn` (qualname e.g.
`f.<locals>.<listcomp>`) although Python code can never reach them.  Should
the top of the stack not be the new function, the tracer falls back to
gc.get_referrers(code) filtered to functions not yet attributed.

Cells (exact).  `cells` maps each name of co_cellvars + co_freevars to the
heap id of the cell object read from the frame's localsplus slot (the slot
index comes from code._varname_from_oparg): the very objects found in
`fn.__closure__`.  A cell's `owner` is the fid of the frame in whose
co_cellvars slot it was first seen; that frame's `call` event precedes any
use of the cell, so this is the creating frame.  `locals` holds the other
bound names: fast locals of functions, the namespace of class bodies (minus
__module__, __qualname__, __classcell__), the globals of `<module>` (minus
the script dunders in MODULE_DUNDERS).

Unwind and yield.  A `return` event is a normal return when the instruction at
f_lasti is RETURN_VALUE; it is a yield when that instruction is YIELD_VALUE and
the frame's previous event was the `opcode` event of that very YIELD_VALUE
(a generator closed or thrown into at a yield is resumed straight into the
exception, with no opcode event); anything else is a frame left by an
exception (`"unwind": true`, `ret` null).  The rule "the frame's last event
was `exception`" is not enough: after a `finally` block, RERAISE leaves the
frame with no new `exception` event.

Identity.  fids are given at a frame's first `call` event and kept while the
frame lives (a suspended generator keeps its frame, hence its fid); a frame's
entry is dropped at its final return.  Heap ids are handed out by first
appearance: objects that support weak references (instances, functions,
classes, generators) are recognised through a weak reference, so they are
not kept alive; the others (lists, dicts, tuples, sets, cells, ...) are kept
alive so that their id() is never reused for another object.

Heap.  Everything reachable from the stack (locals, cells, fn) and from
`ret`, through list/tuple/set/dict items, instance attributes (__dict__ and
__slots__), class attributes (own __dict__ minus CLASS_ATTRS_HIDDEN and a
None __doc__), closures, methods' func/self.  Choices where the format is
silent: functions and types of the `builtins` module are {"t":"builtin"};
classes of other library modules are {"t":"class"} with empty attrs;
subclasses of list/tuple/dict/set (namedtuple, defaultdict, OrderedDict,
user subclasses) use the container kind plus extra keys `class`/`attrs`;
deque is {"t":"deque","items":...}; staticmethod/classmethod carry `func`;
functions carry an extra `defaults` list; coroutines and async generators use
the generator shape with their own `t`; other objects are {"t":TYPE,
"repr":...} with the repr of a few harmless library types (range, bytes,
complex, Decimal, Fraction, datetime, ...) or "<module.Type object>";
addresses are removed from reprs.

Side effects.  The tracer never runs program code while serialising: no
repr() of program objects, instance attributes are read through the C
`__dict__` descriptor, and frame.f_locals is never read.  sys.settrace's C
trampoline itself calls PyFrame_FastToLocals before and PyFrame_LocalsToFast
after each trace call, which would keep refreshing the dict a function got
from locals(); the tracer therefore detaches that cached dict from the frame
after each event (the next locals() call builds a new one, so `locals() is
locals()` with an event in between is no longer true).  Exception messages are
obtained with str(exc), as CPython's own error printing does; the end record's
message is CPython's last printed line, rendered by sys.__excepthook__ (only
PyErr_Display adds 3.11's "Did you mean" suggestions; notes are left out).

Recursion.  The tracer's own frames lie below `<module>`; the thread's
recursion counter is shifted so that the program meets the recursion limit
at the same depth as under `python3 PROGRAM.py`, and each trace call raises
the limit by HEADROOM for its own work.  When the program is within about two
frames of the limit, the trace function cannot even be entered: CPython then
raises the RecursionError from that call, two frames earlier than without
tracing, and switches tracing off; the end record's `tracer_error` says so.

Other behaviour.  `input()` reads --stdin-file (empty input when absent).
After the run, the program's module is dropped and the garbage collected, as
CPython does at exit, so that `__del__` output at exit is in the end record's
stdout (it is in no step); when several objects are finalised then, their
order can differ from plain CPython's, which depends on the collector's
internal lists.
sys.exit(0)/sys.exit() end with status ok; another exit code gives status
error with ["SystemExit", str(code)].  atexit callbacks run after the program,
traced.  On --max-steps the `end` record is written and the process exits at
once (the program cannot be stopped safely from inside).

Limitations.  Only the main thread is traced.  sys.gettrace() in the program
returns the tracer.  Objects kept alive for identity (containers, cells) delay
`__del__` of objects reachable only from them until the end of the run.
"""

import argparse
import builtins
import collections
import ctypes
import dis
import gc
import io
import json
import os
import re
import sys
import traceback
import types
import weakref

# ---------------------------------------------------------------------------
# [SECTION] Constants
# ---------------------------------------------------------------------------

FORMAT_VERSION = 1

OP_RETURN_VALUE = dis.opmap["RETURN_VALUE"]
OP_YIELD_VALUE = dis.opmap["YIELD_VALUE"]
OP_MAKE_FUNCTION = dis.opmap["MAKE_FUNCTION"]

CO_OPTIMIZED = 0x0001
CO_GENERATOR = 0x0020
CO_COROUTINE = 0x0080
CO_ASYNC_GENERATOR = 0x0200
CO_SUSPENDABLE = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR

# Module attributes that CPython puts in a script's globals; they are not
# shown as `<module>` locals.
MODULE_DUNDERS = frozenset({
    "__name__", "__doc__", "__package__", "__loader__", "__spec__",
    "__annotations__", "__builtins__", "__file__", "__cached__",
})
# Entries CPython adds to a class body's namespace by itself.
CLASS_BODY_HIDDEN = frozenset({"__module__", "__qualname__", "__classcell__"})
# Entries of a class __dict__ that are not shown as class attrs
# (`__doc__` is hidden only when it is None).
CLASS_ATTRS_HIDDEN = frozenset({"__module__", "__dict__", "__weakref__",
                                "__qualname__"})

# Library types whose repr is harmless (pure C or pure stdlib code that does
# not call back into program objects).
SAFE_REPR_TYPES = (range, bytes, bytearray, complex, slice,
                   type(Ellipsis), type(NotImplemented))
SAFE_REPR_MODULES = frozenset({"decimal", "fractions", "datetime"})

# Recursion depth of <module> under `python3 PROGRAM.py` (C entry + frame),
# and the depth exec() adds below the frame that calls it.
MODULE_DEPTH = 2
EXEC_DEPTH = 2

ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")


class _Null:
    """Stands for a NULL pointer read from CPython memory (an empty slot)."""
    __slots__ = ()

    def __repr__(self):
        return "NULL"


NULL = _Null()


class TracerSetupError(RuntimeError):
    """The running interpreter is not one this tracer can read exactly."""


# ---------------------------------------------------------------------------
# [SECTION] CPython 3.11 frame internals (ctypes)
# ---------------------------------------------------------------------------

class _Internals:
    """Reads fields of CPython 3.11's _PyInterpreterFrame through ctypes.

    Layout (64-bit, non-debug build), from Include/internal/pycore_frame.h:
      PyFrameObject:       ob_refcnt, ob_type, f_back, f_frame, ...
      _PyInterpreterFrame: f_func 0, f_globals 8, f_builtins 16, f_locals 24,
                           f_code 32, frame_obj 40, previous 48,
                           prev_instr 56, stacktop 64 (int), is_entry, owner,
                           localsplus 72
      PyThreadState:       ..., recursion_remaining 32, recursion_limit 36
    Every offset is checked by _validate() before the tracer runs.
    """

    TS_REMAINING = 32
    TS_LIMIT = 36

    PTR = ctypes.sizeof(ctypes.c_void_p)
    FRAMEOBJ_F_FRAME = 3 * PTR
    IF_FUNC = 0
    IF_LOCALS = 3 * PTR
    IF_CODE = 4 * PTR
    IF_FRAME_OBJ = 5 * PTR
    IF_STACKTOP = 8 * PTR
    IF_OWNER = 8 * PTR + 5              # char, after stacktop and is_entry
    IF_LOCALSPLUS = 9 * PTR
    FRAME_OWNED_BY_GENERATOR = 1

    def __init__(self):
        if sys.version_info[:2] != (3, 11):
            raise TracerSetupError("the reference tracer needs CPython 3.11, "
                                   "this is %s" % sys.version.split()[0])
        if sys.implementation.name != "cpython" or self.PTR != 8:
            raise TracerSetupError("the reference tracer needs 64-bit CPython")
        self._slot_cache = {}      # id(code) -> (code, [(name, slot index)])
        self.gen_iframe_offset = None
        api = ctypes.pythonapi
        api.PyThreadState_Get.restype = ctypes.c_void_p
        api.Py_DecRef.argtypes = [ctypes.c_void_p]
        api.Py_DecRef.restype = None
        api.Py_SetRecursionLimit.argtypes = [ctypes.c_int]
        api.Py_SetRecursionLimit.restype = None
        self.set_recursion_limit = api.Py_SetRecursionLimit
        self._validate()

    # raw memory helpers ---------------------------------------------------
    @staticmethod
    def _ptr_at(addr):
        return ctypes.c_void_p.from_address(addr).value or 0

    @staticmethod
    def _obj(ptr):
        """The object at address ptr (new reference), or NULL for NULL."""
        if not ptr:
            return NULL
        return ctypes.cast(ptr, ctypes.py_object).value

    def iframe(self, frame):
        return self._ptr_at(id(frame) + self.FRAMEOBJ_F_FRAME)

    # fields -----------------------------------------------------------------
    def func_of(self, frame):
        """The function object the frame is running (`f_func`)."""
        return self._obj(self._ptr_at(self.iframe(frame) + self.IF_FUNC))

    def namespace_of(self, frame):
        """The mapping a class body stores its names in (`f_locals`), read
        without frame.f_locals, which would run PyFrame_FastToLocals."""
        return self._obj(self._ptr_at(self.iframe(frame) + self.IF_LOCALS))

    def slot(self, frame, index):
        """frame's localsplus[index] (a local, cell or free variable slot);
        NULL when the slot is empty (an unbound local)."""
        base = self.iframe(frame) + self.IF_LOCALSPLUS
        return self._obj(self._ptr_at(base + index * self.PTR))

    def stack_top(self, frame):
        """Top of the frame's value stack, or NULL when it is empty."""
        iframe = self.iframe(frame)
        top = ctypes.c_int.from_address(iframe + self.IF_STACKTOP).value
        if top <= self.nlocalsplus(frame.f_code):
            return NULL
        return self.slot(frame, top - 1)

    def generator_of(self, frame):
        """The generator/coroutine object that owns a suspendable frame."""
        iframe = self.iframe(frame)
        owner = ctypes.c_ubyte.from_address(iframe + self.IF_OWNER).value
        if self.gen_iframe_offset is None or owner != self.FRAME_OWNED_BY_GENERATOR:
            return NULL
        return self._obj(iframe - self.gen_iframe_offset)

    # thread state -------------------------------------------------------------
    def _tstate(self):
        return ctypes.pythonapi.PyThreadState_Get()

    def recursion_depth(self):
        ts = self._tstate()
        return (ctypes.c_int.from_address(ts + self.TS_LIMIT).value -
                ctypes.c_int.from_address(ts + self.TS_REMAINING).value)

    def shift_recursion_depth(self, delta):
        """Makes the current depth count `delta` frames less (or more)."""
        cell = ctypes.c_int.from_address(self._tstate() + self.TS_REMAINING)
        cell.value += delta

    def detach_locals_dict(self, frame):
        """Drops a function frame's f_locals dict (PyFrame_FastToLocals'
        cache), so that the dict a program got from locals() is not updated
        again by the trace machinery (see the header)."""
        cell = ctypes.c_void_p.from_address(self.iframe(frame) + self.IF_LOCALS)
        ptr = cell.value
        if ptr:
            cell.value = None
            ctypes.pythonapi.Py_DecRef(ptr)

    # code layout --------------------------------------------------------------
    @staticmethod
    def nlocalsplus(code):
        extra_cells = [c for c in code.co_cellvars if c not in code.co_varnames]
        return len(code.co_varnames) + len(extra_cells) + len(code.co_freevars)

    def cell_slots(self, code):
        """[(name, localsplus index)] for co_cellvars + co_freevars, in order."""
        cached = self._slot_cache.get(id(code))
        if cached is not None and cached[0] is code:
            return cached[1]
        n = self.nlocalsplus(code)
        names = [code._varname_from_oparg(i) for i in range(n)]
        nfree = len(code.co_freevars)
        result = []
        for name in code.co_cellvars:       # cell slots precede free slots
            result.append((name, names.index(name)))
        for k, name in enumerate(code.co_freevars):
            index = n - nfree + k
            assert names[index] == name, (names, name)
            result.append((name, index))
        self._slot_cache[id(code)] = (code, result)   # keeps code alive
        return result

    # start-up check ---------------------------------------------------------
    def _validate(self):
        """Checks every offset on live frames whose contents are known."""

        def probe(a, b):
            x = [a]
            def inner():
                return x
            self._check_frame(sys._getframe(), probe, inner)
            late = 1                # slot 3, still empty during the check
            return late

        probe(41, 42)
        ts = self._tstate()
        if ctypes.c_int.from_address(ts + self.TS_LIMIT).value != \
                sys.getrecursionlimit():
            raise TracerSetupError("recursion_limit offset mismatch")
        depth = self.recursion_depth()

        def deeper():
            return self.recursion_depth()
        if deeper() != depth + 1:
            raise TracerSetupError("recursion_remaining offset mismatch")

        class Body:
            frame, ns = sys._getframe(), locals()
        if self.namespace_of(Body.frame) is not Body.ns:
            raise TracerSetupError("class namespace offset mismatch")
        del Body.frame
        # offset of the embedded interpreter frame inside a generator object
        def gen():
            yield sys._getframe()
        g = gen()
        gframe = next(g)
        if ctypes.c_ubyte.from_address(self.iframe(gframe) + self.IF_OWNER).value \
                != self.FRAME_OWNED_BY_GENERATOR:
            raise TracerSetupError("frame owner offset mismatch")
        offset = self.iframe(gframe) - id(g)
        if not 0 < offset < 256:
            raise TracerSetupError("generator frame layout mismatch")
        self.gen_iframe_offset = offset
        if self.generator_of(gframe) is not g:
            raise TracerSetupError("generator frame layout mismatch")
        g.close()

    def _check_frame(self, frame, func, inner):
        if self._ptr_at(id(frame) + self.FRAMEOBJ_F_FRAME) == 0:
            raise TracerSetupError("frame has no interpreter frame")
        iframe = self.iframe(frame)
        if self._ptr_at(iframe + self.IF_CODE) != id(frame.f_code):
            raise TracerSetupError("f_code offset mismatch")
        if self._ptr_at(iframe + self.IF_FRAME_OBJ) != id(frame):
            raise TracerSetupError("frame_obj offset mismatch")
        if self.func_of(frame) is not func:
            raise TracerSetupError("f_func offset mismatch")
        if self.slot(frame, 0) != 41 or self.slot(frame, 1) != 42 or \
                self.slot(frame, 3) is not NULL:
            raise TracerSetupError("localsplus offset mismatch")
        slots = dict(self.cell_slots(frame.f_code))
        if self.slot(frame, slots["x"]) is not inner.__closure__[0]:
            raise TracerSetupError("cell slot mismatch")
        if self.stack_top(frame) is not NULL:
            raise TracerSetupError("stacktop mismatch")


# ---------------------------------------------------------------------------
# [SECTION] Identity registries
# ---------------------------------------------------------------------------

class IdRegistry:
    """Small integer ids by first appearance, never reused.

    Objects that accept weak references are recognised by one (so they are
    not kept alive); all others are kept alive so that their id() cannot be
    given to a new object.
    """

    def __init__(self):
        self._by_addr = {}     # id(obj) -> (number, anchor, anchor_is_weak)
        self._next = 1

    def lookup(self, obj):
        entry = self._by_addr.get(id(obj))
        if entry is not None:
            number, anchor, weak = entry
            if (anchor() if weak else anchor) is obj:
                return number
        return None

    def number(self, obj):
        found = self.lookup(obj)
        if found is not None:
            return found
        number = self._next
        self._next += 1
        try:
            entry = (number, weakref.ref(obj), True)
        except TypeError:
            entry = (number, obj, False)
        self._by_addr[id(obj)] = entry
        return number


class WeakInfo:
    """A side table obj -> info for weak-referenceable objects (functions,
    generators), robust to id() reuse."""

    def __init__(self):
        self._table = {}

    def set(self, obj, info):
        self._table[id(obj)] = (weakref.ref(obj), info)

    def get(self, obj, default=None):
        entry = self._table.get(id(obj))
        if entry is not None and entry[0]() is obj:
            return entry[1]
        return default

    def __contains__(self, obj):
        entry = self._table.get(id(obj))
        return entry is not None and entry[0]() is obj


# ---------------------------------------------------------------------------
# [SECTION] Values and heap objects
# ---------------------------------------------------------------------------

def exception_type_name(exc_type):
    """The exception type as CPython prints it on the last traceback line."""
    name = getattr(exc_type, "__qualname__", None) or exc_type.__name__
    module = getattr(exc_type, "__module__", None)
    if module not in ("builtins", "__main__", None):
        name = "%s.%s" % (module, name)
    return name


def exception_message(exc):
    """str(exc) as the last traceback line shows it."""
    if isinstance(exc, SyntaxError):
        return exc.msg if exc.msg is not None else ""
    try:
        return str(exc)
    except BaseException:           # CPython prints this when str() fails
        return "<exception str() failed>"


def _mro_lookup(cls, name):
    for klass in cls.__mro__:
        d = type.__dict__["__dict__"].__get__(klass)
        if name in d:
            return d[name]
    return None


def instance_dict(obj):
    """obj.__dict__ read through the C descriptor, or None."""
    desc = _mro_lookup(type(obj), "__dict__")
    if isinstance(desc, types.GetSetDescriptorType):
        try:
            d = desc.__get__(obj)
        except Exception:
            return None
        return d if type(d) is dict else None
    return None


def slot_values(obj):
    """[(name, value)] of __slots__ members that are set."""
    out = []
    for klass in type(obj).__mro__:
        if not is_program_class(klass):     # e.g. BaseException's members
            continue
        d = type.__dict__["__dict__"].__get__(klass)
        for name, desc in d.items():
            if isinstance(desc, types.MemberDescriptorType) and \
                    name not in ("__weakref__", "__dict__"):
                try:
                    out.append((name, desc.__get__(obj)))
                except AttributeError:
                    pass
    return out


def is_program_class(cls):
    """A class written by the user: defined in the program or in a module of
    its own (not the stdlib, not builtins)."""
    module = type.__dict__["__module__"].__get__(cls)
    if module == "__main__":
        return True
    if not isinstance(module, str) or module == "builtins":
        return False
    return module.partition(".")[0] not in sys.stdlib_module_names


class Snapshot:
    """Serialises the values of one step; collects the reachable heap.

    `val()` turns a Python object into a VAL; any heap object met is queued,
    and `heap()` then walks the queue, so the heap holds exactly the objects
    reachable from what was passed to `val()`/`ref()`.
    """

    def __init__(self, tracer):
        self.t = tracer
        self.ids = tracer.heap_ids
        self.queue = []                 # [(hid, obj)] not yet serialised
        self.seen = set()

    # VAL ----------------------------------------------------------------------
    def val(self, x):
        t = type(x)
        if x is None or t is bool or t is int or t is str:
            return x
        if t is float:
            if x != x:
                return ["float", "nan"]
            if x in (float("inf"), float("-inf")):
                return ["float", "inf" if x > 0 else "-inf"]
            return x
        return ["ref", self.ref(x)]

    def ref(self, obj):
        hid = self.ids.number(obj)
        if hid not in self.seen:
            self.seen.add(hid)
            self.queue.append((hid, obj))
        return hid

    # heap ---------------------------------------------------------------------
    def heap(self):
        out = {}
        i = 0
        while i < len(self.queue):
            hid, obj = self.queue[i]
            i += 1
            try:
                out[str(hid)] = self.obj(obj)
            except Exception as e:      # never let one odd object stop a run
                self.t.note_error("serialising %s: %r" % (type(obj).__name__, e))
                out[str(hid)] = {"t": type(obj).__name__,
                                 "repr": "<%s object>" % type(obj).__name__}
        return out

    def obj(self, x):
        t = type(x)
        v = self.val
        if t is types.FunctionType:
            return self.function(x)
        if t is types.CellType:
            rec = {"t": "cell", "owner": self.t.cell_owner(x)}
            try:
                rec["v"] = v(x.cell_contents)
            except ValueError:
                pass
            return rec
        if t is types.MethodType:
            return {"t": "method", "func": v(x.__func__), "self": v(x.__self__)}
        if issubclass(t, type):
            return self.klass(x)
        if t is types.ModuleType or issubclass(t, types.ModuleType):
            return {"t": "module", "name": x.__name__}
        if t in (types.BuiltinFunctionType, types.MethodWrapperType,
                 types.WrapperDescriptorType, types.MethodDescriptorType,
                 types.ClassMethodDescriptorType):
            rec = {"t": "builtin", "name": x.__name__}
            owner = getattr(x, "__self__", None)
            if owner is not None and not isinstance(owner, types.ModuleType):
                rec["self"] = v(owner)
            return rec
        if t in (types.GeneratorType, types.CoroutineType,
                 types.AsyncGeneratorType):
            kind = {types.GeneratorType: "generator",
                    types.CoroutineType: "coroutine",
                    types.AsyncGeneratorType: "async_generator"}[t]
            return {"t": kind, "name": x.__qualname__,
                    "fid": self.t.generator_fid(x)}
        if issubclass(t, BaseException):
            rec = {"t": "exception", "class": t.__name__,
                   "args": [v(a) for a in BaseException.__dict__["args"]
                            .__get__(x)]}
            attrs = self.attrs_of(x)
            if attrs:
                rec["attrs"] = attrs
            return rec
        for base, kind in ((list, "list"), (tuple, "tuple"), (set, "set"),
                           (frozenset, "frozenset")):
            if issubclass(t, base):
                rec = {"t": kind, "items": [v(i) for i in base.__iter__(x)]}
                return self.mark_subclass(rec, x, base)
        if issubclass(t, dict):
            if t is dict or is_program_class(t):
                pairs = list(dict.items(x))
            else:                       # OrderedDict keeps its own order
                pairs = list(x.items())
            rec = {"t": "dict", "items": [[v(k), v(w)] for k, w in pairs]}
            return self.mark_subclass(rec, x, dict)
        if t is collections.deque:
            return {"t": "deque", "items": [v(i) for i in list(x)]}
        if t in (staticmethod, classmethod):
            return {"t": t.__name__, "func": v(x.__func__)}
        if is_program_class(t):
            return {"t": "instance", "class": t.__name__,
                    "attrs": self.attrs_of(x)}
        return {"t": t.__name__, "repr": self.safe_repr(x)}

    def mark_subclass(self, rec, x, base):
        t = type(x)
        if t is not base:
            rec["class"] = t.__name__
            attrs = self.attrs_of(x)
            if attrs:
                rec["attrs"] = attrs
        return rec

    def attrs_of(self, x):
        attrs = {}
        d = instance_dict(x)
        if d:
            for k, w in dict.items(d):
                attrs[str(k)] = self.val(w)
        for k, w in slot_values(x):
            attrs[k] = self.val(w)
        return attrs

    def function(self, f):
        code = f.__code__
        rec = {"t": "function", "name": f.__name__, "qual": f.__qualname__,
               "line": code.co_firstlineno,
               "parent": self.t.function_parent(f), "closure": []}
        cells = f.__closure__ or ()
        for name, cell in zip(code.co_freevars, cells):
            try:
                content = self.val(cell.cell_contents)
            except ValueError:
                content = ["unbound"]
            rec["closure"].append([name, self.ref(cell), content])
        if f.__defaults__:              # extra key: readers may ignore it
            rec["defaults"] = [self.val(d) for d in f.__defaults__]
        return rec

    def klass(self, cls):
        if type.__dict__["__module__"].__get__(cls) == "builtins":
            return {"t": "builtin", "name": cls.__name__}
        rec = {"t": "class", "name": cls.__name__,
               "bases": [b.__name__ for b in cls.__bases__], "attrs": {}}
        if is_program_class(cls):
            d = type.__dict__["__dict__"].__get__(cls)
            for k, w in d.items():
                if k in CLASS_ATTRS_HIDDEN or (k == "__doc__" and w is None):
                    continue
                rec["attrs"][str(k)] = self.val(w)
        return rec

    @staticmethod
    def safe_repr(x):
        t = type(x)
        module = type.__dict__["__module__"].__get__(t)
        if isinstance(x, SAFE_REPR_TYPES) or module in SAFE_REPR_MODULES:
            try:
                return ADDRESS_RE.sub("", repr(x))
            except Exception:
                pass
        name = t.__qualname__
        if module not in ("builtins", None):
            name = "%s.%s" % (module, name)
        return "<%s object>" % name


# ---------------------------------------------------------------------------
# [SECTION] Output capture
# ---------------------------------------------------------------------------

class StdoutCapture:
    """A text stream standing in for sys.stdout; remembers everything written.

    It is a real TextIOWrapper over a BytesIO (UTF-8, write-through), so the
    program sees a normal non-tty text file, as with `python3 prog.py > f`.
    """

    def __init__(self):
        self.raw = io.BytesIO()
        self.stream = io.TextIOWrapper(self.raw, encoding="utf-8",
                                       errors="strict", write_through=True)
        self._taken = 0                 # bytes already reported in `out`

    def _flush(self):
        try:
            self.stream.flush()
        except Exception:
            pass

    def take_new(self):
        self._flush()
        with self.raw.getbuffer() as view:     # released before the program
            data = view[self._taken:].tobytes()  # writes again
        # report only whole UTF-8 characters
        text = data.decode("utf-8", errors="ignore")
        self._taken += len(text.encode("utf-8"))
        return text

    def all_text(self):
        self._flush()
        return self.raw.getvalue().decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------
# [SECTION] The tracer
# ---------------------------------------------------------------------------

class FrameInfo:
    """What the tracer knows about one live program frame."""
    __slots__ = ("fid", "frame", "kind", "func", "parent", "cells",
                 "last_event", "last_offset", "pending_make_function")

    MODULE, CLASS_BODY, FUNCTION = "module", "class", "function"

    def __init__(self, fid, frame):
        self.fid = fid
        self.frame = frame              # strong: a live frame cannot be reused
        self.kind = None
        self.func = None                # f_func (FUNCTION frames only)
        self.parent = None
        self.cells = []                 # [(name, cell object)]
        self.last_event = "call"
        self.last_offset = -1
        self.pending_make_function = False


class Tracer:
    """Turns the events of one run into step records."""

    def __init__(self, path, writer, max_steps, capture, internals, on_limit):
        self.path = path
        self.writer = writer            # callable(record dict)
        self.max_steps = max_steps
        self.on_limit = on_limit        # called instead of step max_steps+1
        self.capture = capture
        self.cpy = internals
        self.module_code = None
        self.steps = 0
        self.heap_ids = IdRegistry()
        self.frames = {}                # id(frame) -> FrameInfo (live frames)
        self.next_fid = 1
        self.func_parents = WeakInfo()  # function -> creating fid (or None)
        self.gen_fids = WeakInfo()      # generator -> fid of its frame
        self.cell_owners = {}           # id(cell) -> (cell, fid)
        self.errors = []                # internal problems (reported in `end`)
        self.dropped = 0                # events lost at the recursion limit

    # -- bookkeeping ------------------------------------------------------------
    def release_objects(self):
        """Lets go of the objects held for identity (after the run)."""
        self.heap_ids = IdRegistry()
        self.cell_owners.clear()
        self.frames.clear()

    def note_error(self, text):
        if len(self.errors) < 20:
            self.errors.append(text)

    def cell_owner(self, cell):
        entry = self.cell_owners.get(id(cell))
        if entry is not None and entry[0] is cell:
            return entry[1]
        return None

    def function_parent(self, func):
        return self.func_parents.get(func)

    def generator_fid(self, gen):
        frame = getattr(gen, "gi_frame", None) or getattr(gen, "cr_frame", None) \
            or getattr(gen, "ag_frame", None)
        started = getattr(gen, "gi_suspended", False) or getattr(gen, "gi_running", False) \
            or getattr(gen, "cr_suspended", False) or getattr(gen, "cr_running", False)
        # A generator that has not started has had no `call`, hence no fid. Ask nothing else: a
        # generator finalized by refcounting was registered while dying, when weakref.ref makes
        # a reference CPython never clears, so a new generator at the same address (with the
        # same recycled frame object) would otherwise inherit the dead one's fid.
        if frame is not None and not started:
            return None
        fid = self.gen_fids.get(gen)
        if fid is not None:
            return fid
        if frame is not None:
            info = self.frames.get(id(frame))
            if info is not None and info.frame is frame:
                return info.fid
        return None

    def is_program_frame(self, frame):
        return frame.f_code.co_filename == self.path

    # -- frame registration (at `call`) ---------------------------------------
    def register_frame(self, frame):
        info = self.frames.get(id(frame))
        if info is not None and info.frame is frame:
            return info                 # a generator resuming
        info = FrameInfo(self.next_fid, frame)
        self.next_fid += 1
        self.frames[id(frame)] = info
        code = frame.f_code
        if code is self.module_code:
            info.kind = FrameInfo.MODULE
        elif not code.co_flags & CO_OPTIMIZED:
            info.kind = FrameInfo.CLASS_BODY
        else:
            info.kind = FrameInfo.FUNCTION
            func = self.cpy.func_of(frame)
            if type(func) is types.FunctionType and func.__code__ is code:
                info.func = func
                if func in self.func_parents:
                    info.parent = self.func_parents.get(func)
                else:
                    self.note_error("no creator known for %s" % func.__qualname__)
            else:
                self.note_error("f_func of %s is not its function" % code.co_name)
        for name, index in self.cpy.cell_slots(code):
            cell = self.cpy.slot(frame, index)
            if type(cell) is not types.CellType:
                self.note_error("slot of %s in %s is not a cell" % (name, code.co_name))
                continue
            info.cells.append((name, cell))
            if name in code.co_cellvars and self.cell_owner(cell) is None:
                self.cell_owners[id(cell)] = (cell, info.fid)
        if code.co_flags & CO_SUSPENDABLE:
            gen = self.cpy.generator_of(frame)
            if type(gen) in (types.GeneratorType, types.CoroutineType,
                             types.AsyncGeneratorType):
                self.gen_fids.set(gen, info.fid)
        return info

    # -- function creation ----------------------------------------------------
    def resolve_new_function(self, frame, info):
        """Called at the first event after a MAKE_FUNCTION in `frame`."""
        info.pending_make_function = False
        consts = frame.f_code.co_consts
        func = self.cpy.stack_top(frame)
        if not (type(func) is types.FunctionType and
                any(c is func.__code__ for c in consts)):
            func = self._find_new_function_by_gc(frame)
            if func is None:
                self.note_error("could not find function made in %s line %s"
                                % (frame.f_code.co_name, frame.f_lineno))
                return
        creator = None if info.kind == FrameInfo.MODULE else info.fid
        self.func_parents.set(func, creator)

    def _find_new_function_by_gc(self, frame):
        codes = [c for c in frame.f_code.co_consts if type(c) is types.CodeType]
        fresh = []
        for code in codes:
            for ref in gc.get_referrers(code):
                if type(ref) is types.FunctionType and ref.__code__ is code \
                        and ref not in self.func_parents:
                    fresh.append(ref)
        return fresh[0] if len(fresh) == 1 else None

    # -- trace functions ----------------------------------------------------------
    HEADROOM = 200      # extra recursion depth the tracer itself may use

    def global_trace(self, frame, event, arg):
        """sys.settrace's function: called at the `call` of every frame."""
        if frame.f_code.co_filename != self.path:
            return None                 # no events for libraries
        return self.local_trace(frame, event, arg)

    def local_trace(self, frame, event, arg):
        """The trace function of program frames.

        It must never raise: CPython would switch tracing off and raise the
        error in the program.  Near the recursion limit it gives itself
        room with Py_SetRecursionLimit and gives it back before returning.
        """
        if event == "opcode":           # not a step: keep this path short
            try:
                self.on_opcode(frame)
            except Exception:
                self.note_error(traceback.format_exc(limit=-3))
            if frame.f_code.co_flags & CO_OPTIMIZED:    # never a namespace
                self.cpy.detach_locals_dict(frame)
            return self.local_trace
        try:
            limit = sys.getrecursionlimit()
            self.cpy.set_recursion_limit(limit + self.HEADROOM)
        except (RecursionError, ctypes.ArgumentError):
            self.dropped += 1           # ctypes wraps the RecursionError
            return self.local_trace
        try:
            self.on_event(frame, event, arg)
        except RecursionError:
            self.dropped += 1
        except Exception:
            self.note_error(traceback.format_exc(limit=-3))
        finally:
            try:
                self.cpy.set_recursion_limit(limit)
                if frame.f_code.co_flags & CO_OPTIMIZED:
                    self.cpy.detach_locals_dict(frame)
            except Exception:
                self.note_error(traceback.format_exc(limit=-3))
        return self.local_trace

    def on_opcode(self, frame):
        """An instruction of a program frame is about to run (not a step)."""
        info = self.frames.get(id(frame))
        if info is not None:
            if info.pending_make_function:
                self.resolve_new_function(frame, info)
            offset = frame.f_lasti
            info.pending_make_function = \
                frame.f_code.co_code[offset] == OP_MAKE_FUNCTION
            info.last_event, info.last_offset = "opcode", offset

    def on_event(self, frame, event, arg):
        """A `call`, `line`, `return` or `exception` event: one step."""
        if event == "call":
            info = self.register_frame(frame)
            frame.f_trace_opcodes = True
        else:
            info = self.frames.get(id(frame))
            if info is None or info.frame is not frame:
                self.note_error("event %s in unknown frame %s"
                                % (event, frame.f_code.co_name))
                info = self.register_frame(frame)
            if info.pending_make_function and event == "line":
                self.resolve_new_function(frame, info)
        self.record(frame, info, event, arg)
        info.last_event, info.last_offset = event, frame.f_lasti

    # -- one step -------------------------------------------------------------------
    def record(self, frame, info, event, arg):
        if self.max_steps is not None and self.steps >= self.max_steps:
            self.on_limit()             # does not return
        self.steps += 1
        snap = Snapshot(self)
        stack = []
        f = frame
        chain = []
        while f is not None:
            if self.is_program_frame(f):
                chain.append(f)
            f = f.f_back
        for f in reversed(chain):
            finfo = self.frames.get(id(f))
            if finfo is None or finfo.frame is not f:
                self.note_error("frame %s on the stack without a call event"
                                % f.f_code.co_name)
                finfo = self.register_frame(f)
            stack.append(self.frame_record(f, finfo, snap))
        rec = {"kind": "step", "step": self.steps, "event": event,
               "line": frame.f_lineno, "stack": stack}
        extra = {}
        if event == "return":
            extra["ret"] = snap.val(arg)
            kind = self.return_kind(frame, info)
            if kind == "yield":
                extra["yield"] = True
            elif kind == "unwind":
                extra["unwind"] = True
            if kind != "yield":
                self.frames.pop(id(frame), None)   # the frame is finished
        elif event == "exception":
            exc_type, exc_value = arg[0], arg[1]
            extra["exc"] = [exception_type_name(exc_type),
                            exception_message(exc_value)
                            if exc_value is not None else ""]
        rec["heap"] = snap.heap()
        out = self.capture.take_new()
        if out:
            rec["out"] = out
        rec.update(extra)
        self.writer(rec)

    def plain_locals(self, frame, info):
        """[(name, value)] of the frame's bound plain locals.

        Read from the fast-locals array (functions), the namespace (class
        bodies) or the globals (module); frame.f_locals is never used, as it
        would write the frame's locals dict (PyFrame_FastToLocals).
        """
        code = frame.f_code
        if info.kind == FrameInfo.FUNCTION:
            cells = set(code.co_cellvars)
            out = []
            for i, name in enumerate(code.co_varnames):
                if name in cells:
                    continue
                value = self.cpy.slot(frame, i)
                if value is not NULL:
                    out.append((name, value))
            return out
        if info.kind == FrameInfo.MODULE:
            names, hidden = frame.f_globals, MODULE_DUNDERS
        else:
            names = self.cpy.namespace_of(frame)
            hidden = CLASS_BODY_HIDDEN | set(code.co_cellvars) | set(code.co_freevars)
        if names is NULL:
            return []
        items = dict.items(names) if isinstance(names, dict) else names.items()
        return [(k, v) for k, v in items if k not in hidden]

    def return_kind(self, frame, info):
        """'return', 'yield' or 'unwind' for a `return` event (see header)."""
        offset = frame.f_lasti
        op = frame.f_code.co_code[offset] if offset >= 0 else None
        if op == OP_RETURN_VALUE:
            return "return"
        if op == OP_YIELD_VALUE and frame.f_code.co_flags & CO_SUSPENDABLE \
                and info.last_event == "opcode" and info.last_offset == offset:
            return "yield"
        return "unwind"

    def frame_record(self, frame, info, snap):
        code = frame.f_code
        rec = {"fid": info.fid, "func": code.co_name, "line": frame.f_lineno,
               "parent": info.parent}
        if info.kind == FrameInfo.FUNCTION and info.func is not None:
            rec["fn"] = snap.ref(info.func)
        local_vals = {}
        for name, value in self.plain_locals(frame, info):
            local_vals[str(name)] = snap.val(value)
        rec["locals"] = local_vals
        rec["cells"] = {name: snap.ref(cell) for name, cell in info.cells}
        return rec


# ---------------------------------------------------------------------------
# [SECTION] Running a program
# ---------------------------------------------------------------------------

def _dumps(record):
    try:
        return json.dumps(record, allow_nan=False)
    except ValueError:                  # an int longer than 4300 digits
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)
        try:
            return json.dumps(record, allow_nan=False)
        finally:
            sys.set_int_max_str_digits(old)


def _end_exc(exc):
    """[type, message] of the line CPython prints last for an uncaught
    exception.  It is rendered by sys.__excepthook__ (PyErr_Display), as
    `python3 PROGRAM.py` does: in 3.11 only that C code adds the
    "Did you mean: ...?" suggestions, the traceback module does not."""
    name = exception_type_name(type(exc))
    text = ""
    saved = sys.stderr
    try:
        sys.stderr = io.StringIO()
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        text = sys.stderr.getvalue()
    except Exception:
        pass
    finally:
        sys.stderr = saved
    # The exception line may span lines (a message with newlines) and notes
    # may follow it: take the last line that starts with the type name.
    lines = text.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line == name or line.startswith(name + ": "):
            message = "\n".join([line] + lines[i + 1:]).rstrip("\n")
            message = message[len(name) + 2:] if message != name else ""
            notes = getattr(exc, "__notes__", None)
            if isinstance(notes, list):     # printed after the message
                tail = "".join("\n" + str(n) for n in notes)
                if tail and message.endswith(tail):
                    message = message[:-len(tail)]
            if message.startswith(exception_message(exc)):
                return [name, message]
            break
    return [name, exception_message(exc)]


def trace_program(path, out_stream, max_steps=None, stdin_text="",
                  echo_stdout=None):
    """Runs `path` under the tracer, writing JSON lines to out_stream.

    Returns the end record.  When the step limit is reached the end record is
    written at once and the process exits (os._exit): the program must not
    go on running untraced, and it cannot be stopped from inside safely.
    `echo_stdout`, if given, receives the program's whole stdout at the end.
    """
    path = os.path.abspath(path)

    def emit(record):
        out_stream.write(_dumps(record) + "\n")

    emit({"kind": "meta", "format": FORMAT_VERSION, "tool": "cpython-reference",
          "python": sys.version.split()[0], "program": os.path.basename(path)})

    with open(path, "rb") as fh:
        source = fh.read()
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        end = {"kind": "end", "status": "error", "steps": 0, "stdout": "",
               "exc": [type(e).__name__, e.msg if e.msg is not None else ""]}
        emit(end)
        return end
    except ValueError as e:             # e.g. null bytes in the source
        end = {"kind": "end", "status": "error", "steps": 0, "stdout": "",
               "exc": ["SyntaxError", str(e)]}
        emit(end)
        return end

    internals = _Internals()
    capture = StdoutCapture()
    tracer = None

    def finish(status, exc):
        stdout_text = capture.all_text()
        end = {"kind": "end", "status": status, "steps": tracer.steps,
               "stdout": stdout_text, "exc": exc}
        if tracer.dropped:
            tracer.note_error("%d events could not be recorded: the program "
                              "was at the recursion limit" % tracer.dropped)
        if tracer.errors:
            end["tracer_error"] = tracer.errors     # extra key
        emit(end)
        out_stream.flush()
        if echo_stdout is not None:
            echo_stdout(stdout_text)
        if sys.__stdout__ is not None:
            sys.__stdout__.flush()
        return end

    def on_limit():
        sys.settrace(None)
        finish("limit", None)
        os._exit(0)

    tracer = Tracer(path, emit, max_steps, capture, internals, on_limit)
    tracer.module_code = code

    # the program's own __main__, as `python3 PROGRAM.py` would set it up
    import importlib.machinery
    module = types.ModuleType("__main__")
    globs = module.__dict__
    # In the order `python3 PROGRAM.py` gives (ModuleType made the first five; __main__
    # always has an __annotations__ dict, annotations in the program or not).
    globs["__loader__"] = importlib.machinery.SourceFileLoader("__main__", path)
    globs.update({"__annotations__": {}, "__builtins__": builtins, "__file__": path,
                  "__cached__": None})
    saved = (sys.modules.get("__main__"), sys.argv, list(sys.path),
             sys.stdout, sys.stdin)
    sys.modules["__main__"] = module
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    sys.stdout = capture.stream
    sys.stdin = io.StringIO(stdin_text)

    # The program's frames must meet the recursion limit at the same depth
    # as under `python3 PROGRAM.py`, where <module> runs at depth
    # MODULE_DEPTH; here the tracer's own frames lie below it.
    shift = internals.recursion_depth() + EXEC_DEPTH - MODULE_DEPTH
    status, exc = "ok", None
    try:
        internals.shift_recursion_depth(shift)
        sys.settrace(tracer.global_trace)
        try:
            exec(code, globs)
        finally:
            lost = sys.gettrace() is None
            sys.settrace(None)
            internals.shift_recursion_depth(-shift)
            if lost:
                tracer.note_error("CPython switched tracing off: the trace "
                                  "function could not be called (recursion "
                                  "limit)")
    except SystemExit as e:             # exit(0) / exit(None) is a normal end
        if e.code is not None and e.code != 0:
            status, exc = "error", ["SystemExit", exception_message(e)]
    except BaseException as e:
        status, exc = "error", _end_exc(e)

    # atexit callbacks run after the program, still traced and captured
    import atexit
    try:
        sys.settrace(tracer.global_trace)
        atexit._run_exitfuncs()
    except BaseException:
        pass
    finally:
        sys.settrace(None)

    # At exit CPython drops __main__ and collects the garbage, which runs
    # the __del__ of whatever the program still held: do the same, untraced,
    # so that their output is in the end record's stdout as under
    # `python3 PROGRAM.py` (in no step).
    sys.modules["__main__"] = saved[0]
    del module, globs
    tracer.release_objects()
    try:
        gc.collect()
    except BaseException:
        pass
    end = finish(status, exc)
    (sys.modules["__main__"], sys.argv, sys.path[:], sys.stdout,
     sys.stdin) = saved
    return end


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("program")
    ap.add_argument("-o", "--output", help="trace file (default: stdout)")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--stdin-file", help="text the program's input() reads")
    args = ap.parse_args(argv)
    stdin_text = ""
    if args.stdin_file:
        with open(args.stdin_file, encoding="utf-8") as fh:
            stdin_text = fh.read()
    real_stdout = sys.stdout
    out = open(args.output, "w", encoding="utf-8") if args.output else real_stdout
    # with -o, the program's output is shown on stdout after the run
    echo = real_stdout.write if args.output else None
    try:
        trace_program(args.program, out, args.max_steps, stdin_text, echo)
    except TracerSetupError as e:
        print("cpython_trace: %s" % e, file=sys.stderr)
        return 2
    out.flush()
    real_stdout.flush()
    # Objects kept alive for identity must not run program code (__del__)
    # after the trace is written: leave without tearing the heap down.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
