package org.boxoffice.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The port a service started with port 0 took, read from its start line ("Listening on:
 * http://0.0.0.0:PORT"): the service binds the port itself, so no port is probed free and bound later by
 * another process.
 */
public final class StartLine {

    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^:/\\s]+:(\\d+)");

    private StartLine() {
    }

    /**
     * Waits (up to {@code within}) for the first start line written to {@code log} after its first
     * {@code from} bytes; fails at once if the process stops.
     */
    public static int port(Path log, long from, BooleanSupplier alive, Duration within) {
        return Awaitility.await("a start line in " + log).atMost(within).pollInterval(Duration.ofMillis(100))
                .failFast("the process stopped while starting", () -> !alive.getAsBoolean())
                .until(() -> listening(log, from), OptionalInt::isPresent).getAsInt();
    }

    private static OptionalInt listening(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return OptionalInt.empty();
        }
        byte[] written = Files.readAllBytes(log);
        int start = (int) Math.min(from, written.length);
        Matcher listening = LISTENING.matcher(new String(written, start, written.length - start, StandardCharsets.UTF_8));
        return listening.find() ? OptionalInt.of(Integer.parseInt(listening.group(1))) : OptionalInt.empty();
    }
}
