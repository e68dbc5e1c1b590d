package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.SalesReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /events/{event_id}/report}: an event's sales at one instant. */
@Schema(name = "SalesReport", description = "gross - refunds = net, the worth of the live parts of the bookings")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SalesReportResponse(UUID eventId,
        @Schema(description = "What every booking took in, cancelled ones included") MoneyResponse gross,
        @Schema(description = "What cancellations gave back") MoneyResponse refunds,
        MoneyResponse net,
        @Schema(description = "How many bookings were made, cancelled ones included") int bookings,
        @Schema(description = "How many tickets are checked in (inside) now") int checkedIn,
        List<CategorySales> categories) {

    /** One price category's seats, takings and tickets inside; {@code category} is null for seats without one. */
    @Schema(name = "CategorySales")
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CategorySales(@Schema(nullable = true, examples = "A") String category, int free, int held,
            int sold, MoneyResponse gross,
            @Schema(description = "How many of its tickets are checked in now") int checkedIn) {
    }

    static SalesReportResponse of(SalesReport report) {
        return new SalesReportResponse(report.eventId().value(), MoneyResponse.of(report.gross()),
                MoneyResponse.of(report.refunds()), MoneyResponse.of(report.net()), report.bookings(),
                report.checkedIn(), report.categories().stream().map(sales -> new CategorySales(sales.category(),
                        sales.free(), sales.held(), sales.sold(), MoneyResponse.of(sales.gross()), sales.checkedIn()))
                        .toList());
    }
}
