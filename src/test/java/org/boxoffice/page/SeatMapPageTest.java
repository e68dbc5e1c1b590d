package org.boxoffice.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * booking is then in the API. Leaves a screenshot of the seat map at {@code target/seatmap.png}.
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
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chromium"));
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
        screenshot();

        List<List<Integer>> booked = given().get("/bookings?limit=100").then().statusCode(200)
                .extract().path("items.findAll { it.event_id == '" + eventId + "' }.seats");
        assertThat(booked).contains(List.of(5, 6, 7));
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

    private void screenshot() throws IOException {
        File shot = browser.findElement(By.id("event")).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "seatmap.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String createVenueEvent(String name) {
        // Soon, so that it is on the page's first page of upcoming events whatever other tests created.
        Map<String, Object> body = Map.of("name", name, "date_time", Instant.now().plus(Duration.ofHours(2)).toString(),
                "venue", "Opera House", "layout", Map.of("sections", List.of(
                        Map.of("name", "Stalls", "category", "A", "rows", List.of(Map.of("label", "A", "seats", 24),
                                Map.of("label", "B", "seats", 24), Map.of("label", "C", "seats", 26))),
                        Map.of("name", "Balcony", "category", "B", "rows", List.of(Map.of("label", "A", "seats", 30),
                                Map.of("label", "B", "seats", 30))))));
        return given().contentType(ContentType.JSON).body(body).post("/events").then().statusCode(201)
                .extract().path("event_id");
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
