package org.boxoffice.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.contract.client.ApiClient;
import org.boxoffice.contract.client.ApiException;
import org.boxoffice.contract.client.ApiResponse;
import org.boxoffice.contract.client.api.BookingsApi;
import org.boxoffice.contract.client.api.EventsApi;
import org.boxoffice.contract.client.model.Booking;
import org.boxoffice.contract.client.model.CreateBooking;
import org.boxoffice.contract.client.model.CreateEvent;
import org.boxoffice.contract.client.model.Event;
import org.boxoffice.contract.client.model.Problem;
import org.boxoffice.contract.client.model.SeatCounts;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the committed contract (by the build, into
 * {@code target/generated-test-sources/openapi-client}) against the service: what a client team would
 * get from {@code src/main/openapi/openapi.json} works, errors included.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aGeneratedClientWalksTheSeedFlow() throws Exception {
        ApiClient client = new ApiClient().setHost(base.getHost()).setPort(base.getPort());
        EventsApi events = new EventsApi(client);
        BookingsApi bookings = new BookingsApi(client);

        ApiResponse<Event> created = events.createEventWithHttpInfo(new CreateEvent().name("Summer Concert")
                .venue("Central Park").dateTime(LocalDate.now().plusYears(1) + " 19:00").totalSeats(500), null);
        UUID eventId = created.getData().getEventId();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("Location")).containsExactly("/events/" + eventId);

        ApiResponse<SeatCounts> seats = events.getSeatCountsWithHttpInfo(eventId.toString());
        assertThat(seats.getStatusCode()).isEqualTo(200);
        assertThat(seats.getData().getAvailableSeats()).isEqualTo(500);

        ApiResponse<Booking> booked = bookings.bookSeatsWithHttpInfo(
                new CreateBooking().eventId(eventId).seats(Set.of(1, 2, 3, 4, 5)), null);
        assertThat(booked.getStatusCode()).isEqualTo(201);
        assertThat(booked.getData().getStatus().getValue()).isEqualTo("confirmed");

        ApiException taken = catchThrowableOfType(ApiException.class,
                () -> bookings.bookSeats(new CreateBooking().eventId(eventId).seats(Set.of(5, 6)), null));
        assertThat(taken.getCode()).isEqualTo(409);
        Problem conflict = client.getObjectMapper().readValue(taken.getResponseBody(), Problem.class);
        assertThat(conflict.getUnavailableSeats()).containsExactly(5);

        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> bookings.bookSeats(new CreateBooking().eventId(eventId).seats(Set.of(0, 6)), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class).getErrors())
                .isNotEmpty();
    }
}
