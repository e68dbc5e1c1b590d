package org.boxoffice.api.http;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Which methods each path of the API answers, read from the resources' own annotations, so that a 405
 * names them in {@code Allow} and {@code OPTIONS} lists those and no others (the framework's own
 * {@code OPTIONS} answer lists every method of the resource class, whatever the path).
 */
public class AllowedMethods {

    /** The service's own resources; the framework's (health, metrics, the document) answer for themselves. */
    private static final String SERVICE_PACKAGES = "org.boxoffice.";

    private static volatile Map<Pattern, Set<String>> table;

    /** {@code OPTIONS} on a path of the API: 204 with its methods. Other paths go on (404, or /q/ endpoints). */
    @ServerRequestFilter(preMatching = true)
    public Response options(HttpServerRequest request) {
        if (!"OPTIONS".equals(request.method().name())) {
            return null;
        }
        String allow = allow(request.path());
        return allow == null ? null : Response.noContent().header(HttpHeaders.ALLOW, allow).build();
    }

    /** The {@code Allow} value for {@code path} (with HEAD beside GET, and OPTIONS), or null for no path of the API. */
    static String allow(String path) {
        Set<String> methods = new TreeSet<>();
        table().forEach((template, allowed) -> {
            if (template.matcher(path).matches()) {
                methods.addAll(allowed);
            }
        });
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return String.join(", ", methods);
    }

    private static Map<Pattern, Set<String>> table() {
        Map<Pattern, Set<String>> built = table;
        if (built == null) {
            built = new ConcurrentHashMap<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
                Class<?> resource = bean.getBeanClass();
                Path root = resource.getAnnotation(Path.class);
                if (root != null && resource.getPackageName().startsWith(SERVICE_PACKAGES)) {
                    add(built, root.value(), resource);
                }
            }
            table = built;
        }
        return built;
    }

    private static void add(Map<Pattern, Set<String>> table, String root, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    if (template.length() > 1 && template.endsWith("/")) {
                        template = template.substring(0, template.length() - 1);
                    }
                    Pattern path = Pattern.compile(toRegex(template));
                    table.computeIfAbsent(path, p -> new TreeSet<>()).add(verb.value());
                }
            }
        }
    }

    /** {@code /events/{event_id}/seats} becomes {@code \Q/events/\E[^/]+\Q/seats\E}, matched with or without a final slash. */
    private static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{[^}]*}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return regex + "/?";
    }
}
