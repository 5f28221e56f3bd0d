/** Test clocks of sandbox tenants: advancing one runs billing for the time that passed, like a real month would. */
package org.ratebook.engine.testclock;
