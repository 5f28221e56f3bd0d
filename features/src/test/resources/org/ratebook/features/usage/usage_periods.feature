Feature: Usage is rated over the same periods as the plan's charge
  Usage is billed in arrear over the plan's billing periods, so its periods start and end where the plan's
  periods do: on calendar months when the seller aligns billing to the CALENDAR (whatever the customer's
  billing day), and over the whole period of a plan billed "every 2 months". The usage of one period is one
  quantity: a graduated charge's tiers apply to the total of the period, not to each month of it.

  Scenario: Under calendar alignment usage is rated per calendar month, on the same invoices as the plan
    # the customer's billing day (15) would cut usage periods on the 15th; aligned to the CALENDAR the first
    # period is 10 May to 1 June 2026 (22 of 31 days: USD 10.00 x 22 / 31 = 7.0968, USD 7.10) and the next
    # 1 June to 1 July (USD 10.00). Usage: May 5 calls x 2.00 = USD 10.00; June 7 + 3 = 10 calls = USD 20.00,
    # the calls of the 14th and the 20th of June in one period though the customer's billing day lies between
    Given a sandbox seller whose test clock reads 10 May 2026
    And the seller bills with this catalog, counting days ACTUAL, aligned to CALENDAR:
      | plan    | product | phase     | lasts | currency | price | billed  | mode      |
      | Metered | Cloud   | evergreen |       | USD      | 10.00 | monthly | in arrear |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model    | unit price |
      | api    | API calls | Metered | api_calls | USD      | per unit | 2.00       |
    And a customer "Hunter Inc" billed in USD on billing day 15
    And "Hunter Inc" subscribes to the "Metered" plan
    And the seller advances its test clock to 31 May 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                 |
      | may-1       | api_calls | 5        | 20 May 2026 09:00  |
    And the seller advances its test clock to 16 June 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                 |
      | june-1      | api_calls | 7        | 14 June 2026 09:00 |
    Then the estimated usage charge of "Hunter Inc" for 1 June 2026 to 30 June 2026 is USD 14.00
    When the seller advances its test clock to 21 June 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                 |
      | june-2      | api_calls | 3        | 20 June 2026 09:00 |
    And the seller advances its test clock to 1 July 2026
    Then the seller has issued exactly these invoices:
      | number     | customer   | date        | total     |
      | INV-000001 | Hunter Inc | 1 June 2026 | USD 17.10 |
      | INV-000002 | Hunter Inc | 1 July 2026 | USD 30.00 |
    And invoice INV-000001 has these usage lines:
      | description          | from        | to          | quantity | events | amount    |
      | API calls (per unit) | 10 May 2026 | 31 May 2026 | 5        | 1      | USD 10.00 |
    And invoice INV-000002 has these usage lines:
      | description          | from        | to           | quantity | events | amount    |
      | API calls (per unit) | 1 June 2026 | 30 June 2026 | 10       | 2      | USD 20.00 |

  Scenario: A plan billed every 2 months rates both months' usage together at the end of the two months
    # one period, 1 March to 1 May 2026, invoiced in arrear on 1 May: the plan USD 20.00; calls 8 in March and
    # 7 in April = 15 at USD 0.50 = USD 7.50; jobs 8 in March and 7 in April = 15 on the graduated tiers of the
    # two-month total: 10 x 10 + 2 = 102, then 5 x 5 + 3 = 28, USD 130.00 (rated month by month they would
    # have been 8 x 10 + 2 = 82 and 7 x 10 + 2 = 72, USD 154.00). Total 20.00 + 7.50 + 130.00 = USD 157.50.
    # Nothing is invoiced on 1 April.
    Given a sandbox seller whose test clock reads 1 March 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan      | product | phase     | lasts | currency | price | billed         | mode      |
      | Bimonthly | Cloud   | evergreen |       | USD      | 20.00 | every 2 months | in arrear |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller meters "jobs" in job as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan      | meter     | currency | model     | unit price |
      | api    | API calls | Bimonthly | api_calls | USD      | per unit  | 0.50       |
      | jobs   | Jobs      | Bimonthly | jobs      | USD      | graduated |            |
    And the usage charge "jobs" has these tiers:
      | from | to | unit price | flat fee |
      | 0    | 10 | 10         | 2        |
      | 11   | 20 | 5          | 3        |
      | 21   |    | 5          | 3        |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Bimonthly" plan
    And the seller advances its test clock to 31 March 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-api   | api_calls | 8        | 10 March 2026 09:00 |
      | march-jobs  | jobs      | 8        | 10 March 2026 09:00 |
    And the seller advances its test clock to 30 April 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | april-api   | api_calls | 7        | 10 April 2026 09:00 |
      | april-jobs  | jobs      | 7        | 10 April 2026 09:00 |
    When the seller advances its test clock to 1 May 2026
    Then the seller has issued exactly these invoices:
      | number     | customer   | date       | total      |
      | INV-000001 | Hunter Inc | 1 May 2026 | USD 157.50 |
    And invoice INV-000001 has these usage lines:
      | description                 | from         | to            | quantity | events | amount     |
      | API calls (per unit)        | 1 March 2026 | 30 April 2026 | 15       | 2      | USD 7.50   |
      | Jobs (graduated tiers)      | 1 March 2026 | 30 April 2026 | 15       | 2      | USD 130.00 |
    And the usage line "Jobs (graduated tiers)" of invoice INV-000001 breaks down as:
      | tier   | units | unit price | flat fee | amount |
      | tier 1 | 10    | 10         | 2        | 102    |
      | tier 2 | 5     | 5          | 3        | 28     |
