Feature: Unusual usage is flagged
  A customer whose usage suddenly jumps (a leaked API key, a runaway job) should hear about it before the
  invoice surprises them. The seller's rules flag a month whose usage is more than three times the average
  of the months invoiced before it; the flag is kept with the invoice that bills the month, for the console
  and notifications, and changes nothing on the invoice.

  Scenario: A month with five times the usual calls is flagged, the usual months are not
    Given a sandbox seller whose test clock reads 1 January 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Metered | Cloud   | USD      | 10.00 | monthly | in arrear |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model    | unit price |
      | api    | API calls | Metered | api_calls | USD      | per unit | 0.01       |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Metered" plan
    And the seller advances its test clock to 31 January 2026
    And "Hunter Inc" sends 100 usage events of "api_calls" with quantity "1" on 15 January 2026
    And the seller advances its test clock to 28 February 2026
    And "Hunter Inc" sends 140 usage events of "api_calls" with quantity "1" on 15 February 2026
    And the seller advances its test clock to 31 March 2026
    And "Hunter Inc" sends 600 usage events of "api_calls" with quantity "1" on 15 March 2026
    When the seller advances its test clock to 1 April 2026
    Then the seller's flagged usage is:
      | customer   | meter     | from         | to            | quantity | average | reason                                               |
      | Hunter Inc | api_calls | 1 March 2026 | 31 March 2026 | 600      | 120     | more than 3 times the average of the periods before |
    And invoice INV-000003 has these usage lines:
      | description          | quantity | amount   |
      | API calls (per unit) | 600      | USD 6.00 |
