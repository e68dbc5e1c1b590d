-- Lets a booking be ONE statement in autocommit mode (one round trip): the statement claims the
-- seats and writes the booking row, and when it did not get every seat it calls this function,
-- whose error undoes the whole statement, claims included. The SQLSTATE is ours (class BX), so the
-- store can tell "a seat was taken" from every other failure.
CREATE FUNCTION refuse_booking() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION 'a seat of this booking is taken' USING ERRCODE = 'BX409';
END
$$;
