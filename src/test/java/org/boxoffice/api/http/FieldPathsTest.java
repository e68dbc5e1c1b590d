package org.boxoffice.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathsTest {

    @Test
    void rendersEachRenamedPathAsTheApiNamesIt() {
        assertThat(FieldPaths.render("startsAt")).isEqualTo("date_time");
        assertThat(FieldPaths.render("pricing.defaultPrice")).isEqualTo("pricing.default");
        assertThat(FieldPaths.render("types")).isEqualTo("events");
        assertThat(FieldPaths.RENAMED).hasSize(3);
    }

    @Test
    void keepsIndicesAndWhatFollowsARenamedPath() {
        assertThat(FieldPaths.render("types[3]")).isEqualTo("events[3]");
        assertThat(FieldPaths.render("startsAtLocal")).isEqualTo("starts_at_local");
    }

    @Test
    void rendersEveryOtherNameInSnakeCaseKeepingIndices() {
        assertThat(FieldPaths.render("totalSeats")).isEqualTo("total_seats");
        assertThat(FieldPaths.render("paymentReference")).isEqualTo("payment_reference");
        assertThat(FieldPaths.render("refundPolicy[0].percent")).isEqualTo("refund_policy[0].percent");
        assertThat(FieldPaths.render("layout.sections[2].rows[10].label")).isEqualTo("layout.sections[2].rows[10].label");
        assertThat(FieldPaths.render("someList[1].innerName[2]")).isEqualTo("some_list[1].inner_name[2]");
    }

    @Test
    void leavesApiNamesAndClientChosenKeysAsTheyAre() {
        assertThat(FieldPaths.render("date_time")).isEqualTo("date_time");
        assertThat(FieldPaths.render("refund_policy[1].before")).isEqualTo("refund_policy[1].before");
        assertThat(FieldPaths.render("Idempotency-Key")).isEqualTo("Idempotency-Key");
        assertThat(FieldPaths.render("pricing.categories.frontRow")).isEqualTo("pricing.categories.frontRow");
        assertThat(FieldPaths.render("body")).isEqualTo("body");
    }
}
