package org.boxoffice.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.boxoffice.testing.AuthOnProfile;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as served with authentication on, as deployed: it passes Redocly's recommended
 * rules and is the committed contract {@code src/main/openapi/openapi.json}, from which clients are
 * generated.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class ContractTest {

    private static final String SERVED = "openapi.json";

    @Test
    void theDocumentServedWithAuthenticationOnPassesRedoclysRecommendedRules() throws Exception {
        ServedDocument.assertLintsClean(ServedDocument.save(SERVED));
    }

    @Test
    void withAuthenticationOnEveryOperationButTheSchedulersAndTheCheckinKeysAsksForABearerJwt() throws Exception {
        JsonNode document = ServedDocument.read(ServedDocument.save(SERVED));
        JsonNode bearer = new ObjectMapper().readTree("[{\"bearer\": []}]");
        Map<String, JsonNode> security = new TreeMap<>();
        document.path("paths").forEach(item -> item.forEach(operation ->
                security.put(operation.path("operationId").asText(), operation.path("security"))));

        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        // OpenApiAndHealthTest pins which operations there are; here, that each one asks for the token.
        // A scheduler (EventBridge, a PingSource) calls runScheduled with no token.
        assertThat(security.remove("runScheduled")).isEqualTo(new ObjectMapper().readTree("[]"));
        // Scanners verify ticket codes offline with these keys, token or not.
        assertThat(security.remove("getCheckinKeys")).isEqualTo(new ObjectMapper().readTree("[]"));
        assertThat(security).isNotEmpty()
                .allSatisfy((operationId, requirement) -> assertThat(requirement).as(operationId).isEqualTo(bearer));
    }

    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        Path served = ServedDocument.save(SERVED);
        JsonNode committed = ServedDocument.read(ServedDocument.CONTRACT);

        assertThat(ServedDocument.differences(committed, ServedDocument.read(served)))
                .as("The served OpenAPI document is not the committed contract %s. If the change is meant, review"
                        + " %s and copy it over %s.", ServedDocument.CONTRACT, served, ServedDocument.CONTRACT)
                .isEmpty();
    }
}
