package org.boxoffice.store.postgres;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        private final Map<String, Object> params = new LinkedHashMap<>();

        /** Reads {@code columns} of {@code from}: a table, or a subquery with its alias. */
        Query(String columns, String from) {
            this.sql = new StringBuilder("SELECT " + columns + " FROM " + from + " WHERE true");
        }

        /** Adds {@code AND condition}, whose one parameter {@code :name} is {@code value}. */
        Query and(String condition, String name, Object value) {
            sql.append(" AND ").append(condition);
            set(name, value);
            return this;
        }

        private void set(String name, Object value) {
            if (params.containsKey(name)) {
                throw new IllegalArgumentException("parameter :" + name + " is set twice in " + sql);
            }
            params.put(name, value);
        }
    }

    /** The page of the query's rows ordered by {@code orderColumn}, then id. */
    <T> Page<T> page(Query query, String orderColumn, PageRequest page, Rows.Reader<T> reader,
            Function<T, Cursor> cursorOf) {
        page.after().ifPresent(after -> {
            query.sql.append(" AND (").append(orderColumn).append(", id) > (:after_at, :after_id)");
            query.set("after_at", after.at());
            query.set("after_id", after.id());
        });
        query.sql.append(" ORDER BY ").append(orderColumn).append(", id LIMIT :limit");
        query.set("limit", page.limit() + 1);
        // Compiled per call, not a constant: which filters the statement has depends on the request.
        NamedSql sql = NamedSql.of(query.sql.toString());
        return jdbc.autoCommit(c -> {
            try (NamedSql.Statement select = sql.prepare(c)) {
                for (Map.Entry<String, Object> param : query.params.entrySet()) {
                    select.set(param.getKey(), param.getValue());
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
