Feature: Aligning billing periods to the customer, the subscription or the calendar
  Which day a billing period starts on is the seller's policy, set in its rule pack (billing_alignment):
  ACCOUNT (the default) starts periods on the customer's billing day, or on the day the subscription started
  when the customer has none; SUBSCRIPTION starts them on each subscription's own anniversary whatever the
  customer's billing day; CALENDAR starts monthly periods on the 1st, quarterly ones on 1 January, April, July
  and October, and yearly ones on 1 January, the first period being charged for the part of it served.

  Scenario: Calendar years counting inclusive days, a yearly plan started on the 15th of March costs 292 of 365 days, then a whole year
    # 15 March to 31 December 2022, both ends counted: 17 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 292 days
    # of the 365 of 2022; EUR 1.00 x 292 / 365 = EUR 0.80
    Given a sandbox seller whose test clock reads 15 March 2022
    And the seller bills with this catalog, counting days INCLUSIVE_DAYS, aligned to CALENDAR:
      | plan   | product | phase     | lasts | currency | price | billed |
      | Yearly | Storage | evergreen |       | EUR      | 1.00  | annual |
    And a customer "Petit SARL" billed in EUR
    And "Petit SARL" subscribes to the "Yearly" plan
    When the seller advances its test clock to 1 January 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date           | total    |
      | INV-000001 | Petit SARL | 15 March 2022  | EUR 0.80 |
      | INV-000002 | Petit SARL | 1 January 2023 | EUR 1.00 |
    And invoice INV-000002 has these lines:
      | description                           | from           | to             | amount   |
      | Storage Yearly (annual, in advance)   | 1 January 2023 | 1 January 2024 | EUR 1.00 |

  Scenario: Calendar months apply even when the customer has no billing day of its own
    # without a billing day the customer's periods would start on the 15th and the first month cost EUR 1.00;
    # on calendar months the first period is 15 to 31 March: 17 of 31 days, EUR 0.55
    Given a sandbox seller whose test clock reads 15 March 2022
    And the seller bills with this catalog, counting days INCLUSIVE_DAYS, aligned to CALENDAR:
      | plan     | product | phase     | lasts | currency | price | billed  |
      | Calendar | Storage | evergreen |       | EUR      | 1.00  | monthly |
    And a customer "Petit SARL" billed in EUR
    And "Petit SARL" subscribes to the "Calendar" plan
    When the seller advances its test clock to 1 April 2022
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total    |
      | INV-000001 | Petit SARL | 15 March 2022 | EUR 0.55 |
      | INV-000002 | Petit SARL | 1 April 2022  | EUR 1.00 |

  Scenario: Calendar quarters, a quarterly plan started on the 10th of February pays 50 of the quarter's 90 days
    # the quarter is 1 January to 1 April 2023 (31 + 28 + 31 = 90 days); 10 February to 1 April is 19 + 31 = 50
    # days; USD 90.00 x 50 / 90 = USD 50.00
    Given a sandbox seller whose test clock reads 10 February 2023
    And the seller bills with this catalog, counting days ACTUAL, aligned to CALENDAR:
      | plan    | product | phase     | lasts | currency | price | billed    |
      | Quarter | Support | evergreen |       | USD      | 90.00 | quarterly |
    And a customer "Hunter Inc" billed in USD on billing day 20
    And "Hunter Inc" subscribes to the "Quarter" plan
    When the seller advances its test clock to 1 April 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date             | total     |
      | INV-000001 | Hunter Inc | 10 February 2023 | USD 50.00 |
      | INV-000002 | Hunter Inc | 1 April 2023     | USD 90.00 |
    And invoice INV-000001 has these lines:
      | description                                          | from             | to           | amount    |
      | Support Quarter (quarterly, in advance, 50/90 of the period) | 10 February 2023 | 1 April 2023 | USD 50.00 |

  Scenario: Subscription alignment bills each subscription on its own anniversary, whatever the customer's billing day
    # the customer's billing day (1) would prorate 10 to 31 May; aligned to the subscription, May 10 to June 10
    # is a whole period: USD 31.00, and the next one starts on 10 June
    Given a sandbox seller whose test clock reads 10 May 2023
    And the seller bills with this catalog, counting days ACTUAL, aligned to SUBSCRIPTION:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    When the seller advances its test clock to 10 June 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 10 May 2023  | USD 31.00 |
      | INV-000002 | Hunter Inc | 10 June 2023 | USD 31.00 |

  Scenario: Account alignment, the default, prorates the first month to the customer's billing day
    # 10 May to 1 June 2023: 22 of 31 days; USD 31.00 x 22 / 31 = USD 22.00
    Given a sandbox seller whose test clock reads 10 May 2023
    And the seller bills with this catalog, counting days ACTUAL, aligned to ACCOUNT:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    When the seller advances its test clock to 1 June 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date        | total     |
      | INV-000001 | Hunter Inc | 10 May 2023 | USD 22.00 |
      | INV-000002 | Hunter Inc | 1 June 2023 | USD 31.00 |
