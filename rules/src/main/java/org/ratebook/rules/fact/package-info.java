/**
 * Facts the rules see: immutable records built by the engine for one billing question. Rules read them and
 * write only through {@link org.ratebook.rules.decision.Decisions}.
 */
package org.ratebook.rules.fact;
