/**
 * Running Ratebook in production: the start-up report (what an operator needs to see in the log) and how a
 * database outage reaches a caller (a 503 problem, never a stack trace).
 */
package org.ratebook.console.ops;
