-- What the quotas count on each new event and each booking, read from indexes instead of every row:
-- an organizer's upcoming events (not cancelled), and a customer's confirmed bookings of an event (without
-- it, each booking would read every booking of the event: a sale would slow down as it fills). Indexes
-- on existing tables, built CONCURRENTLY so that writes go on meanwhile, in a script that Flyway runs
-- outside a transaction (the .conf beside it); a failed build leaves an INVALID index, dropped first on
-- the next attempt.
SET lock_timeout = '5s';
SET statement_timeout = '10min';
DROP INDEX CONCURRENTLY IF EXISTS events_upcoming_by_organizer;
CREATE INDEX CONCURRENTLY events_upcoming_by_organizer ON events (organizer, starts_at) WHERE cancelled_at IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS bookings_confirmed_by_event_and_customer;
CREATE INDEX CONCURRENTLY bookings_confirmed_by_event_and_customer ON bookings (event_id, customer)
    WHERE status = 'confirmed';
