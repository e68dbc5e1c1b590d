#!/usr/bin/env python3
"""A small local stand-in for the AWS Lambda Runtime API (2018-06-01), enough for one function run:
it hands out the events of a JSON file one by one on /runtime/invocation/next, records each
/response (or /error) in an output JSON file, and stops once every event is answered. In an event,
the text ${event_id} becomes the event_id of the first answer that carried one.

    runtime_api.py PORT EVENTS.json RESULTS.json
"""
import json
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, events_file, results_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(events_file) as f:
    events = json.load(f)
pending = list(enumerate(events))
ids = {}
created_event_id = []
results = [None] * len(events)
lock = threading.Lock()
all_answered = threading.Event()
next_event = threading.Condition(lock)


class RuntimeApi(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.endswith("/runtime/invocation/next"):
            return self.send_error(404)
        with next_event:
            while not pending:
                next_event.wait()
            index, event = pending.pop(0)
            request_id = str(uuid.uuid4())
            ids[request_id] = index
            text = json.dumps(event)
            if created_event_id:
                text = text.replace("${event_id}", created_event_id[0])
        body = text.encode()
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
        self.send_header("Lambda-Runtime-Deadline-Ms", "9999999999999")
        self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                         "arn:aws:lambda:us-east-1:123456789012:function:boxoffice")
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        parts = self.path.split("/")
        if "init" in parts:
            with lock:
                results[:] = [{"init_error": body}] * len(results)
            all_answered.set()
        else:
            request_id, outcome = parts[-2], parts[-1]
            with lock:
                answer = json.loads(body) if body.startswith("{") else body
                results[ids[request_id]] = {outcome: answer}
                try:
                    found = json.loads(answer["body"]).get("event_id")
                except (TypeError, KeyError, ValueError, AttributeError):
                    found = None
                if found and not created_event_id:
                    created_event_id.append(found)
                if all(r is not None for r in results):
                    all_answered.set()
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()


server = ThreadingHTTPServer(("127.0.0.1", port), RuntimeApi)
threading.Thread(target=server.serve_forever, daemon=True).start()
answered = all_answered.wait(timeout=180)
with open(results_file, "w") as f:
    json.dump(results, f, indent=2)
server.shutdown()
sys.exit(0 if answered else 1)
