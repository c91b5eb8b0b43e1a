package nl.bigregister.issuer.adapters.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import nl.bigregister.issuer.application.port.out.CallerContext;

/** Forgets the request's caller when the response leaves, so a pooled thread carries nobody's identity. */
@Provider
@ApplicationScoped
public class CallerCleanup implements ContainerResponseFilter {

    private final CallerContext callers;

    @Inject
    public CallerCleanup(CallerContext callers) {
        this.callers = callers;
    }

    protected CallerCleanup() {
        this(null); // for CDI's proxy only
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        callers.leave();
    }
}
