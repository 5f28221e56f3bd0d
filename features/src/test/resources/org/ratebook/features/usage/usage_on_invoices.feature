Feature: Usage on the invoice, and what the current month will cost
  A usage line says what was measured (quantity and unit), over which days, how the amount was reached
  (tier by tier) and which usage events are behind it, so a customer can check it. While the month is still
  running, the usage so far and its estimated charge are there to see.

  Background:
    Given a sandbox seller whose test clock reads 1 April 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode       |
      | Metered | Cloud   | USD      | 10.00 | monthly | in advance |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller meters "backup_gb" in GB as the max of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model     |
      | api    | API calls | Metered | api_calls | USD      | graduated |
    And the usage charge "api" has these tiers:
      | from | to | unit price | flat fee |
      | 0    | 10 | 10         | 2        |
      | 11   | 20 | 5          | 3        |
      | 21   |    | 5          | 3        |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Metered" plan

  Scenario: The usage line shows quantity, unit, days, tiers and the transactions behind it
    Given the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | req-1       | api_calls | 15       | 3 April 2026 09:00  |
      | req-2       | api_calls | 6        | 17 April 2026 09:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000002 has these lines:
      | description                    | from         | to           | quantity | amount     |
      | Cloud Metered (monthly, in advance) | 1 May 2026 | 1 June 2026 | 1        | USD 10.00  |
      | API calls (graduated tiers)    | 1 April 2026 | 1 May 2026   | 21       | USD 163.00 |
    And invoice INV-000002 has these usage lines:
      | description                 | from         | to            | quantity | unit | events | amount     |
      | API calls (graduated tiers) | 1 April 2026 | 30 April 2026 | 21       | call | 2      | USD 163.00 |
    And the usage line "API calls (graduated tiers)" of invoice INV-000002 breaks down as:
      | tier   | units | unit price | flat fee | amount |
      | tier 1 | 10    | 10         | 2        | 102    |
      | tier 2 | 10    | 5          | 3        | 53     |
      | tier 3 | 1     | 5          | 3        | 8      |
    And the usage events behind the line "API calls (graduated tiers)" of invoice INV-000002 are "req-1, req-2"
    And the line "API calls (graduated tiers)" of invoice INV-000002 names rule pack "scenario catalog" version 3 and these rules:
      | Usage priced by the plan's charge table |
      | No tax configured for the seller        |

  Scenario: The usage so far this month and its estimated charge
    Given the seller advances its test clock to 20 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | req-1       | api_calls | 11       | 3 April 2026 09:00  |
    Then the estimated usage charge of "Hunter Inc" for 1 April 2026 to 30 April 2026 is USD 110.00
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | req-2       | api_calls | 10       | 19 April 2026 09:00 |
    Then the estimated usage charge of "Hunter Inc" for 1 April 2026 to 30 April 2026 is USD 163.00

  Scenario: Usage of a meter the plan does not charge for is kept but not invoiced
    Given the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | req-1       | api_calls | 10       | 3 April 2026 09:00  |
      | bk-1        | backup_gb | 40       | 3 April 2026 09:00  |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000002 has these usage lines:
      | description                 | quantity | amount     |
      | API calls (graduated tiers) | 10       | USD 102.00 |
    And the billing run reports no problems
