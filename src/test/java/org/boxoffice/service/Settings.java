package org.boxoffice.service;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** The service's settings made of a few given ones and the defaults, without starting Quarkus. */
final class Settings {

    private Settings() {
    }

    static BoxOfficeConfig of(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withMapping(BoxOfficeConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build()
                .getConfigMapping(BoxOfficeConfig.class);
    }
}
