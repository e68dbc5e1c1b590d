package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.seatSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals made at the HTTP level, before any use case runs, still answer in the problem shape. */
@QuarkusTest
class HttpProblemsTest {

    @Test
    void aPathThatDoesNotExistAnswers404Problem() {
        assertProblem(given().get("/no-such-thing").then(), 404);
    }

    @Test
    void aMethodThePathDoesNotSupportAnswers405Problem() {
        String eventId = createEvent(10);
        List<Object> before = seatSnapshot(eventId);

        assertProblem(given().contentType(ContentType.JSON).body(eventBody(10)).put("/events").then(), 405);
        assertProblem(given().delete("/events/" + eventId).then(), 405);
        assertProblem(given().contentType(ContentType.JSON).body("{}").put("/bookings").then(), 405);

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeAnswers415Problem() {
        assertProblem(given().contentType(ContentType.TEXT).body("name=x").post("/events").then(), 415);
        assertProblem(given().contentType(ContentType.URLENC).formParam("seats", "1").post("/bookings").then(), 415);
        assertProblem(given().contentType("application/xml").body("<event/>").post("/events").then(), 415);
    }

    @Test
    void askingForAFormatOtherThanJsonAnswers406Problem() {
        String eventId = createEvent(10);

        assertProblem(given().accept(ContentType.XML).get("/events/" + eventId).then(), 406)
                .body("type", equalTo("urn:boxoffice:problem:not-acceptable"));
    }
}
