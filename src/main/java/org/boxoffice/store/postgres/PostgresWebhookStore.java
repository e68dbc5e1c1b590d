package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getUuid;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.boxoffice.security.SecretBox;
import org.jboss.logging.Logger;

/**
 * Webhooks and their deliveries in PostgreSQL, beside the outbox the ticket store writes: shared by every
 * instance. Handing out and leasing take rows with {@code FOR UPDATE SKIP LOCKED}, so instances split the
 * work instead of waiting for, or repeating, one another's.
 */
public class PostgresWebhookStore implements WebhookStore {

    private static final Logger LOG = Logger.getLogger(PostgresWebhookStore.class);

    private final Jdbc jdbc;
    private final SecretBox box;

    /** @param box seals the secrets written, and opens those read (one kept unsealed opens as itself) */
    public PostgresWebhookStore(DataSource dataSource, Optional<SchemaCheck> schema, SecretBox box) {
        this.jdbc = new Jdbc(dataSource, schema);
        this.box = box;
    }

    private static final String WEBHOOK_COLUMNS = """
            id, owner, every_event, url, types, secrets, created_at, disabled_at, admin_seen_at""";
    /** A delivery's columns, its type named {@code delivery_type} (a join's other tables have a type too). */
    private static final String DELIVERY_COLUMNS = """
            webhook_id, notification_id, type AS delivery_type, attempts, last_status, next_attempt_at, state""";

    /** {@code columns}, each qualified with the table alias {@code alias}. */
    private static String qualified(String alias, String columns) {
        return alias + "." + columns.strip().replace(", ", ", " + alias + ".");
    }

    private static final NamedSql COUNT_OWNED = NamedSql.of("SELECT count(*) FROM webhooks WHERE owner = :owner");
    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO webhooks (%s)
            VALUES (:id, :owner, :every_event, :url, :types, :secrets::jsonb, :created_at, :disabled_at,
                :admin_seen_at)""".formatted(WEBHOOK_COLUMNS));

    @Override
    public void add(Webhook webhook, int maxPerOwner) {
        jdbc.inTransaction(c -> {
            if (maxPerOwner != Integer.MAX_VALUE) {
                // One owner's additions take turns until the transaction ends, so two cannot both pass the count.
                Jdbc.lockUntilCommit(c, webhook.owner(), 3);
                try (NamedSql.Statement count = COUNT_OWNED.prepare(c).set("owner", webhook.owner());
                        ResultSet row = count.executeQuery()) {
                    row.next();
                    WebhookStore.checkQuota(maxPerOwner, row.getLong(1));
                }
            }
            try (NamedSql.Statement insert = INSERT.prepare(c)) {
                return insert.set("id", webhook.id().value()).set("owner", webhook.owner())
                        .set("every_event", webhook.everyEvent()).set("url", webhook.url().value())
                        .set("types", webhook.types().stream().map(NotificationType::wireName).toArray(String[]::new))
                        .set("secrets", StoredJson.secrets(webhook.secrets(), box, webhook.id()))
                        .set("created_at", webhook.createdAt()).set("disabled_at", webhook.disabledAt())
                        .set("admin_seen_at", webhook.adminSeenAt())
                        .executeUpdate();
            }
        });
    }

    private static final NamedSql FIND = NamedSql.of("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks WHERE id = :id");

    @Override
    public Optional<Webhook> find(WebhookId id) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement select = FIND.prepare(c).set("id", id.value());
                    ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(webhook(row)) : Optional.empty();
            }
        });
    }

    private static final NamedSql LIST = NamedSql.of("SELECT " + WEBHOOK_COLUMNS
            + " FROM webhooks ORDER BY created_at, id");
    private static final NamedSql LIST_OWNED = NamedSql.of("SELECT " + WEBHOOK_COLUMNS
            + " FROM webhooks WHERE owner = :owner ORDER BY created_at, id");

    @Override
    public List<Webhook> list(Optional<String> owner) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement select = (owner.isPresent() ? LIST_OWNED : LIST).prepare(c)) {
                if (owner.isPresent()) {
                    select.set("owner", owner.get());
                }
                List<Webhook> webhooks = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        webhooks.add(webhook(rows));
                    }
                }
                return webhooks;
            }
        });
    }

    // A webhook disabled meanwhile stays disabled.
    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE webhooks SET secrets = :secrets::jsonb, disabled_at = coalesce(disabled_at, :disabled_at)
            WHERE id = :id""");

    @Override
    public boolean update(Webhook webhook) {
        return jdbc.autoCommit(c -> {
            // Webhook#withChangesOf: a webhook disabled meanwhile stays disabled (WebhookRulesInSqlTest).
            try (NamedSql.Statement update = UPDATE.prepare(c)) {
                return update.set("secrets", StoredJson.secrets(webhook.secrets(), box, webhook.id()))
                        .set("disabled_at", webhook.disabledAt()).set("id", webhook.id().value())
                        .executeUpdate() == 1;
            }
        });
    }

    private static final NamedSql OWNER_SEEN = NamedSql.of("""
            UPDATE webhooks SET admin_seen_at = :seen
            WHERE owner = :owner AND every_event AND admin_seen_at IS DISTINCT FROM :seen""");

    @Override
    public void ownerSeen(String owner, boolean admin, Instant now) {
        jdbc.autoCommit(c -> {
            try (NamedSql.Statement update = OWNER_SEEN.prepare(c)) {
                return update.set("seen", admin ? now : Instant.EPOCH).set("owner", owner).executeUpdate();
            }
        });
    }

    private static final NamedSql DELETE = NamedSql.of("DELETE FROM webhooks WHERE id = :id");

    @Override
    public boolean delete(WebhookId id) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement delete = DELETE.prepare(c)) {
                return delete.set("id", id.value()).executeUpdate() == 1;
            }
        });
    }

    // One statement: take a batch no other instance has, give each webhook that receives a notification its
    // delivery, keep those notifications (handed out) and delete the rest, which no one will ask for; a
    // failure leaves the batch waiting, whole.
    private static final NamedSql FAN_OUT = NamedSql.of("""
            WITH batch AS (SELECT id, type, organizer, time FROM outbox WHERE NOT handed_out
                ORDER BY position LIMIT :limit FOR UPDATE SKIP LOCKED),
            made AS (INSERT INTO deliveries (webhook_id, notification_id, type, next_attempt_at, state)
                SELECT w.id, b.id, b.type, :now, 'pending' FROM batch b JOIN webhooks w
                ON w.disabled_at IS NULL AND b.type = ANY (w.types) AND (w.owner = b.organizer
                    OR w.every_event AND coalesce(w.admin_seen_at, w.created_at) >= :admin_since)
                AND w.created_at <= b.time
                ON CONFLICT DO NOTHING RETURNING notification_id),
            kept AS (UPDATE outbox SET handed_out = true WHERE id IN (SELECT notification_id FROM made)),
            dropped AS (DELETE FROM outbox o USING batch b WHERE o.id = b.id
                AND b.id NOT IN (SELECT notification_id FROM made)
                AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = b.id))
            SELECT count(*) FROM batch""");

    @Override
    public int fanOut(Instant now, Instant adminSince, int limit) {
        return jdbc.autoCommit(c -> {
            // Who receives is Webhook#receives, in SQL so the batch never leaves the database
            // (WebhookRulesInSqlTest holds them to agree).
            try (NamedSql.Statement fan = FAN_OUT.prepare(c)) {
                return fan.set("limit", limit).set("now", now).set("admin_since", adminSince).queryInt();
            }
        });
    }

    private static final NamedSql CLAIM_DUE = NamedSql.of("""
            WITH due AS (SELECT webhook_id, notification_id FROM deliveries
                WHERE state = 'pending' AND next_attempt_at <= :now
                AND (leased_until IS NULL OR leased_until <= :now)
                AND webhook_id IN (SELECT id FROM webhooks WHERE disabled_at IS NULL)
                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED),
            leased AS (UPDATE deliveries d SET leased_until = :leased_until FROM due
                WHERE d.webhook_id = due.webhook_id AND d.notification_id = due.notification_id
                RETURNING %s)
            SELECT %s, %s,
                o.id AS o_id, o.type AS o_type, o.event_id AS o_event_id, o.organizer AS o_organizer,
                o.subject AS o_subject, o.time AS o_time, o.data AS o_data
            FROM leased l JOIN webhooks w ON w.id = l.webhook_id JOIN outbox o ON o.id = l.notification_id
            ORDER BY l.next_attempt_at""".formatted(qualified("d", DELIVERY_COLUMNS),
            qualified("l", DELIVERY_COLUMNS).replace("l.type AS delivery_type", "l.delivery_type"),
            qualified("w", WEBHOOK_COLUMNS)));

    @Override
    public List<Job> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement claim = CLAIM_DUE.prepare(c)) {
                claim.set("now", now).set("limit", limit).set("leased_until", now.plus(lease));
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(new Job(delivery(rows), webhookToSend(rows), Rows.notification(rows, "o_")));
                    }
                }
                return jobs;
            }
        });
    }

    private static final NamedSql RECORD = NamedSql.of("""
            UPDATE deliveries SET attempts = :attempts, last_status = :last_status,
                next_attempt_at = :next_attempt_at, state = :state, leased_until = NULL
            WHERE webhook_id = :webhook_id AND notification_id = :notification_id""");

    @Override
    public void record(Delivery attempted, Instant now) {
        jdbc.inTransaction(c -> {
            try (NamedSql.Statement update = RECORD.prepare(c)) {
                update.set("attempts", attempted.attempts()).set("last_status", attempted.lastStatus())
                        .set("next_attempt_at", attempted.nextAttemptAt()).set("state", attempted.state().wireName())
                        .set("webhook_id", attempted.webhookId().value())
                        .set("notification_id", attempted.notificationId().value())
                        .executeUpdate();
            }
            if (attempted.disablesWebhook()) {
                disable(c, attempted.webhookId(), now);
            }
            return null;
        });
    }

    private static final NamedSql DISABLE = NamedSql.of("""
            UPDATE webhooks SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL""");
    private static final NamedSql FAIL_PENDING = NamedSql.of("""
            UPDATE deliveries SET state = 'failed', next_attempt_at = NULL, leased_until = NULL
            WHERE webhook_id = :id AND state = 'pending'""");

    /**
     * Disables the webhook, unless it is disabled already, and fails its pending deliveries, as none will be
     * tried: Webhook#afterAttempt and Webhook#settle, in SQL (WebhookRulesInSqlTest).
     */
    private static void disable(Connection c, WebhookId id, Instant now) throws SQLException {
        try (NamedSql.Statement update = DISABLE.prepare(c)) {
            update.set("now", now).set("id", id.value()).executeUpdate();
        }
        try (NamedSql.Statement update = FAIL_PENDING.prepare(c)) {
            update.set("id", id.value()).executeUpdate();
        }
    }

    private static final NamedSql DELIVERIES = NamedSql.of("SELECT " + DELIVERY_COLUMNS
            + " FROM deliveries WHERE webhook_id = :id ORDER BY notification_id DESC LIMIT :limit");

    @Override
    public List<Delivery> deliveries(WebhookId id, int limit) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement select = DELIVERIES.prepare(c)) {
                select.set("id", id.value()).set("limit", limit);
                List<Delivery> deliveries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        deliveries.add(delivery(rows));
                    }
                }
                return deliveries;
            }
        });
    }

    private static final NamedSql COUNTS = NamedSql.of("""
            SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'failed')
            FROM deliveries""");

    @Override
    public Counts counts() {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement select = COUNTS.prepare(c); ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        });
    }

    // Deliveries go with their notification (ON DELETE CASCADE); a batch at a time keeps each short.
    private static final NamedSql PURGE = NamedSql.of("""
            DELETE FROM outbox WHERE id IN (SELECT o.id FROM outbox o
                WHERE o.handed_out AND o.time < :before
                AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = o.id AND d.state = 'pending')
                LIMIT 10000 FOR UPDATE SKIP LOCKED)""");

    @Override
    public int purge(Instant before) {
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement delete = PURGE.prepare(c)) {
                return delete.set("before", before).executeUpdate();
            }
        });
    }

    /**
     * The webhook of a claimed delivery. One whose secrets no listed key opens (sealed with a key since
     * removed from {@code boxoffice.webhooks.secret-key}, or altered) comes without secrets: its delivery is
     * then a failed attempt, retried on schedule in case the key comes back, while the batch's others go out.
     */
    private Webhook webhookToSend(ResultSet row) throws SQLException {
        WebhookId id = new WebhookId(getUuid(row, "id"));
        List<Webhook.Secret> secrets;
        try {
            secrets = secrets(row, id);
        } catch (IllegalStateException unopenable) {
            LOG.warnf("Webhook %s cannot sign its deliveries: %s", id, unopenable.getMessage());
            secrets = List.of();
        }
        return webhook(row, id, secrets);
    }

    private Webhook webhook(ResultSet row) throws SQLException {
        WebhookId id = new WebhookId(getUuid(row, "id"));
        return webhook(row, id, secrets(row, id));
    }

    private List<Webhook.Secret> secrets(ResultSet row, WebhookId id) throws SQLException {
        return StoredJson.secrets(row.getString("secrets"), box, id);
    }

    private static Webhook webhook(ResultSet row, WebhookId id, List<Webhook.Secret> secrets) throws SQLException {
        Set<NotificationType> types = EnumSet.noneOf(NotificationType.class);
        Arrays.stream((String[]) row.getArray("types").getArray())
                .forEach(type -> NotificationType.ofWireName(type).ifPresent(types::add));
        return new Webhook(id, row.getString("owner"), row.getBoolean("every_event"),
                new WebhookUrl(row.getString("url")), types, secrets, getInstant(row, "created_at"),
                getInstant(row, "disabled_at"), getInstant(row, "admin_seen_at"));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(new WebhookId(getUuid(row, "webhook_id")), new NotificationId(getUuid(row, "notification_id")),
                NotificationType.ofWireName(row.getString("delivery_type")).orElseThrow(), row.getInt("attempts"),
                row.getObject("last_status", Integer.class), getInstant(row, "next_attempt_at"),
                Delivery.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)));
    }
}
