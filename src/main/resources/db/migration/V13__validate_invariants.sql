-- V12's constraints, checked on the rows from before them. VALIDATE scans under a lock that lets reads and
-- writes go on (SHARE UPDATE EXCLUSIVE; a foreign key's referenced table only ROW SHARE), in a transaction
-- of its own, so a long scan blocks no booking.
SET lock_timeout = '5s';
SET statement_timeout = '10min';

ALTER TABLE seat_claims VALIDATE CONSTRAINT seat_claims_booking_exists;
ALTER TABLE seat_claims VALIDATE CONSTRAINT seat_claims_hold_exists;
ALTER TABLE events VALIDATE CONSTRAINT events_pricing_has_currency;
ALTER TABLE holds VALIDATE CONSTRAINT holds_prices_with_currency;
ALTER TABLE bookings VALIDATE CONSTRAINT bookings_prices_with_currency;
