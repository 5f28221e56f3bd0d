package org.ratebook.features;

import io.cucumber.spring.ScenarioScope;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What one scenario has set up and seen, by the names the scenario uses. A fresh instance per scenario: the
 * Spring context and the database are shared by all scenarios, so every seller a scenario introduces is a new
 * tenant with an id of its own, and no scenario sees another one's customers or invoices.
 */
@Component
@ScenarioScope
public class BillingWorld {

    /** A customer of a seller: the account the engine knows it by. */
    public record Customer(String name, TenantId seller, AccountId account) {
    }

    private final Map<String, TenantId> sellers = new LinkedHashMap<>();
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private BillingRunResult lastRun;
    private BillingRejection lastRefusal;

    /** A new, never used tenant id derived from the seller's name, e.g. "blue-hosting-3f2a9c1b". */
    public TenantId newSeller(String name) {
        if (sellers.containsKey(name)) {
            throw new IllegalStateException("the scenario already has a seller called '" + name + "'");
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 24) {
            slug = slug.substring(0, 24).replaceAll("-+$", "");
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TenantId id = TenantId.of(slug.isEmpty() ? "seller-" + suffix : slug + "-" + suffix);
        sellers.put(name, id);
        return id;
    }

    public TenantId seller(String name) {
        TenantId id = sellers.get(name);
        if (id == null) {
            throw new IllegalStateException("no seller '" + name + "' in this scenario; known: " + sellers.keySet());
        }
        return id;
    }

    /** The seller of a scenario that has only one; steps that do not name a seller mean it. */
    public TenantId theSeller() {
        if (sellers.size() != 1) {
            throw new IllegalStateException("this step needs exactly one seller in the scenario, but there are "
                    + sellers.size() + " " + sellers.keySet() + "; name the seller in the step");
        }
        return sellers.values().iterator().next();
    }

    public String sellerName(TenantId id) {
        return sellers.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(id.value());
    }

    public void addCustomer(Customer customer) {
        if (customers.putIfAbsent(customer.name(), customer) != null) {
            throw new IllegalStateException("the scenario already has a customer called '" + customer.name() + "'");
        }
    }

    public Customer customer(String name) {
        Customer customer = customers.get(name);
        if (customer == null) {
            throw new IllegalStateException("no customer '" + name + "' in this scenario; known: "
                    + customers.keySet());
        }
        return customer;
    }

    public BillingRunResult lastRun() {
        if (lastRun == null) {
            throw new IllegalStateException("no billing run has run in this scenario yet");
        }
        return lastRun;
    }

    public void setLastRun(BillingRunResult lastRun) {
        this.lastRun = lastRun;
    }

    public BillingRejection lastRefusal() {
        return lastRefusal;
    }

    public void setLastRefusal(BillingRejection lastRefusal) {
        this.lastRefusal = lastRefusal;
    }
}
