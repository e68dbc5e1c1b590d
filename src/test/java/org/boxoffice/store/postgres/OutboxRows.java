package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.testing.TestDatabase;

/** The test database's outbox, read as the store wrote it. */
final class OutboxRows {

    private OutboxRows() {
    }

    /** The event's notifications, oldest first. */
    static List<Notification> of(EventId id) {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT * FROM outbox WHERE event_id = ? ORDER BY position")) {
            select.setObject(1, id.value());
            List<Notification> read = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.add(Rows.notification(rows, ""));
                }
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }
}
