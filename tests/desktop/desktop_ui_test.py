#!/usr/bin/env python3
"""Desktop UI test: drives closureviz-desktop under Xvfb with real X events (xdotool keys, typing,
clicks, drags, the wheel; xclip for the X clipboard) and checks the app's state after each action
through its test hook: with --dump-diagram FILE (no --frames) the app writes its state, the diagram
it drew and where its widgets are whenever it gets SIGUSR1. Expected values come from
`closureviz trace` of the same program, computed here, never from the app itself.

Cases (each starts the app in one shared Xvfb display; all by default):
  editor      typing with auto-indent after ':' and kept indentation, Backspace, Tab to the next
              4 columns, Tab / Shift+Tab on a selected block, undo (Ctrl+Z) and redo (Ctrl+Y), copy
              to and paste from the X clipboard (xclip), Ctrl+Enter records the typed program
  navigation  breakpoints by clicking line numbers, run to / back to a breakpoint, next / previous
              call or return of the running function, timeline click and drag, fade of an
              unreachable object (drawn faded once, then dropped)
  playback    Space plays and pauses, playing stops at a breakpoint, the speed slider (Ctrl+click, type)
  diagram     hovering an object highlights it and every arrow into it, drag pans, Ctrl+wheel zooms
              about the pointer, zoom buttons, Fit returns to fit-to-window, view switch by clicking
  present     F5 presentation mode (toolbar hidden, larger text, PageDown/PageUp step), Esc leaves;
              Ctrl+= re-rasterises the fonts at the new size (crisp text: no bitmap scaling)
  markers     the just-executed and next-line markers at every step of a program (against the trace),
              a runtime error marked at the raising line and then at the module's line with CPython's
              message, a syntax error marked at CPython's line in Edit mode; the projector theme's text
              colours against their backgrounds (WCAG contrast 7:1, 4.5:1 for muted text)
  files       File > Save as (the app's dialog, a typed path), File > Open, the theme menu; a second
              run remembers recent files, theme, window size and column split; File > Open recent; a
              file dragged onto the window (XDND, as a file manager drags: xdnd_drop.py) is opened

    desktop_ui_test.py --exe closureviz-desktop --closureviz closureviz --xvfb-run xvfb-run \\
        --xdotool xdotool --xclip xclip --out-dir DIR [CASE...]
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCREEN = (1000, 700)


class Failure(Exception):
    pass


def trace_of(closureviz, path):
    """The steps of `closureviz trace FILE` as dicts."""
    out = subprocess.run([closureviz, "trace", path], capture_output=True, text=True, timeout=120).stdout
    return [r for r in map(json.loads, out.splitlines()) if r.get("kind") == "step"]


class App:
    """One closureviz-desktop process in the test's X display, driven by xdotool."""

    def __init__(self, a, name, args, config_home, size=True):
        self.a = a
        self.name = name
        self.dump = os.path.join(a.out_dir, f"ui_{name}.json")
        for f in (self.dump, self.dump + ".tmp"):
            if os.path.exists(f):
                os.remove(f)
        self.serial = 0
        env = dict(os.environ, XDG_CONFIG_HOME=config_home)
        cmd = [a.exe, "--dump-diagram", self.dump] + (["--size", f"{SCREEN[0]}x{SCREEN[1]}"] if size else []) + args
        self.log = open(os.path.join(a.out_dir, f"ui_{name}.log"), "w")
        self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        wid = self.xdo("search", "--sync", "--onlyvisible", "--pid", str(self.proc.pid), timeout=60).split()
        if not wid:
            raise Failure(f"{name}: no window appeared")
        self.wid = wid[0]
        self.xdo("windowfocus", "--sync", self.wid)
        geometry = dict(line.split("=", 1) for line in self.xdo("getwindowgeometry", "--shell", self.wid).split())
        self.origin = (int(geometry["X"]), int(geometry["Y"]))
        self.state()   # the first frames are drawn

    def xdo(self, *args, timeout=30):
        return subprocess.run([self.a.xdotool, *args], capture_output=True, text=True, timeout=timeout).stdout

    # ---- reading the app ------------------------------------------------------------------------
    def state(self, timeout=60):
        """Asks for a dump (SIGUSR1) and returns it once written for this request."""
        if self.proc.poll() is not None:
            raise Failure(f"{self.name}: the app exited with {self.proc.returncode}")
        want = self.serial + 1
        os.kill(self.proc.pid, signal.SIGUSR1)
        end = time.time() + timeout
        while time.time() < end:
            try:
                with open(self.dump) as f:
                    d = json.load(f)
                if d.get("serial", 0) >= want:
                    self.serial = d["serial"]
                    return d
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        raise Failure(f"{self.name}: no dump within {timeout} s")

    def wait_for(self, what, pred, timeout=40):
        """Dumps until pred(dump) holds; fails with the last dump's summary."""
        end = time.time() + timeout
        d = None
        while time.time() < end:
            d = self.state()
            try:
                if pred(d):
                    return d
            except (KeyError, IndexError, TypeError):
                pass
            time.sleep(0.25)
        summary = {k: d.get(k) for k in ("mode", "breakpoints", "font_scale", "presentation", "source")} if d else None
        if d:
            summary["step"] = d["state"]["step"]
            summary["ui"] = {k: v for k, v in d["ui"].items() if k not in ("widgets",)}
        raise Failure(f"{self.name}: {what} (last state: {json.dumps(summary)[:1500]})")

    # ---- acting on it ---------------------------------------------------------------------------
    def keys(self, *names):
        self.xdo("key", "--delay", "120", *names)

    def chord(self, modifier, key):
        # Held like a person holds it: an instant chord can reach a loaded app without its modifier.
        self.xdo("keydown", modifier)
        time.sleep(0.25)
        self.xdo("key", key)
        time.sleep(0.25)
        self.xdo("keyup", modifier)
        time.sleep(0.1)

    def type(self, text):
        self.xdo("type", "--delay", "60", text)

    def move(self, x, y):
        # A warp (xdotool mousemove) moves the pointer without a device event, and SDL's X11 backend
        # keeps its pointer position until XInput2 reports device motion: a one-pixel move there and
        # back through XTEST (what a real mouse sends) makes the app see where the pointer is.
        self.xdo("mousemove", str(int(round(x)) + self.origin[0]), str(int(round(y)) + self.origin[1]))
        self.xdo("mousemove_relative", "1", "0")
        self.xdo("mousemove_relative", "--", "-1", "0")
        time.sleep(0.3)

    def click(self, x, y, button=1):
        self.move(x, y)
        self.xdo("click", str(button))
        time.sleep(0.3)

    def click_widget(self, d, name):
        r = d["ui"]["widgets"].get(name)
        if not r:
            raise Failure(f"{self.name}: widget {name} not drawn (drawn: {sorted(d['ui']['widgets'])})")
        self.click(r[0] + r[2] / 2, r[1] + r[3] / 2)

    def drag(self, x0, y0, x1, y1, steps=6):
        self.move(x0, y0)
        self.xdo("mousedown", "1")
        time.sleep(0.3)
        for i in range(1, steps + 1):
            self.move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
        time.sleep(0.3)
        self.xdo("mouseup", "1")
        time.sleep(0.3)

    def quit(self):
        self.chord("ctrl", "q")
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise Failure(f"{self.name}: Ctrl+Q did not end the app")
        self.log.close()
        if self.proc.returncode != 0:
            raise Failure(f"{self.name}: the app exited with {self.proc.returncode}")
        with open(self.dump) as f:
            return json.load(f)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def expect(cond, message):
    if not cond:
        raise Failure(message)


# ---- cases ----------------------------------------------------------------------------------------

def case_editor(a, config):
    app = App(a, "editor", [], config)
    try:
        src = lambda text: (lambda d: d["source"] == text)
        app.chord("ctrl", "Return")
        app.wait_for("Ctrl+Enter did not switch to Edit mode with the editor focused", lambda d: d["mode"] == "edit" and d["ui"]["text_input"])
        app.chord("ctrl", "a")
        app.type("def f(n):")
        app.keys("Return")
        app.wait_for("Enter after ':' did not indent the next line by 4", src("def f(n):\n    "))
        app.type("return n + 1")
        app.keys("Return")
        app.wait_for("Enter did not keep the indentation", src("def f(n):\n    return n + 1\n    "))
        app.keys("BackSpace", "BackSpace", "BackSpace", "BackSpace")
        app.type("if f(1):")
        app.keys("Return")
        app.type("y = 2")
        app.keys("Return", "BackSpace", "BackSpace", "BackSpace", "BackSpace")
        app.type("print(f(1))")
        program = "def f(n):\n    return n + 1\nif f(1):\n    y = 2\nprint(f(1))"
        app.wait_for("typing, auto-indent and Backspace gave another text", src(program))

        # Tab: spaces to the next multiple of 4 columns.
        app.keys("Home")
        app.type("xx")
        app.keys("Tab")
        tabbed = program.replace("\nprint", "\nxx  print")
        app.wait_for("Tab at column 2 did not pad to column 4", src(tabbed))
        # Undo everything since (2 characters, then the 2 spaces of the Tab), redo it, undo again.
        for _ in range(4):
            app.chord("ctrl", "z")
        app.wait_for("Ctrl+Z did not undo the typing and the Tab", src(program))
        for _ in range(4):
            app.chord("ctrl", "y")
        app.wait_for("Ctrl+Y did not redo the typing and the Tab", src(tabbed))
        for _ in range(4):
            app.chord("ctrl", "z")
        app.wait_for("Ctrl+Z after a redo did not undo again", src(program))

        # A selected block (lines 3 and 4): Tab indents both lines, Shift+Tab dedents them.
        app.chord("ctrl", "Home")
        app.keys("Down", "Down")
        app.chord("shift", "Down")
        app.chord("shift", "Down")
        app.keys("Tab")
        app.wait_for("Tab on a selected block did not indent its lines",
                     src("def f(n):\n    return n + 1\n    if f(1):\n        y = 2\nprint(f(1))"))
        app.chord("shift", "Tab")
        app.wait_for("Shift+Tab on a selected block did not dedent its lines", src(program))

        # Copy to the X clipboard: another X client (xclip) reads what the app copied.
        app.chord("ctrl", "Home")
        app.chord("shift", "End")
        app.chord("ctrl", "c")
        copied = None
        for _ in range(40):
            copied = subprocess.run([a.xclip, "-o", "-selection", "clipboard"], capture_output=True, text=True, timeout=20).stdout
            if copied == "def f(n):":
                break
            time.sleep(0.25)
        expect(copied == "def f(n):", f"editor: the X clipboard holds {copied!r} after Ctrl+C, expected 'def f(n):'")
        # Paste from the X clipboard: another X client (xclip) owns it. Several lines, indented and
        # with a tab: pasted as they are, without the auto-indent that Enter and Tab keys get.
        pasted = "def g():\n    return 'pasted'\n\tprint\nprint(g())"
        subprocess.run([a.xclip, "-selection", "clipboard", "-i"], input=pasted, text=True, timeout=20,
                       stderr=subprocess.DEVNULL)   # it serves the selection until the display closes
        time.sleep(0.5)
        app.chord("ctrl", "End")
        app.keys("Return")
        app.chord("ctrl", "v")
        app.wait_for("Ctrl+V did not paste the X clipboard's text as it is", src(program + "\n" + pasted))
        app.chord("ctrl", "z")
        app.wait_for("Ctrl+Z did not undo the paste", src(program + "\n"))
        subprocess.run([a.xclip, "-selection", "clipboard", "-i"], input="print('pasted')", text=True, timeout=20,
                       stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        app.chord("ctrl", "v")
        final = program + "\nprint('pasted')"
        app.wait_for("Ctrl+V did not paste the X clipboard's text", src(final))

        # Ctrl+Enter records exactly what was typed.
        app.chord("ctrl", "Return")
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(final)
        steps = len(trace_of(a.closureviz, f.name))
        os.remove(f.name)
        d = app.wait_for(f"Ctrl+Enter did not record the typed program ({steps} steps)",
                         lambda d: d["mode"] == "visualize" and d["state"]["status"] == "ok" and d["state"]["step_count"] == steps)
        app.quit()
        return f"typed, indented, undone, redone, copied and pasted; the program was recorded ({steps} steps)"
    finally:
        app.kill()


def top_func(step):
    return step["stack"][-1]["func"] if step["stack"] else None


def gutter_point(d, line):
    g = d["ui"]["code_lines"]
    return g["gutter_x"] + g["gutter_w"] / 2, g["y"] + (line - 0.5) * g["line_height"]


def timeline_x(d, step, count):
    r = d["ui"]["widgets"]["timeline"]
    return r[0] + (step - 0.5) / count * r[2], r[1] + r[3] / 2


def case_navigation(a, config):
    program = os.path.join(HERE, "programs", "counter.py")
    steps = trace_of(a.closureviz, program)
    n = len(steps)
    line = 6   # `count += 1` in increment(), run twice
    bp = [s["step"] for s in steps if s["event"] == "line" and s["line"] == line]
    expect(len(bp) >= 2, f"navigation: line {line} of counter.py runs {len(bp)} times")
    app = App(a, "navigation", [program], config)
    try:
        step_is = lambda k: (lambda d: d["state"]["step"] == k)
        d = app.state()
        expect(d["state"]["step_count"] == n, f"navigation: {d['state']['step_count']} steps, the trace has {n}")
        app.click(*gutter_point(d, line))
        d = app.wait_for(f"a click on line number {line} did not set a breakpoint", lambda d: d["breakpoints"] == [line])
        app.click_widget(d, "next_breakpoint")
        app.wait_for(f"run to breakpoint did not stop at step {bp[0]}", step_is(bp[0]))
        app.click_widget(d, "next_breakpoint")
        app.wait_for(f"run to the next breakpoint did not stop at step {bp[1]}", step_is(bp[1]))
        app.click_widget(d, "previous_breakpoint")
        d = app.wait_for(f"back to breakpoint did not return to step {bp[0]}", step_is(bp[0]))

        # Next / previous call or return of the function running now (increment).
        here = bp[0]
        func = top_func(steps[here - 1])
        marks = [s["step"] for s in steps if s["event"] in ("call", "return") and top_func(s) == func]
        after = min(k for k in marks if k > here)
        before = max(k for k in marks if k < here)
        app.click_widget(d, "next_call")
        app.wait_for(f"next call/return of {func} is step {after}", step_is(after))
        app.click_widget(d, "previous_call")
        app.click_widget(d, "previous_call")
        app.wait_for(f"previous call/return of {func} (twice) is step {before}", step_is(before))

        # The timeline: a click jumps to the step under the pointer, a drag follows it.
        target = n // 2
        app.click(*timeline_x(d, target, n))
        app.wait_for(f"a click on the timeline did not jump to step {target}", step_is(target))
        x0, y = timeline_x(d, 3, n)
        x1, _ = timeline_x(d, n - 2, n)
        app.drag(x0, y, x1, y)
        app.wait_for(f"a drag along the timeline did not end at step {n - 2}", step_is(n - 2))

        app.click(*gutter_point(d, line))
        app.wait_for("a second click on the line number did not remove the breakpoint", lambda d: d["breakpoints"] == [])
        app.quit()
    finally:
        app.kill()

    # An object nothing refers to any more is drawn faded once, then dropped.
    fade = os.path.join(HERE, "programs", "fade.py")
    steps = trace_of(a.closureviz, fade)
    lists = [sum(1 for o in s["heap"].values() if o.get("t") == "list") for s in steps]
    gone = next((k for k in range(1, len(steps)) if lists[k] < lists[k - 1]), None)   # index of the step, 0-based
    expect(gone is not None, "navigation: fade.py never drops a list")
    k = gone + 1   # the step where the list became unreachable
    app = App(a, "fade", [fade, "--step", str(k - 1), "--view", "cells"], config)
    try:
        faded = lambda d: [b for b in d["diagram"]["boxes"] if b["faded"]]
        d = app.state()
        expect(not faded(d), f"fade: step {k - 1} already has faded boxes")
        app.keys("Right")
        d = app.wait_for(f"step {k}: the dropped list is not drawn faded",
                         lambda d: d["state"]["step"] == k and [b["object_kind"] for b in faded(d)] == ["list"])
        list_id = faded(d)[0]["id"]
        app.keys("Right")
        app.wait_for(f"step {k + 1}: the faded list is still drawn",
                     lambda d: d["state"]["step"] == k + 1 and all(b["id"] != list_id for b in d["diagram"]["boxes"]))
        app.quit()
    finally:
        app.kill()
    return (f"breakpoint on line {line}: steps {bp[0]}, {bp[1]}, back {bp[0]}; {func} call/return {after}, {before}; "
            f"timeline click {target}, drag {n - 2}; list faded at step {k}, dropped at {k + 1}")


def case_playback(a, config):
    program = os.path.join(HERE, "programs", "counter.py")
    steps = trace_of(a.closureviz, program)
    line = 10   # `return count` in peek(), run once near the end
    bp = [s["step"] for s in steps if s["event"] == "line" and s["line"] == line]
    app = App(a, "playback", [program], config)
    try:
        app.keys("space")
        app.wait_for("Space did not start playing", lambda d: d["ui"]["playing"] and d["state"]["step"] >= 3)
        app.keys("space")
        d = app.wait_for("Space did not pause", lambda d: not d["ui"]["playing"])
        paused_at = d["state"]["step"]
        time.sleep(1.5)
        d = app.state()
        expect(d["state"]["step"] == paused_at, f"playback: paused at step {paused_at}, then at {d['state']['step']}")
        # Playing stops at a breakpoint line, as a debugger's continue does.
        app.click(*gutter_point(d, line))
        app.wait_for(f"no breakpoint on line {line}", lambda d: d["breakpoints"] == [line])
        app.keys("Home")
        app.wait_for("Home did not go to step 1", lambda d: d["state"]["step"] == 1)
        app.keys("space")
        app.wait_for(f"playing did not stop at the breakpoint (step {bp[0]})",
                     lambda d: not d["ui"]["playing"] and d["state"]["step"] == bp[0], timeout=90)
        # The speed: Ctrl+click turns the slider into a text field.
        r = d["ui"]["widgets"]["speed"]
        app.xdo("keydown", "ctrl")
        time.sleep(0.25)
        app.click(r[0] + r[2] / 2, r[1] + r[3] / 2)
        app.xdo("keyup", "ctrl")
        app.wait_for("Ctrl+click on the speed slider did not make it a text field", lambda d: d["ui"]["text_input"])
        app.chord("ctrl", "a")
        app.type("20")
        app.keys("Return")
        app.wait_for("typing 20 into the speed slider did not set 20 steps/s", lambda d: abs(d["ui"]["play_speed"] - 20) < 1e-3)
        app.quit()
    finally:
        app.kill()
    return f"played and paused at step {paused_at}; stopped at the breakpoint, step {bp[0]}; speed set to 20 steps/s"


def box_centre(b, dy=None):
    x, y, w, h = b["screen"]
    return x + w / 2, y + (h / 2 if dy is None else dy)


def case_diagram(a, config):
    adder = os.path.join(HERE, "..", "..", "assets", "examples", "adder.py")
    app = App(a, "diagram", [adder, "--step", "9", "--view", "env"], config)
    try:
        d = app.state()
        dia = d["diagram"]
        # Hover the header of an object that arrows point to.
        targets = [i for i, b in enumerate(dia["boxes"])
                   if b["kind"] == "object" and any(ar["to"] == i and ar["kind"] != "scope_chain" for ar in dia["arrows"])]
        expect(targets, "diagram: no object with arrows into it at step 9")
        t = targets[0]
        into = sorted(j for j, ar in enumerate(dia["arrows"]) if ar["to"] == t and ar["kind"] != "scope_chain")
        sources = {dia["arrows"][j]["from"] for j in into}

        def hovered(d):
            boxes, arrows = d["diagram"]["boxes"], d["diagram"]["arrows"]
            lit = {i for i, b in enumerate(boxes) if b["highlighted"]}
            return (lit == {t} | sources and sorted(j for j, ar in enumerate(arrows) if ar["highlighted"]) == into)
        app.move(*box_centre(dia["boxes"][t], dy=6))
        app.wait_for(f"hovering box {t} ({dia['boxes'][t]['title']}) did not highlight it and the {len(into)} arrows into it", hovered)
        g = d["ui"]["code_lines"]
        app.move(g["text_x"] + 40, g["y"] + 5)
        app.wait_for("moving off the diagram did not clear the highlight",
                     lambda d: not any(b["highlighted"] for b in d["diagram"]["boxes"]))

        # Pan: drag on an empty part of the canvas.
        cx, cy, cw, ch = dia["canvas"]
        inside = lambda x, y: any(b["screen"][0] - 4 <= x <= b["screen"][0] + b["screen"][2] + 4 and
                                  b["screen"][1] - 4 <= y <= b["screen"][1] + b["screen"][3] + 4 for b in dia["boxes"])
        spot = next(((x, y) for y in range(int(cy + ch) - 20, int(cy), -20) for x in range(int(cx + cw) - 20, int(cx), -20)
                     if not inside(x, y) and not inside(x - 90, y - 60)), None)
        expect(spot, "diagram: no empty spot on the canvas")
        before = dia["offset"]
        app.drag(spot[0], spot[1], spot[0] - 90, spot[1] - 60)
        d = app.wait_for("dragging the canvas did not pan by the drag",
                         lambda d: not d["diagram"]["auto_fit"] and abs(d["diagram"]["offset"][0] - before[0] + 90) <= 12
                         and abs(d["diagram"]["offset"][1] - before[1] + 60) <= 12)
        # Ctrl+wheel: zoom by 1.15 about the pointer (the diagram point under it stays there).
        zoom, offset = d["diagram"]["zoom"], d["diagram"]["offset"]
        px, py = cx + cw / 2, cy + ch / 2
        app.move(px, py)
        under = ((px - cx - offset[0]) / zoom, (py - cy - offset[1]) / zoom)
        app.xdo("keydown", "ctrl")
        time.sleep(0.25)
        app.xdo("click", "4")
        time.sleep(0.4)
        app.xdo("keyup", "ctrl")

        def zoomed(d):
            z, o = d["diagram"]["zoom"], d["diagram"]["offset"]
            still = ((px - cx - o[0]) / z, (py - cy - o[1]) / z)
            return abs(z / zoom - 1.15) < 0.01 and abs(still[0] - under[0]) < 1 and abs(still[1] - under[1]) < 1
        d = app.wait_for("Ctrl+wheel did not zoom by 1.15 about the pointer", zoomed)
        zoom = d["diagram"]["zoom"]
        app.click_widget(d, "zoom_in")
        d = app.wait_for("the + button did not zoom by 1.2", lambda d: abs(d["diagram"]["zoom"] / zoom - 1.2) < 0.01)
        app.click_widget(d, "fit")
        app.wait_for("Fit did not return to fit-to-window", lambda d: d["diagram"]["auto_fit"])
        app.click_widget(d, "view_cells")
        d = app.wait_for("clicking Cells did not switch the view", lambda d: d["state"]["view"] == "cells" and d["diagram"]["view"] == "cells")
        expect(any(b.get("object_kind") == "cell" for b in d["diagram"]["boxes"]), "diagram: the cells view at step 9 draws no cell")
        app.click_widget(d, "view_env")
        app.wait_for("clicking Environment did not switch back", lambda d: d["diagram"]["view"] == "env")
        app.quit()
    finally:
        app.kill()
    return f"hover lit box {t} and {len(into)} arrows; panned, Ctrl+wheel 1.15x about the pointer, + 1.2x, Fit; views switched"


def case_present(a, config):
    app = App(a, "present", [], config)
    try:
        d = app.state()
        base = d["ui"]["code_font_pixels"]
        expect(d["state"]["step"] == 1 and "play" in d["ui"]["widgets"], "present: the app did not start at step 1 with its toolbar")
        app.keys("F5")
        d = app.wait_for("F5 did not start presentation mode with 1.5x text and no toolbar",
                         lambda d: d["presentation"] and abs(d["font_scale"] - 1.5) < 1e-3 and "play" not in d["ui"]["widgets"]
                         and abs(d["ui"]["code_font_pixels"] - base * 1.5) < 0.05)
        app.keys("Next", "Next", "Prior")
        app.wait_for("PageDown, PageDown, PageUp in presentation mode did not go to step 2", lambda d: d["state"]["step"] == 2)
        app.keys("Escape")
        app.wait_for("Esc did not leave presentation mode", lambda d: not d["presentation"] and abs(d["font_scale"] - 1) < 1e-3
                     and "play" in d["ui"]["widgets"])
        # Crisp text at any size: Ctrl+= rasterises the fonts again at 1.1x (no bitmap scaling).
        app.chord("ctrl", "equal")
        app.wait_for("Ctrl+= did not re-rasterise the fonts at 1.1x",
                     lambda d: abs(d["font_scale"] - 1.1) < 1e-3 and abs(d["ui"]["code_font_pixels"] - base * 1.1) < 0.05
                     and d["ui"]["font_global_scale"] == 1)
        app.quit()
    finally:
        app.kill()
    return f"F5: text rasterised at {base * 1.5:.1f} px (1.5x), PageDown/PageUp stepped, Esc left; Ctrl+= rasterised at {base * 1.1:.1f} px"


def case_files(a, config):
    work = tempfile.mkdtemp(prefix="cv-ui-files-")
    counter = os.path.join(HERE, "programs", "counter.py")
    decorator = os.path.abspath(os.path.join(HERE, "programs", "decorator.py"))
    saved = os.path.join(work, "saved.py")
    app = App(a, "files1", [counter], config)
    try:
        d = app.state()
        source = d["source"]
        app.click_widget(d, "menu_file")
        d = app.wait_for("File menu did not open", lambda d: "menu_save_as" in d["ui"]["widgets"])
        app.click_widget(d, "menu_save_as")
        app.wait_for("Save as did not open the dialog with its name field ready", lambda d: d["ui"]["dialog_open"] and d["ui"]["text_input"])
        app.chord("ctrl", "a")
        app.type(saved)
        app.keys("Return")
        app.wait_for("the Save dialog did not save", lambda d: d["ui"]["file"] == saved and d["ui"]["status_line"].startswith("Saved"))
        with open(saved) as f:
            expect(f.read() == source, "files: the saved file differs from the program")
        app.chord("ctrl", "o")
        app.wait_for("Ctrl+O did not open the dialog with its name field ready", lambda d: d["ui"]["dialog_open"] and d["ui"]["text_input"])
        app.chord("ctrl", "a")
        app.type(decorator)
        app.keys("Return")
        with open(decorator) as f:
            text = f.read()
        d = app.wait_for("the Open dialog did not open decorator.py",
                         lambda d: d["ui"]["program_name"] == "decorator.py" and d["source"] == text and d["state"]["step"] == 1)
        app.click_widget(d, "menu_view")
        d = app.wait_for("View menu did not open", lambda d: "theme_dark" in d["ui"]["widgets"])
        app.click_widget(d, "theme_dark")
        d = app.wait_for("the Dark theme item did not switch the theme", lambda d: d["ui"]["theme"] == "dark")
        r = d["ui"]["widgets"]["splitter"]
        ratio = d["ui"]["code_ratio"]
        app.drag(r[0] + r[2] / 2, r[1] + 200, r[0] + r[2] / 2 + 100, r[1] + 200)
        d = app.wait_for("dragging the splitter did not widen the code column", lambda d: d["ui"]["code_ratio"] > ratio + 0.05)
        ratio = d["ui"]["code_ratio"]
        app.xdo("windowsize", app.wid, "900", "640")
        time.sleep(1)
        app.quit()
    finally:
        app.kill()

    # A second run: the settings of the first (recent files, theme, window size, column split).
    app = App(a, "files2", [], config, size=False)
    try:
        d = app.state()
        recent = [decorator, saved, os.path.abspath(counter)]
        expect(d["ui"]["recent"] == recent, f"files: recent files {d['ui']['recent']}, expected {recent}")
        expect(d["ui"]["theme"] == "dark", f"files: theme {d['ui']['theme']} after a restart, expected dark")
        expect(abs(d["ui"]["code_ratio"] - ratio) < 1e-3, f"files: column split {d['ui']['code_ratio']}, expected {ratio}")
        geometry = dict(line.split("=", 1) for line in app.xdo("getwindowgeometry", "--shell", app.wid).split())
        expect((geometry["WIDTH"], geometry["HEIGHT"]) == ("900", "640"), f"files: window {geometry['WIDTH']}x{geometry['HEIGHT']} after a restart, expected 900x640")
        app.click_widget(d, "menu_file")
        d = app.wait_for("File menu did not open", lambda d: "menu_recent" in d["ui"]["widgets"])
        app.click_widget(d, "menu_recent")
        d = app.wait_for("Open recent did not open", lambda d: "recent_1" in d["ui"]["widgets"])
        app.click_widget(d, "recent_1")
        app.wait_for("Open recent > saved.py did not open it", lambda d: d["ui"]["program_name"] == "saved.py" and d["ui"]["file"] == saved)
        # Drag and drop: a file dropped on the window through the X drag-and-drop protocol (XDND).
        fade = os.path.abspath(os.path.join(HERE, "programs", "fade.py"))
        with open(fade) as f:
            text = f.read()
        drop = subprocess.run([sys.executable, os.path.join(HERE, "xdnd_drop.py"), app.wid, fade,
                               str(app.origin[0] + 300), str(app.origin[1] + 300)], capture_output=True, text=True, timeout=60)
        expect(drop.returncode == 0, f"files: the drop failed: {drop.stderr.strip()}")
        app.wait_for("a file dropped on the window was not opened",
                     lambda d: d["ui"]["program_name"] == "fade.py" and d["source"] == text and d["ui"]["recent"][0] == fade)
        app.quit()
    finally:
        app.kill()
        shutil.rmtree(work, ignore_errors=True)
    return ("saved and opened through the dialog, dark theme; after a restart: 3 recent files, dark, 900x640, split kept; "
            "Open recent; a file dropped through XDND opened")


def contrast(fg, bg):
    """WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21)."""
    def luminance(c):
        def channel(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def expected_markers(steps, k):
    """Python Tutor's two arrows for step k (1-based) of a trace: (line just executed, next line).
    At a return the returning line has just run and the next step's line is next; otherwise the
    step's line is next and the previous step's line has just run (the caller's line after a call)."""
    s = steps[k - 1]
    if s["event"] == "return":
        return s["line"], (steps[k]["line"] if k < len(steps) else 0)
    prev = k - 1
    if prev >= 1 and steps[prev - 1]["event"] == "call":
        prev -= 1
    return (steps[prev - 1]["line"] if prev >= 1 else 0), s["line"]


def cpython_report(a, name, source):
    """Writes `source` to OUT_DIR/name and runs python3 on it: (path, the line numbers of the
    `File "...", line N` entries of its error report, outermost first, the report's last line)."""
    path = os.path.join(a.out_dir, name)
    with open(path, "w") as f:
        f.write(source)
    report = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60).stderr.strip().splitlines()
    lines = [int(ln.split(", line ")[1].split(",")[0].split()[0]) for ln in report if ln.lstrip().startswith("File ")]
    return path, lines, report[-1]


def case_markers(a, config):
    # 1. The two line markers at every step of a small program with a call and a return.
    program = os.path.join(a.out_dir, "markers.py")
    with open(program, "w") as f:
        f.write("def double(x):\n    y = x * 2\n    return y\n\nn = double(4)\nprint(n)\n")
    steps = trace_of(a.closureviz, program)
    # Stated by hand as well as by rule, so that the rule itself is checked: entering double()
    # the call line 5 has just run and line 2 is next; at its return line 3 has just run and
    # line 6 is next.
    by_rule = [expected_markers(steps, k) for k in range(1, len(steps) + 1)]
    enter = next(k for k, s in enumerate(steps, 1) if s["event"] == "line" and s["line"] == 2)
    leave = next(k for k, s in enumerate(steps, 1) if s["event"] == "return" and s["line"] == 3)
    expect(by_rule[enter - 1] == (5, 2) and by_rule[leave - 1] == (3, 6), f"markers: rule gives {by_rule}")
    app = App(a, "markers", [program, "--theme", "projector"], config)
    seen = []
    try:
        d = app.state()
        for k in range(1, len(steps) + 1):
            if k > 1:
                app.keys("Right")
            d = app.wait_for(f"markers: step {k} not reached", lambda d: d["state"]["step"] == k)
            m = d["ui"]["code_markers"]
            seen.append((m["executed"], m["next"]))
            expect((m["executed"], m["next"]) == by_rule[k - 1],
                   f"markers: step {k} ({steps[k - 1]['event']} line {steps[k - 1]['line']}): executed/next "
                   f"{m['executed']}/{m['next']}, expected {by_rule[k - 1][0]}/{by_rule[k - 1][1]}")
            expect(m["error_line"] == 0, f"markers: step {k} has an error marker on line {m['error_line']}")
        # 2. The projector theme: every text colour against what it is drawn on at WCAG's enhanced
        # contrast (7:1), the inline values and muted text at least at 4.5:1.
        expect(d["ui"]["theme"] == "projector", f"markers: theme {d['ui']['theme']}")
        weak = {name: round(contrast(*pair), 2) for name, pair in d["ui"]["text_colors"].items()
                if contrast(*pair) < (4.5 if name in ("greyed frame text", "gutter numbers") else 7.0)}
        expect(len(d["ui"]["text_colors"]) >= 15, f"markers: only {len(d['ui']['text_colors'])} colour pairs dumped")
        expect(not weak, f"markers: projector theme colours below the contrast asked for: {weak}")
        lowest = min(contrast(*pair) for pair in d["ui"]["text_colors"].values())
        app.quit()
    finally:
        app.kill()

    # 3. A runtime error: at the exception step the raising line is marked with the exception; at
    # the last step the module's line is marked with CPython's last traceback line.
    failing, lines, last_line = cpython_report(
        a, "markers_error.py", "def ratio(a, b):\n    return a / b\n\nprint(ratio(6, 3))\nprint(ratio(1, 0))\n")
    module_line = lines[0]
    steps = trace_of(a.closureviz, failing)
    raised = next(k for k, s in enumerate(steps, 1) if s["event"] == "exception")
    app = App(a, "markers_error", [failing, "--step", str(raised)], config)
    try:
        d = app.wait_for(f"markers: step {raised} not shown", lambda d: d["state"]["step"] == raised)
        m = d["ui"]["code_markers"]
        expect(m["error_line"] == 2 and m["error_message"] == "ZeroDivisionError: division by zero",
               f"markers: at the exception step: line {m['error_line']}, message {m['error_message']!r}")
        app.keys("End")
        d = app.wait_for("markers: End did not reach the last step", lambda d: d["state"]["step"] == len(steps))
        m = d["ui"]["code_markers"]
        expect(m["error_line"] == module_line and m["error_message"] == last_line,
               f"markers: last step: line {m['error_line']} {m['error_message']!r}, CPython: line {module_line} {last_line!r}")
        app.quit()
    finally:
        app.kill()

    # 4. A syntax error: Edit mode stays, the line CPython reports is marked with its message.
    broken, lines, syntax_message = cpython_report(a, "markers_syntax.py", "def f(x):\n    return x +\n\nprint(f(1))\n")
    syntax_line = lines[-1]
    app = App(a, "markers_syntax", [broken], config)
    try:
        d = app.wait_for("markers: the syntax error is not marked",
                         lambda d: d["mode"] == "edit" and d["ui"]["code_markers"]["error_line"] > 0)
        m = d["ui"]["code_markers"]
        expect(m["error_line"] == syntax_line and syntax_message in m["error_message"],
               f"markers: syntax error at line {m['error_line']} {m['error_message']!r}, CPython: line {syntax_line} {syntax_message!r}")
        app.quit()
    finally:
        app.kill()
    return (f"executed/next markers right at all {len(seen)} steps; projector theme: lowest text contrast "
            f"{lowest:.1f}:1; runtime error marked at line 2 then {module_line}; syntax error at line {syntax_line}")


CASES = {"editor": case_editor, "navigation": case_navigation, "playback": case_playback, "diagram": case_diagram,
         "present": case_present, "files": case_files, "markers": case_markers}


def inner(a):
    failures = 0
    for name in a.cases or list(CASES):
        config = tempfile.mkdtemp(prefix=f"cv-ui-{name}-")
        t0 = time.time()
        try:
            print(f"ok {name}: {CASES[name](a, config)} ({time.time() - t0:.0f} s)", flush=True)
        except (Failure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
            failures += 1
            print(f"FAIL {name}: {e}", file=sys.stderr, flush=True)
        finally:
            shutil.rmtree(config, ignore_errors=True)
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--xvfb-run", required=True)
    ap.add_argument("--xdotool", required=True)
    ap.add_argument("--xclip", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("cases", nargs="*", help=", ".join(CASES))
    a = ap.parse_args()
    for c in a.cases:
        if c not in CASES:
            ap.error(f"unknown case {c}; cases: {', '.join(CASES)}")
    os.makedirs(a.out_dir, exist_ok=True)
    a.out_dir = os.path.abspath(a.out_dir)
    if a.inner:
        return inner(a)
    # Everything runs inside one X display of its own (xvfb-run -a picks a free one).
    cmd = [a.xvfb_run, "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", sys.executable, os.path.abspath(__file__), "--inner"]
    for opt in ("exe", "closureviz", "xvfb_run", "xdotool", "xclip", "out_dir"):
        cmd += ["--" + opt.replace("_", "-"), getattr(a, opt)]
    return subprocess.run(cmd + a.cases, stdin=subprocess.DEVNULL).returncode


if __name__ == "__main__":
    sys.exit(main())
