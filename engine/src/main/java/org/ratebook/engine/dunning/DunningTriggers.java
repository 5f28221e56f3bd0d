package org.ratebook.engine.dunning;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.projection.DunningProjection;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.tenants.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-evaluates an account's standing on every payment, refund and void, once the command that recorded it has
 * committed: the money is recorded whatever the suspension rules do, and the caller (the API, a scenario)
 * sees the new standing as soon as its command returns. A failing evaluation is logged; the daily run decides
 * again. The evaluation runs on a thread of its own, which the payment's thread waits for: Axon refuses new
 * events from inside a unit of work that has committed, so the {@code Dunning} command must start a unit of
 * work of its own. Issued invoices do not trigger: a new invoice is not past due, and the daily run that follows the
 * billing run sees it.
 */
@Component
@ProcessingGroup(DunningProjection.PROCESSING_GROUP)
public class DunningTriggers {

    private static final Logger log = LoggerFactory.getLogger(DunningTriggers.class);

    private record Key(TenantId tenant, AccountId account) {
    }

    /** How long a payment waits for its re-evaluation before returning without it. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StandingEvaluator evaluator;
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("ratebook-dunning-", 1).factory());

    public DunningTriggers(StandingEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    @EventHandler
    void on(PaymentRecordedEvent e) {
        afterCommit(e.tenantId(), e.accountId(), StandingEvaluator.PAYMENT);
    }

    @EventHandler
    void on(PaymentRefundedEvent e) {
        afterCommit(e.tenantId(), e.accountId(), StandingEvaluator.REFUND);
    }

    @EventHandler
    void on(InvoiceVoidedEvent e) {
        afterCommit(e.tenantId(), e.accountId(), StandingEvaluator.VOID);
    }

    @EventHandler
    void on(CreditNoteIssuedEvent e) {
        afterCommit(e.tenantId(), e.accountId(), StandingEvaluator.CREDIT_NOTE);
    }

    /** Once per account and command, however many of its events concern the account. */
    private void afterCommit(TenantId tenant, AccountId account, String trigger) {
        if (!CurrentUnitOfWork.isStarted()) {
            evaluate(new Key(tenant, account), trigger);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<Key, String> pending = root.getOrComputeResource(DunningTriggers.class.getName(), k -> {
            Map<Key, String> accounts = new LinkedHashMap<>();
            root.afterCommit(u -> awaitOnOwnThread(() -> accounts.forEach(this::evaluate)));
            return accounts;
        });
        pending.putIfAbsent(new Key(tenant, account), trigger);
    }

    private void awaitOnOwnThread(Runnable work) {
        Future<?> done = workers.submit(work);
        try {
            done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Re-evaluating standings took more than {}; it goes on without the caller waiting", WAIT);
        } catch (ExecutionException e) {
            log.warn("Re-evaluating standings failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void evaluate(Key key, String trigger) {
        try {
            evaluator.evaluate(key.tenant(), key.account(), trigger);
        } catch (RuntimeException e) {
            log.warn("Standing of account {} of {} not re-evaluated after a {}; the daily run will: {}",
                    key.account(), key.tenant(), trigger, e.getMessage());
        }
    }
}
