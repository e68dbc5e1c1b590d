-- pgbench: the database's own ceiling for the transaction PostgresTicketStore.addBooking runs for a
-- booking (insert the booking, claim its seat, commit), with a fresh seat each time.
BEGIN;
INSERT INTO bookings (id, event_id, seats, status, created_at)
  VALUES (gen_random_uuid(), :event_id, ARRAY[nextval('bench_seat')::integer], 'confirmed', clock_timestamp());
INSERT INTO seat_claims (event_id, seat, booking_id)
  SELECT :event_id, currval('bench_seat')::integer, gen_random_uuid()
  ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id
  WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= coalesce(NULL::timestamptz, clock_timestamp());
COMMIT;
