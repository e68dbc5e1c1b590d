-- Invariants the Java code kept alone, now also the schema's, checked on new rows at once and on existing
-- rows by V13 (NOT VALID: adding takes a brief lock and scans nothing; seat_claims and bookings can be large).
-- The previous release works on this schema unchanged: every row it writes already satisfies these rules.
-- It inserts a hold before claiming its seats, and a booking before a hold's claims pass to it; a booking's
-- one statement inserts its claims in a CTE and the booking in the same statement, and a foreign key is
-- checked when the statement ends, when the booking is there. No release deletes a hold or a booking (claims
-- are deleted on their own: a sweep of expired holds, a release, a cancellation), so a claim's owner is
-- never deleted under it: ON DELETE NO ACTION says so, and refuses a deletion that would orphan a claim.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- A claim belongs to a booking or a hold that exists (V1's checks say it belongs to exactly one).
ALTER TABLE seat_claims ADD CONSTRAINT seat_claims_booking_exists FOREIGN KEY (booking_id) REFERENCES bookings (id)
    NOT VALID;
ALTER TABLE seat_claims ADD CONSTRAINT seat_claims_hold_exists FOREIGN KEY (hold_id) REFERENCES holds (id) NOT VALID;

-- Prices and their currency come together: a priced event names its currency, and a hold's or booking's
-- seat prices have one (both null: free).
ALTER TABLE events ADD CONSTRAINT events_pricing_has_currency
    CHECK (pricing IS NULL OR jsonb_typeof(pricing -> 'currency') = 'string') NOT VALID;
ALTER TABLE holds ADD CONSTRAINT holds_prices_with_currency CHECK ((prices IS NULL) = (currency IS NULL)) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_prices_with_currency CHECK ((prices IS NULL) = (currency IS NULL))
    NOT VALID;
