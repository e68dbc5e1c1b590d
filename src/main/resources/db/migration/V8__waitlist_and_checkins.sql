-- Waiting lists and ticket check-ins: two new tables with their indexes; no existing table changes, so the
-- release before this one works on this schema unchanged.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- A customer waiting for seats of a sold-out event, served in the order they joined (created_at, id). An
-- entry is offered seats once: a hold in its customer's name, placed in the same transaction that sets
-- hold_id and writes the waitlist.offered outbox row. The unique hold_id gives a hold to one entry only.
CREATE TABLE IF NOT EXISTS waitlist (
    id               uuid        PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES events (id),
    customer         text        NOT NULL,
    quantity         bigint      NOT NULL CHECK (quantity > 0),
    created_at       timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('waiting', 'offered', 'accepted', 'expired', 'left')),
    hold_id          uuid        UNIQUE REFERENCES holds (id),
    offer_expires_at timestamptz,
    CHECK ((hold_id IS NULL) = (offer_expires_at IS NULL)),
    CHECK (status <> 'waiting' OR hold_id IS NULL),
    CHECK (status NOT IN ('offered', 'accepted') OR hold_id IS NOT NULL)
);
-- The indexes of a table made by this script: it is empty and no one writes to it before this commits, so
-- nothing waits for CREATE INDEX (squawk's require-concurrent-index-creation is for existing tables).
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX IF NOT EXISTS waitlist_by_event ON waitlist (event_id, created_at, id);
-- Who is next, and where each waiting entry stands.
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX IF NOT EXISTS waitlist_waiting ON waitlist (event_id, created_at, id) WHERE status = 'waiting';
-- What the sweep expires.
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX IF NOT EXISTS waitlist_offers_lapsing ON waitlist (offer_expires_at) WHERE status = 'offered';

-- Where each scanned ticket stands at the door. One row per ticket (the primary key), changed only by a
-- conditional write (checked-out to checked-in, and back), so a ticket is checked in once per entry however
-- many instances scan it at once.
CREATE TABLE IF NOT EXISTS checkins (
    ticket_id  uuid        PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES events (id),
    booking_id uuid        NOT NULL REFERENCES bookings (id),
    seat       bigint      NOT NULL CHECK (seat > 0),
    status     text        NOT NULL CHECK (status IN ('checked-in', 'checked-out')),
    at         timestamptz NOT NULL,
    gate       text        NOT NULL
);
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX IF NOT EXISTS checkins_inside ON checkins (event_id, seat) WHERE status = 'checked-in';
