package org.ratebook.rules.fact;

import java.math.BigDecimal;

/**
 * One row of a pack's volume-discount table ({@code discount/volume.csv}): a charge of {@code plan} for at least
 * {@code minQuantity} seats, devices or users gets {@code percent} off. Where several rows match, the pack's
 * rules decide which one counts (the shipped rules take the highest threshold reached).
 */
public record VolumeDiscount(String plan, int minQuantity, BigDecimal percent, String label) {

    public VolumeDiscount {
        if (plan == null || plan.isBlank()) {
            throw new IllegalArgumentException("a volume discount names its plan");
        }
        if (minQuantity < 1) {
            throw new IllegalArgumentException("a volume discount starts at a quantity of 1 or more, not " + minQuantity);
        }
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a volume discount is a percentage above 0 and up to 100, not " + percent);
        }
        label = label == null || label.isBlank()
                ? "Volume discount " + percent.stripTrailingZeros().toPlainString() + "% from " + minQuantity
                : label.strip();
    }
}
