Feature: The billing run
  The billing run turns everything that is due into invoices. Finance relies on it to invoice each
  billing date exactly once: running it again must never double-charge a customer, a run that was
  missed must not lose revenue, and a customer with several subscriptions due on the same day gets
  one invoice, not a pile of them.

  Background:
    Given a seller that bills with the default rule pack
    And a customer "ACME GmbH" billed in EUR

  Scenario: Running the billing run twice on the same day invoices nothing twice
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    And the billing run has run for 15 January 2026
    When the billing run runs again for 15 January 2026
    Then no invoice is issued
    And the billing run reports 1 invoice as already issued
    And the seller has issued exactly these invoices:
      | number     | customer  | date            | total     |
      | INV-000001 | ACME GmbH | 15 January 2026 | EUR 49.00 |

  Scenario: Missed months are caught up with one invoice per billing date
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    When the billing run runs for 15 March 2026
    Then exactly 3 invoices are issued
    And the billing run reports no problems
    And the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 15 January 2026  | EUR 49.00 |
      | INV-000002 | ACME GmbH | 15 February 2026 | EUR 49.00 |
      | INV-000003 | ACME GmbH | 15 March 2026    | EUR 49.00 |
    And invoice INV-000002 has these lines:
      | description                       | from             | to            | amount    |
      | Hosting Pro (monthly, in advance) | 15 February 2026 | 15 March 2026 | EUR 49.00 |

  Scenario: Seats multiply the plan price
    Given "ACME GmbH" subscribes to 3 seats of the "Pro" plan starting 15 January 2026
    When the billing run runs for 15 January 2026
    Then exactly 1 invoice is issued
    And invoice INV-000001 has these lines:
      | description                       | quantity | unit price | amount     | tax      |
      | Hosting Pro (monthly, in advance) | 3        | EUR 49.00  | EUR 147.00 | EUR 0.00 |
    And invoice INV-000001 totals EUR 147.00 of which tax EUR 0.00

  Scenario: Two subscriptions of one account due on the same day share one invoice
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    And "ACME GmbH" subscribes to the "Starter" plan starting 15 January 2026
    When the billing run runs for 15 January 2026
    Then exactly 1 invoice is issued
    And invoice INV-000001 has these lines, in any order:
      | description                           | from            | to               | amount    | tax      |
      | Hosting Pro (monthly, in advance)     | 15 January 2026 | 15 February 2026 | EUR 49.00 | EUR 0.00 |
      | Hosting Starter (monthly, in advance) | 15 January 2026 | 15 February 2026 | EUR 19.00 | EUR 0.00 |
    And invoice INV-000001 totals EUR 68.00 of which tax EUR 0.00

  Scenario: Nothing is invoiced before the subscription starts
    Given "ACME GmbH" subscribes to the "Pro" plan starting 1 February 2026
    When the billing run runs for 15 January 2026
    Then no invoice is issued
    And the billing run reports no problems
    And the seller has issued no invoices
    When the billing run runs for 1 February 2026
    Then exactly 1 invoice is issued
    And invoice INV-000001 is addressed to "ACME GmbH" and dated 1 February 2026
