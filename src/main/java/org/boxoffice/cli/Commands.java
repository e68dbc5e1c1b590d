package org.boxoffice.cli;

import io.quarkus.runtime.QuarkusApplication;

/** The commands {@code java -jar quarkus-run.jar <command>} runs instead of the HTTP service. */
public class Commands implements QuarkusApplication {

    private final DemoCommand demo;
    private final MigrateCommand migrate;

    public Commands(DemoCommand demo, MigrateCommand migrate) {
        this.demo = demo;
        this.migrate = migrate;
    }

    /** Runs the named command; exits 2 with a usage line for anything else. */
    @Override
    public int run(String... args) {
        if (args.length == 1 && DemoCommand.NAME.equals(args[0])) {
            return demo.run();
        }
        if (args.length == 1 && MigrateCommand.NAME.equals(args[0])) {
            return migrate.run();
        }
        System.err.println("usage: java -jar quarkus-run.jar [" + DemoCommand.NAME + " | " + MigrateCommand.NAME + "]");
        System.err.println("  (no argument)  run the HTTP service");
        System.err.println("  " + DemoCommand.NAME + "           run the seed's booking scenario in-process and exit");
        System.err.println("  " + MigrateCommand.NAME + "        apply the PostgreSQL schema migrations"
                + " (quarkus.datasource.*) and exit");
        return 2;
    }
}
