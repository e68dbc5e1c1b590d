#!/usr/bin/env python3
"""A small local stand-in for the AWS Lambda Runtime API (2018-06-01), enough for one function run:
it hands out the events of a JSON file one by one on /runtime/invocation/next, records each
/response (or /error) in an output JSON file, and stops once every event is answered. In an event,
the text ${event_id} (${hold_id}, ${booking_id}) becomes the event_id (hold_id, booking_id) of the
latest answer that carried one; an event with "x-harness-wait-seconds" is handed out that much later. Each result also holds when its event was handed out and answered
(handed_ns, answered_ns: nanoseconds since the epoch) and, given PID_FILE (a file that will hold the
function's process id), the function's resident memory at the answer (rss_kib).

    runtime_api.py PORT EVENTS.json RESULTS.json [PID_FILE]
"""
import json
import re
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, events_file, results_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pid_file = sys.argv[4] if len(sys.argv) > 4 else None
with open(events_file) as f:
    events = json.load(f)
pending = list(enumerate(events))
ids = {}
handed = {}
latest = {}
results = [None] * len(events)
PLACEHOLDER = re.compile(r"\$\{(event_id|hold_id|booking_id)\}")
lock = threading.Lock()
all_answered = threading.Event()
next_event = threading.Condition(lock)


def rss_kib():
    """The function's resident memory now, if its process id is known."""
    try:
        with open(pid_file) as f:
            pid = f.read().strip()
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (TypeError, OSError, StopIteration, ValueError):
        return None


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
            wait = event.pop("x-harness-wait-seconds", 0) if isinstance(event, dict) else 0
        time.sleep(wait)
        with next_event:
            request_id = str(uuid.uuid4())
            ids[request_id] = index
            handed[index] = time.time_ns()
            text = PLACEHOLDER.sub(lambda m: latest.get(m.group(1), m.group(0)), json.dumps(event))
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
            answered = time.time_ns()
            with lock:
                answer = json.loads(body) if body.startswith("{") else body
                index = ids[request_id]
                results[index] = {outcome: answer, "handed_ns": handed[index], "answered_ns": answered,
                                  "rss_kib": rss_kib()}
                try:
                    fields = json.loads(answer["body"])
                except (TypeError, KeyError, ValueError):
                    fields = {}
                for name in ("event_id", "hold_id", "booking_id"):
                    if isinstance(fields, dict) and fields.get(name):
                        latest[name] = fields[name]
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
