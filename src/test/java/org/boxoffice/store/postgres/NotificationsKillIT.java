package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.boxoffice.testing.Concurrently;
import org.boxoffice.testing.ServiceProcess;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The outbox under {@code kill -9}: clients book (and are refused) while the instance is killed, with its
 * receiver failing every attempt until then. After a restart, beside a second instance, every booking the
 * database holds is delivered, each exactly once with a 2xx answer (the instances never send one delivery
 * at the same time), and nothing is sent for a change that did not commit.
 */
class NotificationsKillIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Quick retries and polls, and a short lease, so the test waits seconds rather than minutes. */
    private static final Map<String, String> QUICK = Map.of(
            "BOXOFFICE_WEBHOOKS_RETRY_SCHEDULE", "PT1S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S",
            "BOXOFFICE_WEBHOOKS_POLL_INTERVAL", "PT1S",
            "BOXOFFICE_WEBHOOKS_TIMEOUT", "PT2S");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCommittedChangeIsDeliveredAfterAKillAndNoneThatRolledBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ServiceProcess victim = ServiceProcess.start("notify-victim", QUICK)) {
            receiver.answer("/kill", 503);
            HttpResponse<String> subscribed = post(victim, "/webhooks", Map.of("url", receiver.url("/kill"),
                    "events", List.of("booking.confirmed")));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            int totalSeats = 300;
            HttpResponse<String> created = post(victim, "/events", Map.of("name", "Outbox under fire", "date_time",
                    LocalDate.now().plusYears(1) + " 19:00", "venue", "Test Hall", "total_seats", totalSeats));
            String eventId = json.readTree(created.body()).get("event_id").asText();

            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger cutOff = new AtomicInteger();
            int clients = 8;
            CountDownLatch halfway = new CountDownLatch(clients * 15);
            ExecutorService killer = Executors.newSingleThreadExecutor();
            Future<?> kill = killer.submit(() -> {
                halfway.await();
                victim.kill();
                return null;
            });
            Concurrently.run(clients, client -> {
                Random random = new Random(client);
                for (int i = 0; i < 40; i++) {
                    try {
                        int seat = 1 + random.nextInt(totalSeats - 1);
                        HttpResponse<String> answer = post(victim, "/bookings", Map.of("event_id", eventId,
                                "seats", List.of(seat, seat + 1)));
                        if (answer.statusCode() == 201) {
                            answered.add(json.readTree(answer.body()).get("booking_id").asText());
                        } else {
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                            refused.incrementAndGet();
                        }
                    } catch (IOException connectionLost) {
                        cutOff.incrementAndGet();
                    }
                    halfway.countDown();
                }
            });
            kill.get(1, TimeUnit.MINUTES);
            killer.shutdown();
            assertThat(refused.get()).as("seat conflicts refused, and rolled back").isPositive();
            assertThat(cutOff.get()).as("requests cut off by the kill").isPositive();
            Set<String> committed = bookingsIn(eventId);
            assertThat(committed).as("every booking answered 201 was committed").containsAll(answered);

            receiver.answer("/kill", 204);
            long restarted = System.nanoTime();
            victim.restart();
            try (ServiceProcess second = ServiceProcess.start("notify-second", QUICK)) {
                receiver.await(r -> r.answered() == 204, committed.size(), Duration.ofSeconds(90));
                double seconds = (System.nanoTime() - restarted) / 1e9;
                // A delivery sent twice would arrive within a few retry polls of the last one.
                List<WebhookReceiver.Received> delivered = receiver.awaitNoMore(r -> r.answered() == 204,
                        committed.size(), Duration.ofSeconds(3));

                Map<String, Long> perId = delivered.stream().collect(Collectors.groupingBy(
                        r -> r.header("webhook-id"), Collectors.counting()));
                assertThat(perId.values()).as("a delivery answered 2xx is never sent again").containsOnly(1L);
                Set<String> subjects = new HashSet<>();
                delivered.forEach(r -> subjects.add(r.subject().substring("bookings/".length())));
                assertThat(subjects).as("every committed booking delivered, nothing else")
                        .isEqualTo(committed);
                assertThat(outboxRows(eventId)).as("one notification per committed booking")
                        .isEqualTo(committed.size());
                System.out.printf("[kill -9] %d bookings committed (%d answered 201, %d cut off, %d refused);"
                        + " %d failed attempts before the kill; all %d delivered %.1f s after the restart began,"
                        + " 0 twice%n", committed.size(), answered.size(), cutOff.get(), refused.get(),
                        receiver.received(r -> r.answered() == 503).size(), delivered.size(), seconds);
            }
        }
    }

    private Set<String> bookingsIn(String eventId) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id FROM bookings WHERE event_id = ?")) {
            select.setObject(1, UUID.fromString(eventId));
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class).toString());
                }
            }
            return ids;
        }
    }

    private int outboxRows(String eventId) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT count(*) FROM outbox WHERE event_id = ?"
                        + " AND type = 'booking.confirmed'")) {
            select.setObject(1, UUID.fromString(eventId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private HttpResponse<String> post(ServiceProcess instance, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
