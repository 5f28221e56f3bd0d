Feature: Plans billed every few days, weeks, months or years
  A plan may be billed every N hours, days, weeks, months, quarters or years ("every 6 months", "every 2 weeks",
  "every 2 years"). The price is for one whole period; a part of a period costs its share under the seller's
  day count, and a cancellation gives back the unused share of what was paid in advance.

  Scenario: A plan billed every 6 months in advance, cancelled at once two months in, gives back 122 of 181 days
    # 1 January to 1 July 2023 is 31 + 28 + 31 + 30 + 31 + 30 = 181 days, USD 1.00 a day; cancelled on 1 March,
    # 1 March to 1 July (31 + 30 + 31 + 30 = 122 days) is given back: USD -122.00
    Given a sandbox seller whose test clock reads 1 January 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price  | billed         |
      | Half | Hosting | evergreen |       | USD      | 181.00 | every 6 months |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Half" plan
    And the seller advances its test clock to 1 March 2023
    When "Hunter Inc" cancels its subscription at once
    Then invoice INV-000001 has these lines:
      | description                              | from           | to          | amount     |
      | Hosting Half (every 6 months, in advance) | 1 January 2023 | 1 July 2023 | USD 181.00 |
    And invoice INV-000002 has these lines:
      | description                                                          | from         | to          | amount      |
      | Unused time of Half billed on INV-000001 (1 January 2023 to 1 July 2023) | 1 March 2023 | 1 July 2023 | USD -122.00 |
      | Credit kept on the account for later invoices                        |              |             | USD 122.00  |

  Scenario: A plan billed every 2 weeks is invoiced every fourteen days, and a cancellation gives back the unused days
    # 3 May 2023 plus 14 days is 17 May, plus 14 is 31 May; cancelled on 20 May, 20 to 31 May (11 of 14 days
    # at USD 1.00 a day) is given back
    Given a sandbox seller whose test clock reads 3 May 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan   | product | phase     | lasts | currency | price | billed        |
      | Sprint | Support | evergreen |       | USD      | 14.00 | every 2 weeks |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Sprint" plan
    When the seller advances its test clock to 17 May 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date        | total     |
      | INV-000001 | Hunter Inc | 3 May 2023  | USD 14.00 |
      | INV-000002 | Hunter Inc | 17 May 2023 | USD 14.00 |
    When the seller advances its test clock to 20 May 2023
    And "Hunter Inc" cancels its subscription at once
    Then invoice INV-000003 has these lines:
      | description                                                      | from        | to          | amount     |
      | Unused time of Sprint billed on INV-000002 (17 May 2023 to 31 May 2023) | 20 May 2023 | 31 May 2023 | USD -11.00 |
      | Credit kept on the account for later invoices                    |             |             | USD 11.00  |

  Scenario: A plan billed every 2 years counts the leap day of its period
    # 1 March 2023 to 1 March 2025 is 365 + 366 = 731 days (29 February 2024 included), USD 1.00 a day;
    # cancelled on 1 March 2024 after 366 days, the remaining 365 days are given back: USD -365.00
    Given a sandbox seller whose test clock reads 1 March 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts | currency | price  | billed        |
      | Biennal | Archive | evergreen |       | USD      | 731.00 | every 2 years |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Biennal" plan
    And the seller advances its test clock to 1 March 2024
    When "Hunter Inc" cancels its subscription at once
    Then invoice INV-000001 has these lines:
      | description                                  | from         | to           | amount     |
      | Archive Biennal (every 2 years, in advance)  | 1 March 2023 | 1 March 2025 | USD 731.00 |
    And invoice INV-000002 has these lines:
      | description                                                              | from         | to           | amount      |
      | Unused time of Biennal billed on INV-000001 (1 March 2023 to 1 March 2025) | 1 March 2024 | 1 March 2025 | USD -365.00 |
      | Credit kept on the account for later invoices                            |              |             | USD 365.00  |

  Scenario: A plan billed every 3 days started mid-month is invoiced every third day
    Given a sandbox seller whose test clock reads 10 June 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed       |
      | Burst | Compute | evergreen |       | USD      | 3.00  | every 3 days |
    And a customer "Hunter Inc" billed in USD
    And "Hunter Inc" subscribes to the "Burst" plan
    When the seller advances its test clock to 16 June 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total    |
      | INV-000001 | Hunter Inc | 10 June 2023 | USD 3.00 |
      | INV-000002 | Hunter Inc | 13 June 2023 | USD 3.00 |
      | INV-000003 | Hunter Inc | 16 June 2023 | USD 3.00 |

  Scenario: A change at once from a plan billed every 6 months to a monthly plan gives back the unused 122 days
    # as above, 1 March to 1 July 2023 (122 of 181 days at USD 1.00) is given back; the monthly plan is charged
    # from 1 March, a whole month on the customer's billing day; the USD 91.00 left over is kept as credit
    Given a sandbox seller whose test clock reads 1 January 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts | currency | price  | billed         |
      | Half    | Hosting | evergreen |       | USD      | 181.00 | every 6 months |
      | Monthly | Hosting | evergreen |       | USD      | 31.00  | monthly        |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Half" plan
    And the seller advances its test clock to 1 January 2023
    And "Hunter Inc" pays USD 181.00 on invoice INV-000001
    And the seller advances its test clock to 1 March 2023
    When "Hunter Inc" changes to the "Monthly" plan at once
    Then invoice INV-000002 has these lines:
      | description                                                          | from         | to           | amount      |
      | Hosting Monthly (monthly, in advance)                                | 1 March 2023 | 1 April 2023 | USD 31.00   |
      | Unused time of Half billed on INV-000001 (1 January 2023 to 1 July 2023) | 1 March 2023 | 1 July 2023  | USD -122.00 |
      | Credit kept on the account for later invoices                        |              |              | USD 91.00   |

  Scenario: A change at the end of the term waits for the six months paid for, as the preview shows
    Given a sandbox seller whose test clock reads 1 January 2023
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts | currency | price  | billed         |
      | Half    | Hosting | evergreen |       | USD      | 181.00 | every 6 months |
      | Monthly | Hosting | evergreen |       | USD      | 31.00  | monthly        |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Half" plan
    And the seller advances its test clock to 1 January 2023
    And "Hunter Inc" pays USD 181.00 on invoice INV-000001
    And the seller advances its test clock to 1 March 2023
    When "Hunter Inc" changes to the "Monthly" plan at the end of the term
    And the seller previews the invoices of "Hunter Inc" for 1 August 2023
    Then the preview shows these invoices:
      | date          | total     |
      | 1 July 2023   | USD 31.00 |
      | 1 August 2023 | USD 31.00 |
    And nothing was recorded by the preview
    And the seller has issued exactly these invoices:
      | number     | customer   | date           | total      |
      | INV-000001 | Hunter Inc | 1 January 2023 | USD 181.00 |

  Scenario: A server priced per 4 hours is charged a quarter of its price for each hour it ran
    # April 2024 has 30 days, 720 hours; USD 0.04 per 4 hours is USD 7.20 for the month
    Given a sandbox seller whose test clock reads 1 April 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed        | mode      |
      | VPS  | Servers | evergreen |       | USD      | 0.04  | every 4 hours | in arrear |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "VPS" plan
    When the seller advances its test clock to 1 May 2024
    Then invoice INV-000001 has these lines:
      | description                                                    | from         | to         | quantity | amount   |
      | Servers VPS (hourly, in arrear, 720 hours, priced per 4 hours) | 1 April 2024 | 1 May 2024 | 720      | USD 7.20 |
