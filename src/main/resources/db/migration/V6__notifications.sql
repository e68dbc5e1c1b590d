-- Notifications that are never lost: the outbox, written in the same transaction (or statement) as the
-- change it tells of, so a change that commits always has its notification and one that rolls back none.
CREATE TABLE outbox (
    id         uuid        PRIMARY KEY,
    position   bigint      GENERATED ALWAYS AS IDENTITY,  -- the order written, also within one transaction
    type       text        NOT NULL,
    event_id   uuid        NOT NULL,
    organizer  text        NOT NULL,
    subject    text        NOT NULL,
    time       timestamptz NOT NULL,
    data       text        NOT NULL,      -- the object as the API showed it, JSON, exactly as rendered
    handed_out boolean     NOT NULL DEFAULT false
);
-- Few indexes: every change inserts a row. A row no webhook receives is deleted once handed out; the
-- others are kept, handed_out, while their deliveries are.
CREATE INDEX outbox_waiting ON outbox (position) WHERE NOT handed_out;

CREATE TABLE webhooks (
    id          uuid        PRIMARY KEY,
    owner       text        NOT NULL,
    every_event boolean     NOT NULL,
    url         text        NOT NULL,
    types       text[]      NOT NULL,
    secrets     jsonb       NOT NULL,     -- [{"value", "created_at", "retires_at"}]
    created_at  timestamptz NOT NULL,
    disabled_at timestamptz
);
CREATE INDEX webhooks_by_owner ON webhooks (owner, created_at);

-- One notification's way to one webhook. An instance leases a due delivery (leased_until) before its
-- attempt, so two instances never send the same attempt at once.
CREATE TABLE deliveries (
    webhook_id      uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    notification_id uuid        NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    type            text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_status     integer,
    next_attempt_at timestamptz,
    state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    leased_until    timestamptz,
    PRIMARY KEY (webhook_id, notification_id)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_by_notification ON deliveries (notification_id);
-- What the retention purge looks at: notifications handed out, by age.
CREATE INDEX outbox_handed_out ON outbox (time) WHERE handed_out;

-- hold.expired is written once per hold, by the sweep that finds it expired.
ALTER TABLE holds ADD COLUMN expiry_notified boolean NOT NULL DEFAULT false;
UPDATE holds SET expiry_notified = true WHERE expires_at <= now();
CREATE INDEX holds_expiring ON holds (expires_at) WHERE status = 'held' AND NOT expiry_notified;
