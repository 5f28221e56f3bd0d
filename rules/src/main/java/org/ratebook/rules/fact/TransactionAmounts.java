package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.util.List;

/**
 * The amounts of a period's transactions, for charges priced per transaction, in a form that stays small: the
 * earliest ones in the order they occurred (as many as free events and free units can reach), then the others
 * as distinct amounts with how often each occurred. Their order does not matter once nothing free is left, so a
 * million card payments of a few thousand distinct amounts are a few thousand entries.
 */
public record TransactionAmounts(List<BigDecimal> earliest, List<AmountCount> others) {

    /** An amount and how many transactions had it. */
    public record AmountCount(BigDecimal amount, long count) {
        public AmountCount {
            if (count < 1) {
                throw new IllegalArgumentException("a transaction amount occurs at least once, not " + count);
            }
        }
    }

    public static final TransactionAmounts NONE = new TransactionAmounts(List.of(), List.of());

    public TransactionAmounts {
        earliest = earliest == null ? List.of() : List.copyOf(earliest);
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** Every amount, in the order the transactions occurred. */
    public static TransactionAmounts inOrder(List<BigDecimal> amounts) {
        return new TransactionAmounts(amounts, List.of());
    }

    /** How many transactions there are. */
    public long count() {
        return earliest.size() + others.stream().mapToLong(AmountCount::count).sum();
    }

    public boolean isEmpty() {
        return earliest.isEmpty() && others.isEmpty();
    }

    @Override
    public String toString() {
        return count() + " amounts (" + earliest.size() + " in order, " + others.size() + " distinct others)";
    }
}
