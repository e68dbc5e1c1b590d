package org.boxoffice.notify;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.boxoffice.domain.Notification;

/**
 * A notification as a CloudEvent 1.0: {@code id} (also the {@code webhook-id}), {@code source}
 * {@code /events/<event_id>}, {@code type} {@code org.boxoffice.<type>}, {@code time}, {@code subject}, and as
 * {@code data} the JSON the API shows for the changed object, exactly as stored with the change.
 */
final class CloudEvents {

    /** The structured JSON mode's media type. */
    static final String STRUCTURED_CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final JsonFormat FORMAT = new JsonFormat();

    private CloudEvents() {
    }

    /** @param extensions extension attributes to add (Knative's {@code K_CE_OVERRIDES}) */
    static CloudEvent of(Notification notification, Map<String, String> extensions) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(notification.id().toString())
                .withSource(URI.create(notification.source()))
                .withType(notification.type().cloudEventType())
                .withTime(notification.time().atOffset(ZoneOffset.UTC))
                .withSubject(notification.subject())
                .withData("application/json", notification.data().getBytes(StandardCharsets.UTF_8));
        extensions.forEach(event::withExtension);
        return event.build();
    }

    /** The event in structured JSON mode: the body of an {@code application/cloudevents+json} request. */
    static byte[] structured(CloudEvent event) {
        return FORMAT.serialize(event);
    }
}
