Feature: The first invoice of a new subscriber
  The first invoice is the customer's first impression of our billing and the first entry in the books.
  Finance needs it to carry the catalog price for exactly the period it covers, the right tax, the next
  number of the seller's gapless invoice sequence, and to say which rules produced each amount, so that
  an auditor can follow every figure back to the rules in force.

  Background:
    Given a seller that bills with the default rule pack
    And a customer "ACME GmbH" billed in EUR

  Scenario: A new Pro subscriber is invoiced EUR 49.00 on the first billing date
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    When the billing run runs for 15 January 2026
    Then exactly 1 invoice is issued
    And the billing run reports no problems
    And invoice INV-000001 is addressed to "ACME GmbH" and dated 15 January 2026
    And invoice INV-000001 has these lines:
      | description                       | from            | to               | quantity | unit price | amount    | tax      |
      | Hosting Pro (monthly, in advance) | 15 January 2026 | 15 February 2026 | 1        | EUR 49.00  | EUR 49.00 | EUR 0.00 |
    And invoice INV-000001 totals EUR 49.00 of which tax EUR 0.00

  Scenario: Every invoice line explains which rules priced it
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    When the billing run runs for 15 January 2026
    Then the line "Hosting Pro (monthly, in advance)" of invoice INV-000001 names rule pack "default" version 1 and these rules:
      | Recurring plan price from the catalog |
      | No tax configured for the seller      |
    And the decision trace of invoice INV-000001 lists these rules in the order they fired:
      | Recurring plan price from the catalog |
      | No tax configured for the seller      |
