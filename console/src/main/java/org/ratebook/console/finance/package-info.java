/**
 * What the finance team's pages share: who may act ({@link org.ratebook.console.finance.FinanceAccess}), the
 * actions with their previews ({@link org.ratebook.console.finance.FinanceActions}), keyset paging for lazy grids,
 * formatting by the reader's locale, and the "why" of a decision as named values.
 */
package org.ratebook.console.finance;
