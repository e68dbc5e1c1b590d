-- pgbench: the database's own ceiling for the statement PostgresTicketStore runs for a booking (one
-- statement, committed on its own, that claims the seat and inserts the booking, and undoes itself
-- through refuse_booking() if it did not get every seat), with a fresh seat each time.
WITH claimed AS (
  INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)
  SELECT :event_id, seat, gen_random_uuid(), NULL, NULL
  FROM unnest(ARRAY[nextval('bench_seat')::integer]) AS seat ORDER BY seat
  ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id, hold_id = excluded.hold_id,
    expires_at = excluded.expires_at
  WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= coalesce(NULL::timestamptz, clock_timestamp())
  RETURNING seat)
INSERT INTO bookings (id, event_id, seats, status, created_at, hold_id, cancelled_at, customer)
  SELECT gen_random_uuid(), :event_id, ARRAY[currval('bench_seat')::integer], 'confirmed', clock_timestamp(),
    NULL, NULL, 'anonymous'
  WHERE CASE WHEN (SELECT count(*) FROM claimed) = 1 THEN true ELSE refuse_booking() END;
