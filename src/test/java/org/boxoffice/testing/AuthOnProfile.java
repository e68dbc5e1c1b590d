package org.boxoffice.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@code @QuarkusTest} with authentication on, verifying the {@link Tokens} of the test key pair,
 * and without the rate limit, which the many requests of one test caller would trip. Every test class
 * that needs authentication on shares it, so they share one application start.
 */
public class AuthOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(Tokens.verifierSettings());
        // Off (a production default changed): these tests' few callers make hundreds of requests at once.
        // The rate limit is tested with its defaults by the acceptance suite (AccessAcceptanceIT), and with
        // small settings by RateLimitTest.
        settings.put("boxoffice.rate-limit.requests-per-second", "0");
        return settings;
    }
}
