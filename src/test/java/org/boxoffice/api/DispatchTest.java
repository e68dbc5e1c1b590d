package org.boxoffice.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.boxoffice.security.Caller;
import org.junit.jupiter.api.Test;

/**
 * With the in-memory stores, which never wait, a request's work runs on the thread that asks (the
 * event loop, for a request): no hand-off. The PostgreSQL counterpart is in {@link PostgresServiceTest}.
 */
@QuarkusTest
class DispatchTest {

    @Inject
    Dispatch dispatch;

    @Test
    void workForTheInMemoryStoreRunsWhereItIsAsked() {
        Thread asking = Thread.currentThread();
        Thread ran = dispatch.forCaller(caller -> Thread.currentThread()).await().atMost(Duration.ofSeconds(10));
        assertThat(ran).isSameAs(asking);
    }

    @Test
    void theWorkGetsTheVerifiedCaller() {
        Caller caller = dispatch.forCaller(c -> c).await().atMost(Duration.ofSeconds(10));
        assertThat(caller).isEqualTo(Caller.ANONYMOUS);
    }
}
