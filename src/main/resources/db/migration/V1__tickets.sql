-- Box Office schema. The database itself makes double booking impossible: a seat of an event is a row
-- in seat_claims, whose primary key is (event_id, seat). A claim belongs to a booking, or to a hold
-- until the hold's expires_at, after which another request may take it over.

CREATE TABLE events (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    venue       text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    total_seats integer     NOT NULL CHECK (total_seats > 0),
    created_at  timestamptz NOT NULL
);
CREATE INDEX events_by_start ON events (starts_at, id);
CREATE INDEX events_by_venue_and_start ON events (lower(venue), starts_at, id);

CREATE TABLE holds (
    id         uuid        PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES events (id),
    seats      integer[]   NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    status     text        NOT NULL CHECK (status IN ('held', 'released', 'confirmed')),
    booking_id uuid,
    CHECK ((status = 'confirmed') = (booking_id IS NOT NULL))
);

CREATE TABLE bookings (
    id           uuid        PRIMARY KEY,
    event_id     uuid        NOT NULL REFERENCES events (id),
    seats        integer[]   NOT NULL,
    status       text        NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    created_at   timestamptz NOT NULL,
    hold_id      uuid        REFERENCES holds (id),
    cancelled_at timestamptz,
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX bookings_by_creation ON bookings (created_at, id);

CREATE TABLE seat_claims (
    event_id   uuid        NOT NULL REFERENCES events (id),
    seat       integer     NOT NULL CHECK (seat > 0),
    booking_id uuid,
    hold_id    uuid,
    expires_at timestamptz,
    PRIMARY KEY (event_id, seat),
    -- exactly one owner; a hold's claim always carries its expiry
    CHECK ((booking_id IS NULL) <> (hold_id IS NULL)),
    CHECK ((hold_id IS NULL) = (expires_at IS NULL))
);
CREATE INDEX seat_claims_by_booking ON seat_claims (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX seat_claims_by_hold ON seat_claims (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX seat_claims_by_expiry ON seat_claims (expires_at) WHERE hold_id IS NOT NULL;

CREATE TABLE idempotency_keys (
    key         text        PRIMARY KEY,
    fingerprint text        NOT NULL,
    claimed_at  timestamptz NOT NULL,
    status      integer,
    location    text,
    body        text
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (claimed_at);
