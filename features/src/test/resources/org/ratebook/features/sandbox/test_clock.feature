Feature: Test clocks of sandbox sellers
  Analysts try long scenarios in seconds: a sandbox seller has its own clock that moves only when they
  advance it, and billing follows it exactly as a real month would pass, one invoice per billing date.

  Scenario: Advancing the test clock bills every month that passed on the way
    Given a sandbox seller whose test clock reads 15 January 2026
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan
    When the seller advances its test clock to 20 March 2026
    Then exactly 3 invoices are issued
    And the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 15 January 2026  | EUR 49.00 |
      | INV-000002 | ACME GmbH | 15 February 2026 | EUR 49.00 |
      | INV-000003 | ACME GmbH | 15 March 2026    | EUR 49.00 |
    And the seller's test clock reads 20 March 2026

  Scenario: A test clock never goes back
    Given a sandbox seller whose test clock reads 15 January 2026
    And the seller advances its test clock to 1 March 2026
    When the seller tries to move its test clock to 1 February 2026
    Then it is refused with a reason mentioning "cannot go back"
    And the seller's test clock reads 1 March 2026

  Scenario: A live seller has no test clock
    Given a seller that bills with the default rule pack
    When the seller tries to move its test clock to 1 March 2026
    Then it is refused with a reason mentioning "has no test clock"
