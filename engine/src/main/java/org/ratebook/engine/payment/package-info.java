/**
 * Collecting and recording payments: a gateway interface (a fake one until real gateways come), and the
 * service that turns money received, refunds and voids into invoice commands.
 */
package org.ratebook.engine.payment;
