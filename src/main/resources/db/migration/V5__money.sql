-- Money and cancelled events. Amounts are bigint minor units of the currency (cents, yen), never floats.
-- An event's pricing ({"currency", "default", "categories"}) and refund policy ([{"before", "percent"}]);
-- null pricing is a free event, a null policy the default (everything back until the event starts).
ALTER TABLE events ADD COLUMN pricing jsonb;
ALTER TABLE events ADD COLUMN refund_policy jsonb;
ALTER TABLE events ADD COLUMN cancelled_at timestamptz;

-- What each seat of a hold or booking cost when it was made (in the order of its seats); null: free.
ALTER TABLE holds ADD COLUMN prices bigint[];
ALTER TABLE holds ADD COLUMN currency text;
ALTER TABLE holds ADD CONSTRAINT holds_price_per_seat CHECK (prices IS NULL OR cardinality(prices) = cardinality(seats));
ALTER TABLE bookings ADD COLUMN prices bigint[];
ALTER TABLE bookings ADD COLUMN currency text;
ALTER TABLE bookings ADD CONSTRAINT bookings_price_per_seat
    CHECK (prices IS NULL OR cardinality(prices) = cardinality(seats));
ALTER TABLE bookings ADD COLUMN payment_reference text;
-- Every cancellation of some of a booking's seats and what it refunded: [{"seats", "amount", "percent", "at"}],
-- read and written with the booking, whose row lock keeps a seat from being refunded twice.
ALTER TABLE bookings ADD COLUMN refunds jsonb NOT NULL DEFAULT '[]';
UPDATE bookings SET refunds = jsonb_build_array(jsonb_build_object('seats', to_jsonb(seats), 'amount', 0,
    'percent', 100, 'at', to_jsonb(cancelled_at))) WHERE status = 'cancelled';
CREATE INDEX bookings_by_event ON bookings (event_id);

-- A booking's statement calls this when its event was cancelled (SQLSTATE ours, class BX), undoing it whole.
CREATE FUNCTION refuse_cancelled_event() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION 'this event was cancelled' USING ERRCODE = 'BX410';
END
$$;
