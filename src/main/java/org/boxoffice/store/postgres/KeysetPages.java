package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;

/**
 * Listings paged by keyset: ordered by (a time column, id) and continued after the last row shown,
 * so pages stay stable while rows are added elsewhere in the order, and a late page costs no more
 * than the first (no {@code OFFSET}).
 */
final class KeysetPages {

    private final Jdbc jdbc;

    KeysetPages(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A query's {@code WHERE} conditions and their parameters, built up filter by filter. */
    static final class Query {
        private final StringBuilder sql;
        private final List<Object> params = new ArrayList<>();

        Query(String table) {
            this.sql = new StringBuilder("SELECT * FROM " + table + " WHERE true");
        }

        /** Adds {@code AND condition}, whose one {@code ?} is {@code param}. */
        Query and(String condition, Object param) {
            sql.append(" AND ").append(condition);
            params.add(param);
            return this;
        }
    }

    /** The page of the query's rows ordered by {@code orderColumn}, then id. */
    <T> Page<T> page(Query query, String orderColumn, PageRequest page, Rows.Reader<T> reader,
            Function<T, Cursor> cursorOf) {
        page.after().ifPresent(after -> {
            query.sql.append(" AND (").append(orderColumn).append(", id) > (?, ?)");
            query.params.add(after.at());
            query.params.add(after.id());
        });
        query.sql.append(" ORDER BY ").append(orderColumn).append(", id LIMIT ?");
        query.params.add(page.limit() + 1);
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement(query.sql.toString())) {
                for (int i = 0; i < query.params.size(); i++) {
                    Object param = query.params.get(i);
                    if (param instanceof Instant instant) {
                        setInstant(select, i + 1, instant);
                    } else {
                        select.setObject(i + 1, param);
                    }
                }
                List<T> fetched = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        fetched.add(reader.read(rows));
                    }
                }
                return Page.of(fetched, page, cursorOf);
            }
        });
    }
}
