/** Subscriptions: an account's use of a plan from the tenant's catalog, with quantity and billing day. */
package org.ratebook.engine.subscription;
