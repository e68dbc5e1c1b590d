package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void eachNameBecomesAPositionAndANameUsedTwiceTakesTwo() {
        NamedSql sql = NamedSql.of("SELECT 1 FROM t WHERE a = :a AND b > :b_2 OR a < :a");

        assertThat(sql.sql()).isEqualTo("SELECT 1 FROM t WHERE a = ? AND b > ? OR a < ?");
        assertThat(sql.positions()).containsExactly("a", "b_2", "a");
    }

    @Test
    void castsQuotedTextAndCommentsAreLeftAlone() {
        NamedSql sql = NamedSql.of("""
                SELECT :seats::integer[], '10:30 :not', 'it''s :not', "col:not", x::text -- :not
                /* :not */ FROM t WHERE y = :y""");

        assertThat(sql.sql()).isEqualTo("""
                SELECT ?::integer[], '10:30 :not', 'it''s :not', "col:not", x::text -- :not
                /* :not */ FROM t WHERE y = ?""");
        assertThat(sql.positions()).containsExactly("seats", "y");
    }

    @Test
    void bindsByNameOnTheDatabase() throws Exception {
        NamedSql sql = NamedSql.of("""
                SELECT :a::integer + :a::integer, cardinality(:seats::integer[]), :at::timestamptz, :text || ':x'""");
        Instant at = Instant.parse("2026-01-02T03:04:05Z");

        try (Connection c = TestDatabase.get().dataSource().getConnection();
                NamedSql.Statement select = sql.prepare(c).set("a", 20).set("seats", new int[] {1, 2, 3})
                        .set("at", at).set("text", "t");
                ResultSet row = select.executeQuery()) {
            row.next();
            assertThat(List.of(row.getInt(1), row.getInt(2), Jdbc.getInstant(row, "timestamptz"), row.getString(4)))
                    .containsExactly(40, 3, at, "t:x");
        }
    }

    @Test
    void aNameLeftUnboundFailsLoudlyBeforeTheStatementRuns() throws Exception {
        NamedSql sql = NamedSql.of("SELECT :a::integer, :b::integer");

        try (Connection c = TestDatabase.get().dataSource().getConnection();
                NamedSql.Statement select = sql.prepare(c).set("a", 1)) {
            assertThatThrownBy(select::executeQuery).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(":b");
        }
    }

    @Test
    void aNameTheStatementDoesNotHaveFailsLoudly() throws Exception {
        NamedSql sql = NamedSql.of("SELECT :a::integer");

        try (Connection c = TestDatabase.get().dataSource().getConnection();
                NamedSql.Statement select = sql.prepare(c)) {
            assertThatThrownBy(() -> select.set("b", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(":b");
        }
    }
}
