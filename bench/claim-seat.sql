-- pgbench: the database's own ceiling for the statement PostgresTicketStore runs for a booking (one
-- statement, committed on its own, that takes a share lock on the open event, claims the seat, writes
-- the booking.confirmed notification to the outbox and inserts the booking, and undoes itself through
-- refuse_booking() if it did not get every seat), with a fresh seat each time. The notification's data
-- is a booking's JSON of a typical size.
WITH open AS (SELECT id FROM events WHERE id = :event_id AND cancelled_at IS NULL FOR SHARE),
claimed AS (
  INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)
  SELECT :event_id, seat, gen_random_uuid(), NULL, NULL
  FROM unnest(ARRAY[nextval('bench_seat')::integer]) AS seat
  WHERE EXISTS (SELECT 1 FROM open) ORDER BY seat
  ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id, hold_id = excluded.hold_id,
    expires_at = excluded.expires_at
  WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= coalesce(NULL::timestamptz, clock_timestamp())
  RETURNING seat),
noted AS (
  INSERT INTO outbox (id, type, event_id, organizer, subject, time, data)
  VALUES (gen_random_uuid(), 'booking.confirmed', :event_id, 'pgbench', 'bookings/' || gen_random_uuid(),
    clock_timestamp(), '{"booking_id":"01a23f7e-0b7c-7d2e-9c41-5d1e2f3a4b5c","status":"confirmed","event_id":'
    || '"01a23f7e-0b7c-7d2e-9c41-5d1e2f3a4b5d","seats":[' || currval('bench_seat') || '],'
    || '"created_at":"2026-12-02T10:00:00.000000Z","customer":"anonymous","total":{"amount":0,"currency":"XXX"}}'))
INSERT INTO bookings (id, event_id, seats, status, created_at, hold_id, cancelled_at, customer)
  SELECT gen_random_uuid(), :event_id, ARRAY[currval('bench_seat')::integer], 'confirmed', clock_timestamp(),
    NULL, NULL, 'anonymous'
  WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM open) THEN refuse_cancelled_event()
    WHEN (SELECT count(*) FROM claimed) = 1 THEN true ELSE refuse_booking() END;
