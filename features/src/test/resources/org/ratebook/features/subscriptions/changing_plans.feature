Feature: Changing plan and quantity
  A customer moves to another plan, or changes how many seats it pays for, at once or when the period it has
  paid for ends. A change at once gives back the prepaid time no longer used (a negative "unused time" line)
  and charges the new plan for the rest of the period, on an invoice dated the day of the change. Without a
  date, the seller's change policy rules decide: upgrades at once, downgrades at the end of the term.

  Scenario: An immediate change from a monthly to a quarterly plan charges the rest of the quarter and gives back the unused month
    Given a sandbox seller whose test clock reads 1 April 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan             | product | phase     | lasts   | currency | price | billed    |
      | Pistol           | Hosting | trial     | 30 DAYS | USD      | 0.00  | once      |
      | Pistol           | Hosting | evergreen |         | USD      | 29.95 | monthly   |
      | Pistol-Quarterly | Hosting | evergreen |         | USD      | 69.95 | quarterly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Pistol" plan
    And the seller advances its test clock to 12 May 2012
    When "Hunter Inc" changes to the "Pistol-Quarterly" plan at once
    Then invoice INV-000003 has these lines:
      | description                                                    | from        | to            | amount      |
      | Hosting Pistol-Quarterly (quarterly, in advance, 81/92 of the period) | 12 May 2012 | 1 August 2012 | USD 61.59   |
      | Unused time of Pistol billed on INV-000002 (1 May 2012 to 1 June 2012) | 12 May 2012 | 1 June 2012   | USD -19.32  |
    When the seller advances its test clock to 1 August 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 April 2012  | USD 0.00  |
      | INV-000002 | Hunter Inc | 1 May 2012    | USD 29.95 |
      | INV-000003 | Hunter Inc | 12 May 2012   | USD 42.27 |
      | INV-000004 | Hunter Inc | 1 August 2012 | USD 69.95 |
    And invoice INV-000004 has these lines:
      | description                             | from          | to              | amount    |
      | Hosting Pistol-Quarterly (quarterly, in advance) | 1 August 2012 | 1 November 2012 | USD 69.95 |

  Scenario: With billing day 31, a change at the end of the term bills the new plan from the last day of March on
    Given a sandbox seller whose test clock reads 1 February 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan     | product | phase     | lasts   | currency | price  | billed  |
      | Assault  | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Assault  | Hosting | evergreen |         | USD      | 599.95 | monthly |
      | Blowdart | Hosting | evergreen |         | USD      | 29.95  | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 31
    And "Hunter Inc" subscribes to the "Assault" plan
    And the seller advances its test clock to 10 March 2012
    When "Hunter Inc" changes to the "Blowdart" plan at the end of the term
    Then the seller has issued exactly these invoices:
      | number     | customer   | date            | total      |
      | INV-000001 | Hunter Inc | 1 February 2012 | USD 0.00   |
      | INV-000002 | Hunter Inc | 2 March 2012    | USD 561.24 |
    When the seller advances its test clock to 31 May 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date            | total      |
      | INV-000001 | Hunter Inc | 1 February 2012 | USD 0.00   |
      | INV-000002 | Hunter Inc | 2 March 2012    | USD 561.24 |
      | INV-000003 | Hunter Inc | 31 March 2012   | USD 29.95  |
      | INV-000004 | Hunter Inc | 30 April 2012   | USD 29.95  |
      | INV-000005 | Hunter Inc | 31 May 2012     | USD 29.95  |
    And invoice INV-000003 has these lines:
      | description                            | from          | to            | amount    |
      | Hosting Blowdart (monthly, in advance) | 31 March 2012 | 30 April 2012 | USD 29.95 |
    And invoice INV-000005 has these lines:
      | description                            | from        | to           | amount    |
      | Hosting Blowdart (monthly, in advance) | 31 May 2012 | 30 June 2012 | USD 29.95 |

  Scenario: Seven seats cost seven times the seat price, and ten seats from the next billing day cost ten times
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed  |
      | Team | Office  | evergreen |       | USD      | 29.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to 7 seats of the "Team" plan starting 1 March 2024
    And the seller advances its test clock to 10 March 2024
    When "Hunter Inc" changes to 10 seats from the next billing day
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total      |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 209.65 |
      | INV-000002 | Hunter Inc | 1 April 2024 | USD 299.50 |

  Scenario: Seats added at once are charged for the rest of the month, and the seats paid for are not charged twice
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed  |
      | Team | Office  | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to 2 seats of the "Team" plan starting 1 March 2024
    And the seller advances its test clock to 22 March 2024
    When "Hunter Inc" changes to 3 seats at once
    Then invoice INV-000002 has these lines:
      | description                                              | from          | to           | amount     |
      | Office Team (monthly, in advance, 10/31 of the period)   | 22 March 2024 | 1 April 2024 | USD 30.00  |
      | Unused time of Team billed on INV-000001 (1 March 2024 to 1 April 2024) | 22 March 2024 | 1 April 2024 | USD -20.00 |
    And invoice INV-000002 totals USD 10.00 of which tax USD 0.00

  Scenario: Without a date, the seller's policy makes an upgrade take effect at once
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan
    Then the change took effect on 16 March 2024 by the rule "Upgrades and added seats take effect at once"
    And the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 16 March 2024 | USD 10.84 |
    And invoice INV-000002 has these lines:
      | description                                             | from          | to           | amount    |
      | Hosting Large (monthly, in advance, 16/31 of the period) | 16 March 2024 | 1 April 2024 | USD 16.00 |
      | Unused time of Small billed on INV-000001 (1 March 2024 to 1 April 2024) | 16 March 2024 | 1 April 2024 | USD -5.16 |

  Scenario: Without a date, the seller's policy makes a downgrade wait for the end of the term
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 10 March 2024
    When "Hunter Inc" changes to the "Small" plan
    Then the change took effect on 1 April 2024 by the rule "Downgrades and removed seats take effect at the end of the term"
    When the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
      | INV-000002 | Hunter Inc | 1 April 2024 | USD 10.00 |

  Scenario: A change dated ahead takes effect on its day, and the credit it leaves pays the next invoice
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 10 March 2024
    When "Hunter Inc" changes to the "Small" plan on 15 March 2024
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 31.00 |
      | INV-000002 | Hunter Inc | 15 March 2024 | USD 0.00  |
      | INV-000003 | Hunter Inc | 1 April 2024  | USD 0.00  |
    And invoice INV-000002 has these lines:
      | description                                              | from          | to           | amount     |
      | Hosting Small (monthly, in advance, 17/31 of the period) | 15 March 2024 | 1 April 2024 | USD 5.48   |
      | Unused time of Large billed on INV-000001 (1 March 2024 to 1 April 2024) | 15 March 2024 | 1 April 2024 | USD -17.00 |
      | Credit kept on the account for later invoices            |               |              | USD 11.52  |
    And invoice INV-000003 has these lines:
      | description                           | from         | to         | amount     |
      | Hosting Small (monthly, in advance)   | 1 April 2024 | 1 May 2024 | USD 10.00  |
      | Account credit used                   |              |            | USD -10.00 |
    And "Hunter Inc" has a credit of USD 1.52 and owes USD 31.00 on open invoices
