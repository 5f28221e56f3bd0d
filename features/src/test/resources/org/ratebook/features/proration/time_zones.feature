Feature: Billing days follow the customer's calendar
  A customer's billing day starts at midnight where the customer is, not where the server is. A customer in
  Los Angeles who signs up late in the evening is billed from that evening's date, and is invoiced on each
  billing day once midnight has passed in Los Angeles, whether the clocks there are on winter or summer time.

  Background:
    Given a sandbox seller whose test clock reads 28 February 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed  |
      | Pro  | Hosting | evergreen |       | USD      | 49.00 | monthly |

  Scenario: A sign-up at 11:30 pm in Los Angeles starts that day, although it is already the next day in UTC
    Given a customer "Pacific Ltd" in time zone America/Los_Angeles billed in USD on billing day 28
    When the seller advances its test clock to 1 March 2026 at 07:30 UTC
    And "Pacific Ltd" subscribes to the "Pro" plan
    Then "Pacific Ltd" has these subscriptions:
      | plan | seats | starting         |
      | Pro  | 1     | 28 February 2026 |
    When the seller advances its test clock to 1 March 2026 at 07:45 UTC
    Then the seller has issued exactly these invoices:
      | number     | customer    | date             | total     |
      | INV-000001 | Pacific Ltd | 28 February 2026 | USD 49.00 |

  Scenario: After the change to summer time, the invoice waits for midnight in Los Angeles, which is 7 am in UTC
    Given a customer "Pacific Ltd" in time zone America/Los_Angeles billed in USD on billing day 28
    And "Pacific Ltd" subscribes to the "Pro" plan starting 28 February 2026
    When the seller advances its test clock to 28 March 2026 at 06:30 UTC
    Then the seller has issued exactly these invoices:
      | number     | customer    | date             | total     |
      | INV-000001 | Pacific Ltd | 28 February 2026 | USD 49.00 |
    When the seller advances its test clock to 28 March 2026 at 07:00 UTC
    Then the seller has issued exactly these invoices:
      | number     | customer    | date             | total     |
      | INV-000001 | Pacific Ltd | 28 February 2026 | USD 49.00 |
      | INV-000002 | Pacific Ltd | 28 March 2026    | USD 49.00 |

  Scenario: A customer in Auckland is invoiced while it is still the day before in UTC
    Given a customer "Kiwi Ltd" in time zone Pacific/Auckland billed in USD on billing day 1
    And "Kiwi Ltd" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 31 March 2026 at 11:00 UTC
    Then the seller has issued exactly these invoices:
      | number     | customer | date          | total     |
      | INV-000001 | Kiwi Ltd | 1 March 2026  | USD 49.00 |
      | INV-000002 | Kiwi Ltd | 1 April 2026  | USD 49.00 |

  @issue-11
  Scenario: A payment made after midnight in UTC is dated on the customer's day, still the day before in Los Angeles
    Given a customer "Pacific Ltd" in time zone America/Los_Angeles billed in USD on billing day 28
    And "Pacific Ltd" subscribes to the "Pro" plan starting 28 February 2026
    And the seller advances its test clock to 11 March 2026 at 03:00 UTC
    When "Pacific Ltd" pays USD 49.00 on invoice INV-000001
    Then invoice INV-000001 shows these payments:
      | kind    | amount    | to the invoice | to credit | on            |
      | payment | USD 49.00 | USD 49.00      | USD 0.00  | 10 March 2026 |
