-- The rows of the refunds in bookings.refunds made before V14's trigger wrote them; a data change apart from
-- V14's schema change. Only cancelled seats have refunds, read from the bookings whose array holds some. A
-- refund the trigger wrote meanwhile is there already (ON CONFLICT DO NOTHING: the same row). One statement per
-- table, not batches: it reads bookings without locking them (bookings and cancellations go on meanwhile) and
-- writes only the new tables, on keys no new refund takes; the rows are as many as the refunds, not the bookings.
SET lock_timeout = '5s';
SET statement_timeout = '10min';

INSERT INTO booking_refunds (booking_id, position, amount, percent, at)
SELECT b.id, r.position, (r.refund ->> 'amount')::bigint, (r.refund ->> 'percent')::bigint,
       (r.refund ->> 'at')::timestamptz
FROM bookings b, jsonb_array_elements(b.refunds) WITH ORDINALITY AS r (refund, position)
WHERE b.refunds <> '[]'
ON CONFLICT DO NOTHING;

INSERT INTO refunded_seats (booking_id, seat, position)
SELECT b.id, s.seat::bigint, r.position
FROM bookings b, jsonb_array_elements(b.refunds) WITH ORDINALITY AS r (refund, position),
     jsonb_array_elements_text(r.refund -> 'seats') AS s (seat)
WHERE b.refunds <> '[]'
ON CONFLICT DO NOTHING;
