Feature: Trials, billing days and partial periods
  A subscription goes through its plan's phases (a free trial, then the evergreen price) and is billed on
  the customer's billing day. A period that is only partly served is charged for its part, measured by the
  seller's day-count convention and rounded once, to the cent. The figures below are the ones Kill Bill and
  Lago publish in their own test suites.

  Scenario: A 30-day free trial is a zero invoice, then the monthly price on the billing day
    Given a sandbox seller whose test clock reads 1 April 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts   | currency | price  | billed  |
      | Shotgun | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Shotgun | Hosting | evergreen |         | USD      | 249.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Shotgun" plan
    When the seller advances its test clock to 1 May 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total      |
      | INV-000001 | Hunter Inc | 1 April 2012 | USD 0.00   |
      | INV-000002 | Hunter Inc | 1 May 2012   | USD 249.95 |
    And invoice INV-000002 has these lines:
      | description                                | from       | to         | amount     |
      | Hosting Shotgun (monthly, in advance)      | 1 May 2012 | 1 June 2012 | USD 249.95 |

  Scenario: A trial ending on the 2nd of March with billing day 31 is prorated over 29 of 31 days
    Given a sandbox seller whose test clock reads 1 February 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts   | currency | price  | billed  |
      | Assault | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Assault | Hosting | evergreen |         | USD      | 599.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 31
    And "Hunter Inc" subscribes to the "Assault" plan
    When the seller advances its test clock to 2 March 2012
    Then invoice INV-000002 has these lines:
      | description                                         | from         | to            | amount     |
      | Hosting Assault (monthly, in advance, 29/31 of the period) | 2 March 2012 | 31 March 2012 | USD 561.24 |
    When the seller advances its test clock to 31 March 2012
    Then invoice INV-000003 has these lines:
      | description                           | from          | to            | amount     |
      | Hosting Assault (monthly, in advance) | 31 March 2012 | 30 April 2012 | USD 599.95 |

  Scenario: Thirty-day months: a start a week before the billing day costs 8/30 of the month
    Given a sandbox seller whose test clock reads 15 May 2023
    And the seller bills with this catalog, counting days FIXED_30:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Basic | Hosting | evergreen |       | USD      | 19.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 23
    And "Hunter Inc" subscribes to the "Basic" plan
    When the seller advances its test clock to 23 May 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date        | total     |
      | INV-000001 | Hunter Inc | 15 May 2023 | USD 5.32  |
      | INV-000002 | Hunter Inc | 23 May 2023 | USD 19.95 |

  Scenario: Thirty-day months: a start eight days after the billing day costs 22/30 of the month
    Given a sandbox seller whose test clock reads 23 May 2023
    And the seller bills with this catalog, counting days FIXED_30:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Basic | Hosting | evergreen |       | USD      | 19.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 15
    And "Hunter Inc" subscribes to the "Basic" plan
    When the seller advances its test clock to 23 May 2023
    Then invoice INV-000001 has these lines:
      | description                                          | from        | to           | amount    |
      | Hosting Basic (monthly, in advance, 22/30 of the period) | 23 May 2023 | 15 June 2023 | USD 14.63 |

  Scenario: Counting inclusive days, a plan started on the 15th of March costs 17 of 31 days
    Given a sandbox seller whose test clock reads 15 March 2022
    And the seller bills with this catalog, counting days INCLUSIVE_DAYS:
      | plan     | product | phase     | lasts | currency | price | billed  |
      | Calendar | Storage | evergreen |       | EUR      | 1.00  | monthly |
    And a customer "Petit SARL" billed in EUR on billing day 1
    And "Petit SARL" subscribes to the "Calendar" plan
    When the seller advances its test clock to 15 March 2022
    Then invoice INV-000001 totals EUR 0.55 of which tax EUR 0.00

  Scenario: Counting inclusive days, a 3-day trial leaves 14 of 31 days to pay
    Given a sandbox seller whose test clock reads 15 March 2022
    And the seller bills with this catalog, counting days INCLUSIVE_DAYS:
      | plan     | product | phase     | lasts  | currency | price | billed  |
      | Calendar | Storage | trial     | 3 DAYS | EUR      | 0.00  | once    |
      | Calendar | Storage | evergreen |        | EUR      | 1.00  | monthly |
    And a customer "Petit SARL" billed in EUR on billing day 1
    And "Petit SARL" subscribes to the "Calendar" plan
    When the seller advances its test clock to 18 March 2022
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total    |
      | INV-000001 | Petit SARL | 15 March 2022 | EUR 0.00 |
      | INV-000002 | Petit SARL | 18 March 2022 | EUR 0.45 |

  Scenario: Seven seats cost seven times the seat price
    Given a sandbox seller whose test clock reads 1 January 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Seats | Office  | evergreen |       | USD      | 29.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to 7 seats of the "Seats" plan starting 1 January 2026
    When the seller advances its test clock to 1 January 2026
    Then invoice INV-000001 totals USD 209.65 of which tax USD 0.00
