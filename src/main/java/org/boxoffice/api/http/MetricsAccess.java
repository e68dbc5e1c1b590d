package org.boxoffice.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.boxoffice.security.AccessDeniedException;
import org.boxoffice.security.NotAuthenticatedException;
import org.boxoffice.security.Role;
import org.boxoffice.service.BoxOfficeConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * {@code /q/metrics} with authentication on: only a token with the {@code admin} or the {@code metrics} group
 * reads them (a scraper needs no other power); the health endpoints stay open to the platform's probes. A
 * refusal is the API's own problem answer (401 with its Bearer challenge, 403): the metrics are not a REST
 * resource, and Quarkus's path permissions would refuse with an empty body.
 */
@ApplicationScoped
public class MetricsAccess {

    private static final Logger LOG = Logger.getLogger(MetricsAccess.class);
    /** The groups that may read the metrics. */
    static final Set<String> READERS = Set.of(Role.ADMIN.group(), "metrics");
    /**
     * After Quarkus's authentication (order -200, which leaves the token to verify on first use) and
     * before the metrics' own handler.
     */
    private static final int ORDER = -50;

    private final ExceptionMappers answers = new ExceptionMappers();

    void guard(@Observes Router router, BoxOfficeConfig config, ObjectMapper json) {
        if (!config.auth().enabled()) {
            return;
        }
        router.route("/q/metrics*").order(ORDER).handler(request -> QuarkusHttpUser.getSecurityIdentity(request, null)
                .subscribe().with(identity -> decide(request, identity, json),
                        failure -> send(request, answers.authenticationFailed(null), json)));
    }

    private void decide(RoutingContext request, SecurityIdentity identity, ObjectMapper json) {
        JsonWebToken token;
        try {
            token = Callers.token(identity,
                    "Send a bearer token with the admin or metrics group: Authorization: Bearer <JWT>.");
        } catch (NotAuthenticatedException anonymous) {
            send(request, answers.notAuthenticated(anonymous), json);
            return;
        }
        if (Callers.groups(token).stream().noneMatch(READERS::contains)) {
            send(request, answers.accessDenied(new AccessDeniedException(
                    "Reading the metrics needs a token with the admin or metrics group")), json);
        } else {
            request.next();
        }
    }

    private static void send(RoutingContext request, Response answer, ObjectMapper json) {
        HttpServerResponse response = request.response().setStatusCode(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> response.putHeader(name, values));
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .end(json.writeValueAsString(answer.getEntity()));
        } catch (Exception e) {
            LOG.error("Could not write a problem answer for the metrics", e);
            request.fail(500);
        }
    }
}
