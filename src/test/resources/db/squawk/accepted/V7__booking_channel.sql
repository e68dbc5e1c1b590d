-- Expand: a nullable column (no rewrite) and its rule, added NOT VALID (no scan under lock); the
-- previous release, which knows nothing of it, keeps working.
SET lock_timeout = '5s';
SET statement_timeout = '30s';
ALTER TABLE bookings ADD COLUMN channel text;
ALTER TABLE bookings ADD CONSTRAINT bookings_channel_known CHECK (channel IN ('web', 'box-office')) NOT VALID;
