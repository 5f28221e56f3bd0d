package org.ratebook.rules.rating;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargeRatingTest {

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static UsageCharge charge(ChargeModel model, String unitPrice, String packageSize, String freeUnits) {
        return new UsageCharge("c", "Charge", "Plan", "meter", "USD", model, d(unitPrice), d(packageSize),
                d(freeUnits), 0, null, null, null, null, null, null);
    }

    private static UsageCharge tiered(ChargeModel model) {
        return charge(model, null, null, null);
    }

    private static UsageCharge percentage(String percent, String fee, String min, String max, long freeEvents,
                                          String freeUnits) {
        return new UsageCharge("c", "Payments", "Plan", "meter", "USD", ChargeModel.PERCENTAGE, null, null,
                d(freeUnits), freeEvents, d(percent), d(fee), d(min), d(max), null, null);
    }

    private static UsageTier tier(String from, String to, String unitPrice, String flatFee) {
        return new UsageTier("c", d(from), d(to), d(unitPrice), d(flatFee), null, null);
    }

    private static Rated rate(UsageCharge charge, List<UsageTier> tiers, String quantity) {
        return ChargeRating.rate(charge, tiers, d(quantity), 1, List.of());
    }

    @Nested
    class Graduated {

        /** The peers' figures: 0–10 @ 10 + flat 2, 11–20 @ 5 + flat 3, 21– @ 5 + flat 3. */
        private final List<UsageTier> tiers = List.of(tier("0", "10", "10", "2"), tier("11", "20", "5", "3"),
                tier("21", null, "5", "3"));

        @ParameterizedTest(name = "{0} units cost {1}")
        @CsvSource({"0, 2", "10, 102", "11, 110", "21, 163", "20, 155", "1, 12"})
        void eachUnitAtItsTiersPricePlusTheFlatFeeOfEveryTierReached(String units, String amount) {
            assertThat(rate(tiered(ChargeModel.GRADUATED), tiers, units).amount()).isEqualByComparingTo(amount);
        }

        @Test
        void theBreakdownListsTheTiersReachedWithTheirUnitsAndAmounts() {
            Rated rated = rate(tiered(ChargeModel.GRADUATED), tiers, "21");
            assertThat(rated.breakdown()).extracting(TierCharge::label, t -> t.units().toPlainString(),
                            t -> t.amount().stripTrailingZeros().toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("tier 1", "10", "102"),
                            org.assertj.core.groups.Tuple.tuple("tier 2", "10", "53"),
                            org.assertj.core.groups.Tuple.tuple("tier 3", "1", "8"));
            assertThat(rated.breakdown().stream().map(TierCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(rated.amount());
            assertThat(rated.unitPrice()).isEqualByComparingTo("7.761905"); // 163 / 21, for display only
        }

        @Test
        void tiersWrittenEndToStartAreTheSameTiers() {
            List<UsageTier> touching = List.of(tier("0", "10", "10", "2"), tier("10", "20", "5", "3"),
                    tier("20", null, "5", "3"));
            assertThat(rate(tiered(ChargeModel.GRADUATED), touching, "21").amount()).isEqualByComparingTo("163");
        }

        @Test
        void aFractionalQuantityIsSplitExactlyAtTheTierEnd() {
            assertThat(rate(tiered(ChargeModel.GRADUATED), tiers, "10.5").amount()).isEqualByComparingTo("107.5");
        }

        /** Kill Bill's bullets: blocks of 100 at 2.95 up to 10 blocks, then blocks of 1,000 at 5.95. */
        @ParameterizedTest(name = "{0} bullets cost {1}")
        @CsvSource({"199, 5.90", "0, 0", "1, 2.95", "1000, 29.50", "1001, 35.45", "2500, 41.40"})
        void blocksWithinTiersCountEveryStartedBlock(String bullets, String amount) {
            List<UsageTier> blocks = List.of(new UsageTier("c", d("0"), d("1000"), d("2.95"), null, d("100"), null),
                    new UsageTier("c", d("1001"), null, d("5.95"), null, d("1000"), null));
            assertThat(rate(tiered(ChargeModel.GRADUATED), blocks, bullets).amount()).isEqualByComparingTo(amount);
        }
    }

    @Nested
    class Volume {

        private final List<UsageTier> tiers = List.of(tier("0", "100", "1.00", null), tier("101", "1000", "0.80", null),
                tier("1001", null, "0.50", "10"));

        @ParameterizedTest(name = "{0} units cost {1}")
        @CsvSource({"0, 0", "100, 100", "101, 80.80", "1000, 800", "1500, 760"})
        void everyUnitAtThePriceOfTheTierTheWholeQuantityFallsIn(String units, String amount) {
            assertThat(rate(tiered(ChargeModel.VOLUME), tiers, units).amount()).isEqualByComparingTo(amount);
        }

        @Test
        void theLineShowsTheTiersUnitPrice() {
            Rated rated = rate(tiered(ChargeModel.VOLUME), tiers, "500");
            assertThat(rated.unitPrice()).isEqualByComparingTo("0.80");
            assertThat(rated.summary()).isEqualTo("volume tier 2");
        }
    }

    @Nested
    class Packages {

        @Test
        void everyStartedPackageIsCharged() {
            assertThat(rate(charge(ChargeModel.PACKAGE, "100", "10", null), List.of(), "121").amount())
                    .isEqualByComparingTo("1300");
        }

        @Test
        void freeUnitsComeOffBeforeThePackagesAreCounted() {
            Rated rated = rate(charge(ChargeModel.PACKAGE, "100", "10", "10"), List.of(), "121");
            assertThat(rated.amount()).isEqualByComparingTo("1200");
            assertThat(rated.billable()).isEqualByComparingTo("111");
            assertThat(rated.summary()).isEqualTo("12 packages of 10");
        }

        @Test
        void nothingUsedIsNoPackage() {
            assertThat(rate(charge(ChargeModel.PACKAGE, "100", "10", null), List.of(), "0").amount())
                    .isEqualByComparingTo("0");
        }
    }

    @Nested
    class PerUnit {

        @Test
        void includedUnitsAreFreeAndTheRestCostTheUnitPrice() {
            Rated rated = rate(charge(ChargeModel.PER_UNIT, "0.001", null, "100000"), List.of(), "150000");
            assertThat(rated.amount()).isEqualByComparingTo("50.000");
            assertThat(rated.billable()).isEqualByComparingTo("50000");
        }

        @Test
        void usageBelowTheIncludedUnitsCostsNothingAndCorrectionsBelowZeroDoNotCredit() {
            assertThat(rate(charge(ChargeModel.PER_UNIT, "0.001", null, "100000"), List.of(), "99999").amount())
                    .isEqualByComparingTo("0");
            assertThat(rate(charge(ChargeModel.PER_UNIT, "2", null, null), List.of(), "-5").amount())
                    .isEqualByComparingTo("0");
        }

        @Test
        void noDigitIsLostBeforeTheLineIsRounded() {
            assertThat(rate(charge(ChargeModel.PER_UNIT, "0.0001", null, null), List.of(), "12345.6789").amount())
                    .isEqualByComparingTo("1.23456789");
        }
    }

    @Nested
    class Percentage {

        @Test
        void aShareOfTheAmountPlusAFeePerTransaction() {
            Rated rated = ChargeRating.rate(percentage("2.9", "0.30", null, null, 0, null), List.of(), d("1000.00"),
                    10, List.of());
            assertThat(rated.amount()).isEqualByComparingTo("32.00");
            assertThat(rated.breakdown()).extracting(TierCharge::label)
                    .containsExactly("2.9 % of the amount", "fee per transaction");
        }

        @Test
        void eachTransactionIsRaisedToTheMinimumAndCutToTheMaximum() {
            // 1 % + 0.10, at least 0.50, at most 2.00: 10 → 0.20 → 0.50; 100 → 1.10; 500 → 5.10 → 2.00
            Rated rated = ChargeRating.rate(percentage("1", "0.10", "0.50", "2.00", 0, null), List.of(),
                    d("610"), 3, List.of(d("10"), d("100"), d("500")));
            assertThat(rated.amount()).isEqualByComparingTo("3.60");
            assertThat(rated.breakdown()).extracting(TierCharge::label, t -> t.amount().stripTrailingZeros().toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1 % of the amount", "6.1"),
                            org.assertj.core.groups.Tuple.tuple("fee per transaction", "0.3"),
                            org.assertj.core.groups.Tuple.tuple("raised to the minimum per transaction", "0.3"),
                            org.assertj.core.groups.Tuple.tuple("cut to the maximum per transaction", "-3.1"));
        }

        @Test
        void theFirstFreeEventsCostNothingAtAll() {
            Rated rated = ChargeRating.rate(percentage("1", "0.10", "0.50", null, 2, null), List.of(), d("310"), 3,
                    List.of(d("100"), d("200"), d("10")));
            assertThat(rated.amount()).isEqualByComparingTo("0.50");
        }

        @Test
        void freeUnitsOfAmountAreUsedUpByTheEarliestTransactions() {
            // 50 free: the first 30 is free (no fee), 20 of the second is free, its 80 left costs 0.80 + 0.10
            Rated rated = ChargeRating.rate(percentage("1", "0.10", null, null, 0, "50"), List.of(), d("130"), 2,
                    List.of(d("30"), d("100")));
            assertThat(rated.amount()).isEqualByComparingTo("0.90");
            assertThat(rated.billable()).isEqualByComparingTo("80");
        }

        @Test
        void aNegativeCorrectionGivesBackItsPercentageButNoFee() {
            Rated rated = ChargeRating.rate(percentage("2", "0.25", "0.30", null, 0, null), List.of(), d("80"), 2,
                    List.of(d("100"), d("-20")));
            assertThat(rated.amount()).isEqualByComparingTo("1.85"); // 2.00 + 0.25 − 0.40
        }

        @Test
        void amountsGroupedAfterTheEarliestOnesPriceExactlyAsEachOneInOrder() {
            UsageCharge charge = percentage("1.5", "0.25", "0.30", "5.00", 1, "20");
            List<BigDecimal> inOrder = List.of(d("7"), d("15"), d("10"), d("400"), d("10"), d("10"), d("-4"),
                    d("400"), d("3.33"));
            // the first is free; 15 and 5 of the 10 use up the 20 free units; the rest may come in any order
            TransactionAmounts grouped = new TransactionAmounts(List.of(d("7"), d("15"), d("10")), List.of(
                    new TransactionAmounts.AmountCount(d("-4"), 1), new TransactionAmounts.AmountCount(d("3.33"), 1),
                    new TransactionAmounts.AmountCount(d("10"), 2), new TransactionAmounts.AmountCount(d("400"), 2)));
            Rated one = ChargeRating.rate(charge, List.of(), d("851.33"), 9, inOrder);
            Rated other = ChargeRating.rate(charge, List.of(), d("851.33"), 9, grouped);
            assertThat(other.amount()).isEqualByComparingTo(one.amount());
            assertThat(other.breakdown()).isEqualTo(one.breakdown());
        }

        @Test
        void groupedAmountsAreRefusedWhileSomethingFreeIsLeft() {
            TransactionAmounts tooFewInOrder = new TransactionAmounts(List.of(d("5")),
                    List.of(new TransactionAmounts.AmountCount(d("100"), 3)));
            assertThatThrownBy(() -> ChargeRating.rate(percentage("1", null, "0.5", null, 0, "50"), List.of(),
                    d("305"), 4, tooFewInOrder)).hasMessageContaining("free events or units left");
        }

        @Test
        void perTransactionPricingRefusesAmountsThatDoNotMatchTheEvents() {
            assertThatThrownBy(() -> ChargeRating.rate(percentage("1", null, "0.5", null, 0, null), List.of(),
                    d("10"), 2, List.of(d("10"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 amounts were given for 2 events");
        }
    }

    @Nested
    class GraduatedPercentage {

        @Test
        void eachPartOfTheAmountAtItsTiersPercentagePlusFlatFees() {
            List<UsageTier> tiers = List.of(new UsageTier("c", d("0"), d("1000"), null, d("1"), null, d("2")),
                    new UsageTier("c", d("1000"), null, null, d("5"), null, d("1")));
            assertThat(rate(tiered(ChargeModel.GRADUATED_PERCENTAGE), tiers, "5000").amount())
                    .isEqualByComparingTo("66"); // 20 + 1 + 40 + 5
            assertThat(rate(tiered(ChargeModel.GRADUATED_PERCENTAGE), tiers, "500").amount())
                    .isEqualByComparingTo("11");
        }
    }

    @Nested
    class Capacity {

        private final List<UsageTier> tiers = List.of(tier("0", "10", null, "5"), tier("11", "50", null, "20"),
                tier("51", null, null, "35"));

        @ParameterizedTest(name = "a peak of {0} costs {1}")
        @CsvSource({"0, 5", "10, 5", "30, 20", "50, 20", "50.5, 35", "900, 35"})
        void thePriceOfTheTierTheHighestUnitNeeds(String peak, String amount) {
            assertThat(rate(tiered(ChargeModel.CAPACITY), tiers, peak).amount()).isEqualByComparingTo(amount);
        }
    }

    @Nested
    class PassThrough {

        @Test
        void theCostPlusTheMarkup() {
            UsageCharge cloud = new UsageCharge("c", "Cloud", "Plan", "cost", "USD", ChargeModel.PASS_THROUGH, null,
                    null, null, 0, null, null, null, null, null, d("15"));
            Rated rated = rate(cloud, List.of(), "1234.56");
            assertThat(rated.amount()).isEqualByComparingTo("1419.744");
            assertThat(rated.unitPrice()).isEqualByComparingTo("1.15");
            assertThat(rated.breakdown()).extracting(TierCharge::label).containsExactly("cost", "markup 15 %");
        }
    }

    @Nested
    class TierTables {

        @Test
        void aGapBetweenTiersIsRefused() {
            assertThatThrownBy(() -> ChargeRating.ordered(tiered(ChargeModel.GRADUATED),
                    List.of(tier("0", "10", "1", null), tier("15", null, "1", null))))
                    .hasMessageContaining("tier 2 (15–)").hasMessageContaining("must follow each other");
        }

        @Test
        void onlyTheLastTierIsOpenEndedAndItMustBe() {
            assertThatThrownBy(() -> ChargeRating.ordered(tiered(ChargeModel.VOLUME),
                    List.of(tier("0", "10", "1", null), tier("11", "20", "1", null))))
                    .hasMessageContaining("the last tier must be open-ended");
        }

        @Test
        void aTieredChargeWithoutTiersIsRefusedAndOtherChargesTiersAreIgnored() {
            UsageTier elsewhere = new UsageTier("other", d("0"), null, d("1"), null, null, null);
            assertThatThrownBy(() -> ChargeRating.ordered(tiered(ChargeModel.GRADUATED), List.of(elsewhere)))
                    .hasMessageContaining("needs tiers");
        }

        @Test
        void aCapacityTierHasOnlyItsPrice() {
            assertThatThrownBy(() -> ChargeRating.ordered(tiered(ChargeModel.CAPACITY),
                    List.of(tier("0", null, "1", "5"))))
                    .hasMessageContaining("only a flat fee");
        }

        @Test
        void aChargeRowMustHaveWhatItsModelNeeds() {
            assertThatThrownBy(() -> charge(ChargeModel.PACKAGE, "100", null, null))
                    .hasMessageContaining("package size");
            assertThatThrownBy(() -> charge(ChargeModel.GRADUATED, "1", null, null))
                    .hasMessageContaining("takes its prices from its tiers");
            assertThatThrownBy(() -> new UsageCharge("c", null, "P", "m", "USD", ChargeModel.PER_UNIT, d("1"), null,
                    null, 0, null, d("0.30"), null, null, null, null))
                    .hasMessageContaining("percentage charges only");
            assertThat(Stream.of(ChargeModel.values()).filter(ChargeModel::tiered))
                    .containsExactlyInAnyOrder(ChargeModel.GRADUATED, ChargeModel.VOLUME,
                            ChargeModel.GRADUATED_PERCENTAGE, ChargeModel.CAPACITY);
        }
    }
}
