package org.boxoffice.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: with no arguments, the HTTP service; with arguments, a command of
 * {@link Commands} ({@code demo}, {@code migrate}) run in-process with the HTTP server switched off
 * before it could open a port.
 */
@QuarkusMain
public class BoxOfficeMain {

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        // In-process, with no HTTP: there is no caller to verify.
        System.setProperty("boxoffice.auth.enabled", "false");
        System.setProperty("quarkus.banner.enabled", "false");
        System.setProperty("quarkus.log.level", "WARN");
        if (MigrateCommand.NAME.equals(args[0])) {
            // The command migrates, and says what it did; the start must not have done it first.
            System.setProperty("quarkus.flyway.migrate-at-start", "false");
        }
        Quarkus.run(Commands.class, args);
    }
}
