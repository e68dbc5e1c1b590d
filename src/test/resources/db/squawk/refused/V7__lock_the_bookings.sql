-- A migration that would block a live booking table: squawk must refuse every line of it.
-- No lock_timeout, no statement_timeout.
CREATE INDEX bookings_by_customer ON bookings (customer);
ALTER TABLE bookings ADD CONSTRAINT bookings_customer_named CHECK (customer <> '');
ALTER TABLE bookings ADD COLUMN channel text NOT NULL DEFAULT gen_random_uuid()::text;
ALTER TABLE holds ALTER COLUMN customer TYPE varchar(200);
UPDATE holds SET customer = lower(customer);
