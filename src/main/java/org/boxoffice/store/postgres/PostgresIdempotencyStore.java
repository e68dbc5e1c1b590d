package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;

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

    private static final NamedSql CLAIM = NamedSql.of("""
            INSERT INTO idempotency_keys (key, fingerprint, claimed_at) VALUES (:key, :fingerprint, :now)
            ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,
                claimed_at = excluded.claimed_at, status = NULL, location = NULL, body = NULL
            WHERE idempotency_keys.claimed_at < :forget_before
                OR (idempotency_keys.status IS NULL AND idempotency_keys.claimed_at < :abandoned_before)""");
    private static final NamedSql FIND = NamedSql.of("""
            SELECT fingerprint, claimed_at, status, location, body FROM idempotency_keys WHERE key = :key""");

    @Override
    public Claim claim(String key, String fingerprint, Instant now, Instant forgetBefore, Instant abandonedBefore) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement claim = CLAIM.prepare(c)) {
                claim.set("key", key).set("fingerprint", fingerprint).set("now", now)
                        .set("forget_before", forgetBefore).set("abandoned_before", abandonedBefore);
                if (claim.executeUpdate() == 1) {
                    return new Claim.Claimed();
                }
            }
            try (NamedSql.Statement select = FIND.prepare(c)) {
                select.set("key", key);
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

    private static final NamedSql COMPLETE = NamedSql.of("""
            UPDATE idempotency_keys SET status = :status, location = :location, body = :body WHERE key = :key""");

    @Override
    public void complete(String key, Outcome outcome) {
        jdbc.autoCommit(c -> {
            try (NamedSql.Statement update = COMPLETE.prepare(c)) {
                return update.set("status", outcome.code()).set("location", outcome.made())
                        .set("body", outcome.document()).set("key", key)
                        .executeUpdate();
            }
        });
    }

    private static final NamedSql RELEASE = NamedSql.of("""
            DELETE FROM idempotency_keys WHERE key = :key AND status IS NULL""");

    @Override
    public void release(String key) {
        jdbc.autoCommit(c -> {
            try (NamedSql.Statement delete = RELEASE.prepare(c)) {
                return delete.set("key", key).executeUpdate();
            }
        });
    }

    private static final NamedSql SWEEP = NamedSql.of("DELETE FROM idempotency_keys WHERE claimed_at < :forget_before");

    @Override
    public int sweep(Instant forgetBefore) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement delete = SWEEP.prepare(c)) {
                return delete.set("forget_before", forgetBefore).executeUpdate();
            }
        });
    }
}
