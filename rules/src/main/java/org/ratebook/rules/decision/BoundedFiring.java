package org.ratebook.rules.decision;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fires one stage's session on a worker thread so that the caller can give up after a time limit. On time-out
 * the session is halted, which takes effect between firings and between rules; Drools cannot halt in the
 * middle of matching one rule's conditions, nor in the middle of an action, and Java cannot stop a thread.
 * So a worker that does not stop within a short grace period is abandoned: it keeps its CPU until it ends
 * (and then disposes its session), and {@link #overdue()} counts it so operations can see it.
 */
final class BoundedFiring {

    private static final Logger log = LoggerFactory.getLogger(BoundedFiring.class);

    /** How long a halted stage gets to notice before it is abandoned. */
    private static final Duration HALT_GRACE = Duration.ofMillis(250);
    private static final Duration HALT_REPEAT = Duration.ofMillis(10);

    /**
     * Platform, not virtual, threads: a runaway stage is CPU-bound and would pin a virtual thread's carrier,
     * starving unrelated virtual threads. Daemon, so an abandoned stage never holds up shutdown. Pooled: starting
     * a thread for every stage (four per invoice) was 15 % of a billing run's samples (issue 14); an idle worker
     * is reused and ends after a minute without work. The pool has no upper bound and no queue, so a stage never
     * waits for a worker, and an abandoned stage keeps its thread while the others get new ones.
     */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("ratebook-rules-", 1).factory());

    /** A worker's state; whichever of worker and caller moves it second settles the {@link #overdue} count. */
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private final Duration limit;
    private final AtomicInteger overdue = new AtomicInteger();

    BoundedFiring(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a stage's time limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /** Stages that missed their limit, did not stop when halted and are still running. */
    int overdue() {
        return overdue.get();
    }

    /**
     * Inserts the facts and fires at most {@code maxFirings} rules, disposing the session in every case;
     * returns how many fired.
     */
    int fire(KieSession session, Collection<Object> facts, int maxFirings, String stage) {
        AtomicBoolean cancelled = new AtomicBoolean(); // a halt during insertion would be forgotten
        AtomicInteger state = new AtomicInteger(RUNNING);
        AtomicReference<String> workerName = new AtomicReference<>("?");
        Future<Integer> firing;
        try {
            firing = WORKERS.submit(() -> {
                workerName.set(Thread.currentThread().getName());
                try {
                    facts.forEach(session::insert);
                    return cancelled.get() ? 0 : session.fireAllRules(maxFirings);
                } finally {
                    session.dispose();
                    if (!state.compareAndSet(RUNNING, DONE)) {
                        overdue.decrementAndGet();
                        log.warn("{} rules ended after they were abandoned; their session is disposed", stage);
                    }
                }
            });
        } catch (RejectedExecutionException | Error e) {
            session.dispose();
            throw e;
        }
        try {
            return firing.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancelled.set(true);
            if (!halt(session, firing)) {
                overdue.incrementAndGet();
                if (state.compareAndSet(RUNNING, ABANDONED)) {
                    log.warn("{} rules did not stop when halted; abandoned on thread {}", stage, workerName.get());
                } else {
                    overdue.decrementAndGet();
                }
            }
            throw new DecisionException(stage + " rules did not finish within " + limit.toMillis() + " ms; a rule "
                    + "probably combines too many facts (give its patterns conditions that join them) or "
                    + "computes too much");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            cancelled.set(true);
            session.halt();
            Thread.currentThread().interrupt();
            throw new DecisionException(stage + " rules were interrupted");
        }
    }

    /**
     * Halts until the worker ends or the grace period is over; true if it ended. The halt is repeated because
     * Drools forgets a halt that arrives before {@code fireAllRules} has started.
     */
    private static boolean halt(KieSession session, Future<Integer> firing) {
        long deadline = System.nanoTime() + HALT_GRACE.toNanos();
        try {
            do {
                session.halt();
                try {
                    firing.get(HALT_REPEAT.toNanos(), TimeUnit.NANOSECONDS);
                    return true;
                } catch (ExecutionException e) {
                    return true; // it ended, with an error
                } catch (TimeoutException e) {
                    // still running: halt again
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new DecisionException("rules failed: " + cause);
    }
}
