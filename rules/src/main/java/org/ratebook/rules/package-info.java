/**
 * Rules: the decision facts, the rule-pack model (tables + DRL), the allow-list every DRL file must pass, its
 * compiler and the decision service.
 * Knows nothing of Spring, Axon, tenants or storage; the engine asks it questions and stores the answers.
 */
package org.ratebook.rules;
