package nl.bigregister.issuer.adapters.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import nl.bigregister.issuer.adapters.web.problem.Problem;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every call to a resource method that declares {@link Allowed} by its
 * {@code X-API-Key} header, then checks the role: no or unknown key → 401, wrong role → 403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiClients clients;

    @Context
    ResourceInfo resourceInfo;

    @Inject
    public ApiKeyFilter(ApiClients clients) {
        this.clients = clients;
    }

    protected ApiKeyFilter() {
        this.clients = null; // for CDI's proxy only
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Set<Role>> allowed = allowedRoles();
        if (allowed.isEmpty()) {
            return;
        }
        Optional<ApiClient> client = clients.authenticate(request.getHeaderString(HEADER));
        if (client.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of("unauthenticated", "Authentication required",
                            Response.Status.UNAUTHORIZED, "Send a valid API key in the " + HEADER + " header.")
                    .toResponse()).header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build());
            return;
        }
        if (!client.get().hasAnyOf(allowed.get())) {
            request.abortWith(Problem.of("forbidden", "Not allowed", Response.Status.FORBIDDEN,
                    "Client " + client.get().id() + " lacks a role for this request; it needs one of "
                            + allowed.get().stream().map(Role::roleName).sorted().toList() + ".").toResponse());
            return;
        }
        request.setSecurityContext(new ClientSecurityContext(client.get(), request.getSecurityContext().isSecure()));
    }

    private Optional<Set<Role>> allowedRoles() {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Allowed allowed = method.getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = resourceInfo.getResourceClass().getAnnotation(Allowed.class);
        }
        return Optional.ofNullable(allowed).map(a -> Set.of(a.value()));
    }

    /** The authenticated client as JAX-RS's SecurityContext. */
    private record ClientSecurityContext(ApiClient client, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return client::id;
        }

        @Override
        public boolean isUserInRole(String role) {
            return client.roles().stream().anyMatch(r -> r.roleName().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "ApiKey";
        }
    }
}
