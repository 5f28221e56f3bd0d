Feature: A trial of the subscription's own length
  A seller may give one customer a longer or shorter free trial than the plan's, or none, when the customer
  subscribes (Stripe's and Lago's trial period days). The plan's trial phase keeps its price and simply lasts the
  days given; with no trial, the customer pays the plan's price from the first day. A plan that has no trial
  phase cannot be given one this way: the catalog prices phases, and it has no price for a trial.

  Background:
    Given a sandbox seller whose test clock reads 1 April 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | phase     | lasts   | currency | price  | billed  |
      | Shotgun | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Shotgun | Hosting | evergreen |         | USD      | 249.95 | monthly |
      | Rifle   | Hosting | evergreen |         | USD      | 99.00  | monthly |
      | Cannon  | Hosting | trial     | 30 DAYS | USD      | 0.00   | once    |
      | Cannon  | Hosting | evergreen |         | USD      | 349.95 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1

  Scenario: A 14-day trial instead of the plan's 30 days, then 16 of 30 days of April paid
    Given "Hunter Inc" subscribes to the "Shotgun" plan with a trial of 14 days
    When the seller advances its test clock to 1 May 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date          | total      |
      | INV-000001 | Hunter Inc | 1 April 2012  | USD 0.00   |
      | INV-000002 | Hunter Inc | 15 April 2012 | USD 133.31 |
      | INV-000003 | Hunter Inc | 1 May 2012    | USD 249.95 |
    And invoice INV-000002 has these lines:
      | description                                              | from          | to         | amount     |
      | Hosting Shotgun (monthly, in advance, 16/30 of the period) | 15 April 2012 | 1 May 2012 | USD 133.31 |

  Scenario: No trial at all: the monthly price from the first day
    Given "Hunter Inc" subscribes to the "Shotgun" plan with a trial of 0 days
    When the seller advances its test clock to 1 May 2012
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total      |
      | INV-000001 | Hunter Inc | 1 April 2012 | USD 249.95 |
      | INV-000002 | Hunter Inc | 1 May 2012   | USD 249.95 |

  Scenario: A plan change during the trial keeps the subscription's own trial, not the new plan's
    Given "Hunter Inc" subscribes to the "Shotgun" plan with a trial of 14 days
    And the seller advances its test clock to 5 April 2012
    When "Hunter Inc" changes to the "Cannon" plan at once
    And the seller advances its test clock to 15 April 2012
    Then the invoice of "Hunter Inc" dated 15 April 2012 has these lines:
      | description                                               | from          | to         | amount     |
      | Hosting Cannon (monthly, in advance, 16/30 of the period) | 15 April 2012 | 1 May 2012 | USD 186.64 |

  Scenario: A trial on a plan that has no trial phase is refused and nothing is subscribed
    When "Hunter Inc" tries to subscribe to the "Rifle" plan with a trial of 7 days
    Then the subscription is refused with a reason mentioning "has no trial phase"
    And "Hunter Inc" has no subscriptions
