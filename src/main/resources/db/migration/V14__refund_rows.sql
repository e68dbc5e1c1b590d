-- Refunds as rows, so that the schema refuses a seat refunded twice: booking_refunds holds each cancellation's
-- refund (what it gave back, at which percent, when), refunded_seats the seats it refunded, one row per
-- (booking, seat) whatever refund it belongs to: that key is the home of "a seat is refunded once".
-- bookings.refunds, the jsonb array of the same refunds, stays what the code reads a booking from and writes
-- (only ever appending to it), so the release before this one, which knows nothing of the rows, works on this
-- schema unchanged; the trigger below writes the rows of every refund appended to the array, whichever
-- release appended it, in the statement that appends it (a seat refunded twice fails that statement). V15
-- writes the rows of the refunds made before the trigger.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE TABLE booking_refunds (
    booking_id uuid        NOT NULL REFERENCES bookings (id),
    position   bigint      NOT NULL CHECK (position > 0),  -- its place in bookings.refunds, from 1
    amount     bigint      NOT NULL CHECK (amount >= 0),   -- minor units of the booking's currency
    percent    bigint      NOT NULL CHECK (percent BETWEEN 0 AND 100),
    at         timestamptz NOT NULL,
    PRIMARY KEY (booking_id, position)
);

CREATE TABLE refunded_seats (
    booking_id uuid    NOT NULL,
    seat       bigint  NOT NULL CHECK (seat > 0),
    position   bigint  NOT NULL,
    PRIMARY KEY (booking_id, seat),
    FOREIGN KEY (booking_id, position) REFERENCES booking_refunds (booking_id, position)
);

-- The refunds a write of a booking row appended to bookings.refunds (on an insert: all of them).
CREATE FUNCTION keep_refund_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    known bigint := CASE WHEN TG_OP = 'UPDATE' THEN jsonb_array_length(OLD.refunds) ELSE 0 END;
BEGIN
    INSERT INTO booking_refunds (booking_id, position, amount, percent, at)
    SELECT NEW.id, r.position, (r.refund ->> 'amount')::bigint, (r.refund ->> 'percent')::bigint,
           (r.refund ->> 'at')::timestamptz
    FROM jsonb_array_elements(NEW.refunds) WITH ORDINALITY AS r (refund, position)
    WHERE r.position > known;
    INSERT INTO refunded_seats (booking_id, seat, position)
    SELECT NEW.id, s.seat::bigint, r.position
    FROM jsonb_array_elements(NEW.refunds) WITH ORDINALITY AS r (refund, position),
         jsonb_array_elements_text(r.refund -> 'seats') AS s (seat)
    WHERE r.position > known;
    RETURN NULL;
END
$$;

CREATE TRIGGER bookings_refund_rows AFTER INSERT OR UPDATE OF refunds ON bookings
    FOR EACH ROW WHEN (jsonb_array_length(NEW.refunds) > 0) EXECUTE FUNCTION keep_refund_rows();
