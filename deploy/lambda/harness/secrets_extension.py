#!/usr/bin/env python3
"""A local stand-in for the AWS Parameters and Secrets Lambda Extension, as much as Box Office asks of
it: GET /secretsmanager/get?secretId=ID with the function's session token in
X-Aws-Parameters-Secrets-Token answers {"ARN", "Name", "SecretString", "VersionId"} from SECRETS.json
(an object of secret id to SecretString), 401 for another token, 400 for an unknown secret. It appends
each request to LOG.jsonl ({"secret_id", "token_ok"}) and runs until killed. It answers from memory: the
real extension's first request of a secret goes to Secrets Manager.

    secrets_extension.py PORT TOKEN SECRETS.json LOG.jsonl
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

port, token, secrets_file, log = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(secrets_file) as f:
    secrets = json.load(f)


class Extension(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlparse(self.path)
        secret_id = parse_qs(url.query).get("secretId", [""])[0]
        token_ok = self.headers.get("X-Aws-Parameters-Secrets-Token") == token
        with open(log, "a") as f:
            f.write(json.dumps({"secret_id": secret_id, "token_ok": token_ok}) + "\n")
        if url.path != "/secretsmanager/get":
            status, body = 404, b"not found"
        elif not token_ok:
            status, body = 401, b"unauthorized"
        elif secret_id not in secrets:
            status, body = 400, b"secret not found"
        else:
            status = 200
            body = json.dumps({"ARN": secret_id, "Name": secret_id.rsplit(":", 1)[-1],
                               "SecretString": secrets[secret_id], "VersionId": "v1"}).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer(("127.0.0.1", port), Extension).serve_forever()
