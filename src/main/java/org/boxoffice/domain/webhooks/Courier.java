package org.boxoffice.domain.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Carries one delivery to its receiver: the port the service delivers through (HTTP, in the service). */
public interface Courier {

    /** Makes ready what the courier needs kept before a run, such as a subscription of its own. */
    default void prepare() {
    }

    /**
     * Why this courier would not send to {@code url} (a host it may not reach), or empty when it would:
     * asked when a webhook subscribes. The default refuses nothing.
     */
    default Optional<String> refusal(WebhookUrl url) {
        return Optional.empty();
    }

    /**
     * Sends the job's notification to its webhook once.
     *
     * @return the receiver's HTTP status, or null when there was no answer: a timeout, no connection, or a
     *     target the rules forbid; never completes exceptionally
     */
    CompletionStage<Integer> deliver(WebhookStore.Job job, Instant now);
}
