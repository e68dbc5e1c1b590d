-- The rule checked against the rows already there, in a transaction of its own: VALIDATE CONSTRAINT
-- scans under a lock that lets reads and writes go on.
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE bookings VALIDATE CONSTRAINT bookings_channel_known;
