package org.boxoffice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class DemoCommandTest {

    @Test
    @Launch("demo")
    void theDemoRunsTheSeedsScenarioStepByStepAndSucceeds(LaunchResult result) {
        String output = result.getOutput();

        assertThat(result.exitCode()).isZero();
        assertThat(output)
                .contains("1. Create an event")
                .containsPattern("event_id [0-9a-f-]{36}")
                .contains("2. Check seats")
                .contains("total_seats 500, booked_seats 0, held_seats 0, available_seats 500")
                .contains("3. Book seats [1, 2, 3, 4, 5]")
                .containsPattern("booking_id [0-9a-f-]{36}, status confirmed")
                .contains("4. Try to book seats [5, 6]")
                .contains("refused, nothing booked; unavailable seats: [5]")
                .contains("5. Check seats again")
                .contains("total_seats 500, booked_seats 5, held_seats 0, available_seats 495")
                .contains("Demo finished");
    }

    @Test
    @Launch(value = "no-such-command", exitCode = 2)
    void anUnknownCommandPrintsUsageAndExits2(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("usage");
    }
}
