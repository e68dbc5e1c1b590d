package org.boxoffice.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.boxoffice.domain.BookingLimits;

/** Box Office's own settings, {@code boxoffice.*}; each can also be set as an environment variable. */
@ConfigMapping(prefix = "boxoffice")
public interface BoxOfficeConfig {

    /** Where tickets are kept; {@code memory} keeps them in this process only. */
    @WithDefault("memory")
    StoreKind store();

    /** The largest {@code total_seats} an event may have. */
    @WithDefault("100000")
    @Min(1)
    @Max(10_000_000)
    int maxSeatsPerEvent();

    /** The most seats one booking may ask for. */
    @WithDefault("50")
    @Min(1)
    @Max(10_000)
    int maxSeatsPerRequest();

    default BookingLimits limits() {
        return new BookingLimits(maxSeatsPerEvent(), maxSeatsPerRequest());
    }

    /** The stores this build can use. */
    enum StoreKind {
        memory
    }
}
