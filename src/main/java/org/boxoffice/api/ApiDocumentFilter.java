package org.boxoffice.api;

import org.boxoffice.api.http.Problem;
import org.boxoffice.api.http.Problems;
import org.boxoffice.api.http.RequestHeadRoute;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.inject.Singleton;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.boxoffice.domain.BookingStatus;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.EntryStatus;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Pricing;
import org.boxoffice.service.BoxOfficeConfig;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Finishes the OpenAPI document of the API for the settings this run started with: every operation
 * lists the answers every operation can give (400, 401, 403, 406, 413, 414, 429, 431, 500, 503), every error answer carries the
 * problem document, and every operation says who may call it, so the resources repeat none of this. An
 * operation taking a body can answer 415; one taking an {@code Idempotency-Key} gives the header's schema
 * and can answer 400 for a malformed key. A webhook's notification types and every status are enums, and
 * request fields carry the bounds this run's settings give them.
 */
@Singleton
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("400", "An HTTP/1.1 request without a Host header, or with one that is not a host and port"),
            Map.entry("401", "No valid bearer token (with authentication on); WWW-Authenticate says why"),
            Map.entry("403", "The caller lacks the role this operation needs"),
            Map.entry("413", "The request body is larger than 16 KiB (1 MiB for POST /events, whose layout lists"
                    + " every row)"),
            Map.entry("414", "The request line (method, path and query) is longer than "
                    + RequestHeadRoute.MAX_REQUEST_LINE + " bytes"),
            Map.entry("431", "The request's headers are larger than " + RequestHeadRoute.MAX_HEADER_BYTES + " bytes"),
            Map.entry("406", "The Accept header asks only for formats this operation does not answer in"),
            Map.entry("429", "Too many requests from this caller; Retry-After says when to retry"),
            Map.entry("500", "An unexpected fault, its cause kept out of the answer (request_id finds it in the log)"),
            Map.entry("503", "The ticket store cannot be reached; nothing was changed; Retry-After says when to"
                    + " retry"));

    /** An operation anyone may call is limited for all its callers at once (RateLimitFilter). */
    private static final String ANYONE_LIMITED = "Too many calls of this operation on this instance, from anyone;"
            + " Retry-After says when to retry";


    /** In components.schemas through Problem's own @Schema, though no resource names it any more. */
    private static final String PROBLEM_SCHEMA = "Problem";

    /**
     * Every body the service answers with: a field its mapper always writes (null where it may be null) is
     * required in its schema, one it leaves out when null is not. Schemas requests also use are left to
     * their request's rules ({@code @NotNull}).
     */
    private static final List<Class<?>> ANSWERS = List.of(AvailableSeatsResponse.class, BookingResponse.class,
            BookingResponse.RefundResponse.class, CheckInResponse.class, CheckinKeysResource.KeysResponse.class,
            CheckinKeysResource.Jwk.class, DeliveryResponse.class, EventResponse.class, HoldResponse.class,
            MoneyResponse.class, PageResponse.class, Places.Place.class, Problem.class, Problem.FieldError.class,
            SalesReportResponse.class, SalesReportResponse.CategorySales.class,
            ScheduledResource.ScheduledRunResponse.class, SeatCountsResponse.class, SeatMapResponse.class,
            SeatMapResponse.Section.class, SeatMapResponse.Row.class, TicketResponse.class, TicketResponse.Items.class,
            WaitlistEntryResponse.class, WebhookResponse.class);

    /** The statuses answers carry, named by the domain's own states. */
    private static final Map<String, List<String>> STATUSES = Map.of(
            "Booking.status", wireNames(BookingStatus.values(), BookingStatus::wireName),
            "Hold.status", wireNames(HoldStatus.values(), HoldStatus::wireName),
            "WaitlistEntry.status", wireNames(EntryStatus.values(), EntryStatus::wireName),
            "Delivery.state", wireNames(Delivery.State.values(), Delivery.State::wireName),
            "CheckIn.status", wireNames(CheckIn.Status.values(), CheckIn.Status::wireName));

    private final BoxOfficeConfig config;
    private final boolean authEnabled;
    private final ObjectMapper mapper;

    public ApiDocumentFilter(BoxOfficeConfig config, ObjectMapper mapper) {
        this.config = config;
        this.authEnabled = config.auth().enabled();
        this.mapper = mapper;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        List<SecurityRequirement> security = security(openAPI.getComponents());
        enumerateNotificationTypes(openAPI.getComponents());
        enumerateStatuses(openAPI.getComponents());
        statesBounds(openAPI.getComponents());
        Set<String> requestSchemas = requestSchemas(openAPI);
        refuseUnknownFields(openAPI.getComponents(), requestSchemas);
        requireWhatIsAlwaysWritten(openAPI.getComponents(), requestSchemas);
        statesAlternatives(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                boolean open = Unauthenticated.PATHS.contains(path);
                item.getOperations().values().forEach(operation -> {
                    addCommonAnswers(operation, open);
                    describeBodyAndKey(operation);
                    giveErrorsTheProblem(operation);
                    operation.setSecurity(open ? new ArrayList<>() : new ArrayList<>(security));
                });
            }
        });
    }

    /**
     * With authentication on, a bearer token of the scheme the document declares
     * ({@code quarkus.smallrye-openapi.security-scheme}); with it off, nothing, and the document drops
     * that scheme, which no operation uses then.
     */
    private List<SecurityRequirement> security(Components components) {
        if (components == null || components.getSecuritySchemes() == null) {
            return List.of();
        }
        if (!authEnabled) {
            components.setSecuritySchemes(null);
            return List.of();
        }
        return components.getSecuritySchemes().keySet().stream()
                .map(scheme -> OASFactory.createSecurityRequirement().addScheme(scheme))
                .toList();
    }

    private static void addCommonAnswers(Operation operation, boolean open) {
        COMMON.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null
                    && !(open && (status.equals("401") || status.equals("403")))) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(open && status.equals("429") ? ANYONE_LIMITED : description));
            }
        });
    }

    /** A webhook's {@code events} name notification types: the enum lists every one the service sends. */
    private static void enumerateNotificationTypes(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        List<Object> types = Arrays.stream(NotificationType.values()).map(type -> (Object) type.wireName()).toList();
        for (String schema : List.of("CreateWebhook", "Webhook")) {
            Schema webhook = components.getSchemas().get(schema);
            if (webhook != null && webhook.getProperties() != null && webhook.getProperties().get("events") != null) {
                webhook.getProperties().get("events").setItems(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(types)));
            }
        }
    }

    private static void enumerateStatuses(Components components) {
        STATUSES.forEach((field, values) -> property(components, field,
                status -> status.enumeration(new ArrayList<>(values))));
    }

    /**
     * The bounds the service checks, so that a client (or a generated one) knows them before a 400: seats per
     * request, per event and per layout from this run's settings; prices and refund percentages from the domain.
     */
    private void statesBounds(Components components) {
        int perRequest = config.maxSeatsPerRequest();
        for (String seats : List.of("CreateBooking.seats", "CreateHold.seats")) {
            property(components, seats, list -> seatList(list).maxItems(perRequest));
        }
        property(components, "CancelBooking.seats", ApiDocumentFilter::seatList);
        property(components, "CreateHold.quantity", quantity -> quantity.minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(perRequest)));
        property(components, "JoinWaitlist.quantity", quantity -> quantity.minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(config.maxWaitlistQuantity())));
        property(components, "CreateEvent.total_seats", total -> total.minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(config.maxSeatsPerEvent())));
        property(components, "Layout.sections", sections -> sections.minItems(1)
                .maxItems(config.maxSectionsPerLayout()));
        property(components, "Section.rows", rows -> rows.minItems(1).maxItems(config.maxRowsPerLayout()));
        property(components, "Pricing.currency", currency -> currency.pattern("^[A-Za-z]{3}$"));
        property(components, "Pricing.default", ApiDocumentFilter::price);
        property(components, "Pricing.categories", categories -> {
            if (categories.getAdditionalPropertiesSchema() != null) {
                price(categories.getAdditionalPropertiesSchema());
            }
        });
        property(components, "RefundTier.percent", percent -> percent.minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(100)));
    }

    /** Seat numbers: at least one, none twice, each from 1. */
    private static Schema seatList(Schema list) {
        if (list.getItems() != null) {
            list.getItems().minimum(BigDecimal.ONE);
        }
        return list.minItems(1).uniqueItems(true);
    }

    private static void price(Schema price) {
        price.minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Pricing.MAX_PRICE));
    }

    /** Changes {@code Schema.property} where the document has it; a renamed one fails OpenApiAndHealthTest. */
    private static void property(Components components, String field, Consumer<Schema> change) {
        int dot = field.indexOf('.');
        Schema schema = components == null || components.getSchemas() == null ? null
                : components.getSchemas().get(field.substring(0, dot));
        if (schema != null && schema.getProperties() != null && schema.getProperties().get(field.substring(dot + 1)) != null) {
            change.accept(schema.getProperties().get(field.substring(dot + 1)));
        }
    }

    private static <T> List<String> wireNames(T[] values, java.util.function.Function<T, String> wireName) {
        return Arrays.stream(values).map(wireName).toList();
    }

    /** The schemas a request body names, and those they name in turn. */
    private static Set<String> requestSchemas(OpenAPI openAPI) {
        Set<String> found = new TreeSet<>();
        Deque<Schema> next = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().stream()
                        .filter(media -> media.getSchema() != null).forEach(media -> next.add(media.getSchema()));
            }
        }));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        while (!next.isEmpty()) {
            Schema schema = next.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.get(name) != null) {
                    next.add(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                next.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                next.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                next.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (alternatives != null) {
                    next.addAll(alternatives);
                }
            }
        }
        return found;
    }

    /** The mapper refuses a field it does not know (quarkus.jackson.fail-on-unknown-properties): a 400. */
    private static void refuseUnknownFields(Components components, Set<String> requestSchemas) {
        for (String name : requestSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && schema.getAdditionalPropertiesSchema() == null) {
                schema.setAdditionalPropertiesBoolean(false);
            }
        }
    }

    private void requireWhatIsAlwaysWritten(Components components, Set<String> requestSchemas) {
        SerializationConfig serialization = mapper.getSerializationConfig();
        for (Class<?> type : ANSWERS) {
            org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
                    type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            String name = annotation == null || annotation.name().isEmpty() ? type.getSimpleName() : annotation.name();
            Schema schema = components.getSchemas().get(name);
            if (schema == null || schema.getProperties() == null || requestSchemas.contains(name)) {
                continue;
            }
            BeanDescription description = serialization.introspect(mapper.constructType(type));
            JsonInclude.Value byDefault = description.findPropertyInclusion(
                    serialization.getDefaultPropertyInclusion(type, JsonInclude.Value.empty()));
            for (BeanPropertyDefinition property : description.findProperties()) {
                JsonInclude.Include inclusion = byDefault.withOverrides(property.findInclusion()).getValueInclusion();
                boolean always = property.getRawPrimaryType().isPrimitive() || inclusion == JsonInclude.Include.ALWAYS
                        || inclusion == JsonInclude.Include.USE_DEFAULTS;
                if (always && property.couldSerialize() && schema.getProperties().containsKey(property.getName())
                        && (schema.getRequired() == null || !schema.getRequired().contains(property.getName()))) {
                    schema.addRequired(property.getName());
                }
            }
        }
    }

    /** The request bodies that come in alternative forms say which, as their form checks do. */
    private static void statesAlternatives(Components components) {
        Schema hold = components.getSchemas().get("CreateHold");
        if (hold != null) {
            hold.setNot(CreateHoldRequest.refused());
        }
        Schema booking = components.getSchemas().get("CreateBooking");
        if (booking != null) {
            booking.setNot(CreateBookingRequest.refused());
        }
    }

    private static void describeBodyAndKey(Operation operation) {
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("415") == null) {
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse()
                    .description("A body without Content-Type: application/json"));
        }
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && IdempotentRequests.HEADER.equals(parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(IdempotentRequests.MAX_KEY_LENGTH).pattern(IdempotentRequests.KEY_PATTERN));
                String malformed = "an Idempotency-Key that is not 1 to " + IdempotentRequests.MAX_KEY_LENGTH
                        + " visible ASCII characters";
                APIResponse badRequest = operation.getResponses().getAPIResponse("400");
                if (badRequest == null) {
                    operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                            .description(Character.toUpperCase(malformed.charAt(0)) + malformed.substring(1)));
                } else if (!badRequest.getDescription().contains(IdempotentRequests.HEADER)) {
                    badRequest.setDescription(badRequest.getDescription() + "; or " + malformed);
                }
            }
        }
    }

    private static void giveErrorsTheProblem(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
