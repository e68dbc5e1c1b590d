// The seat map page: lists upcoming events, draws one event's seats as SVG from GET /events/{id}/seatmap,
// and holds, confirms or releases seats through the API. Plain JavaScript: no build step, nothing
// downloaded at run time.
"use strict";

const SEAT = 16;          // size of a seat's square, in SVG units
const GAP = 4;            // space between seats
const LABEL = 90;         // room left of a row for its label
const PER_LINE = 50;      // seats drawn on one line before a long row wraps
const REFRESH_MS = 5000;  // how often availability is read again while an event is open

const state = {
  token: sessionStorage.getItem("boxoffice.token") || "",
  event: null,
  plan: null,
  selected: new Set(),
  hold: null,
  refreshTimer: null,
  countdownTimer: null,
};

const $ = (id) => document.getElementById(id);

/** Calls the API; answers the parsed JSON, or throws an Error carrying the problem's detail. */
async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (state.token) {
    headers["Authorization"] = "Bearer " + state.token;
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401) {
    $("token-form").hidden = false;
  }
  if (!response.ok) {
    const errors = json && json.errors ? " " + json.errors.map((e) => e.field + " " + e.message).join("; ") : "";
    throw new Error((json && json.detail ? json.detail : response.statusText) + errors);
  }
  return json;
}

function say(text, isError) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

/** Lists upcoming events, soonest first; with a cursor, the next page below those shown. */
async function loadEvents(cursor) {
  try {
    const query = "/events?limit=100&from=" + encodeURIComponent(new Date().toISOString())
      + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    const page = await api("GET", query);
    const list = $("event-list");
    if (!cursor) {
      list.replaceChildren();
    }
    for (const event of page.items) {
      const item = document.createElement("li");
      const open = document.createElement("button");
      open.type = "button";
      open.textContent = event.name + ", " + event.venue + ", " + new Date(event.date_time).toLocaleString();
      open.addEventListener("click", () => openEvent(event.event_id));
      item.append(open);
      list.append(item);
    }
    $("no-events").hidden = list.children.length > 0;
    $("more-events").hidden = !page.next_cursor;
    $("more-events").onclick = () => loadEvents(page.next_cursor);
  } catch (error) {
    say("Could not list the events: " + error.message, true);
  }
}

async function openEvent(eventId) {
  try {
    state.event = await api("GET", "/events/" + eventId);
    state.selected.clear();
    $("events").hidden = true;
    $("event").hidden = false;
    $("event-title").textContent = state.event.name;
    $("event-details").textContent = state.event.venue + ", " + new Date(state.event.date_time).toLocaleString()
      + ", " + state.event.total_seats + " seats";
    await refresh();
    clearInterval(state.refreshTimer);
    state.refreshTimer = setInterval(refresh, REFRESH_MS);
  } catch (error) {
    say("Could not open the event: " + error.message, true);
  }
}

async function refresh() {
  if (!state.event) {
    return;
  }
  const id = state.event.event_id;
  const [plan, counts] = await Promise.all([api("GET", "/events/" + id + "/seatmap"), api("GET", "/events/" + id + "/seats")]);
  $("counts").textContent = counts.available_seats + " free, " + counts.held_seats + " held, "
    + counts.booked_seats + " booked of " + counts.total_seats;
  state.plan = plan;
  draw(plan);
}

/** Whether a seat lies in one of the [first, last] ranges. */
function within(ranges, seat) {
  return ranges.some(([first, last]) => seat >= first && seat <= last);
}

function statusOf(row, seat) {
  if (state.hold && state.hold.seats.includes(seat)) {
    return "mine";
  }
  if (within(row.free, seat)) {
    return state.selected.has(seat) ? "selected" : "free";
  }
  return within(row.held, seat) ? "held" : "booked";
}

const WORDS = { free: "free", selected: "selected", mine: "held for you", held: "held", booked: "booked" };

function draw(plan) {
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Seat map");
  let y = 0;
  let width = 0;
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.seat : null;
  for (const section of plan.sections) {
    y += 18;
    const title = document.createElementNS(svgNs, "text");
    title.setAttribute("x", 0);
    title.setAttribute("y", y);
    title.setAttribute("class", "section-name");
    title.textContent = section.name + (section.category ? " (category " + section.category + ")" : "");
    svg.append(title);
    y += 8;
    for (const row of section.rows) {
      const group = document.createElementNS(svgNs, "g");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", section.name + ", row " + row.label);
      const [first, last] = row.seats;
      const label = document.createElementNS(svgNs, "text");
      label.setAttribute("x", 0);
      label.setAttribute("y", y + SEAT - 4);
      label.textContent = "Row " + row.label;
      group.append(label);
      for (let seat = first; seat <= last; seat++) {
        const index = seat - first;
        if (index > 0 && index % PER_LINE === 0) {
          y += SEAT + GAP;
        }
        const status = statusOf(row, seat);
        const rect = document.createElementNS(svgNs, "rect");
        const x = LABEL + (index % PER_LINE) * (SEAT + GAP);
        rect.setAttribute("x", x);
        rect.setAttribute("y", y);
        rect.setAttribute("width", SEAT);
        rect.setAttribute("height", SEAT);
        rect.setAttribute("rx", 3);
        rect.setAttribute("class", "seat " + status);
        rect.setAttribute("role", "checkbox");
        rect.setAttribute("tabindex", status === "free" || status === "selected" ? "0" : "-1");
        rect.setAttribute("aria-checked", status === "selected" ? "true" : "false");
        rect.setAttribute("aria-disabled", status === "free" || status === "selected" ? "false" : "true");
        rect.setAttribute("aria-label", section.name + ", row " + row.label + ", seat " + (index + 1) + ": " + WORDS[status]);
        rect.dataset.seat = seat;
        rect.dataset.status = status;
        const tooltip = document.createElementNS(svgNs, "title");
        tooltip.textContent = rect.getAttribute("aria-label");
        rect.append(tooltip);
        rect.addEventListener("click", () => toggle(seat, rect.dataset.status));
        rect.addEventListener("keydown", (key) => {
          if (key.key === " " || key.key === "Enter") {
            key.preventDefault();
            toggle(seat, rect.dataset.status);
          }
        });
        group.append(rect);
        width = Math.max(width, x + SEAT);
      }
      svg.append(group);
      y += SEAT + GAP;
    }
  }
  svg.setAttribute("width", width + GAP);
  svg.setAttribute("height", y + GAP);
  $("seatmap").replaceChildren(svg);
  if (focused) {
    const again = svg.querySelector('[data-seat="' + focused + '"]');
    if (again) {
      again.focus();
    }
  }
  $("hold-selected").disabled = state.selected.size === 0;
}

function toggle(seat, status) {
  if (status !== "free" && status !== "selected") {
    return;
  }
  if (state.selected.has(seat)) {
    state.selected.delete(seat);
  } else {
    state.selected.add(seat);
  }
  draw(state.plan);
}

async function placeHold(body) {
  try {
    const hold = await api("POST", "/holds", Object.assign({ event_id: state.event.event_id }, body));
    // Counted on this browser's clock from the hold's own life, so a server clock set differently does not matter.
    hold.deadline = Date.now() + (Date.parse(hold.expires_at) - Date.parse(hold.created_at));
    state.hold = hold;
    state.selected.clear();
    showHold();
    say("Held " + describe(hold) + ". Confirm before the time runs out.");
    await refresh();
  } catch (error) {
    say("Could not hold the seats: " + error.message, true);
  }
}

function describe(hold) {
  if (hold.places) {
    return hold.places.map((p) => p.section + " row " + p.row + " seat " + p.number).join(", ");
  }
  return "seats " + hold.seats.join(", ");
}

function showHold() {
  $("hold").hidden = !state.hold;
  clearInterval(state.countdownTimer);
  if (!state.hold) {
    return;
  }
  $("hold-seats").textContent = describe(state.hold);
  const tick = () => {
    const left = Math.max(0, Math.floor((state.hold.deadline - Date.now()) / 1000));
    $("countdown").textContent = "Expires in " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left === 0) {
      say("Your hold expired; its seats are free again.", true);
      state.hold = null;
      showHold();
      refresh();
    }
  };
  tick();
  state.countdownTimer = setInterval(tick, 1000);
}

async function confirmHold() {
  try {
    const booking = await api("POST", "/bookings", { hold_id: state.hold.hold_id });
    say("Booked " + describe(booking) + " (booking " + booking.booking_id + ").");
    state.hold = null;
    showHold();
    await refresh();
  } catch (error) {
    say("Could not confirm: " + error.message, true);
  }
}

async function releaseHold() {
  try {
    await api("DELETE", "/holds/" + state.hold.hold_id);
    say("Released; the seats are free again.");
    state.hold = null;
    showHold();
    await refresh();
  } catch (error) {
    say("Could not release: " + error.message, true);
  }
}

function backToEvents() {
  clearInterval(state.refreshTimer);
  state.event = null;
  $("event").hidden = true;
  $("events").hidden = false;
  loadEvents();
}

document.addEventListener("DOMContentLoaded", () => {
  $("token").value = state.token;
  $("token-form").hidden = !state.token;
  $("token-form").addEventListener("submit", (submit) => {
    submit.preventDefault();
    state.token = $("token").value.trim();
    sessionStorage.setItem("boxoffice.token", state.token);
    say(state.token ? "Using your token." : "No token.");
    loadEvents();
  });
  $("hold-selected").addEventListener("click", () => placeHold({ seats: [...state.selected].sort((a, b) => a - b) }));
  $("hold-best").addEventListener("click", () => placeHold({ quantity: Number($("quantity").value) }));
  $("confirm").addEventListener("click", confirmHold);
  $("release").addEventListener("click", releaseHold);
  $("back").addEventListener("click", backToEvents);
  loadEvents();
});
