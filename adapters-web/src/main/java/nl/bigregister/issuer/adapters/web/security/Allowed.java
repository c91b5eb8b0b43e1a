package nl.bigregister.issuer.adapters.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method, checked by {@link ApiKeyFilter}. Our own annotation rather
 * than {@code @RolesAllowed}, which the server would also enforce with its own (HTTP Basic) login.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    Role[] value();
}
