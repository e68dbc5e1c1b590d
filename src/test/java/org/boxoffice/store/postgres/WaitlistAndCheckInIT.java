package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.security.Ed25519TicketCodes;
import org.boxoffice.testing.Concurrently;
import org.boxoffice.testing.ServiceProcess;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The waiting list and the door with two instances of the packaged service on one database: cancellations
 * through both, racing each other, the instances' sweeps and bookings by seat number, offer freed seats once,
 * to entries in the order they joined; scanners through both let each ticket in once; and a {@code kill -9}
 * of one instance amid cancellations and check-ins loses no offer and no check-in it answered, and leaves
 * no offer half made.
 */
class WaitlistAndCheckInIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** One signing key for both instances, as a deployment shares one: a code verifies on either. */
    private final Map<String, String> settings;

    WaitlistAndCheckInIT() throws Exception {
        settings = Map.of("BOXOFFICE_CHECKIN_SIGNING_KEY",
                Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate()));
    }

    @Test
    void twoInstancesOfferFreedSeatsOnceInTurnAndLetEachTicketInOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ServiceProcess first = ServiceProcess.start("waitlist-a", settings);
                ServiceProcess second = ServiceProcess.start("waitlist-b", settings)) {
            List<ServiceProcess> instances = List.of(first, second);
            subscribe(first, receiver);
            int seats = 60;
            String eventId = createEvent(first, seats);
            List<String> bookings = new ArrayList<>();
            for (int seat = 1; seat <= seats; seat++) {
                bookings.add(created(post(instances.get(seat % 2), "/bookings", Map.of("event_id", eventId,
                        "seats", List.of(seat)))).get("booking_id").asText());
            }
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                entries.add(created(post(instances.get(i % 2), "/events/" + eventId + "/waitlist",
                        Map.of("quantity", 1))).get("entry_id").asText());
            }
            Set<String> sniped = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();

            Concurrently.run(12, client -> {
                if (client < 8) {
                    for (int i = client; i < 30; i += 8) {
                        HttpResponse<String> cancelled = post(instances.get(i % 2), "/bookings/" + bookings.get(i)
                                + "/cancel", Map.of());
                        if (cancelled.statusCode() != 200) {
                            unexpected.add(cancelled.statusCode());
                        }
                    }
                } else if (client < 10) {
                    for (int round = 0; round < 10; round++) {
                        post(instances.get(client % 2), "/scheduled", Map.of());
                    }
                } else {
                    for (int seat = client - 9; seat <= 30; seat += 2) {
                        HttpResponse<String> snipe = post(instances.get(seat % 2), "/bookings",
                                Map.of("event_id", eventId, "seats", List.of(seat)));
                        if (snipe.statusCode() == 201) {
                            sniped.add(json.readTree(snipe.body()).get("booking_id").asText());
                        } else if (snipe.statusCode() != 409) {
                            unexpected.add(snipe.statusCode());
                        }
                    }
                }
            });

            assertThat(unexpected).isEmpty();
            List<JsonNode> now = new ArrayList<>();
            for (String entry : entries) {
                now.add(get(instances.get(now.size() % 2), "/events/" + eventId + "/waitlist/" + entry));
            }
            int offered = (int) now.stream().filter(e -> e.get("status").asText().equals("offered")).count();
            assertThat(offered + sniped.size()).as("each of the 30 freed seats went to one owner").isEqualTo(30);
            assertThat(offered).as("offers come with the cancellations, before any booking by number").isEqualTo(30);
            Set<Integer> offeredSeats = new HashSet<>();
            for (int i = 0; i < now.size(); i++) {
                assertThat(now.get(i).get("status").asText()).as("entry %d, served in the order joined", i)
                        .isEqualTo(i < offered ? "offered" : "waiting");
                if (i < offered) {
                    JsonNode hold = get(first, "/holds/" + now.get(i).get("hold_id").asText());
                    hold.get("seats").forEach(seat -> assertThat(offeredSeats.add(seat.asInt()))
                            .as("seat %s offered twice", seat).isTrue());
                }
            }
            JsonNode counts = get(second, "/events/" + eventId + "/seats");
            assertThat(counts.get("held_seats").asInt()).isEqualTo(offered);
            assertThat(counts.get("booked_seats").asInt()).isEqualTo(30 + sniped.size());
            assertThat(rows("SELECT count(*) FROM outbox WHERE event_id = ? AND type = 'waitlist.offered'", eventId))
                    .isEqualTo(offered);

            List<String> codes = new ArrayList<>();
            for (String booking : bookings.subList(30, seats)) {
                codes.add(get(instances.get(codes.size() % 2), "/bookings/" + booking + "/tickets")
                        .at("/items/0/code").asText());
            }
            Map<String, AtomicInteger> admitted = new ConcurrentHashMap<>();
            Concurrently.run(32, scanner -> {
                for (int i = 0; i < codes.size(); i++) {
                    String code = codes.get((i + scanner) % codes.size());
                    HttpResponse<String> scan = post(instances.get(scanner % 2), "/events/" + eventId + "/checkins",
                            Map.of("code", code, "gate", "gate-" + scanner));
                    if (scan.statusCode() == 200) {
                        admitted.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                    } else {
                        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(409);
                        assertThat(json.readTree(scan.body()).get("type").asText()).endsWith("already-checked-in");
                    }
                }
            });

            assertThat(admitted).hasSize(codes.size());
            assertThat(admitted.values()).allSatisfy(times -> assertThat(times.get()).as("let in once").isEqualTo(1));
            assertThat(rows("SELECT count(*) FROM checkins WHERE event_id = ? AND status = 'checked-in'", eventId))
                    .isEqualTo(codes.size());
            assertThat(rows("SELECT count(*) FROM outbox WHERE event_id = ? AND type = 'ticket.checked_in'", eventId))
                    .isEqualTo(codes.size());
            assertThat(get(first, "/events/" + eventId + "/report").get("checked_in").asInt()).isEqualTo(codes.size());
        }
    }

    @Test
    void killingAnInstanceAmidOffersAndCheckInsLosesNothingItAnswered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                ServiceProcess victim = ServiceProcess.start("waitlist-victim", settings);
                ServiceProcess survivor = ServiceProcess.start("waitlist-survivor", settings)) {
            subscribe(survivor, receiver);
            int seats = 400;
            String eventId = createEvent(survivor, seats);
            List<String> bookings = new ArrayList<>();
            for (int seat = 1; seat <= seats; seat++) {
                bookings.add(created(post(survivor, "/bookings", Map.of("event_id", eventId,
                        "seats", List.of(seat)))).get("booking_id").asText());
            }
            for (int i = 0; i < 250; i++) {
                created(post(survivor, "/events/" + eventId + "/waitlist", Map.of("quantity", 1)));
            }
            List<String> codes = new ArrayList<>();
            for (String booking : bookings.subList(200, seats)) {
                codes.add(get(survivor, "/bookings/" + booking + "/tickets").at("/items/0/code").asText());
            }
            Set<String> cancelledAnswered = ConcurrentHashMap.newKeySet();
            Set<String> admittedAnswered = ConcurrentHashMap.newKeySet();
            AtomicInteger cutOff = new AtomicInteger();
            int clients = 8;
            CountDownLatch halfway = new CountDownLatch(clients * 12);
            ExecutorService killer = Executors.newSingleThreadExecutor();
            Future<?> kill = killer.submit(() -> {
                halfway.await();
                victim.kill();
                return null;
            });

            Concurrently.run(clients, client -> {
                for (int i = client; i < 200; i += clients) {
                    try {
                        if (i % 2 == 0) {
                            HttpResponse<String> cancelled = post(victim, "/bookings/" + bookings.get(i) + "/cancel",
                                    Map.of());
                            assertThat(cancelled.statusCode()).as(cancelled.body()).isIn(200, 503);
                            if (cancelled.statusCode() == 200) {
                                cancelledAnswered.add(bookings.get(i));
                            }
                        } else {
                            String code = codes.get(i);
                            HttpResponse<String> scan = post(victim, "/events/" + eventId + "/checkins",
                                    Map.of("code", code, "gate", "North"));
                            assertThat(scan.statusCode()).as(scan.body()).isIn(200, 503);
                            if (scan.statusCode() == 200) {
                                admittedAnswered.add(code);
                            }
                        }
                    } catch (IOException connectionLost) {
                        cutOff.incrementAndGet();
                    }
                    halfway.countDown();
                }
            });
            kill.get(1, TimeUnit.MINUTES);
            killer.shutdown();
            assertThat(cutOff.get()).as("requests cut off by the kill").isPositive();

            victim.restart();
            int cancelledSeats = rows("SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'cancelled'",
                    eventId);
            assertThat(cancelledSeats).isGreaterThanOrEqualTo(cancelledAnswered.size());
            for (String booking : cancelledAnswered) {
                assertThat(get(victim, "/bookings/" + booking).get("status").asText()).isEqualTo("cancelled");
            }
            // Each committed cancellation's seat was offered in its own transaction: nothing is left to offer.
            assertThat(rows("SELECT count(*) FROM waitlist WHERE event_id = ? AND status = 'offered'", eventId))
                    .isEqualTo(cancelledSeats);
            assertThat(rows("SELECT count(*) FROM outbox WHERE event_id = ? AND type = 'waitlist.offered'", eventId))
                    .isEqualTo(cancelledSeats);
            assertThat(rows("""
                    SELECT count(*) FROM waitlist w JOIN holds h ON h.id = w.hold_id
                    WHERE w.event_id = ? AND w.status = 'offered' AND h.status = 'held'""", eventId))
                    .as("every offer has its hold").isEqualTo(cancelledSeats);
            JsonNode counts = get(victim, "/events/" + eventId + "/seats");
            assertThat(counts.get("held_seats").asInt()).isEqualTo(cancelledSeats);
            assertThat(counts.get("available_seats").asInt()).isZero();
            JsonNode swept = json.readTree(post(survivor, "/scheduled", Map.of()).body());
            assertThat(swept.get("waitlist_offers").asInt()).as("no freed seat was left unoffered").isZero();

            int inside = rows("SELECT count(*) FROM checkins WHERE event_id = ? AND status = 'checked-in'", eventId);
            assertThat(inside).isGreaterThanOrEqualTo(admittedAnswered.size());
            assertThat(rows("SELECT count(*) FROM outbox WHERE event_id = ? AND type = 'ticket.checked_in'", eventId))
                    .isEqualTo(inside);
            for (String code : admittedAnswered) {
                HttpResponse<String> again = post(victim, "/events/" + eventId + "/checkins",
                        Map.of("code", code, "gate", "South"));
                assertThat(again.statusCode()).as("a check-in answered before the kill stands").isEqualTo(409);
            }
            System.out.printf("[kill -9] %d cancellations answered (%d committed, each offered once), %d check-ins"
                    + " answered (%d committed), %d requests cut off%n", cancelledAnswered.size(), cancelledSeats,
                    admittedAnswered.size(), inside, cutOff.get());
        }
    }

    /**
     * A webhook for the notifications counted here: the outbox keeps a notification some webhook receives
     * (for its retention), and drops one nobody receives once it is handed out.
     */
    private void subscribe(ServiceProcess instance, WebhookReceiver receiver) throws Exception {
        created(post(instance, "/webhooks", Map.of("url", receiver.url("/door"),
                "events", List.of("waitlist.offered", "ticket.checked_in"))));
    }

    private String createEvent(ServiceProcess instance, int totalSeats) throws Exception {
        return created(post(instance, "/events", Map.of("name", "Waiting list on-sale", "date_time",
                LocalDate.now().plusYears(1) + " 19:00", "venue", "Test Hall", "total_seats", totalSeats)))
                .get("event_id").asText();
    }

    private JsonNode created(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private int rows(String sql, String eventId) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
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

    private JsonNode get(ServiceProcess instance, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(instance.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }
}
