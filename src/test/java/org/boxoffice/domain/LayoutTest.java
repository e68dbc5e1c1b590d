package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    private static final BookingLimits LIMITS = new BookingLimits(100, 50, NO_BOUND, NO_BOUND);

    static Layout.Section section(String name, String category, Object... labelsAndSeats) {
        List<Layout.Row> rows = new ArrayList<>();
        for (int i = 0; i < labelsAndSeats.length; i += 2) {
            rows.add(new Layout.Row((String) labelsAndSeats[i], (Integer) labelsAndSeats[i + 1]));
        }
        return new Layout.Section(name, category, rows);
    }

    private static List<Violation> violationsOf(List<Layout.Section> sections) {
        try {
            Layout.of(sections, LIMITS);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("expected the layout to be refused");
    }

    @Test
    void seatsAreNumberedSectionBySectionRowByRowLeftToRight() {
        Layout layout = Layout.of(List.of(section("Stalls", "A", "A", 20, "B", 22), section("Balcony", "B", "A", 30)),
                LIMITS);

        assertThat(layout.totalSeats()).isEqualTo(72);
        assertThat(layout.place(1)).isEqualTo(new Layout.Place(1, "Stalls", "A", 1));
        assertThat(layout.place(20)).isEqualTo(new Layout.Place(20, "Stalls", "A", 20));
        assertThat(layout.place(23)).isEqualTo(new Layout.Place(23, "Stalls", "B", 3));
        assertThat(layout.place(43)).isEqualTo(new Layout.Place(43, "Balcony", "A", 1));
        assertThat(layout.place(72)).isEqualTo(new Layout.Place(72, "Balcony", "A", 30));
        assertThat(layout.categoryOf(43)).isEqualTo("B");
        assertThat(layout.rowsOf(1)).containsExactly(2, 2);
    }

    @Test
    void namesAndLabelsAreStrippedAndACategoryIsOptional() {
        Layout layout = Layout.of(List.of(section(" Floor ", null, " 1 ", 5)), LIMITS);

        assertThat(layout.sections()).containsExactly(new Layout.Section("Floor", null, List.of(new Layout.Row("1", 5))));
    }

    @Test
    void everyBrokenRuleIsNamedByItsPath() {
        List<Violation> violations = violationsOf(List.of(
                section("Stalls", "A", "A", 10, "A", 0),
                section("Stalls", " ", "A", 5),
                section("", null)));

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "layout.sections[0].rows[1].label",
                "layout.sections[0].rows[1].seats",
                "layout.sections[1].name",
                "layout.sections[1].category",
                "layout.sections[2].name",
                "layout.sections[2].rows");
    }

    @Test
    void aLayoutNeedsASectionAndAtMostTheLimitOfSeats() {
        assertThat(violationsOf(List.of())).extracting(Violation::field).containsExactly("layout.sections");
        assertThat(violationsOf(List.of(section("Big", null, "A", 60, "B", 41)))).extracting(Violation::message)
                .containsExactly("must have at most 100 seats in all, not 101");
    }

    @Test
    void nullsInTheRequestAreRefusedNotThrownAt() {
        List<Layout.Section> sections = new ArrayList<>();
        sections.add(null);
        List<Layout.Row> rows = new ArrayList<>();
        rows.add(null);
        sections.add(new Layout.Section("Stalls", null, rows));

        assertThat(violationsOf(sections)).extracting(Violation::field)
                .containsExactly("layout.sections[0]", "layout.sections[1].rows[0]");
    }

    @Test
    void aSeatOutsideTheLayoutHasNoPlace() {
        Layout layout = Layout.of(List.of(section("Stalls", null, "A", 3)), LIMITS);

        assertThatThrownBy(() -> layout.place(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLayoutWithMoreSectionsOrRowsThanTheLimitsIsRefusedWithOneViolation() {
        BookingLimits limits = new BookingLimits(100, 50, 2, 3);
        List<Layout.Section> threeSections = List.of(section("A", null, "1", 1), section("B", null, "1", 1),
                section("C", null, "1", 1));
        List<Layout.Section> fourRows = List.of(section("A", null, "1", 1, "2", 1), section("B", null, "1", 1, "2", 1));

        assertThatThrownBy(() -> Layout.of(threeSections, limits)).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("layout.sections", "must list at most 2 sections, not 3")));
        assertThatThrownBy(() -> Layout.of(fourRows, limits)).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("layout", "must have at most 3 rows in all, not 4")));
        assertThat(Layout.of(threeSections.subList(0, 2), limits).totalSeats()).isEqualTo(2);
    }
}
