/** Calendar arithmetic of billing: day-count conventions and prorated fractions, exact and clock-free. */
package org.ratebook.rules.time;
