Feature: One-off charges
  Besides plans, a seller charges a customer once for things like a server setup or an hour of emergency
  support. The charge is invoiced on its day, priced and taxed by the seller's rules like any other line.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 10 March 2024

  Scenario: A setup fee entered today is invoiced today
    When the seller charges "Hunter Inc" 2 x USD 75.00 for "Server setup"
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total      |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00  |
      | INV-000002 | Hunter Inc | 10 March 2024 | USD 150.00 |
    And invoice INV-000002 has these lines:
      | description  | from          | quantity | unit price | amount     |
      | Server setup | 10 March 2024 | 2        | USD 75.00  | USD 150.00 |
    And the line "Server setup" of invoice INV-000002 names rule pack "scenario catalog" version 2 and these rules:
      | One-off charge at the amount entered |
      | No tax configured for the seller     |

  Scenario: A charge dated ahead goes on the invoice of its day, next to the monthly price
    When the seller charges "Hunter Inc" 1 x USD 40.00 for "Emergency support, 1 hour" on 1 April 2024
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 10.00 |
      | INV-000002 | Hunter Inc | 1 April 2024 | USD 50.00 |
    And invoice INV-000002 has these lines:
      | description                         | amount    |
      | Hosting Small (monthly, in advance) | USD 10.00 |
      | Emergency support, 1 hour           | USD 40.00 |

  Scenario: The same charge sent twice is charged once
    When the seller charges "Hunter Inc" USD 25.00 for "Data recovery" with reference "ticket-4711"
    And the seller charges "Hunter Inc" USD 25.00 for "Data recovery" with reference "ticket-4711"
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 10 March 2024 | USD 25.00 |

  Scenario: A charge in another currency than the customer's is refused and changes nothing
    When the seller tries to charge "Hunter Inc" EUR 25.00 for "Data recovery"
    Then it is refused with a reason mentioning "the account is billed in USD; a charge in EUR cannot be put on its invoices"
    And the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 10.00 |

  Scenario: A charge of nothing is refused
    When the seller tries to charge "Hunter Inc" USD 0.00 for "Data recovery"
    Then it is refused with a reason mentioning "a one-off charge needs a positive amount"
