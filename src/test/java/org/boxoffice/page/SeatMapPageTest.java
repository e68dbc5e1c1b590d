package org.boxoffice.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seat map page in a real browser (Debian's headless Chromium, driven by its chromedriver): open an
 * event, pick three seats by mouse and keyboard, hold them, confirm, and see them drawn as booked; the
 * booking is then in the API. With prices: each category's price on the map, the total before holding,
 * on the hold and on the booking, and the booking's tickets with their QR codes; a cancelled event marked
 * and not offered; a sold-out event offering its waiting list, whose offer the customer books; each opened
 * by its link. Leaves screenshots in {@code target/}: {@code seatmap.png}, {@code seatmap-tickets.png},
 * {@code seatmap-cancelled.png}, {@code seatmap-waitlist.png}.
 */
@QuarkusTest
class SeatMapPageTest {

    @TestHTTPResource("/")
    URL page;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "chromium-browser"));
        // Headless, as root in CI, and without the background traffic this machine's closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        // The page redraws the map when it reads availability again: an element found may be replaced.
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerPicksThreeSeatsHoldsAndConfirmsThemAndSeesThemBooked() throws IOException {
        String eventId = createVenueEvent("Page Test Gala");
        given().contentType(ContentType.JSON).body(Map.of("event_id", eventId, "seats", List.of(10, 11, 30)))
                .post("/bookings").then().statusCode(201);

        browser.get(page.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., 'Page Test Gala')]")))
                .click();
        wait.until(driver -> "Stalls, row A, seat 5: free".equals(seat(5).getAttribute("aria-label")));
        wait.until(driver -> seat(10).getAttribute("class").contains("booked"));

        onSeat(5, WebElement::click);
        onSeat(6, WebElement::click);
        onSeat(7, seat -> seat.sendKeys(Keys.SPACE));
        wait.until(driver -> "true".equals(seat(7).getAttribute("aria-checked")));
        browser.findElement(By.id("hold-selected")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("hold-seats")).getText())
                .isEqualTo("Stalls row A seat 5, Stalls row A seat 6, Stalls row A seat 7");
        assertThat(browser.findElement(By.id("countdown")).getText()).matches("Expires in (9:[0-5][0-9]|10:00)");

        browser.findElement(By.id("confirm")).click();
        for (int seat = 5; seat <= 7; seat++) {
            int number = seat;
            wait.until(driver -> seat(number).getAttribute("class").contains("booked"));
        }
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("Booked Stalls row A seat 5");
        screenshot("seatmap.png");

        // The page names the booking it made; other tests' bookings may fill the first pages of a listing.
        Matcher booking = Pattern.compile("\\(booking ([0-9a-f-]{36})\\)")
                .matcher(browser.findElement(By.id("message")).getText());
        assertThat(booking.find()).isTrue();
        given().get("/bookings/" + booking.group(1)).then().statusCode(200)
                .body("event_id", equalTo(eventId)).body("seats", equalTo(List.of(5, 6, 7)));
    }

    @Test
    void pricesShowOnTheMapAndTheTotalBeforeHoldingOnTheHoldAndOnTheBookingWithItsTicketsQrCodes()
            throws IOException {
        String eventId = createPricedVenueEvent("Priced Gala", Instant.now().plus(Duration.ofHours(2)));

        browser.get(page + "#event=" + eventId);
        wait.until(driver -> seat(5).getAttribute("aria-label").equals("Stalls, row A, seat 5: free, €120.00"));
        assertThat(browser.findElement(By.id("prices")).getText()).matches("Category A: €120.00\\s+Category B: €60.00");
        assertThat(browser.findElement(By.id("seatmap")).getText()).contains("Stalls (category A), €120.00 a seat",
                "Balcony (category B), €60.00 a seat");
        assertThat(browser.findElement(By.id("event-link")).getAttribute("href")).endsWith("#event=" + eventId);

        onSeat(5, WebElement::click);
        onSeat(75, WebElement::click);
        wait.until(driver -> browser.findElement(By.id("selection-total")).getText()
                .equals("2 seats selected, total €180.00"));
        browser.findElement(By.id("hold-selected")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("hold-total")).getText()).isEqualTo("Total €180.00");
        browser.findElement(By.id("confirm")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tickets")));
        assertThat(browser.findElement(By.id("message")).getText()).contains("for €180.00");
        assertThat(browser.findElement(By.id("booking-total")).getText()).startsWith("Paid €180.00");
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("const images ="
                + " [...document.querySelectorAll('#ticket-list img')]; return images.length === 2"
                + " && images.every(image => image.complete && image.naturalWidth > 0)")));
        assertThat(browser.findElements(By.cssSelector("#ticket-list li"))).extracting(WebElement::getText)
                .containsExactly("Stalls row A seat 5", "Balcony row A seat 1");
        screenshot("seatmap-tickets.png");
    }

    @Test
    void aCancelledEventIsMarkedInTheListAndItsLinkOffersNothing() throws IOException {
        String eventId = createPricedVenueEvent("Called Off Gala", Instant.now().plus(Duration.ofMinutes(90)));
        given().post("/events/" + eventId + "/cancel").then().statusCode(200);

        browser.get(page.toString());
        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[contains(., 'Called Off Gala')]")));
        assertThat(listed.getText()).endsWith("(cancelled)");
        assertThat(listed.isEnabled()).as("not offered").isFalse();

        browser.get(page + "#event=" + eventId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancelled-banner")));
        assertThat(browser.findElement(By.cssSelector("#event .actions")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("waitlist")).isDisplayed()).isFalse();
        onSeat(5, WebElement::click);
        assertThat(seat(5).getAttribute("aria-checked")).as("nothing can be picked").isEqualTo("false");
        screenshot("seatmap-cancelled.png");
    }

    @Test
    void aSoldOutEventOffersItsWaitingListAndTheOfferIsBookedFromThePage() throws IOException {
        String eventId = given().contentType(ContentType.JSON).body(Map.of("name", "Tiny Sold Out Show",
                "date_time", Instant.now().plus(Duration.ofHours(2)).toString(), "venue", "Cellar", "total_seats", 2,
                "pricing", Map.of("currency", "EUR", "default", 2500))).post("/events").then().statusCode(201)
                .extract().path("event_id");
        String bookingId = given().contentType(ContentType.JSON).body(Map.of("event_id", eventId, "seats", List.of(1)))
                .post("/bookings").then().statusCode(201).extract().path("booking_id");
        given().contentType(ContentType.JSON).body(Map.of("event_id", eventId, "seats", List.of(2)))
                .post("/bookings").then().statusCode(201);

        browser.get(page + "#event=" + eventId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waitlist")));
        WebElement quantity = browser.findElement(By.id("waitlist-quantity"));
        quantity.clear();
        quantity.sendKeys("1");
        browser.findElement(By.id("join-waitlist")).click();
        wait.until(driver -> browser.findElement(By.id("waitlist-status")).getText()
                .equals("You are number 1 on the waiting list for 1 seat."));
        screenshot("seatmap-waitlist.png");

        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("hold-seats")).getText()).isEqualTo("seats 1");
        assertThat(browser.findElement(By.id("hold-total")).getText()).isEqualTo("Total €25.00");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tickets")));
        wait.until(driver -> browser.findElement(By.id("waitlist-status")).getText().endsWith("accepted."));
        assertThat(browser.findElements(By.cssSelector("#ticket-list img"))).hasSize(1);
    }

    /** Does something to a seat, again if the page redrew it meanwhile. */
    private void onSeat(int number, Consumer<WebElement> action) {
        wait.until(driver -> {
            action.accept(seat(number));
            return true;
        });
    }

    private WebElement seat(int number) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-seat='" + number + "']")));
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.findElement(By.id("event")).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A venue like {@link #createVenueEvent}'s, priced by category: A 120.00, B 60.00 EUR. */
    private static String createPricedVenueEvent(String name, Instant at) {
        Map<String, Object> body = new HashMap<>(venueBody(name, at));
        body.put("pricing", Map.of("currency", "EUR", "default", 4500, "categories", Map.of("A", 12000, "B", 6000)));
        return given().contentType(ContentType.JSON).body(body).post("/events").then().statusCode(201)
                .extract().path("event_id");
    }

    private static String createVenueEvent(String name) {
        // Soon, so that it is on the page's first page of upcoming events whatever other tests created.
        return given().contentType(ContentType.JSON).body(venueBody(name, Instant.now().plus(Duration.ofHours(2))))
                .post("/events").then().statusCode(201).extract().path("event_id");
    }

    private static Map<String, Object> venueBody(String name, Instant at) {
        return Map.of("name", name, "date_time", at.toString(), "venue", "Opera House", "layout", Map.of("sections",
                List.of(Map.of("name", "Stalls", "category", "A", "rows", List.of(Map.of("label", "A", "seats", 24),
                                Map.of("label", "B", "seats", 24), Map.of("label", "C", "seats", 26))),
                        Map.of("name", "Balcony", "category", "B", "rows", List.of(Map.of("label", "A", "seats", 30),
                                Map.of("label", "B", "seats", 30))))));
    }

    /** The first of these programs on the PATH; Debian's packages chromium and chromium-driver put them there. */
    private static String executable(String... names) {
        return Stream.of(names).flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator))
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("no " + String.join(" or ", names)
                        + " on the PATH: apt-get install -y chromium chromium-driver"));
    }
}
