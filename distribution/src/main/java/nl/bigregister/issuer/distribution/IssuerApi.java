package nl.bigregister.issuer.distribution;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: the adapters' resources under the root, /api/v1 and /callbacks. */
@ApplicationPath("/")
public class IssuerApi extends Application {
}
