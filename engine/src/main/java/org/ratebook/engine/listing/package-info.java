/**
 * The finance team's lists: accounts, subscriptions and invoices of one tenant with filters, paged by keyset
 * (a cursor naming the last row seen) so that a page costs the same at row 10 as at row 100,000. Read inside
 * the tenant's Row-Level-Security scope; the indexes are in {@code V110__finance_list_indexes.sql}.
 */
package org.ratebook.engine.listing;
