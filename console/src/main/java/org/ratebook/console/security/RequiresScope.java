package org.ratebook.console.security;

import org.ratebook.tenants.Scope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API endpoint needs (decision 017). Every {@code /api/**} handler method carries it, or its
 * controller does; an endpoint without one is refused at run time (403) and fails {@code ApiScopeCoverageTest},
 * so an endpoint added later cannot be open by omission.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    Scope value();
}
