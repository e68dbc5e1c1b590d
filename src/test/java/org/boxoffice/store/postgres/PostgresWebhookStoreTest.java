package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.security.SecretBox;
import org.boxoffice.store.WebhookStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresWebhookStoreTest extends WebhookStoreContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final SecretBox box = SecretBox.generated();

    @Override
    protected Stores newStores() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return new Stores(new PostgresTicketStore(database.dataSource(), false, TestPayloads.json(),
                StoreRules.waitingList()),
                new PostgresWebhookStore(database.dataSource(), Optional.empty(), box));
    }

    /** Leaves no webhook sealed with this test's keys on a database later tests (and CI's services) share. */
    @AfterEach
    void empty() {
        TestDatabase.get().truncate();
    }

    private PostgresWebhookStore store(SecretBox with) {
        return new PostgresWebhookStore(TestDatabase.get().dataSource(), Optional.empty(), with);
    }

    private static Webhook subscribe() {
        return Webhook.subscribe(WebhookId.random(), "olga", false, "https://hooks.example.com/olga",
                List.of("event.created"), false, NOW);
    }

    private static String column(WebhookId id) throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT secrets::text FROM webhooks WHERE id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Test
    void theSecretsColumnHoldsEverySecretSealedNeverInTheClear() throws SQLException {
        Webhook webhook = subscribe();
        store(box).add(webhook);
        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, false);
        store(box).update(rotated);

        String stored = column(webhook.id());
        for (Webhook.Secret secret : rotated.secrets()) {
            assertThat(stored).doesNotContain(secret.value()).doesNotContain(secret.value().substring("whsec_".length()));
        }
        assertThat(stored).doesNotContain("whsec_").contains("\"value\": \"" + SecretBox.PREFIX);
        assertThat(store(box).find(webhook.id())).contains(rotated);
        // Sealed for that webhook and with this key: another key does not open it.
        assertThatThrownBy(() -> store(SecretBox.generated()).find(webhook.id()))
                .hasMessageContaining("does not open with any key of boxoffice.webhooks.secret-key");
    }

    /** One webhook sealed with a key since removed must not hold up the deliveries of every other. */
    @Test
    void aWebhookWhoseSecretsNoKeyOpensIsClaimedWithoutSecretsBesideTheOthers() {
        SecretBox former = SecretBox.generated();
        Webhook lost = Webhook.subscribe(WebhookId.random(), "olga", false, "https://hooks.example.com/lost",
                List.of("event.created"), false, NOW.minusSeconds(3600));
        store(former).add(lost);
        Webhook kept = Webhook.subscribe(WebhookId.random(), "olga", false, "https://hooks.example.com/kept",
                List.of("event.created"), false, NOW.minusSeconds(3600));
        store(box).add(kept);
        addEvent("olga");
        Instant later = Instant.now().plusSeconds(1);
        assertThat(store(box).fanOut(later, later.minusSeconds(60), 100)).as("notifications handed out").isEqualTo(1);

        List<WebhookStore.Job> jobs = store(box).claimDue(later, Duration.ofMinutes(1), 10);

        assertThat(jobs).hasSize(2);
        assertThat(jobs).filteredOn(job -> job.webhook().id().equals(lost.id())).singleElement()
                .satisfies(job -> assertThat(job.webhook().signingSecrets(NOW)).isEmpty());
        assertThat(jobs).filteredOn(job -> job.webhook().id().equals(kept.id())).singleElement()
                .satisfies(job -> assertThat(job.webhook()).isEqualTo(kept));
    }

    @Test
    void aSecretARowKeptInTheClearStillSignsAndIsSealedOnTheNextWrite() throws SQLException {
        Webhook webhook = subscribe();
        store(box).add(webhook);
        // As the release before sealing wrote it.
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE webhooks SET secrets = ?::jsonb WHERE id = ?")) {
            update.setString(1, "[{\"value\": \"" + webhook.currentSecret() + "\", \"createdAt\": \"" + NOW
                    + "\", \"retiresAt\": null}]");
            update.setObject(2, webhook.id().value());
            update.executeUpdate();
        }

        assertThat(store(box).find(webhook.id())).contains(webhook);

        store(box).update(webhook.rotated(Webhook.newSecret(), NOW, false));
        assertThat(column(webhook.id())).doesNotContain("whsec_");
        assertThat(store(box).find(webhook.id()).orElseThrow().signingSecrets(NOW)).extracting(Webhook.Secret::value)
                .contains(webhook.currentSecret());
    }

    @Test
    void theMigrationDropsTheSecretsKeptInWebhookAnswersForReplayAndNothingElse() throws Exception {
        String webhookAnswer = "{\"webhook_id\":\"01a2\",\"url\":\"https://h.example.com\",\"secret\":\""
                + Webhook.newSecret() + "\"}";
        String bookingAnswer = "{\"booking_id\":\"01a3\",\"secret\":\"not a webhook's\"}";
        try (Connection c = TestDatabase.get().dataSource().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_keys (key, fingerprint,"
                    + " claimed_at, status, location, body) VALUES (?, 'f', now(), 201, ?, ?)")) {
                insert.setString(1, "ada hook");
                insert.setString(2, "/webhooks/01a2");
                insert.setString(3, webhookAnswer);
                insert.addBatch();
                insert.setString(1, "ada booking");
                insert.setString(2, "/bookings/01a3");
                insert.setString(3, bookingAnswer);
                insert.addBatch();
                insert.executeBatch();
            }
            try (Statement statement = c.createStatement()) {
                statement.execute(Files.readString(Path.of(
                        "src/main/resources/db/migration/V10__forget_kept_webhook_secrets.sql")));
                statement.execute("RESET ALL");
            }
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT key, body FROM idempotency_keys ORDER BY key")) {
                rows.next();
                assertThat(rows.getString("body")).isEqualTo(bookingAnswer);
                rows.next();
                assertThat(rows.getString("body")).doesNotContain("secret").doesNotContain("whsec_")
                        .contains("\"webhook_id\": \"01a2\"");
            }
        }
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return OutboxRows.of(id);
    }
}
