/**
 * Asking a pack a question and getting decisions with their trace. Rules write only through
 * {@link org.ratebook.rules.decision.Decisions}; the trace records every rule fired and the facts it matched.
 */
package org.ratebook.rules.decision;
