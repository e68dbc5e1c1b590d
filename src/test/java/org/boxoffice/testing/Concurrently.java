package org.boxoffice.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one body on many threads released at the same instant, for races that tests want to provoke. */
public final class Concurrently {

    private Concurrently() {
    }

    /** What each thread runs; {@code thread} numbers them from 0. */
    @FunctionalInterface
    public interface Body {
        void run(int thread) throws Exception;
    }

    /**
     * Runs the body on that many threads at once and waits for all; rethrows the first failure. No
     * thread is left running afterwards, even when one failed.
     */
    public static void run(int threads, Body body) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("threads still running after the run");
            }
        }
    }
}
