// The seat map page: lists upcoming events, draws one event's seats as SVG from GET /events/{id}/seatmap
// with their prices, holds, confirms or releases seats through the API, offers the waiting list when an
// event is sold out, and shows a booking's tickets with their QR codes. #event=<id> opens one event
// directly. Plain JavaScript: no build step, nothing downloaded at run time.
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
  entry: null,
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

/** An amount in the currency's minor unit, written as people read it: 12000 EUR is €120.00. */
function money(amount, currency, decimals) {
  if (!currency) {
    return "free";
  }
  return new Intl.NumberFormat(undefined, { style: "currency", currency: currency, minimumFractionDigits: decimals,
    maximumFractionDigits: decimals }).format(amount / Math.pow(10, decimals));
}

/** The price of a seat of a section with this category, in minor units; null for a free event. */
function priceOf(category) {
  const pricing = state.event && state.event.pricing;
  if (!pricing) {
    return null;
  }
  return category && pricing.categories && pricing.categories[category] !== undefined
    ? pricing.categories[category] : pricing.default;
}

function eventMoney(amount) {
  const pricing = state.event.pricing;
  return money(amount, pricing.currency, pricing.decimals);
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
      if (event.status === "cancelled") {
        // Marked, and not offered: nothing of a cancelled event can be held or booked.
        item.className = "cancelled";
        open.textContent += " (cancelled)";
        open.disabled = true;
      } else {
        open.addEventListener("click", () => openEvent(event.event_id));
      }
      const link = document.createElement("a");
      link.href = "#event=" + event.event_id;
      link.textContent = "link";
      link.setAttribute("aria-label", "Link to " + event.name);
      item.append(open, link);
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
    state.entry = null;
    $("events").hidden = true;
    $("event").hidden = false;
    $("tickets").hidden = true;
    $("waitlist-status").textContent = "";
    if (location.hash !== "#event=" + eventId) {
      history.replaceState(null, "", "#event=" + eventId);
    }
    $("event-link").href = "#event=" + eventId;
    $("event-title").textContent = state.event.name;
    $("event-details").textContent = state.event.venue + ", " + new Date(state.event.date_time).toLocaleString()
      + ", " + state.event.total_seats + " seats";
    const cancelled = state.event.status === "cancelled";
    $("cancelled-banner").hidden = !cancelled;
    document.querySelector("#event .actions").hidden = cancelled;
    showPrices();
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
  $("waitlist").hidden = state.event.status === "cancelled" || (counts.available_seats > 0 && !state.entry);
  if (state.entry) {
    await followEntry();
  }
}

/** The event's prices per category, as a legend above the map. */
function showPrices() {
  const list = $("prices");
  list.replaceChildren();
  const pricing = state.event.pricing;
  list.hidden = !pricing;
  if (!pricing) {
    return;
  }
  const categories = Object.keys(pricing.categories || {}).sort();
  for (const category of categories) {
    const item = document.createElement("li");
    item.textContent = "Category " + category + ": " + eventMoney(pricing.categories[category]);
    list.append(item);
  }
  if (pricing.default !== undefined && pricing.default !== null && (categories.length === 0 || !state.event.layout
      || state.event.layout.sections.some((section) => !section.category || !(section.category in pricing.categories)))) {
    const item = document.createElement("li");
    item.textContent = (categories.length ? "Other seats: " : "Every seat: ") + eventMoney(pricing.default);
    list.append(item);
  }
}

/** Where the caller's waiting-list entry stands; an offer becomes the hold on this page. */
async function followEntry() {
  const entry = await api("GET", "/events/" + state.event.event_id + "/waitlist/" + state.entry.entry_id);
  state.entry = entry;
  if (entry.status === "waiting") {
    $("waitlist-status").textContent = "You are number " + entry.position + " on the waiting list for "
      + entry.quantity + (entry.quantity === 1 ? " seat." : " seats.");
  } else if (entry.status === "offered") {
    $("waitlist-status").textContent = "Seats came free for you: book them before the offer runs out.";
    if (!state.hold || state.hold.hold_id !== entry.hold_id) {
      const hold = await api("GET", "/holds/" + entry.hold_id);
      // Offered a while ago, perhaps: counted to the offer's end on the server's clock.
      hold.deadline = Date.parse(hold.expires_at);
      state.hold = hold;
      showHold();
      say("Seats came free for you: " + describe(hold) + ". Confirm before the time runs out.");
      draw(state.plan);
    }
  } else {
    $("waitlist-status").textContent = "Your place on the waiting list: " + entry.status + ".";
  }
}

async function joinWaitlist() {
  try {
    state.entry = await api("POST", "/events/" + state.event.event_id + "/waitlist",
      { quantity: Number($("waitlist-quantity").value) });
    say("You are on the waiting list.");
    await followEntry();
  } catch (error) {
    say("Could not join the waiting list: " + error.message, true);
  }
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
    const price = priceOf(section.category);
    const title = document.createElementNS(svgNs, "text");
    title.setAttribute("x", 0);
    title.setAttribute("y", y);
    title.setAttribute("class", "section-name");
    title.textContent = section.name + (section.category ? " (category " + section.category + ")" : "")
      + (price === null ? "" : ", " + eventMoney(price) + " a seat");
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
        rect.setAttribute("aria-label", section.name + ", row " + row.label + ", seat " + (index + 1) + ": " + WORDS[status]
          + (price === null ? "" : ", " + eventMoney(price)));
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
  // Wide enough for a section's name and price above a short row.
  width = Math.max(width, 360);
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
  showSelectionTotal(plan);
}

/** How many seats are selected and, for a priced event, what they cost: the total before holding. */
function showSelectionTotal(plan) {
  if (state.selected.size === 0) {
    $("selection-total").textContent = "";
    return;
  }
  let total = 0;
  for (const section of plan.sections) {
    for (const row of section.rows) {
      for (const seat of state.selected) {
        if (seat >= row.seats[0] && seat <= row.seats[1]) {
          total += priceOf(section.category) || 0;
        }
      }
    }
  }
  $("selection-total").textContent = state.selected.size + (state.selected.size === 1 ? " seat" : " seats")
    + " selected" + (state.event.pricing ? ", total " + eventMoney(total) : "");
}

function toggle(seat, status) {
  if ((status !== "free" && status !== "selected") || state.event.status === "cancelled") {
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

/** What a hold or booking costs, as people read it; empty for a free event. */
function totalOf(priced) {
  return priced.total ? money(priced.total.amount, priced.total.currency, state.event.pricing.decimals) : "";
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
  $("hold-total").textContent = state.hold.total ? "Total " + totalOf(state.hold) : "";
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
    say("Booked " + describe(booking) + (booking.total ? " for " + totalOf(booking) : "")
      + " (booking " + booking.booking_id + ").");
    state.hold = null;
    showHold();
    await showTickets(booking);
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

/** The booking's tickets, each with its QR code, fetched with the caller's token and shown from memory. */
async function showTickets(booking) {
  const tickets = await api("GET", "/bookings/" + booking.booking_id + "/tickets");
  const list = $("ticket-list");
  list.replaceChildren();
  $("booking-total").textContent = booking.total ? "Paid " + totalOf(booking) + " for " + describe(booking) + "." : "";
  for (const ticket of tickets.items) {
    const item = document.createElement("li");
    const label = ticket.place ? ticket.place.section + " row " + ticket.place.row + " seat " + ticket.place.number
      : "Seat " + ticket.seat;
    const headers = state.token ? { "Authorization": "Bearer " + state.token } : {};
    const svg = await fetch("/bookings/" + booking.booking_id + "/tickets/" + ticket.ticket_id + "/qr.svg", { headers });
    const image = document.createElement("img");
    image.alt = "QR code of the ticket for " + label;
    image.src = URL.createObjectURL(await svg.blob());
    item.append(label, image);
    item.dataset.ticket = ticket.ticket_id;
    list.append(item);
  }
  $("tickets").hidden = false;
}

/** Opens the event a link names (#event=<id>), if any. */
function openLinked() {
  const linked = /^#event=([0-9a-fA-F-]{36})$/.exec(location.hash);
  if (linked && (!state.event || state.event.event_id !== linked[1])) {
    openEvent(linked[1]);
  }
  return linked !== null;
}

function backToEvents() {
  clearInterval(state.refreshTimer);
  history.replaceState(null, "", location.pathname + location.search);
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
  $("join-waitlist").addEventListener("click", joinWaitlist);
  window.addEventListener("hashchange", openLinked);
  if (!openLinked()) {
    loadEvents();
  }
});
