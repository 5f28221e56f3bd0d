/** Storage and framework wiring: embedded or external PostgreSQL, Axon serializers and processors, the clock. */
package org.ratebook.engine.infra;
