package org.boxoffice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a webhook subscription. */
public record WebhookId(UUID value) {

    public WebhookId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookId random() {
        return new WebhookId(Ids.newUuid());
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no webhook). */
    public static Optional<WebhookId> parse(String text) {
        return Ids.parseUuid(text).map(WebhookId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
