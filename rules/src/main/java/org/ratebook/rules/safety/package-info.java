/**
 * The allow-list that analyst-authored DRL must pass before Drools compiles it. Drools has no sandbox, so what
 * DRL may say is decided here, by listing what is allowed rather than what is not:
 * <ul>
 *   <li>imports: the fact types, {@code Decisions}, {@code java.math.BigDecimal}/{@code RoundingMode} and
 *       {@code java.time.LocalDate}/{@code YearMonth}/{@code DayOfWeek}/{@code Month}/{@code Period};</li>
 *   <li>one global, {@code decisions}, of type {@code Decisions}; no functions, declared types, queries,
 *       entry points, windows, rule units, function or accumulate imports;</li>
 *   <li>conditions: patterns on fact types only, combined with and/or/not/exists/forall, {@code eval}, and
 *       {@code accumulate} with the built-in functions only; no {@code from} or {@code collect} (the facts have
 *       no collections to iterate, so {@code from} would only ever reach outside the session);</li>
 *   <li>rule attributes: a literal salience, no-loop, activation-group and dialect "java" or "mvel" (both
 *       compile the same checked code; constraints are MVEL in the classic compiler either way);</li>
 *   <li>code in constraints, {@code eval}, accumulate arguments and actions: every word must be a $-binding of
 *       the rule, a local variable declared in the actions, {@code decisions}, an allowed class, a permitted
 *       member after a dot, or a harmless keyword; {@code new} only as {@code new BigDecimal("19.5")}; no
 *       loops, exceptions, lambdas, arrays, backslashes or non-ASCII outside quotes.</li>
 * </ul>
 * So rules can read only their immutable facts and write only through {@code decisions}. Bounding how long
 * they run is the decision service's job.
 */
package org.ratebook.rules.safety;
