package org.boxoffice.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link ContractValidation} for every {@code @QuarkusTest} (registered in
 * META-INF/services), so that no test has to ask for it; before each test the document is read again,
 * as the application may have restarted with another profile.
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    private static final ContractValidation FILTER = new ContractValidation();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        FILTER.forget();
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
