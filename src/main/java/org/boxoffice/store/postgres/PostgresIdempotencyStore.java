package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.boxoffice.domain.IdempotencyStore;

/**
 * Idempotency keys in PostgreSQL, so that a retry reaching another instance replays the same answer.
 * The key's primary key makes the claim atomic across instances.
 */
public class PostgresIdempotencyStore implements IdempotencyStore {

    private final Jdbc jdbc;

    /** @param schema checked before any work, when the service does not migrate the schema itself */
    public PostgresIdempotencyStore(DataSource dataSource, Optional<SchemaCheck> schema) {
        this.jdbc = new Jdbc(dataSource, schema);
    }

    @Override
    public Claim claim(String key, String fingerprint, Instant now, Instant forgetBefore, Instant abandonedBefore) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement claim = c.prepareStatement("INSERT INTO idempotency_keys"
                    + " (key, fingerprint, claimed_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                    + " claimed_at = excluded.claimed_at, status = NULL, location = NULL, body = NULL"
                    + " WHERE idempotency_keys.claimed_at < ?"
                    + " OR (idempotency_keys.status IS NULL AND idempotency_keys.claimed_at < ?)")) {
                claim.setString(1, key);
                claim.setString(2, fingerprint);
                setInstant(claim, 3, now);
                setInstant(claim, 4, forgetBefore);
                setInstant(claim, 5, abandonedBefore);
                if (claim.executeUpdate() == 1) {
                    return new Claim.Claimed();
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT fingerprint, claimed_at, status, location, body FROM idempotency_keys WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || getInstant(row, "claimed_at").isBefore(forgetBefore)) {
                        // Released or forgotten between the two statements: the caller may simply retry.
                        return new Claim.InFlight();
                    }
                    if (!row.getString("fingerprint").equals(fingerprint)) {
                        return new Claim.Mismatch();
                    }
                    int status = row.getInt("status");
                    return row.wasNull() ? new Claim.InFlight()
                            : new Claim.Replay(new Outcome(status, row.getString("location"),
                                    row.getString("body")));
                }
            }
        });
    }

    @Override
    public void complete(String key, Outcome outcome) {
        jdbc.autoCommit(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE idempotency_keys SET status = ?, location = ?, body = ? WHERE key = ?")) {
                update.setInt(1, outcome.code());
                update.setString(2, outcome.made());
                update.setString(3, outcome.document());
                update.setString(4, key);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void release(String key) {
        jdbc.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM idempotency_keys WHERE key = ? AND status IS NULL")) {
                delete.setString(1, key);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int sweep(Instant forgetBefore) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM idempotency_keys WHERE claimed_at < ?")) {
                setInstant(delete, 1, forgetBefore);
                return delete.executeUpdate();
            }
        });
    }
}
