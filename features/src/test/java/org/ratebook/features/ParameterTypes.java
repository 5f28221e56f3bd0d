package org.ratebook.features;

import io.cucumber.java.DataTableType;
import io.cucumber.java.ParameterType;

import java.time.LocalDate;
import java.util.Map;

/** How the words of the feature files become values: dates, amounts and table rows. */
public class ParameterTypes {

    @ParameterType(name = "date", value = BusinessDates.PATTERN)
    public LocalDate date(String text) {
        return BusinessDates.parse(text);
    }

    @ParameterType(name = "money", value = Money.PATTERN)
    public Money money(String text) {
        return Money.parse(text);
    }

    @DataTableType
    public Expectations.Line invoiceLine(Map<String, String> row) {
        return Expectations.Line.of(row);
    }

    @DataTableType
    public Expectations.Invoice invoice(Map<String, String> row) {
        return Expectations.Invoice.of(row);
    }

    @DataTableType
    public Expectations.Subscription subscription(Map<String, String> row) {
        return Expectations.Subscription.of(row);
    }
}
