package org.ratebook.engine.billing.generator;

/** What was billed, apart from when: the same key over the same span is the same charge. */
record ItemKey(String plan, String phase, int quantity, ItemKind kind) {
}
