package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.bookingBody;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What an operator sees: request ids in answers and logs, and counters and latency at /q/metrics. */
@QuarkusTest
class ObservabilityTest {

    @InjectSpy
    InMemoryTicketStore store;

    @Test
    void everyAnswerCarriesARequestIdAndProblemsRepeatIt() {
        String generated = given().get("/events/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");

        assertProblem(given().header("X-Request-Id", "client-chosen-42").get("/events/nope").then(), 404)
                .header("X-Request-Id", "client-chosen-42")
                .body("request_id", equalTo("client-chosen-42"));
        given().header("X-Request-Id", "not sensible!\u00e9").get("/events").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aFailuresLogLineCarriesItsRequestId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord extended = ExtLogRecord.wrap(record);
                extended.copyMdc();
                records.add(extended);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.boxoffice");
        logger.addHandler(capture);
        try {
            String eventId = createEvent(10);
            doThrow(new IllegalStateException("boom")).when(store).addBooking(any(), anyInt());

            given().header("X-Request-Id", "trace-me-7").contentType(ContentType.JSON).body(bookingBody(eventId, 1))
                    .post("/bookings").then().statusCode(500).body("request_id", equalTo("trace-me-7"));

            assertThat(records).anySatisfy(record -> {
                assertThat(record.getMdc("requestId")).isEqualTo("trace-me-7");
                assertThat(record.getFormattedMessage()).contains("Unexpected failure");
            });
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    @Tag("needs-http-server")
    void metricsCountOutcomesAndTimeRequestsWithoutUnboundedLabels() {
        String eventId = createEvent(10);
        double booked = counter("boxoffice_bookings_total", "booked");
        double conflicts = counter("boxoffice_bookings_total", "conflict");
        String bookingId = book(eventId, 1).statusCode(201).extract().path("booking_id");
        book(eventId, 1).statusCode(409);
        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200);

        assertThat(counter("boxoffice_bookings_total", "booked")).isEqualTo(booked + 1);
        assertThat(counter("boxoffice_bookings_total", "conflict")).isEqualTo(conflicts + 1);
        assertThat(counter("boxoffice_cancellations_total", "cancelled")).isPositive();
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = metrics();
        assertThat(metrics).contains("http_server_requests_seconds_bucket").contains("uri=\"/bookings\"")
                .contains("uri=\"/bookings/{booking_id}/cancel\"")
                .doesNotContain(bookingId).doesNotContain(eventId)
                .doesNotContain("uri=\"/q/");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double counter(String name, String outcome) {
        Matcher value = Pattern.compile("^" + name + "\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
