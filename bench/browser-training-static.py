#!/usr/bin/env python3
"""Serves the folder bench/browser-training-static.ts wrote and prints each reply the page POSTs.

usage: browser-training-static.py <dir> <port>; exits when the page POSTs /done (or after 20 min).
"""
import http.server, json, sys, threading, functools

folder, port = sys.argv[1], int(sys.argv[2])
done = threading.Event()


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, '.wasm': 'application/wasm', '.js': 'text/javascript'}

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('content-length', 0)))
        if self.path == '/result':
            print(json.dumps(json.loads(body)), flush=True)
        elif self.path == '/done':
            done.set()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(Handler, directory=folder))
threading.Thread(target=server.serve_forever, daemon=True).start()
done.wait(timeout=1200)
server.shutdown()
