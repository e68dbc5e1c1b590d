-- Who owns what: the organizer who created an event, the customer who placed a hold or made a booking
-- (the caller's id, the JWT subject). Rows from before authentication belong to 'anonymous'.
ALTER TABLE events ADD COLUMN organizer text NOT NULL DEFAULT 'anonymous';
ALTER TABLE holds ADD COLUMN customer text NOT NULL DEFAULT 'anonymous';
ALTER TABLE bookings ADD COLUMN customer text NOT NULL DEFAULT 'anonymous';
ALTER TABLE events ALTER COLUMN organizer DROP DEFAULT;
ALTER TABLE holds ALTER COLUMN customer DROP DEFAULT;
ALTER TABLE bookings ALTER COLUMN customer DROP DEFAULT;

CREATE INDEX bookings_by_customer ON bookings (customer, created_at, id);
CREATE INDEX live_holds_by_customer ON holds (event_id, customer) WHERE status = 'held';
