/**
 * The Ratebook application: the REST API under {@code /api/v1}, the Vaadin console, security, actuator and
 * demo data. Nothing else depends on it; it only wires the engine to the outside world.
 */
package org.ratebook.console;
