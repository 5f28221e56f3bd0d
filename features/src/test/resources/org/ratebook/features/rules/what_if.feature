Feature: What-if: a draft re-prices a closed period next to what was invoiced
  Before a price change is approved, the seller sees what it would have invoiced for a month already billed:
  every invoice of the period is decided again by the draft, by the same rules as the billing run, and set
  against what was actually invoiced, customer by customer. Nothing is recorded.

  The shipped default pack (version 1) prices "Pro" at EUR 49.00 and "Starter" at EUR 19.00 a month, without tax.

  Scenario: Raising Pro by EUR 10.00 shows each customer's difference and the month's totals
    Given a sandbox seller whose test clock reads 5 January 2027
    And a customer "Alpha GmbH" billed in EUR
    And "Alpha GmbH" subscribes to the "Pro" plan
    And a customer "Gamma GmbH" billed in EUR
    And "Gamma GmbH" subscribes to the "Starter" plan
    And the seller advances its test clock to 10 February 2027
    When Alice drafts the seller's prices with the "Pro" plan at EUR 59.00
    And the seller re-prices the invoices dated 1 January 2027 to 31 January 2027 with version 2
    Then the what-if shows:
      | customer   | invoices | invoiced  | with the draft | difference |
      | Alpha GmbH | 1        | EUR 49.00 | EUR 59.00      | EUR 10.00  |
      | Gamma GmbH | 1        | EUR 19.00 | EUR 19.00      | EUR 0.00   |
    And the what-if totals EUR 68.00 invoiced and EUR 78.00 with the draft
    And nothing was recorded by the what-if

  Scenario: Re-pricing with the version that invoiced the period changes nothing
    Given a sandbox seller whose test clock reads 5 January 2027
    And a customer "Alpha GmbH" billed in EUR
    And "Alpha GmbH" subscribes to the "Pro" plan
    And the seller advances its test clock to 10 February 2027
    When the seller re-prices the invoices dated 1 January 2027 to 28 February 2027 with version 1
    Then the what-if shows:
      | customer   | invoices | invoiced  | with the draft | difference |
      | Alpha GmbH | 2        | EUR 98.00 | EUR 98.00      | EUR 0.00   |
