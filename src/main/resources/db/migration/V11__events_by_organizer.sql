-- What the events-per-organizer quota counts on each new event (an organizer's upcoming, not cancelled
-- events) without reading every event. An index on an existing table, built CONCURRENTLY so that writes
-- go on meanwhile, in a script of its own that Flyway runs outside a transaction (the .conf beside it); a
-- failed build leaves an INVALID index, dropped first on the next attempt.
SET lock_timeout = '5s';
SET statement_timeout = '10min';
DROP INDEX CONCURRENTLY IF EXISTS events_upcoming_by_organizer;
CREATE INDEX CONCURRENTLY events_upcoming_by_organizer ON events (organizer, starts_at) WHERE cancelled_at IS NULL;
