-- An index on an existing table, built CONCURRENTLY: writes go on while it is built. A script of its
-- own, which Flyway runs outside a transaction; a failed build leaves an INVALID index, dropped first
-- on the next attempt.
SET lock_timeout = '5s';
SET statement_timeout = '10min';
DROP INDEX CONCURRENTLY IF EXISTS bookings_by_channel;
CREATE INDEX CONCURRENTLY bookings_by_channel ON bookings (channel);
