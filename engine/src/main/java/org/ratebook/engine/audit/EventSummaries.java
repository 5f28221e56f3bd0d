package org.ratebook.engine.audit;

import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.dunning.api.AccountReinstatedEvent;
import org.ratebook.engine.dunning.api.AccountSuspendedEvent;
import org.ratebook.engine.dunning.api.AccountTerminatedEvent;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.dunning.api.PaymentReminderSentEvent;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;

import static org.ratebook.engine.audit.EventHistory.money;

/** One readable sentence per event, for the timeline. */
final class EventSummaries {

    private EventSummaries() {
    }

    static String summary(Object payload, String type) {
        return switch (payload) {
            case AccountCreatedEvent e -> "Customer " + e.name() + " created (" + e.currency() + ", " + e.country()
                    + (e.segment() == null ? "" : ", segment " + e.segment()) + ")";
            case AccountSegmentChangedEvent e -> "Segment set to " + (e.segment() == null ? "none" : e.segment());
            case AccountTaxDetailsChangedEvent e -> "Tax details changed: tax id " + (e.taxId() == null ? "none" : e.taxId())
                    + (e.business() ? ", business" : ", consumer") + (e.taxExempt() ? ", exempt" : "");
            case ParentAccountSetEvent e -> e.parentAccountId() == null ? "Parent account removed"
                    : "Parent account set to " + e.parentAccountId() + (e.invoiceParent() ? ", which receives the invoices" : "");
            case SubscriptionCreatedEvent e -> "Subscribed to " + e.plan() + " × " + e.quantity() + " from " + e.startDate();
            case PlanChangedEvent e -> "Plan changed from " + e.fromPlan() + " to " + e.toPlan() + " on " + e.effectiveOn();
            case QuantityChangedEvent e -> "Quantity changed from " + e.fromQuantity() + " to " + e.toQuantity()
                    + " on " + e.effectiveOn();
            case SubscriptionPausedEvent e -> "Subscription paused from " + e.effectiveOn();
            case SubscriptionResumedEvent e -> "Subscription resumed on " + e.effectiveOn();
            case SubscriptionCancelledEvent e -> "Subscription cancelled, ending " + e.effectiveOn()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")");
            case SubscriptionReinstatedEvent e -> "Subscription reinstated";
            case InvoiceIssuedEvent e -> "Invoice " + e.number() + " issued for " + money(e.total(), e.currency())
                    + ", " + e.lines().size() + " line(s)";
            case InvoiceDraftedEvent e -> "Draft invoice of " + e.invoiceDate() + " for " + money(e.total(), e.currency());
            case InvoiceFinalizedEvent e -> "Invoice finalized as " + e.number();
            case InvoiceDraftDiscardedEvent e -> "Draft invoice discarded (" + e.reason() + ")";
            case InvoiceVoidedEvent e -> "Invoice voided (" + e.reason() + ")";
            case InvoicePaidEvent e -> "Invoice paid in full";
            case PaymentRecordedEvent e -> "Payment of " + money(e.amount(), e.currency()) + " received"
                    + (e.overpaid() != null && e.overpaid().signum() > 0 ? ", " + e.overpaid().toPlainString()
                    + " kept as credit" : "");
            case PaymentRefundedEvent e -> "Refund of " + money(e.amount(), e.currency());
            case CreditNoteIssuedEvent e -> "Credit note " + e.number() + " for " + money(e.amount(), e.currency())
                    + " (" + e.reason() + ")";
            case org.ratebook.engine.account.api.AccountCreditGivenEvent e -> "Credit of "
                    + money(e.amount(), e.currency()) + " given (" + e.reason() + ")";
            case org.ratebook.engine.account.api.AccountCreditTakenEvent e -> "Credit of "
                    + money(e.amount(), e.currency()) + " taken back (" + e.reason() + ")";
            case org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOffEvent e ->
                    "Automatic invoicing switched off" + (e.reason() == null ? "" : " (" + e.reason() + ")");
            case org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOnEvent e -> "Automatic invoicing switched on";
            case DunningStateChangedEvent e -> "Dunning state " + e.from() + " → " + e.to();
            case AccountSuspendedEvent e -> "Account suspended" + (e.billingPaused() ? ", billing paused" : "");
            case AccountReinstatedEvent e -> "Account reinstated (" + e.from() + " → " + e.to() + ")";
            case AccountTerminatedEvent e -> "Account terminated";
            case PaymentReminderSentEvent e -> "Payment reminder sent";
            case CouponRedeemedEvent e -> "Coupon " + e.code() + " redeemed";
            case OneOffChargeAddedEvent e -> "One-off charge '" + e.description() + "' of "
                    + money(e.unitPrice(), e.currency()) + " × " + e.quantity().stripTrailingZeros().toPlainString()
                    + " for " + e.chargeOn();
            case null -> type + " (payload unreadable)";
            default -> type.replaceAll("Event$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        };
    }
}
