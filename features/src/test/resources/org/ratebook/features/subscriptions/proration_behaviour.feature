Feature: What a change in the middle of a paid period does with its proration
  A customer who moves to a dearer plan in the middle of a month it has paid for owes the new plan's share of the
  rest of the month and is owed the old plan's unused share: the proration. The seller chooses, in its change
  policy, or the request chooses for one change (Stripe's proration_behavior): invoice the proration on the day of
  the change, carry it to the invoice of the next billing day, or none at all, the new price being billed from the
  next month. Without a choice the proration is invoiced at once.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1

  Scenario: Invoicing the proration now puts the upgrade's share of March and the unused time on an invoice of the day
    # 16 March to 1 April is 16 of March's 31 days: Large 31.00 x 16/31 = 16.00, Small 10.00 x 16/31 = 5.16 back
    Given "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan at once, invoicing the proration now
    Then the change's proration is ALWAYS_INVOICE as the request said
    And invoice INV-000002 has these lines:
      | description                                                               | from          | to           | amount    |
      | Hosting Large (monthly, in advance, 16/31 of the period)                  | 16 March 2024 | 1 April 2024 | USD 16.00 |
      | Unused time of Small billed on INV-000001 (1 March 2024 to 1 April 2024)  | 16 March 2024 | 1 April 2024 | USD -5.16 |
    When the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 16 March 2024 | USD 10.84 |
      | INV-000003 | Hunter Inc | 1 April 2024  | USD 31.00 |

  Scenario: Carrying the proration puts it on the next billing day's invoice, beside April's charge
    Given "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan at once, carrying the proration to the next invoice
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
    When the seller advances its test clock to 31 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
    When the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 41.84 |
    And invoice INV-000002 has these lines:
      | description                                                               | from          | to           | amount    |
      | Hosting Large (monthly, in advance, 16/31 of the period)                  | 16 March 2024 | 1 April 2024 | USD 16.00 |
      | Hosting Large (monthly, in advance)                                       | 1 April 2024  | 1 May 2024   | USD 31.00 |
      | Unused time of Small billed on INV-000001 (1 March 2024 to 1 April 2024)  | 16 March 2024 | 1 April 2024 | USD -5.16 |
    When the seller advances its test clock to 1 May 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 41.84 |
      | INV-000003 | Hunter Inc | 1 May 2024    | USD 31.00 |

  Scenario: Without proration, March stays as paid and the new price is billed from April
    Given "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan at once, without proration
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 31.00 |
    And invoice INV-000002 has these lines:
      | description                          | from         | to         | amount    |
      | Hosting Large (monthly, in advance)  | 1 April 2024 | 1 May 2024 | USD 31.00 |

  Scenario: Seats added at once with the proration carried: the ten days of the third seat come with April's three
    # 22 March to 1 April is 10 of 31 days: 3 seats x 31.00 x 10/31 = 30.00, 2 seats' 20.00 back, April 93.00
    Given the seller bills with this catalog, counting days ACTUAL:
      | plan | product | phase     | lasts | currency | price | billed  |
      | Team | Office  | evergreen |       | USD      | 31.00 | monthly |
    And "Hunter Inc" subscribes to 2 seats of the "Team" plan starting 1 March 2024
    And the seller advances its test clock to 22 March 2024
    When "Hunter Inc" changes to 3 seats at once, carrying the proration to the next invoice
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total      |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 62.00  |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 103.00 |
    And invoice INV-000002 has these lines:
      | description                                                             | from          | to           | amount     |
      | Office Team (monthly, in advance, 10/31 of the period)                  | 22 March 2024 | 1 April 2024 | USD 30.00  |
      | Office Team (monthly, in advance)                                       | 1 April 2024  | 1 May 2024   | USD 93.00  |
      | Unused time of Team billed on INV-000001 (1 March 2024 to 1 April 2024) | 22 March 2024 | 1 April 2024 | USD -20.00 |

  Scenario: The seller's change policy carries an upgrade's proration to the next invoice
    Given the seller's change policy also says:
      """
      rule "Upgrades carry their proration to the next invoice"
      when
          $change : PlanChange( kind == ChangeKind.UPGRADE )
      then
          change.prorate($change, ProrationBehaviour.CREATE_PRORATIONS);
      end
      """
    And "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan at once
    Then the change's proration is CREATE_PRORATIONS by the rule "Upgrades carry their proration to the next invoice"
    When the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 1 April 2024  | USD 41.84 |

  Scenario: A request that says to invoice the proration now overrides the seller's change policy
    Given the seller's change policy also says:
      """
      rule "Upgrades carry their proration to the next invoice"
      when
          $change : PlanChange( kind == ChangeKind.UPGRADE )
      then
          change.prorate($change, ProrationBehaviour.CREATE_PRORATIONS);
      end
      """
    And "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024
    When "Hunter Inc" changes to the "Large" plan at once, invoicing the proration now
    Then the change's proration is ALWAYS_INVOICE as the request said
    And the seller has issued exactly these invoices:
      | number     | customer   | date          | total     |
      | INV-000001 | Hunter Inc | 1 March 2024  | USD 10.00 |
      | INV-000002 | Hunter Inc | 16 March 2024 | USD 10.84 |
