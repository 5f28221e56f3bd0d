package org.ratebook.rules.fact;

import java.math.BigDecimal;

/**
 * One row of a pack's bundle table ({@code discount/bundles.csv}): a charge of {@code plan} gets {@code percent}
 * off when the same invoice also charges for {@code withPlan}. A bundle of two plans is two rows, one each way.
 */
public record BundleDiscount(String bundle, String plan, String withPlan, BigDecimal percent) {

    public BundleDiscount {
        if (bundle == null || bundle.isBlank() || plan == null || plan.isBlank() || withPlan == null
                || withPlan.isBlank()) {
            throw new IllegalArgumentException("a bundle discount names the bundle, the plan and the plan it goes with");
        }
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a bundle discount is a percentage above 0 and up to 100, not " + percent);
        }
    }

    /** How the discount reads on an invoice line: "Protect bundle: 15% off Backup". */
    public String label() {
        return bundle + " bundle: " + percent.stripTrailingZeros().toPlainString() + "% off " + plan;
    }
}
