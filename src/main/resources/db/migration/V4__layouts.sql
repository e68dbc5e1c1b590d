-- An event's venue layout: its sections and their rows ([{"name", "category", "rows": [{"label", "seats"}]}]),
-- whose seats number 1..total_seats in layout order. Null for an event whose seats are only numbers.
ALTER TABLE events ADD COLUMN layout jsonb;
