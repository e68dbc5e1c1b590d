package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getUuid;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.boxoffice.domain.Delivery;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.WebhookStore;
import org.boxoffice.security.SecretBox;

/**
 * Webhooks and their deliveries in PostgreSQL, beside the outbox the ticket store writes: shared by every
 * instance. Handing out and leasing take rows with {@code FOR UPDATE SKIP LOCKED}, so instances split the
 * work instead of waiting for, or repeating, one another's.
 */
public class PostgresWebhookStore implements WebhookStore {

    private final Jdbc jdbc;
    private final SecretBox box;

    /** @param box seals the secrets written, and opens those read (one kept unsealed opens as itself) */
    public PostgresWebhookStore(DataSource dataSource, Optional<SchemaCheck> schema, SecretBox box) {
        this.jdbc = new Jdbc(dataSource, schema);
        this.box = box;
    }

    @Override
    public void add(Webhook webhook, int maxPerOwner) {
        jdbc.inTransaction(c -> {
            if (maxPerOwner != Integer.MAX_VALUE) {
                // One owner's additions take turns until the transaction ends, so two cannot both pass the count.
                Jdbc.lockUntilCommit(c, webhook.owner(), 3);
                try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM webhooks WHERE owner = ?")) {
                    count.setString(1, webhook.owner());
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        WebhookStore.checkQuota(maxPerOwner, row.getLong(1));
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhooks (id, owner, every_event, url,"
                    + " types, secrets, created_at, disabled_at, admin_seen_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
                insert.setObject(1, webhook.id().value());
                insert.setString(2, webhook.owner());
                insert.setBoolean(3, webhook.everyEvent());
                insert.setString(4, webhook.url().toString());
                insert.setArray(5, c.createArrayOf("text", webhook.types().stream().map(NotificationType::wireName)
                        .toArray()));
                insert.setString(6, StoredJson.secrets(webhook.secrets(), box, webhook.id()));
                setInstant(insert, 7, webhook.createdAt());
                setInstant(insert, 8, webhook.disabledAt());
                setInstant(insert, 9, webhook.adminSeenAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Webhook> find(WebhookId id) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM webhooks WHERE id = ?")) {
                select.setObject(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(webhook(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Webhook> list(Optional<String> owner) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM webhooks"
                    + (owner.isPresent() ? " WHERE owner = ?" : "") + " ORDER BY created_at, id")) {
                if (owner.isPresent()) {
                    select.setString(1, owner.get());
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

    @Override
    public boolean update(Webhook webhook) {
        return jdbc.autoCommit(c -> {
            // Webhook#withChangesOf: a webhook disabled meanwhile stays disabled (WebhookRulesInSqlTest).
            try (PreparedStatement update = c.prepareStatement("UPDATE webhooks SET secrets = ?::jsonb,"
                    + " disabled_at = coalesce(disabled_at, ?) WHERE id = ?")) {
                update.setString(1, StoredJson.secrets(webhook.secrets(), box, webhook.id()));
                setInstant(update, 2, webhook.disabledAt());
                update.setObject(3, webhook.id().value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void ownerSeen(String owner, boolean admin, Instant now) {
        jdbc.autoCommit(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE webhooks SET admin_seen_at = ?"
                    + " WHERE owner = ? AND every_event AND admin_seen_at IS DISTINCT FROM ?")) {
                Instant seen = admin ? now : Instant.EPOCH;
                setInstant(update, 1, seen);
                update.setString(2, owner);
                setInstant(update, 3, seen);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(WebhookId id) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM webhooks WHERE id = ?")) {
                delete.setObject(1, id.value());
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int fanOut(Instant now, Instant adminSince, int limit) {
        return jdbc.autoCommit(c -> {
            // One statement: take a batch no other instance has, give each webhook that receives a notification
            // its delivery, keep those notifications (handed out) and delete the rest, which no one will ask
            // for; a failure leaves the batch waiting, whole. Who receives is Webhook#receives, in SQL so the
            // batch never leaves the database (WebhookRulesInSqlTest holds them to agree).
            try (PreparedStatement fan = c.prepareStatement("WITH batch AS (SELECT * FROM outbox WHERE NOT handed_out"
                    + " ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED),"
                    + " made AS (INSERT INTO deliveries (webhook_id, notification_id, type, next_attempt_at, state)"
                    + " SELECT w.id, b.id, b.type, ?, 'pending' FROM batch b JOIN webhooks w"
                    + " ON w.disabled_at IS NULL AND b.type = ANY (w.types) AND (w.owner = b.organizer"
                    + " OR w.every_event AND coalesce(w.admin_seen_at, w.created_at) >= ?)"
                    + " AND w.created_at <= b.time ON CONFLICT DO NOTHING RETURNING notification_id),"
                    + " kept AS (UPDATE outbox SET handed_out = true WHERE id IN (SELECT notification_id FROM made)),"
                    + " dropped AS (DELETE FROM outbox o USING batch b WHERE o.id = b.id"
                    + " AND b.id NOT IN (SELECT notification_id FROM made)"
                    + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = b.id))"
                    + " SELECT count(*) FROM batch")) {
                fan.setInt(1, limit);
                setInstant(fan, 2, now);
                setInstant(fan, 3, adminSince);
                try (ResultSet row = fan.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public List<Job> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement claim = c.prepareStatement("WITH due AS (SELECT webhook_id, notification_id"
                    + " FROM deliveries WHERE state = 'pending' AND next_attempt_at <= ?"
                    + " AND (leased_until IS NULL OR leased_until <= ?)"
                    + " AND webhook_id IN (SELECT id FROM webhooks WHERE disabled_at IS NULL)"
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),"
                    + " leased AS (UPDATE deliveries d SET leased_until = ? FROM due"
                    + " WHERE d.webhook_id = due.webhook_id AND d.notification_id = due.notification_id RETURNING d.*)"
                    + " SELECT l.webhook_id, l.notification_id, l.type AS delivery_type, l.attempts, l.last_status,"
                    + " l.next_attempt_at, l.state, w.*, o.id AS o_id, o.type AS o_type, o.event_id AS o_event_id,"
                    + " o.organizer AS o_organizer, o.subject AS o_subject, o.time AS o_time, o.data AS o_data"
                    + " FROM leased l JOIN webhooks w ON w.id = l.webhook_id JOIN outbox o ON o.id = l.notification_id"
                    + " ORDER BY l.next_attempt_at")) {
                setInstant(claim, 1, now);
                setInstant(claim, 2, now);
                claim.setInt(3, limit);
                setInstant(claim, 4, now.plus(lease));
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(new Job(delivery(rows, "delivery_type"), webhook(rows), Rows.notification(rows, "o_")));
                    }
                }
                return jobs;
            }
        });
    }

    @Override
    public void record(Delivery attempted, Instant now) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET attempts = ?, last_status = ?,"
                    + " next_attempt_at = ?, state = ?, leased_until = NULL WHERE webhook_id = ? AND notification_id = ?")) {
                update.setInt(1, attempted.attempts());
                update.setObject(2, attempted.lastStatus());
                setInstant(update, 3, attempted.nextAttemptAt());
                update.setString(4, attempted.state().wireName());
                update.setObject(5, attempted.webhookId().value());
                update.setObject(6, attempted.notificationId().value());
                update.executeUpdate();
            }
            if (attempted.disablesWebhook()) {
                disable(c, attempted.webhookId(), now);
            }
            return null;
        });
    }

    /**
     * Disables the webhook, unless it is disabled already, and fails its pending deliveries, as none will be
     * tried: Webhook#afterAttempt and Webhook#settle, in SQL (WebhookRulesInSqlTest).
     */
    private static void disable(Connection c, WebhookId id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE webhooks SET disabled_at = ?"
                + " WHERE id = ? AND disabled_at IS NULL")) {
            setInstant(update, 1, now);
            update.setObject(2, id.value());
            update.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET state = 'failed',"
                + " next_attempt_at = NULL, leased_until = NULL WHERE webhook_id = ? AND state = 'pending'")) {
            update.setObject(1, id.value());
            update.executeUpdate();
        }
    }

    @Override
    public List<Delivery> deliveries(WebhookId id, int limit) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT *, type AS delivery_type FROM deliveries"
                    + " WHERE webhook_id = ? ORDER BY notification_id DESC LIMIT ?")) {
                select.setObject(1, id.value());
                select.setInt(2, limit);
                List<Delivery> deliveries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        deliveries.add(delivery(rows, "delivery_type"));
                    }
                }
                return deliveries;
            }
        });
    }

    @Override
    public Counts counts() {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FILTER (WHERE state = 'pending'),"
                    + " count(*) FILTER (WHERE state = 'failed') FROM deliveries");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2));
            }
        });
    }

    @Override
    public int purge(Instant before) {
        // Deliveries go with their notification (ON DELETE CASCADE); a batch at a time keeps each short.
        return jdbc.autoCommit(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id IN (SELECT o.id FROM"
                    + " outbox o WHERE o.handed_out AND o.time < ? AND NOT EXISTS (SELECT 1 FROM deliveries d"
                    + " WHERE d.notification_id = o.id AND d.state = 'pending') LIMIT 10000 FOR UPDATE SKIP LOCKED)")) {
                setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }

    private Webhook webhook(ResultSet row) throws SQLException {
        Set<NotificationType> types = EnumSet.noneOf(NotificationType.class);
        Arrays.stream((String[]) row.getArray("types").getArray())
                .forEach(type -> NotificationType.ofWireName(type).ifPresent(types::add));
        WebhookId id = new WebhookId(getUuid(row, "id"));
        return new Webhook(id, row.getString("owner"), row.getBoolean("every_event"),
                URI.create(row.getString("url")), types, StoredJson.secrets(row.getString("secrets"), box, id),
                getInstant(row, "created_at"), getInstant(row, "disabled_at"), getInstant(row, "admin_seen_at"));
    }

    private static Delivery delivery(ResultSet row, String typeColumn) throws SQLException {
        return new Delivery(new WebhookId(getUuid(row, "webhook_id")), new NotificationId(getUuid(row, "notification_id")),
                NotificationType.ofWireName(row.getString(typeColumn)).orElseThrow(), row.getInt("attempts"),
                row.getObject("last_status", Integer.class), getInstant(row, "next_attempt_at"),
                Delivery.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)));
    }
}
