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
import jakarta.servlet.http.HttpServletRequest;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.application.port.in.RecordRefusalUseCase;
import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.application.port.out.CallerContext;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every call to a resource method that declares {@link Allowed} by its
 * {@code X-API-Key} header, then checks the role: no or unknown key → 401, wrong role → 403; both refusals
 * go into the audit trail. Sets the caller (client, {@code X-On-Behalf-Of}, source address) for the request.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-API-Key";

    public static final String ON_BEHALF_OF = "X-On-Behalf-Of";

    private final ApiClients clients;
    private final CallerContext callers;
    private final RecordRefusalUseCase refusals;

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    public ApiKeyFilter(ApiClients clients, CallerContext callers, RecordRefusalUseCase refusals) {
        this.clients = clients;
        this.callers = callers;
        this.refusals = refusals;
    }

    protected ApiKeyFilter() {
        this(null, null, null); // for CDI's proxy only
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Set<Role>> allowed = allowedRoles();
        if (allowed.isEmpty()) {
            return;
        }
        Optional<ApiClient> client = clients.authenticate(request.getHeaderString(HEADER));
        Caller caller = new Caller(client.map(ApiClient::id).orElse("anonymous"),
                Optional.ofNullable(request.getHeaderString(ON_BEHALF_OF)).filter(v -> !v.isBlank()),
                Optional.ofNullable(servletRequest).map(HttpServletRequest::getRemoteAddr));
        callers.enter(caller);
        String what = request.getMethod() + " /" + request.getUriInfo().getPath();
        if (client.isEmpty()) {
            refusals.refused("401", what, Optional.empty());
            request.abortWith(Response.fromResponse(Problem.of("unauthenticated", "Authentication required",
                            Response.Status.UNAUTHORIZED, "Send a valid API key in the " + HEADER + " header.")
                    .toResponse()).header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build());
            return;
        }
        if (!client.get().hasAnyOf(allowed.get())) {
            refusals.refused("403", what, Optional.empty());
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
