package org.ratebook.engine.rulepack;

import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.rules.pack.CompilerWarmUp;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keeps publishing fast: packs are compiled before the first invoice needs them, on one background thread, never
 * on a request or billing thread. At start-up (when {@code ratebook.rule-packs.warm-up} is true) it warms the Drools
 * compiler with {@link CompilerWarmUp} and then compiles every tenant's version in effect and every version
 * published for a later date; after a publication it compiles that version if it is not compiled yet (it usually
 * is: saving a draft compiles it, but another node, a restart or an eviction may have lost it). See decision 014.
 */
@Component
public class RulePackWarmUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RulePackWarmUp.class);

    private final RulePackCompiler compiler;
    private final RulePackVersionsProjection versions;
    private final TenantRegistry tenants;
    private final TenantClocks clocks;
    private final boolean atStartUp;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rule-pack-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile boolean started;

    public RulePackWarmUp(RulePackCompiler compiler, RulePackVersionsProjection versions, TenantRegistry tenants,
                          TenantClocks clocks, @Value("${ratebook.rule-packs.warm-up:false}") boolean atStartUp) {
        this.compiler = compiler;
        this.versions = versions;
        this.tenants = tenants;
        this.clocks = clocks;
        this.atStartUp = atStartUp;
    }

    @EventListener(ContextRefreshedEvent.class)
    void onStart() {
        if (!atStartUp || started) {
            return;
        }
        started = true;
        worker.submit(() -> {
            long compiler = CompilerWarmUp.run();
            int packs = 0;
            for (TenantId tenant : tenants.all()) {
                packs += compileAhead(tenant);
            }
            log.info("Rule packs warmed up: Drools compiler in {} ms, {} tenant pack versions compiled", compiler, packs);
            return null;
        });
    }

    /** Compiles, in the background, {@code tenant}'s {@code version} unless it is compiled already. */
    public Future<?> compileAhead(TenantId tenant, int version) {
        return worker.submit(() -> versions.version(tenant, version).ifPresent(this::compile));
    }

    private int compileAhead(TenantId tenant) {
        LocalDate today = LocalDate.now(clocks.of(tenant));
        int compiled = 0;
        try {
            RulePack current = versions.inEffect(tenant, today);
            compiled += compile(current) ? 1 : 0;
        } catch (RuntimeException e) {
            log.debug("No pack in effect for {} on {}: {}", tenant, today, e.getMessage());
        }
        for (RulePackVersionView v : versions.versions(tenant)) {
            if ("PUBLISHED".equals(v.status()) && v.effectiveFrom() != null && v.effectiveFrom().isAfter(today)) {
                compiled += versions.version(tenant, v.version()).map(this::compile).orElse(false) ? 1 : 0;
            }
        }
        return compiled;
    }

    private boolean compile(RulePack pack) {
        if (compiler.isCompiled(pack)) {
            return false;
        }
        try {
            compiler.compiled(pack);
            return true;
        } catch (RuntimeException e) {
            log.warn("Rule pack {} v{} did not compile ahead of use: {}", pack.name(), pack.version(), e.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
