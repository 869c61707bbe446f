#!/usr/bin/env python3
"""Drops a file onto an X window the way a file manager does: the XDND protocol (version 5) as a
drag source, through python3-xlib. For the desktop test of drag and drop (desktop_ui_test.py).

    xdnd_drop.py WINDOW_ID FILE X Y      (X, Y: where, in root-window coordinates)

Exits 0 once the target has fetched the file's URI and said it finished, 1 (with a message) when it
refused the drop or did not answer within 20 seconds.
"""
import sys
import time
import urllib.parse

try:
    from Xlib import X, display, protocol
except ImportError:
    # python3-xlib is a Debian package (pure Python): found there when the interpreter running the
    # tests is another Python 3 than Debian's own.
    sys.path.append("/usr/lib/python3/dist-packages")
    from Xlib import X, display, protocol


def main():
    if len(sys.argv) != 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    target_id, path, x, y = int(sys.argv[1], 0), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    d = display.Display()
    atom = lambda name: d.intern_atom(name)
    uri_list = atom("text/uri-list")
    selection = atom("XdndSelection")
    copy = atom("XdndActionCopy")
    target = d.create_resource_object("window", target_id)
    source = d.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
    source.set_selection_owner(selection, X.CurrentTime)
    data = ("file://" + urllib.parse.quote(path) + "\r\n").encode()

    def send(name, values):
        event = protocol.event.ClientMessage(window=target, client_type=atom(name), data=(32, values + [0] * (5 - len(values))))
        target.send_event(event, propagate=False)
        d.flush()

    send("XdndEnter", [source.id, 5 << 24, uri_list])
    send("XdndPosition", [source.id, 0, (x << 16) | y, X.CurrentTime, copy])
    dropped = False
    end = time.time() + 20
    while time.time() < end:
        if not d.pending_events():
            time.sleep(0.02)
            continue
        e = d.next_event()
        if e.type == X.ClientMessage and e.client_type == atom("XdndStatus"):
            if not dropped:
                if not e.data[1][1] & 1:
                    print("xdnd_drop: the window does not accept the drop", file=sys.stderr)
                    return 1
                send("XdndDrop", [source.id, 0, X.CurrentTime])
                dropped = True
        elif e.type == X.SelectionRequest:
            # The target asks for the dragged data: the file's URI.
            ok = e.target == uri_list
            if ok:
                e.requestor.change_property(e.property, uri_list, 8, data)
            reply = protocol.event.SelectionNotify(time=e.time, requestor=e.requestor, selection=e.selection,
                                                   target=e.target, property=e.property if ok else X.NONE)
            e.requestor.send_event(reply)
            d.flush()
        elif e.type == X.ClientMessage and e.client_type == atom("XdndFinished"):
            return 0
    print("xdnd_drop: no answer from the window within 20 s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
