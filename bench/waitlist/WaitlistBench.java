import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The waiting list and the door under load, against a running service (bench/waitlist.sh starts it), with
 * one client for every figure, so the ratios compare like with like: (1) plain bookings per second with 32
 * clients, the baseline; (2) a sold-out event of 1,000 seats with 1,000 waiting entries and a burst of 500
 * cancellations from 32 clients: offers made per second and the time until the last freed seat is offered,
 * against the same burst on an event nobody waits for (three rounds each, alternating; medians); (3) check-ins per second of one event's tickets by
 * 32 scanners. Run by the JDK's source launcher: java bench/waitlist/WaitlistBench.java http://127.0.0.1:PORT
 */
public class WaitlistBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final int CLIENTS = 32;
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;

        String big = createEvent(200_000);
        AtomicInteger nextSeat = new AtomicInteger(1);
        run(CLIENTS, seconds, () -> post("/bookings", "{\"event_id\":\"" + big + "\",\"seats\":[" + nextSeat.getAndIncrement() + "]}"));
        double bookings = run(CLIENTS, seconds, () -> post("/bookings", "{\"event_id\":\"" + big + "\",\"seats\":["
                + nextSeat.getAndIncrement() + "]}"));
        System.out.printf("baseline: plain bookings, %d clients: %.0f/s%n", CLIENTS, bookings);

        // Three rounds each, alternating, so that neither side has the JIT's warm-up to itself; medians.
        List<double[]> withoutRounds = new ArrayList<>();
        List<double[]> withRounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            withoutRounds.add(burst(false));
            withRounds.add(burst(true));
        }
        double[] without = median(withoutRounds);
        double[] with = median(withRounds);
        System.out.printf("burst of 500 cancellations, nobody waiting: %.0f cancellations/s (%.3f s)%n", without[0], without[1]);
        System.out.printf("burst of 500 cancellations, 1,000 waiting: %.0f offers/s; last freed seat offered %.3f s after"
                + " the first cancellation was sent; %.2fx the burst without a waiting list, %.2fx plain bookings/s%n",
                with[0], with[1], with[0] / without[0], with[0] / bookings);

        List<String> codes = tickets(20_000);
        AtomicInteger next = new AtomicInteger();
        String door = codes.get(0);
        String event = eventOf(door);
        long started = System.nanoTime();
        AtomicInteger admitted = new AtomicInteger();
        parallel(CLIENTS, () -> {
            int i;
            while ((i = next.getAndIncrement()) < codes.size()) {
                if (post("/events/" + event + "/checkins", "{\"code\":\"" + codes.get(i) + "\",\"gate\":\"g\"}") == 200) {
                    admitted.incrementAndGet();
                }
            }
        });
        double checkins = admitted.get() / ((System.nanoTime() - started) / 1e9);
        System.out.printf("check-ins of one event's %d tickets by %d scanners: %.0f/s (%d let in); %.2fx plain bookings/s%n",
                codes.size(), CLIENTS, checkins, admitted.get(), checkins / bookings);
    }

    /** A sold-out 1,000-seat event, perhaps with 1,000 waiting; 500 cancellations at once: {per second, seconds}. */
    static double[] burst(boolean waiting) throws Exception {
        String event = createEvent(1_000);
        List<String> bookings = new ArrayList<>();
        for (int seat = 1; seat <= 1_000; seat++) {
            bookings.add(field(send("POST", "/bookings", "{\"event_id\":\"" + event + "\",\"seats\":[" + seat + "]}"),
                    "booking_id"));
        }
        if (waiting) {
            for (int i = 0; i < 1_000; i++) {
                send("POST", "/events/" + event + "/waitlist", "{\"quantity\":1}");
            }
        }
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        parallel(CLIENTS, () -> {
            int i;
            while ((i = next.getAndIncrement()) < 500) {
                if (post("/bookings/" + bookings.get(i * 2) + "/cancel", "{}") != 200) {
                    throw new IllegalStateException("a cancellation failed");
                }
            }
        });
        if (waiting) {
            while (!send("GET", "/events/" + event + "/seats", null).contains("\"held_seats\":500")) {
                Thread.sleep(1);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new double[] {500 / elapsed, elapsed};
    }

    static double[] median(List<double[]> rounds) {
        List<double[]> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }

    /** The codes of {@code seats} tickets of one new event, booked 50 seats at a time. */
    static List<String> tickets(int seats) throws Exception {
        String event = createEvent(seats);
        List<String> codes = new ArrayList<>();
        Pattern code = Pattern.compile("\"code\":\"([^\"]+)\"");
        for (int first = 1; first <= seats; first += 50) {
            StringBuilder list = new StringBuilder();
            for (int seat = first; seat < first + 50; seat++) {
                list.append(seat == first ? "" : ",").append(seat);
            }
            String booking = field(send("POST", "/bookings", "{\"event_id\":\"" + event + "\",\"seats\":[" + list + "]}"),
                    "booking_id");
            Matcher found = code.matcher(send("GET", "/bookings/" + booking + "/tickets", null));
            while (found.find()) {
                codes.add(found.group(1));
            }
        }
        return codes;
    }

    static String eventOf(String code) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(code.split("\\.")[1]));
        return field(payload, "event_id");
    }

    interface Work {
        void run() throws Exception;
    }

    interface Call {
        int call() throws Exception;
    }

    /** Calls on {@code clients} threads for {@code seconds}; the 2xx answers per second. */
    static double run(int clients, int seconds, Call call) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong ok = new AtomicLong();
        long started = System.nanoTime();
        parallel(clients, () -> {
            while (System.nanoTime() < until) {
                if (call.call() / 100 == 2) {
                    ok.incrementAndGet();
                }
            }
        });
        return ok.get() / ((System.nanoTime() - started) / 1e9);
    }

    static void parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                work.run();
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
    }

    static String createEvent(int seats) throws Exception {
        return field(send("POST", "/events", "{\"name\":\"Bench\",\"date_time\":\"" + LocalDate.now().plusYears(1)
                + " 19:00\",\"venue\":\"Bench Hall\",\"total_seats\":" + seats + "}"), "event_id");
    }

    static int post(String path, String body) throws Exception {
        return HTTP.send(request("POST", path, body), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String send(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    static HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }
}
