Feature: Late and corrected usage
  Usage of a month that was already invoiced still arrives: exports replayed, devices offline for a day,
  corrections of wrong readings. It is never lost and never billed twice: the next invoice re-rates that
  month with all the usage now known and carries only the difference, as an adjustment line that names the
  month. A correction downwards is a negative adjustment. Only the two invoiced months before the one being
  invoiced are re-read, so each billing run's work stays bounded; usage later than that is not billed.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Metered | Cloud   | USD      | 10.00 | monthly | in arrear |
    And the seller meters "api_calls" in call as the sum of a period, corrections allowed
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

  Scenario: Calls of March that arrive after March was invoiced are charged on April's invoice, naming March
    Given the seller advances its test clock to 31 March 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-1     | api_calls | 11       | 10 March 2026 12:00 |
    And the seller advances its test clock to 1 April 2026
    And invoice INV-000001 has these usage lines:
      | description                 | from         | to            | quantity | events | amount     |
      | API calls (graduated tiers) | 1 March 2026 | 31 March 2026 | 11       | 1      | USD 110.00 |
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-late  | api_calls | 3        | 20 March 2026 08:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000002 has these usage lines:
      | description                                                                                  | type       | from         | to            | quantity | events | amount     |
      | API calls (graduated tiers)                                                                  | USAGE      | 1 April 2026 | 30 April 2026 | 0        | 0      | USD 2.00   |
      | Adjustment of API calls for 1 March 2026 to 31 March 2026 (re-rated 14 call, billed before 11) | ADJUSTMENT | 1 March 2026 | 31 March 2026 | 14       | 2      | USD 15.00  |
    And the usage events behind the line "Adjustment of API calls for 1 March 2026 to 31 March 2026 (re-rated 14 call, billed before 11)" of invoice INV-000002 are "march-1, march-late"
    When the seller advances its test clock to 1 June 2026
    Then invoice INV-000003 has these usage lines:
      | description                 | from       | to          | quantity | amount   |
      | API calls (graduated tiers) | 1 May 2026 | 31 May 2026 | 0        | USD 2.00 |

  Scenario: A reading corrected downwards is credited on the next invoice
    Given the seller advances its test clock to 31 March 2026
    And "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-1     | api_calls | 21       | 10 March 2026 12:00 |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-fix   | api_calls | -10      | 10 March 2026 12:30 |
      | april-1     | api_calls | 21       | 15 April 2026 12:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                 | quantity | amount     |
      | API calls (graduated tiers) | 21       | USD 163.00 |
    And invoice INV-000002 has these usage lines:
      | description                                                                                  | quantity | events | amount     |
      | API calls (graduated tiers)                                                                  | 21       | 1      | USD 163.00 |
      | Adjustment of API calls for 1 March 2026 to 31 March 2026 (re-rated 11 call, billed before 21) | 11       | 2      | USD -53.00 |
    And invoice INV-000002 totals USD 120.00 of which tax USD 0.00

  Scenario: Usage older than the two invoiced months before the one being invoiced is no longer billed
    Given the seller advances its test clock to 1 June 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | march-late  | api_calls | 5        | 15 March 2026 12:00 |
      | april-late  | api_calls | 5        | 15 April 2026 12:00 |
    And the seller advances its test clock to 1 July 2026
    Then invoice INV-000004 has these usage lines:
      | description                                                                                  | from         | to            | amount    |
      | API calls (graduated tiers)                                                                  | 1 June 2026  | 30 June 2026  | USD 2.00  |
      | Adjustment of API calls for 1 April 2026 to 30 April 2026 (re-rated 5 call, billed before 0) | 1 April 2026 | 30 April 2026 | USD 50.00 |
