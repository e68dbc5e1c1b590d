package org.boxoffice.bench;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One constant answer on the event loop: as fast as Quarkus REST answers anything on this machine. */
@Path("/ping")
public class Ping {

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return "{\"pong\":true}";
    }
}
