package org.ratebook.engine.rating;

import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage of a subscription's current period so far and what it would cost if the period ended now: the
 * same facts the billing run will build at the period's end, decided by the pack in effect on that day. An
 * estimate: usage may still arrive, and the pack may change before then.
 */
@Component
public class UsageEstimates {

    /** One estimated line (USAGE or TRUE_UP), as the invoice would show it. */
    public record Line(String itemType, String description, String meter, String unit, BigDecimal quantity,
                       long transactions, BigDecimal unitPrice, BigDecimal amount, BigDecimal taxAmount,
                       List<UsageTierLine> tiers, List<String> rules) {
        public Line {
            tiers = List.copyOf(tiers);
            rules = List.copyOf(rules);
        }
    }

    /** The current period's estimate; {@code lines} is empty when the plan has no usage charges. */
    public record Estimate(LocalDate from, LocalDate to, String currency, String packName, int packVersion,
                           List<Line> lines, BigDecimal amount, BigDecimal taxAmount) {
        public Estimate {
            lines = List.copyOf(lines);
        }
    }

    private final SubscriptionProjection subscriptions;
    private final AccountDirectory accounts;
    private final TenantPacks packs;
    private final Meters meters;
    private final UsageDue usageDue;
    private final DecisionService decisions;
    private final TenantClocks clocks;

    public UsageEstimates(SubscriptionProjection subscriptions, AccountDirectory accounts, TenantPacks packs,
                          Meters meters, UsageDue usageDue, DecisionService decisions, TenantClocks clocks) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.packs = packs;
        this.meters = meters;
        this.usageDue = usageDue;
        this.decisions = decisions;
        this.clocks = clocks;
    }

    /** The current period of the subscription (in the account's time zone), empty if it is not in service. */
    public Optional<Estimate> current(TenantId tenant, SubscriptionId id) {
        SubscriptionView s = subscriptions.find(tenant, id)
                .orElseThrow(() -> new NotFoundException("subscription " + id + " does not exist"));
        AccountView account = accounts.find(tenant, s.accountId())
                .orElseThrow(() -> new NotFoundException("account " + s.accountId() + " does not exist"));
        ZoneId zone = ZoneId.of(account.timeZone());
        LocalDate today = LocalDate.ofInstant(clocks.of(tenant).instant(), zone);
        Optional<UsageWindow> current = usageDue.windows(tenant, s, today.plusDays(1)).stream()
                .filter(w -> w.contains(today)).findFirst();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        UsageWindow window = current.get();
        List<String> problems = new ArrayList<>();
        List<UsageCharge> charges = usageDue.charges(tenant, s, window.to(), problems);
        RulePack pack = packs.inEffect(tenant, window.to());
        Map<String, Meter> known = meters.indexed(tenant);
        List<UsagePeriod> facts = charges.stream().filter(c -> known.containsKey(c.meter()))
                .map(c -> usageDue.period(tenant, s, known.get(c.meter()), c, window, zone, null, null)).toList();
        String currency = s.currency();
        BigDecimal zero = BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
        if (facts.isEmpty()) {
            return Optional.of(new Estimate(window.from(), window.to(), currency, pack.name(), pack.version(),
                    List.of(), zero, zero));
        }
        InvoiceDecision decision = decisions.decide(pack, new InvoiceQuestion(new BillingAccount(
                account.accountId().toString(), account.currency(), account.country()), window.to(), List.of(), facts));
        List<Line> lines = decision.lines().stream().filter(d -> d.meter() != null).map(UsageEstimates::line).toList();
        return Optional.of(new Estimate(window.from(), window.to(), currency, pack.name(), pack.version(), lines,
                lines.stream().map(Line::amount).reduce(zero, BigDecimal::add),
                lines.stream().map(Line::taxAmount).reduce(zero, BigDecimal::add)));
    }

    private static Line line(DecidedLine d) {
        return new Line(d.itemType(), d.description(), d.meter(), d.unit(), d.quantity(),
                d.transactions() == null ? 0 : d.transactions(), d.unitPrice(), d.amount(), d.taxAmount(),
                d.tiers().stream().map(t -> new UsageTierLine(t.label(), t.from(), t.to(), t.units(), t.unitPrice(),
                        t.flatFee(), t.amount())).toList(), d.rules());
    }
}
