package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.boxoffice.testing.ServiceProcess;
import org.boxoffice.testing.TcpProxy;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running instance and comes back: meanwhile every request answers
 * 503 problem+json with Retry-After, nothing is half-written, and afterwards the instance serves
 * again by itself, without a restart.
 */
class DatabaseOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theServiceAnswers503DuringAnOutageAndRecoversByItself() throws Exception {
        URI database = URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort());
                ServiceProcess service = ServiceProcess.start("instance-outage",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath())) {
            HttpResponse<String> event = post(service, "/events", "{\"name\": \"Outage\", \"date_time\": \""
                    + LocalDate.now().plusYears(1) + " 19:00\", \"venue\": \"Hall\", \"total_seats\": 10}");
            assertThat(event.statusCode()).isEqualTo(201);
            String eventId = event.body().replaceAll(".*\"event_id\":\"([^\"]+)\".*", "$1");

            proxy.cut();

            HttpResponse<String> refused = post(service, "/bookings",
                    "{\"event_id\": \"" + eventId + "\", \"seats\": [1, 2]}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.body()).contains("store-unavailable").doesNotContain("Exception");
            assertThat(get(service, "/q/health/ready").statusCode()).isEqualTo(503);

            proxy.restore();

            // Refused (503) until the pool has a connection again; a refusal changes nothing, so try again.
            HttpResponse<String> booked = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> post(service, "/bookings", "{\"event_id\": \"" + eventId + "\", \"seats\": [1, 2]}"),
                            answer -> answer.statusCode() != 503);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            assertThat(get(service, "/events/" + eventId + "/seats").body()).contains("\"booked_seats\":2");
            assertThat(get(service, "/q/health/ready").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
