package org.boxoffice.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: with no arguments, the HTTP service; with {@code demo}, the seed's scenario
 * in-process, with the HTTP server switched off before it could open a port.
 */
@QuarkusMain
public class BoxOfficeMain {

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run(args);
        } else if (args.length == 1 && DemoCommand.NAME.equals(args[0])) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
            Quarkus.run(DemoCommand.class, args);
        } else {
            System.err.println("usage: java -jar quarkus-run.jar [" + DemoCommand.NAME + "]");
            System.err.println("  (no argument)  run the HTTP service");
            System.err.println("  " + DemoCommand.NAME + "           run the seed's booking scenario in-process and exit");
            System.exit(2);
        }
    }
}
