#!/usr/bin/env python3
"""Serve the web build on 127.0.0.1 (used by scripts/run.sh). Prints the URL once the port is bound.

    serve.py DIR [PORT]
"""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript"}

    def end_headers(self):
        # A rebuild must show up on reload: never let the browser reuse an old .wasm or .data.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    site, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 8000
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=site))
    except OSError as e:
        sys.exit(f"closureviz: cannot listen on 127.0.0.1:{port}: {e.strerror} "
                 f"(stop what uses it, or run PORT=<other port> scripts/run.sh)")
    print(f"closureviz: serving {site}", flush=True)
    print(f"closureviz: open http://127.0.0.1:{port}/ in a browser (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
