Feature: Usage priced by the seller's charge models
  Providers price metered usage in many ways: per unit, in graduated or volume tiers, per started package,
  as a percentage of payments with a fee and limits per transaction, by the capacity a peak needs, or as a
  cost passed on with a markup. Each is a row of the seller's usage charge table (and its tiers), priced by
  the rule "Usage priced by the plan's charge table" and rounded once, to the cent. Usage is invoiced in
  arrear: a month's usage is on the invoice of the day the month ends. The graduated and package figures
  are the ones peers publish in their own test suites.

  Background:
    Given a sandbox seller whose test clock reads 1 April 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Metered | Cloud   | USD      | 10.00 | monthly | in arrear |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Metered" plan

  Scenario Outline: Graduated tiers charge each unit at its tier's price plus the flat fee of every tier reached
    Given the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model     |
      | api    | API calls | Metered | api_calls | USD      | graduated |
    And the usage charge "api" has these tiers:
      | from | to | unit price | flat fee |
      | 0    | 10 | 10         | 2        |
      | 11   | 20 | 5          | 3        |
      | 21   |    | 5          | 3        |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends <calls> usage events of "api_calls" with quantity "1" on 15 April 2026
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                 | from         | to            | quantity | unit | events  | amount   |
      | API calls (graduated tiers) | 1 April 2026 | 30 April 2026 | <calls>  | call | <calls> | <amount> |

    Examples:
      | calls | amount     |
      | 0     | USD 2.00   |
      | 10    | USD 102.00 |
      | 11    | USD 110.00 |
      | 21    | USD 163.00 |

  Scenario Outline: Every started package is charged, after the free units are taken off
    Given the seller meters "backup_gb" in GB as the sum of a period
    And the seller charges usage like this:
      | charge | name    | plan    | meter     | currency | model   | unit price | package size | free units |
      | backup | Backups | Metered | backup_gb | USD      | package | 100        | 10           | <free>     |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | b-1         | backup_gb | 100      | 10 April 2026 02:00 |
      | b-2         | backup_gb | 21       | 20 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description   | quantity | unit | amount   |
      | <description> | 121      | GB   | <amount> |

    Examples:
      | free | description                                 | amount      |
      |      | Backups (13 packages of 10)                 | USD 1300.00 |
      | 10   | Backups (12 packages of 10, first 10 free)  | USD 1200.00 |

  Scenario: Volume tiers price every unit at the rate of the tier the whole quantity reaches
    Given the seller meters "storage_gb" in GB as the sum of a period
    And the seller charges usage like this:
      | charge  | name    | plan    | meter      | currency | model  |
      | storage | Storage | Metered | storage_gb | USD      | volume |
    And the usage charge "storage" has these tiers:
      | from | to   | unit price |
      | 0    | 100  | 1.00       |
      | 101  | 1000 | 0.80       |
      | 1001 |      | 0.50       |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter      | quantity | at                  |
      | s-1         | storage_gb | 300      | 10 April 2026 02:00 |
      | s-2         | storage_gb | 200      | 20 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description              | quantity | unit | amount     |
      | Storage (volume tier 2)  | 500      | GB   | USD 400.00 |

  Scenario: Card payments cost 1.5 % plus 0.25 each, at least 0.50 and at most 5.00 per payment
    Given the seller meters "payments" in USD as the sum of a period
    And the seller charges usage like this:
      | charge | name          | plan    | meter    | currency | model      | percentage | transaction fee | transaction min | transaction max |
      | cards  | Card payments | Metered | payments | USD      | percentage | 1.5        | 0.25            | 0.50            | 5.00            |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter    | quantity | at                  |
      | p-1         | payments | 10.00    | 10 April 2026 02:00 |
      | p-2         | payments | 100.00   | 11 April 2026 02:00 |
      | p-3         | payments | 1000.00  | 12 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                                                         | quantity | events | amount   |
      | Card payments (1.5 % + 0.25 per transaction, min 0.50, max 5.00)    | 1110     | 3      | USD 7.25 |
    And the usage line "Card payments (1.5 % + 0.25 per transaction, min 0.50, max 5.00)" of invoice INV-000001 breaks down as:
      | tier                                  | units   | unit price | flat fee | amount |
      | 1.5 % of the amount                   | 1110.00 | 0.015      |          | 16.65  |
      | fee per transaction                   | 3       | 0.25       |          | 0.75   |
      | raised to the minimum per transaction | 1       | 0.50       |          | 0.10   |
      | cut to the maximum per transaction    | 1       | 5.00       |          | -10.25 |

  Scenario: The first two payments of a month are free of the percentage and the fee
    Given the seller meters "payments" in USD as the sum of a period
    And the seller charges usage like this:
      | charge | name          | plan    | meter    | currency | model      | percentage | transaction fee | free events |
      | cards  | Card payments | Metered | payments | USD      | percentage | 2          | 0.30            | 2           |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter    | quantity | at                  |
      | p-1         | payments | 50.00    | 10 April 2026 02:00 |
      | p-2         | payments | 50.00    | 11 April 2026 02:00 |
      | p-3         | payments | 100.00   | 12 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                                                             | events | amount   |
      | Card payments (2 % + 0.30 per transaction, first 2 transactions free)   | 3      | USD 2.30 |

  Scenario: Graduated percentage: 2 % of the first 1,000, 1 % above, and a flat fee for each tier reached
    Given the seller meters "payments" in USD as the sum of a period
    And the seller charges usage like this:
      | charge | name           | plan    | meter    | currency | model                |
      | volume | Payment volume | Metered | payments | USD      | graduated percentage |
    And the usage charge "volume" has these tiers:
      | from | to   | percentage | flat fee |
      | 0    | 1000 | 2          | 1.00     |
      | 1000 |      | 1          | 5.00     |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter    | quantity | at                  |
      | p-1         | payments | 3000.00  | 10 April 2026 02:00 |
      | p-2         | payments | 2000.00  | 11 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                           | quantity | amount    |
      | Payment volume (graduated percentage) | 5000     | USD 66.00 |
    And the usage line "Payment volume (graduated percentage)" of invoice INV-000001 breaks down as:
      | tier   | units | unit price | flat fee | amount |
      | tier 1 | 1000  | 0.02       | 1.00     | 21     |
      | tier 2 | 4000  | 0.01       | 5.00     | 45     |

  Scenario: Capacity: a peak of 30 GB needs the tier up to 50 GB and costs that tier's price
    Given the seller meters "reserved_gb" in GB as the max of a period
    And the seller charges usage like this:
      | charge   | name             | plan    | meter       | currency | model    |
      | reserved | Reserved storage | Metered | reserved_gb | USD      | capacity |
    And the usage charge "reserved" has these tiers:
      | from | to | flat fee |
      | 0    | 10 | 5.00     |
      | 11   | 50 | 20.00    |
      | 51   |    | 35.00    |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter       | quantity | at                  |
      | r-1         | reserved_gb | 8        | 5 April 2026 02:00  |
      | r-2         | reserved_gb | 30       | 15 April 2026 02:00 |
      | r-3         | reserved_gb | 12       | 25 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                         | quantity | unit | amount    |
      | Reserved storage (capacity tier 2)  | 30       | GB   | USD 20.00 |

  Scenario: A minimum commitment of 100.00 a month is trued up when usage falls short
    Given the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model    | unit price | commitment |
      | api    | API calls | Metered | api_calls | USD      | per unit | 0.05       | 100.00     |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | c-1         | api_calls | 1200     | 10 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description                                   | type    | from         | to            | quantity | amount    |
      | API calls (per unit)                          | USAGE   | 1 April 2026 | 30 April 2026 | 1200     | USD 60.00 |
      | API calls commitment true-up (minimum 100.00) | TRUE_UP | 1 April 2026 | 30 April 2026 | 1        | USD 40.00 |
    And invoice INV-000001 totals USD 110.00 of which tax USD 0.00

  Scenario: Cloud cost is passed on with a 15 % markup
    Given the seller meters "cloud_cost" in USD as the sum of a period
    And the seller charges usage like this:
      | charge | name       | plan    | meter      | currency | model        | markup |
      | cloud  | Cloud cost | Metered | cloud_cost | USD      | pass through | 15     |
    And the seller advances its test clock to 30 April 2026
    When "Hunter Inc" sends this usage:
      | transaction | meter      | quantity | at                  |
      | bill-1      | cloud_cost | 1000.00  | 10 April 2026 02:00 |
      | bill-2      | cloud_cost | 234.56   | 20 April 2026 02:00 |
    And the seller advances its test clock to 1 May 2026
    Then invoice INV-000001 has these usage lines:
      | description             | quantity | amount      |
      | Cloud cost (cost + 15 %) | 1234.56  | USD 1419.74 |
    And the usage line "Cloud cost (cost + 15 %)" of invoice INV-000001 breaks down as:
      | tier        | units   | unit price | flat fee | amount  |
      | cost        | 1234.56 | 1          |          | 1234.56 |
      | markup 15 % | 1234.56 | 0.15       |          | 185.184 |
