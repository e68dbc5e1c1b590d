-- pgbench: the database's own ceiling for the transaction PostgresTicketStore runs for a booking
-- (insert the booking, claim its seat, commit), with a fresh seat each time.
BEGIN;
INSERT INTO bookings (id, event_id, seats, status, created_at, hold_id, cancelled_at, customer)
  VALUES (gen_random_uuid(), :event_id, ARRAY[nextval('bench_seat')::integer], 'confirmed', clock_timestamp(),
    NULL, NULL, 'anonymous');
INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)
  SELECT :event_id, seat, gen_random_uuid(), NULL, NULL
  FROM unnest(ARRAY[currval('bench_seat')::integer]) AS seat ORDER BY seat
  ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id, hold_id = excluded.hold_id,
    expires_at = excluded.expires_at
  WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= clock_timestamp();
COMMIT;
