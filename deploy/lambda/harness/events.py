#!/usr/bin/env python3
"""Writes the API Gateway v2 (HTTP API) events that runtime_api.py feeds a Lambda function, as a JSON
list, for one of these scenarios:

    check     the harness's checks: create an event, book, a taken seat (409), a bad seat (400),
              an unknown event (404), the seat counts
    training  the AOT cache's training run: ROUNDS rounds of every path (create, read, list, hold
              best-available and chosen seats, confirm, release, book, cancel, their errors, and the
              scheduled run)
    cold      the cold-start benchmark: create an event (the first answer timed), then WARM warm
              requests (book and read, alternating)
    scheduled subscribe a webhook at RECEIVER_URL to hold.expired, hold a seat, and once the hold has
              expired (run the function with BOXOFFICE_HOLD_TTL=PT2S) send the template's every-minute
              schedule event, the POST /scheduled that tells of it and delivers
    custom-resource  for the migrate function, what CloudFormation sends for the template's
              SchemaMigration: Create, Update (a new CodeVersion), Delete, each with a ResponseURL
              under RESPONSE_URL (RESPONSE_URL/create, /update, /delete)

    events.py SCENARIO OUT.json [ROUNDS or WARM]

In an event, ${event_id}, ${hold_id} and ${booking_id} stand for the latest such id answered
(runtime_api.py fills them in); "x-harness-wait-seconds" makes it wait before handing one out. With
BEARER_TOKEN set, every event carries it.
"""
import datetime
import json
import os
import re
import sys

TEMPLATE = os.path.join(os.path.dirname(__file__), "..", "template.yaml")


def event(method, path, body=None, query=""):
    e = {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query,
         "headers": {"content-type": "application/json", "accept": "application/json"},
         "requestContext": {"accountId": "123456789012", "apiId": "boxoffice", "domainName": "localhost",
                            "requestId": "harness", "routeKey": "$default", "stage": "$default", "timeEpoch": 0,
                            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                     "sourceIp": "127.0.0.1", "userAgent": "harness"}},
         "isBase64Encoded": False}
    if os.environ.get("BEARER_TOKEN"):
        e["headers"]["authorization"] = "Bearer " + os.environ["BEARER_TOKEN"]
    if query:
        e["queryStringParameters"] = dict(p.split("=", 1) for p in query.split("&"))
    if body is not None:
        e["body"] = json.dumps(body)
    return e


DATE = (datetime.date.today() + datetime.timedelta(days=365)).isoformat() + " 19:00"
UNKNOWN = "00000000-0000-7000-8000-000000000000"


def new_event(seats=10):
    return event("POST", "/events", {"name": "Lambda Live", "date_time": DATE, "venue": "Cloud Hall",
                                     "total_seats": seats})


def check():
    return [
        new_event(),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [1, 2]}),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [2, 3]}),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [0]}),
        event("GET", f"/events/{UNKNOWN}/seats"),
        event("GET", "/events/${event_id}/seats"),
    ]


def training(rounds):
    one = [
        new_event(40),
        event("GET", "/events/${event_id}"),
        event("GET", "/events", query="venue=Cloud%20Hall&limit=5"),
        event("POST", "/holds", {"event_id": "${event_id}", "quantity": 2}),
        event("GET", "/holds/${hold_id}"),
        event("POST", "/bookings", {"hold_id": "${hold_id}"}),
        event("POST", "/bookings", {"hold_id": "${hold_id}"}),
        event("POST", "/holds", {"event_id": "${event_id}", "seats": [10, 11]}),
        event("DELETE", "/holds/${hold_id}"),
        event("POST", "/holds", {"event_id": "${event_id}", "seats": [20, 21]}),
        event("POST", "/holds", {"event_id": "${event_id}", "seats": [21]}),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [30, 31]}),
        event("GET", "/bookings/${booking_id}"),
        event("POST", "/bookings/${booking_id}/cancel"),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [20]}),
        event("POST", "/bookings", {"event_id": "${event_id}", "seats": [0]}),
        event("POST", "/events", {"name": "", "date_time": "yesterday", "venue": "x", "total_seats": -1}),
        event("GET", "/bookings", query="limit=3"),
        event("GET", "/events/${event_id}/seats"),
        event("GET", "/events/${event_id}/seats/available"),
        event("GET", f"/events/{UNKNOWN}"),
        event("GET", f"/bookings/{UNKNOWN}"),
        event("POST", "/scheduled"),
    ]
    return one * rounds


def cold(warm):
    follow = [event("POST", "/bookings", {"event_id": "${event_id}", "seats": [n + 1]}) if n % 2 == 0
              else event("GET", "/events/${event_id}/seats") for n in range(warm)]
    return [new_event(1000)] + follow


def schedule_event():
    """The event the SAM template's every-minute schedule sends: its Input, a one-line JSON string."""
    with open(TEMPLATE) as f:
        inputs = re.findall(r"^\s*Input: '(.*)'\s*$", f.read(), re.MULTILINE)
    assert inputs and all(i == inputs[0] for i in inputs), "the template's schedules differ: " + str(inputs)
    return json.loads(inputs[0])


def scheduled():
    tick = schedule_event()
    tick["x-harness-wait-seconds"] = 3
    return [
        event("POST", "/webhooks", {"url": os.environ["RECEIVER_URL"], "events": ["hold.expired"]}),
        new_event(),
        event("POST", "/holds", {"event_id": "${event_id}", "seats": [4]}),
        tick,
    ]


def custom_resource():
    stack = "arn:aws:cloudformation:us-east-1:123456789012:stack/boxoffice/0a1b2c3d"
    token = "arn:aws:lambda:us-east-1:123456789012:function:boxoffice-BoxOfficeMigrate"

    def request(kind, version, old_version=None):
        e = {"RequestType": kind, "ServiceToken": token, "ResponseURL": f"{os.environ['RESPONSE_URL']}/{kind.lower()}"
             "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0f1e", "StackId": stack,
             "RequestId": f"request-{kind.lower()}", "LogicalResourceId": "SchemaMigration",
             "ResourceType": "AWS::CloudFormation::CustomResource",
             "ResourceProperties": {"ServiceToken": token, "ServiceTimeout": "960", "CodeVersion": f"{token}:{version}"}}
        if kind != "Create":
            e["PhysicalResourceId"] = "boxoffice-schema"
        if old_version:
            e["OldResourceProperties"] = {"ServiceToken": token, "ServiceTimeout": "960",
                                          "CodeVersion": f"{token}:{old_version}"}
        return e

    return [request("Create", 1), request("Update", 2, 1), request("Delete", 2)]


if __name__ == "__main__":
    scenario, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else None
    events = {"check": check, "training": lambda: training(count or 20), "cold": lambda: cold(count or 20),
              "scheduled": scheduled, "custom-resource": custom_resource}[scenario]()
    with open(out, "w") as f:
        json.dump(events, f)
