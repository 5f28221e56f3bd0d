/**
 * Coupons redeemed by accounts. A redemption is its own small aggregate whose id is derived from (tenant,
 * account, code), so one account redeems a code once, even when two requests race. It keeps the coupon's terms
 * as they were on the day, so a later change to the pack's coupon table does not rewrite a running coupon.
 * The billing run hands active redemptions to the pack's discount rules; how many periods a coupon has used is
 * read from the invoices that carry it (void ones do not count).
 */
package org.ratebook.engine.discount;
