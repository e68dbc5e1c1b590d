package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ListingTest {

    /** A venue no other test uses, so these listings see only this test's events. */
    private static String uniqueVenue() {
        return "Venue " + UUID.randomUUID();
    }

    private static String createEventAt(String venue, String dateTime) {
        Map<String, Object> body = eventBody(10);
        body.put("venue", venue);
        body.put("date_time", dateTime);
        return postJson("/events", body).statusCode(201).extract().path("event_id");
    }

    private static String day(int daysAhead) {
        return LocalDate.now().plusDays(daysAhead) + " 19:00";
    }

    @Test
    void eventsAreListedByDateAcrossPagesWithoutGapsOrRepeats() {
        String venue = uniqueVenue();
        String third = createEventAt(venue, day(30));
        String first = createEventAt(venue, day(10));
        String second = createEventAt(venue, day(20));
        String fourth = createEventAt(venue, day(40));
        String fifth = createEventAt(venue, day(50));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("venue", venue).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/events").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            listed.addAll(page.getList("items.event_id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactly(first, second, third, fourth, fifth);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void eventsAreFilteredByVenueAndDates() {
        String venue = uniqueVenue();
        createEventAt(venue, day(10));
        String middle = createEventAt(venue, day(20));
        createEventAt(venue, day(30));

        given().queryParam("venue", venue.toUpperCase()).queryParam("from", day(15)).queryParam("to", day(25))
                .get("/events").then().statusCode(200)
                .body("items.event_id", org.hamcrest.Matchers.equalTo(List.of(middle)))
                .body("next_cursor", nullValue());
    }

    /** The form of docs/api.md: a date alone is the start of that day (UTC), as the document says. */
    @Test
    void fromAndToTakeADateAlone() {
        String venue = uniqueVenue();
        String inside = createEventAt(venue, LocalDate.now().plusDays(20) + " 00:00");
        createEventAt(venue, LocalDate.now().plusDays(21) + " 00:00");
        given().queryParam("venue", venue).queryParam("from", LocalDate.now().plusDays(20).toString())
                .queryParam("to", LocalDate.now().plusDays(21).toString())
                .get("/events").then().statusCode(200)
                .body("items.event_id", org.hamcrest.Matchers.equalTo(List.of(inside)));
        assertProblem(given().queryParam("from", "2030-02-30").get("/events").then(), 400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void theDefaultPageHoldsTwentyEvents() {
        String venue = uniqueVenue();
        for (int i = 0; i < 21; i++) {
            createEventAt(venue, day(10 + i));
        }

        JsonPath page = given().queryParam("venue", venue).get("/events").then().statusCode(200).extract().jsonPath();

        assertThat(page.getList("items")).hasSize(20);
        assertThat(page.getString("next_cursor")).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=101, limit", "limit=abc, limit", "cursor=garbage, cursor",
        "cursor=djE6eDp5Onq, cursor", "from=yesterday, from", "to=2030-13-01, to",
        "from=2031-01-01T00:00&to=2030-01-01T00:00, to"})
    void badListingParametersAnswer400(String query, String field) {
        assertProblem(given().get("/events?" + query).then(), 400).body("errors.field", hasItem(field));
    }

    @Test
    void badPagingOfBookingsAnswers400() {
        assertProblem(given().get("/bookings?limit=500").then(), 400).body("errors.field", hasItem("limit"));
        assertProblem(given().get("/bookings?cursor=xyz").then(), 400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void bookingsAreListedAcrossPagesWithoutGapsOrRepeats() {
        String eventId = createEvent(10);
        List<String> made = new ArrayList<>();
        for (int seat = 1; seat <= 5; seat++) {
            made.add(book(eventId, seat).statusCode(201).extract().path("booking_id"));
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/bookings").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.booking_id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.stream().filter(made::contains).toList()).containsExactlyElementsOf(made);
    }
}
