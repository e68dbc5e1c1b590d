#!/usr/bin/env python3
"""A receiver for the harness: webhooks (POST) and CloudFormation's custom resource responses (PUT to
a ResponseURL). Answers every request 204 and appends it to OUT as a JSON line ({"method": ...,
"path": ..., "headers": {...}, "body": "..."}). Prints nothing; runs until killed.

    receiver.py PORT OUT.jsonl
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, out = int(sys.argv[1]), sys.argv[2]


class Receiver(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        with open(out, "a") as f:
            f.write(json.dumps({"method": self.command, "path": self.path,
                                "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}) + "\n")
        self.send_response(204)
        self.end_headers()

    do_PUT = do_POST


ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
