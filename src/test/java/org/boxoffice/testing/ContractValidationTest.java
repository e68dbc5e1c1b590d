package org.boxoffice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rule {@link ContractValidation} holds the API tests to, on the committed document: it can fail. */
class ContractValidationTest {

    private static final String HOLD = "/holds/7c6a3b9e-2f4d-4e1a-9b8c-0d1e2f3a4b5c";
    private static final String A_HOLD = """
            {"hold_id": "7c6a3b9e-2f4d-4e1a-9b8c-0d1e2f3a4b5c", "event_id": "f1d69c4a-b6c2-49bc-bd12-03979bc14f11",
             "seats": [10, 11], "status": "held", "created_at": "2026-01-01T10:00:00Z",
             "expires_at": "2026-01-01T10:10:00Z", "booking_id": null}""";
    private static final String A_PROBLEM = """
            {"type": "urn:boxoffice:problem:not-found", "title": "Not Found", "status": 404,
             "detail": "No such hold"}""";

    private static OpenApiInteractionValidator validator;

    @BeforeAll
    static void readTheCommittedDocument() throws Exception {
        validator = ContractValidation.forDocument(Files.readString(Path.of("src/main/openapi/openapi.json")));
    }

    @Test
    void anAnswerTheDocumentDescribesPasses() {
        assertThat(broken(getHold(), json(200, A_HOLD))).isEmpty();
        assertThat(broken(getHold(), problem(404, A_PROBLEM))).isEmpty();
    }

    @Test
    void aBodyBreakingTheSchemaFails() {
        assertThat(broken(getHold(), json(200, A_HOLD.replace("[10, 11]", "[\"ten\"]"))))
                .anySatisfy(error -> assertThat(error).contains("seats"));
        assertThat(broken(getHold(), json(200, A_HOLD.replace("\"seats\": [10, 11],", ""))))
                .anySatisfy(error -> assertThat(error).contains("seats"));
    }

    @Test
    void aStatusTheOperationDoesNotDocumentFails() {
        assertThat(broken(getHold(), problem(409, A_PROBLEM.replace("404", "409")))).isNotEmpty();
    }

    @Test
    void anErrorThatIsNotAProblemDocumentFails() {
        assertThat(broken(getHold(), SimpleResponse.Builder.status(404).withContentType("text/plain")
                .withBody("Not Found").build())).isNotEmpty();
    }

    @Test
    void aRefusedRequestIsNotHeldToTheDocumentButAnAcceptedOneIs() {
        Request unknownField = SimpleRequest.Builder.post("/holds").withContentType("application/json")
                .withAuthorization("Bearer x")
                .withBody("{\"event_id\": \"f1d69c4a-b6c2-49bc-bd12-03979bc14f11\", \"quantity\": 2, \"owner\": 1}")
                .build();

        assertThat(broken(unknownField, problem(400, A_PROBLEM.replace("404", "400")))).isEmpty();
        assertThat(broken(unknownField, json(201, A_HOLD))).anySatisfy(error -> assertThat(error).contains("owner"));
    }

    private static Request getHold() {
        return SimpleRequest.Builder.get(HOLD).withAuthorization("Bearer x").build();
    }

    private static SimpleResponse json(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
    }

    private static SimpleResponse problem(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/problem+json").withBody(body).build();
    }

    private static java.util.List<String> broken(Request request, SimpleResponse response) {
        return ContractValidation.broken(validator.validate(request, response), response.getStatus(),
                request.getRequestBody().isPresent());
    }
}
