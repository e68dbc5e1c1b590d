package org.boxoffice.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as served with authentication off (the dev and test default): every operation public. */
@QuarkusTest
class DocumentWithoutAuthenticationTest {

    @Test
    void theDocumentServedWithAuthenticationOffPassesRedoclysRecommendedRules() throws Exception {
        ServedDocument.assertLintsClean(ServedDocument.save("openapi-auth-off.json"));
    }
}
