Feature: Plans billed by the hour, the day or the week
  A hosting provider bills a server by the hour of runtime: it is invoiced on the customer's normal billing day,
  in arrear, for the hours it ran (whole days of 24 hours), at the hourly price. Weekly and daily plans run
  from the day they start, period after period, whatever the customer's billing day.

  Scenario: A server billed by the hour is invoiced for the hours of the month, and for the hours it ran when it is cancelled
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price  | billed | mode      |
      | VPS  | Servers | evergreen |       | USD      | 0.0125 | hourly | in arrear |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "VPS" plan
    When the seller advances its test clock to 1 April 2024
    Then invoice INV-000001 has these lines:
      | description                          | from         | to           | quantity | unit price | amount   |
      | Servers VPS (hourly, in arrear, 744 hours) | 1 March 2024 | 1 April 2024 | 744      | USD 0.0125 | USD 9.30 |
    When the seller advances its test clock to 16 April 2024
    And "Hunter Inc" cancels its subscription at once
    Then invoice INV-000002 has these lines:
      | description                          | from         | to            | quantity | amount   |
      | Servers VPS (hourly, in arrear, 360 hours) | 1 April 2024 | 16 April 2024 | 360      | USD 4.50 |

  Scenario: Two servers on one subscription count their hours twice
    Given a sandbox seller whose test clock reads 1 February 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed | mode      |
      | VPS  | Servers | evergreen |       | USD      | 0.02  | hourly | in arrear |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to 2 seats of the "VPS" plan starting 1 February 2024
    When the seller advances its test clock to 1 March 2024
    Then invoice INV-000001 has these lines:
      | description                                 | quantity | amount    |
      | Servers VPS (hourly, in arrear, 1392 hours) | 1392     | USD 27.84 |

  Scenario: A weekly plan is invoiced every seven days from its start, and a cancellation gives back the unused days
    Given a sandbox seller whose test clock reads 6 March 2024
    And the seller bills with this catalog, counting days FIXED_30:
      | plan   | product | phase     | lasts | currency | price | billed |
      | Sprint | Support | evergreen |       | USD      | 7.00  | weekly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Sprint" plan
    When the seller advances its test clock to 20 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total    |
      | INV-000001 | Hunter Inc | 6 March 2024  | USD 7.00 |
      | INV-000002 | Hunter Inc | 13 March 2024 | USD 7.00 |
      | INV-000003 | Hunter Inc | 20 March 2024 | USD 7.00 |
    When the seller advances its test clock to 23 March 2024
    And "Hunter Inc" cancels its subscription at once
    Then invoice INV-000004 has these lines:
      | description                                                              | from          | to            | amount    |
      | Unused time of Sprint billed on INV-000003 (20 March 2024 to 27 March 2024) | 23 March 2024 | 27 March 2024 | USD -4.00 |
      | Credit kept on the account for later invoices                            |               |               | USD 4.00  |

  Scenario: A daily plan started mid-month is invoiced every day
    Given a sandbox seller whose test clock reads 30 January 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed |
      | Pass | Wi-Fi   | evergreen |       | USD      | 2.50  | daily  |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Pass" plan
    When the seller advances its test clock to 2 February 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date             | total    |
      | INV-000001 | Hunter Inc | 30 January 2024  | USD 2.50 |
      | INV-000002 | Hunter Inc | 31 January 2024  | USD 2.50 |
      | INV-000003 | Hunter Inc | 1 February 2024  | USD 2.50 |
      | INV-000004 | Hunter Inc | 2 February 2024  | USD 2.50 |
