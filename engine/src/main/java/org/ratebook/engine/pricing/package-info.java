/** The engine's door to the rules: which pack a tenant prices with on a date. */
package org.ratebook.engine.pricing;
