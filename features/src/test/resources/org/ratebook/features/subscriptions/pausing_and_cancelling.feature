Feature: Pausing, resuming, cancelling and reinstating
  A paused or cancelled subscription stops costing money on the day it takes effect. What was paid in advance
  for the days after is given back as account credit, which later invoices use up before asking for money.
  What is billed in arrear is charged for the days actually used, on the day the service stops.

  Scenario: Thirty-day months: a cancellation at once gives back 8 of 30 days as account credit
    Given a sandbox seller whose test clock reads 23 April 2023
    And the seller bills with this catalog, counting days FIXED_30:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Basic | Hosting | evergreen |       | USD      | 19.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 23
    And "Hunter Inc" subscribes to the "Basic" plan
    And the seller advances its test clock to 15 May 2023
    When "Hunter Inc" cancels its subscription at once
    Then invoice INV-000002 has these lines:
      | description                                                           | from        | to          | amount    |
      | Unused time of Basic billed on INV-000001 (23 April 2023 to 23 May 2023) | 15 May 2023 | 23 May 2023 | USD -5.32 |
      | Credit kept on the account for later invoices                         |             |             | USD 5.32  |
    And "Hunter Inc" has a credit of USD 5.32 and owes USD 19.95 on open invoices
    When the seller advances its test clock to 23 July 2023
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 23 April 2023 | USD 19.95 |
      | INV-000002 | Hunter Inc | 15 May 2023   | USD 0.00  |

  Scenario: A plan billed in arrear is charged for the days used when it is paused, and again from the day it resumes
    Given a sandbox seller whose test clock reads 1 January 2020
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts | currency | price  | billed  | mode     |
      | Compute | Hosting | evergreen |       | USD      | 100.00 | monthly | in arrear |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Compute" plan
    And the seller advances its test clock to 15 January 2020
    When "Hunter Inc" pauses its subscription
    Then the seller has issued exactly these invoices:
      | number     | customer   | date            | total     |
      | INV-000001 | Hunter Inc | 15 January 2020 | USD 45.16 |
    And invoice INV-000001 has these lines:
      | description                                            | from           | to              | amount    |
      | Hosting Compute (monthly, in arrear, 14/31 of the period) | 1 January 2020 | 15 January 2020 | USD 45.16 |
    When the seller advances its test clock to 20 January 2020
    And "Hunter Inc" resumes its subscription
    And the seller advances its test clock to 1 February 2020
    Then the seller has issued exactly these invoices:
      | number     | customer   | date            | total     |
      | INV-000001 | Hunter Inc | 15 January 2020 | USD 45.16 |
      | INV-000002 | Hunter Inc | 1 February 2020 | USD 38.71 |
    And invoice INV-000002 has these lines:
      | description                                            | from            | to              | amount    |
      | Hosting Compute (monthly, in arrear, 12/31 of the period) | 20 January 2020 | 1 February 2020 | USD 38.71 |

  Scenario: A pause gives back prepaid days as credit, and the credit pays for the days after the resume
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 11 March 2024
    When "Hunter Inc" pauses its subscription
    And the seller advances its test clock to 21 March 2024
    And "Hunter Inc" resumes its subscription
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 31.00 |
      | INV-000002 | Hunter Inc | 11 March 2024 | USD 0.00  |
      | INV-000003 | Hunter Inc | 21 March 2024 | USD 0.00  |
      | INV-000004 | Hunter Inc | 1 April 2024  | USD 21.00 |
    And invoice INV-000003 has these lines:
      | description                                              | from          | to           | amount     |
      | Hosting Large (monthly, in advance, 11/31 of the period) | 21 March 2024 | 1 April 2024 | USD 11.00  |
      | Account credit used                                      |               |              | USD -11.00 |
    And invoice INV-000004 has these lines:
      | description                         | from         | to         | amount     |
      | Hosting Large (monthly, in advance) | 1 April 2024 | 1 May 2024 | USD 31.00  |
      | Account credit used                 |              |            | USD -10.00 |
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 52.00 on open invoices

  Scenario: A cancellation at the end of the term leaves the paid month alone and bills nothing after it
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 10 March 2024
    When "Hunter Inc" cancels its subscription at the end of the term
    Then the cancellation took effect on 1 April 2024
    When the seller advances its test clock to 1 June 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |

  Scenario: Without a date, the seller's policy makes a cancellation wait for the end of the term
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 10 March 2024
    When "Hunter Inc" cancels its subscription
    Then the change took effect on 1 April 2024 by the rule "Cancellations take effect at the end of the term"

  Scenario: A cancellation still to come can be taken back, and billing goes on as before
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 10 March 2024
    And "Hunter Inc" cancels its subscription at the end of the term
    And the seller advances its test clock to 20 March 2024
    When "Hunter Inc" reinstates its subscription
    And the seller advances its test clock to 1 May 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
      | INV-000002 | Hunter Inc | 1 April 2024 | USD 31.00 |
      | INV-000003 | Hunter Inc | 1 May 2024   | USD 31.00 |

  Scenario: A cancellation at once during a free trial has nothing to give back
    Given a sandbox seller whose test clock reads 1 April 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts   | currency | price  | billed  |
      | Shotgun | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Shotgun | Hosting | evergreen |         | USD      | 249.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Shotgun" plan
    And the seller advances its test clock to 10 April 2012
    When "Hunter Inc" cancels its subscription at once
    And the seller advances its test clock to 1 June 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total    |
      | INV-000001 | Hunter Inc | 1 April 2012 | USD 0.00 |

  @issue-11
  Scenario: A subscription paused on the day it starts bills nothing until it resumes
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    When "Hunter Inc" pauses its subscription
    Then the seller has issued no invoices
    When the seller advances its test clock to 10 March 2024
    And "Hunter Inc" resumes its subscription
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 10 March 2024 | USD 22.00 |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 31.00 |

  @issue-11
  Scenario: Counting inclusive days, the day of a cancellation at once is a day used
    # 1 to 15 March is 15 days used; 16 to 31 March, 16 of 31 days at EUR 1.00 a day, comes back
    Given a sandbox seller whose test clock reads 1 March 2022
    And the seller bills with this catalog, counting days INCLUSIVE_DAYS:
      | plan     | product | phase     | lasts | currency | price | billed  |
      | Calendar | Storage | evergreen |       | EUR      | 31.00 | monthly |
    And a customer "Petit SARL" billed in EUR on billing day 1
    And "Petit SARL" subscribes to the "Calendar" plan
    And the seller advances its test clock to 15 March 2022
    When "Petit SARL" cancels its subscription at once
    And the seller advances its test clock to 16 March 2022
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Petit SARL | 1 March 2022  | EUR 31.00 |
      | INV-000002 | Petit SARL | 16 March 2022 | EUR 0.00  |
    And invoice INV-000002 has these lines:
      | description                                                                | from          | to           | amount     |
      | Unused time of Calendar billed on INV-000001 (1 March 2022 to 1 April 2022) | 16 March 2022 | 1 April 2022 | EUR -16.00 |
      | Credit kept on the account for later invoices                              |               |              | EUR 16.00  |

  @issue-11
  Scenario: Usage recorded on the day of a cancellation at once is billed with the last days of service
    Given a sandbox seller whose test clock reads 1 April 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price | billed  | mode      |
      | Metered | Cloud   | USD      | 30.00 | monthly | in arrear |
    And the seller meters "api_calls" in call as the sum of a period
    And the seller charges usage like this:
      | charge | name      | plan    | meter     | currency | model    | unit price |
      | api    | API calls | Metered | api_calls | USD      | per unit | 1.00       |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Metered" plan
    And the seller advances its test clock to 15 April 2026 at 12:00
    When "Hunter Inc" sends this usage:
      | transaction | meter     | quantity | at                  |
      | req-1       | api_calls | 5        | 3 April 2026 09:00  |
      | req-2       | api_calls | 7        | 15 April 2026 09:00 |
    And "Hunter Inc" cancels its subscription at once
    Then invoice INV-000001 has these usage lines:
      | description           | from         | to            | quantity | unit | events | amount    |
      | API calls (per unit)  | 1 April 2026 | 15 April 2026 | 12       | call | 2      | USD 12.00 |
