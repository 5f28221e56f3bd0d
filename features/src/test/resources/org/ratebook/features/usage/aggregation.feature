Feature: How a month of usage becomes one quantity
  A meter says how its events add up over a period: a sum, a peak, a count of distinct devices, or a level
  that is weighted by how long it lasted (device-days, seats prorated over the month). Periods start and end
  at midnight in the customer's time zone.

  Background:
    Given a sandbox seller whose test clock reads 1 April 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Managed | MSP     | USD      | 10.00 | monthly | in arrear |

  Scenario: Devices are counted once a month however often they report
    Given the seller meters "devices" in device as the unique count of "device_id"
    And the seller charges usage like this:
      | charge  | name            | plan    | meter   | currency | model    | unit price |
      | devices | Managed devices | Managed | devices | USD      | per unit | 2.00       |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Managed" plan
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter   | quantity | at                  | device_id |
      | hb-1        | devices | 1        | 2 April 2026 08:00  | laptop-7  |
      | hb-2        | devices | 1        | 3 April 2026 08:00  | server-1  |
      | hb-3        | devices | 1        | 9 April 2026 08:00  | laptop-7  |
      | hb-4        | devices | 1        | 20 April 2026 08:00 | printer-2 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                | quantity | unit   | events | amount   |
      | Managed devices (per unit) | 3        | device | 4      | USD 6.00 |

  Scenario: Devices are billed per device-day, and the count carries over into the next month
    Given the seller meters "device_days" in device-day as a level weighted per day
    And the seller charges usage like this:
      | charge  | name        | plan    | meter       | currency | model    | unit price |
      | devices | Device days | Managed | device_days | USD      | per unit | 0.10       |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Managed" plan
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter       | quantity | at                  |
      | add-3       | device_days | 3        | 1 April 2026 00:00  |
      | add-2       | device_days | 2        | 11 April 2026 00:00 |
      | remove-4    | device_days | -4       | 21 April 2026 00:00 |
    And the seller advances its test clock to 1 June 2026
    # 3 devices for 10 days, 5 for 10 days, 1 for 10 days; then 1 device all 31 days of May
    Then invoice INV-000001 has these usage lines:
      | description            | from         | to            | quantity | unit       | events | amount   |
      | Device days (per unit) | 1 April 2026 | 30 April 2026 | 90       | device-day | 3      | USD 9.00 |
    And invoice INV-000002 has these usage lines:
      | description            | from       | to          | quantity | events | amount   |
      | Device days (per unit) | 1 May 2026 | 31 May 2026 | 31       | 0      | USD 3.10 |

  Scenario: Seats added in the middle of the month are billed for the part of the month they were there
    Given the seller meters "seats" in seat as a level weighted per period
    And the seller charges usage like this:
      | charge | name  | plan    | meter | currency | model    | unit price |
      | seats  | Seats | Managed | seats | USD      | per unit | 12.00      |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Managed" plan
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter | quantity | at                  |
      | seats-4     | seats | 4        | 1 April 2026 00:00  |
      | seats-2     | seats | 2        | 16 April 2026 00:00 |
    And the seller advances its test clock to 1 May 2026
    # 4 seats all month and 2 more for 15 of 30 days: 5 seat-months
    Then invoice INV-000001 has these usage lines:
      | description      | quantity | unit | amount    |
      | Seats (per unit) | 5        | seat | USD 60.00 |

  Scenario: A month of usage ends at midnight in the customer's time zone, not in UTC
    Given the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Managed | MSP     | EUR      | 10.00 | monthly | in arrear |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model    | unit price |
      | api    | API calls | Managed | api_calls | EUR      | per unit | 1.00       |
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Managed" plan
    # 21:30 UTC is 23:30 in Berlin (still April); 22:30 UTC is 00:30 on 1 May in Berlin, when April is invoiced
    And the seller advances its test clock to 30 April 2026 at 21:45
    When "ACME GmbH" sends this usage:
      | transaction | meter     | quantity | at                  |
      | late-april  | api_calls | 1        | 30 April 2026 21:30 |
    And the seller advances its test clock to 30 April 2026 at 22:40
    And "ACME GmbH" sends this usage:
      | transaction | meter     | quantity | at                  |
      | early-may   | api_calls | 1        | 30 April 2026 22:30 |
    And the seller advances its test clock to 1 June 2026
    Then invoice INV-000001 has these usage lines:
      | description          | from         | to            | quantity | events | amount   |
      | API calls (per unit) | 1 April 2026 | 30 April 2026 | 1        | 1      | EUR 1.00 |
    And the usage events behind the line "API calls (per unit)" of invoice INV-000001 are "late-april"
    And invoice INV-000002 has these usage lines:
      | description          | from       | to          | quantity | events | amount   |
      | API calls (per unit) | 1 May 2026 | 31 May 2026 | 1        | 1      | EUR 1.00 |
