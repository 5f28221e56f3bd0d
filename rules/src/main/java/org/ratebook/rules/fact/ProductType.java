package org.ratebook.rules.fact;

/**
 * What a plan's product is to the others (Kill Bill's product categories). A BASE product stands on its own and
 * may carry add-ons; an ADD_ON is only sold to an account with an active base subscription and ends with it; a
 * STANDALONE product is independent of everything else (a one-time service, a domain).
 */
public enum ProductType {
    BASE,
    ADD_ON,
    STANDALONE
}
