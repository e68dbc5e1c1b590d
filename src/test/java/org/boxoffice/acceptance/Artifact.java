package org.boxoffice.acceptance;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A packaged artifact of Box Office, started as it is deployed: the jar, the container image, a Lambda
 * zip behind a stand-in for Lambda and API Gateway. The acceptance suite speaks HTTP to whichever it is
 * given ({@link Deployment}), so each passes the same checks.
 */
interface Artifact {

    /** What the artifact is, for messages. */
    String name();

    /** Whether its build migrates the schema when it starts (if not, {@code migrate} is a deploy step). */
    boolean migratesAtStart();

    /**
     * Whether it limits each caller's rate itself: an instance serving many requests at once does; a Lambda
     * environment serves one at a time, and there API Gateway's throttling limits callers.
     */
    boolean limitsCallersItself();

    /**
     * Whether it keeps running between requests, so that deliveries go out right after each change; a Lambda
     * environment is frozen between requests, and there the schedule event sends them.
     */
    boolean runsBetweenRequests();

    /**
     * Whether its own HTTP server reads the requests off the connection; behind API Gateway (a Lambda function)
     * the gateway does, and hands the function an event.
     */
    boolean servesHttpItself();

    /** Whether it has a command line ({@code demo} runs on one; a Lambda function has none). */
    boolean hasCommandLine();

    /**
     * Starts it with these settings (environment variables: all a deployment gives it) and returns once it
     * answers HTTP. Its output goes to {@code log}.
     */
    Running start(Map<String, String> settings, Path log) throws Exception;

    /** Runs one of its commands ({@code migrate}, {@code demo}) with these settings to its end. */
    Finished run(Map<String, String> settings, String... arguments) throws Exception;

    /** A started artifact. */
    interface Running extends AutoCloseable {

        URI uri(String path);

        /** Stops it as its platform would (SIGTERM, then a kill after a grace period). */
        @Override
        void close() throws Exception;
    }

    /** A command's end: its exit status (0 for success) and everything it printed. */
    record Finished(int status, String output) {
    }
}
