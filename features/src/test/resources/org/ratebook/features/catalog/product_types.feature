Feature: Base products, add-ons and standalone products
  A plan's product is a BASE product (the default), an ADD_ON or a STANDALONE product, as the catalog's
  product type column says. As in Kill Bill, an add-on is only sold to a customer who has an active base
  subscription (any base product may carry any add-on); it belongs to that base subscription, is billed on the
  same billing day, so both appear on the same invoices, and ends on the day its base is cancelled. A
  standalone product is independent of everything else. Reinstating the base brings back the add-ons that ended
  only because it did; one the customer cancelled on its own stays cancelled.

  Background:
    Given a sandbox seller whose test clock reads 10 February 2027
    And the seller bills with these price lists:
      | plan    | product | currency | price | billed  | type       |
      | Starter | Hosting | EUR      | 19.00 | monthly |            |
      | Backup  | Storage | EUR      | 5.00  | monthly | add-on     |
      | Support | Helpdesk | EUR     | 3.00  | monthly | add-on     |
      | Domain  | Domains | EUR      | 2.00  | monthly | standalone |

  Scenario: An add-on is billed on its base's billing day, so both share the invoices after the first
    Given a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And the seller advances its test clock to 20 February 2027
    When "ACME GmbH" adds the "Backup" add-on starting 20 February 2027
    And the seller advances its test clock to 11 March 2027
    # 20 February to 10 March is 18 of the 28 days of the base's period: 5.00 x 18/28 = 3.214... = 3.21
    Then invoice INV-000002 has these lines:
      | description                                               | from             | to            | amount   |
      | Storage Backup (monthly, in advance, 18/28 of the period) | 20 February 2027 | 10 March 2027 | EUR 3.21 |
    And invoice INV-000003 has these lines:
      | description                           | from          | to            | amount    |
      | Hosting Starter (monthly, in advance) | 10 March 2027 | 10 April 2027 | EUR 19.00 |
      | Storage Backup (monthly, in advance)  | 10 March 2027 | 10 April 2027 | EUR 5.00  |

  Scenario: A standalone product keeps its own billing day
    Given a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And the seller advances its test clock to 20 February 2027
    When "ACME GmbH" subscribes to the "Domain" plan starting 20 February 2027
    And the seller advances its test clock to 21 February 2027
    Then invoice INV-000002 has these lines:
      | description                          | from             | to            | amount   |
      | Domains Domain (monthly, in advance) | 20 February 2027 | 20 March 2027 | EUR 2.00 |

  Scenario: Cancelling the base cancels its add-ons from the same day, not a standalone subscription
    Given a customer "ACME GmbH" billed in EUR on billing day 10
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And "ACME GmbH" adds the "Backup" add-on starting 10 February 2027
    And "ACME GmbH" subscribes to the "Domain" plan starting 10 February 2027
    And the seller advances its test clock to 24 February 2027
    When "ACME GmbH" cancels its "Starter" subscription at once
    Then the "Starter" subscription of "ACME GmbH" ends on 24 February 2027
    And the "Backup" subscription of "ACME GmbH" ends on 24 February 2027
    And the "Domain" subscription of "ACME GmbH" does not end
    # 24 February to 10 March is 14 of 28 days: 19.00 x 14/28 = 9.50 and 5.00 x 14/28 = 2.50 given back
    And invoice INV-000002 has these lines, in any order:
      | description                                                                      | from             | to            | amount    |
      | Unused time of Starter billed on INV-000001 (10 February 2027 to 10 March 2027) | 24 February 2027 | 10 March 2027 | EUR -9.50 |
      | Unused time of Backup billed on INV-000001 (10 February 2027 to 10 March 2027)  | 24 February 2027 | 10 March 2027 | EUR -2.50 |
      | Credit kept on the account for later invoices                                    |                  |               | EUR 12.00 |

  Scenario: The preview of a base's cancellation shows its add-ons ending too
    Given a customer "ACME GmbH" billed in EUR on billing day 10
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And "ACME GmbH" adds the "Backup" add-on starting 10 February 2027
    And the seller advances its test clock to 24 February 2027
    When the seller previews cancelling the "Starter" subscription of "ACME GmbH" at once
    # as when it is cancelled: 14 of 28 days unused, 19.00 x 14/28 = 9.50 and 5.00 x 14/28 = 2.50 given back
    Then the previewed invoice of 24 February 2027 has these lines, in any order:
      | description                                                                      | amount    |
      | Unused time of Starter billed on INV-000001 (10 February 2027 to 10 March 2027) | EUR -9.50 |
      | Unused time of Backup billed on INV-000001 (10 February 2027 to 10 March 2027)  | EUR -2.50 |
      | Credit kept on the account for later invoices                                    | EUR 12.00 |
    And nothing was recorded by the preview
    And the "Starter" subscription of "ACME GmbH" does not end
    And the "Backup" subscription of "ACME GmbH" does not end

  Scenario: Reinstating the base brings back the add-on that ended with it, not the one cancelled on its own
    Given a customer "ACME GmbH" billed in EUR on billing day 10
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And "ACME GmbH" adds the "Backup" add-on starting 10 February 2027
    And "ACME GmbH" adds the "Support" add-on starting 10 February 2027
    And the seller advances its test clock to 24 February 2027
    When "ACME GmbH" cancels its "Support" subscription at the end of the term
    And "ACME GmbH" cancels its "Starter" subscription at the end of the term
    Then the "Starter" subscription of "ACME GmbH" ends on 10 March 2027
    And the "Backup" subscription of "ACME GmbH" ends on 10 March 2027
    And the "Support" subscription of "ACME GmbH" ends on 10 March 2027
    When "ACME GmbH" reinstates its "Starter" subscription
    Then the "Starter" subscription of "ACME GmbH" does not end
    And the "Backup" subscription of "ACME GmbH" does not end
    And the "Support" subscription of "ACME GmbH" ends on 10 March 2027
    When the seller advances its test clock to 11 March 2027
    # INV-000001 (10 February) billed all three; March bills the base and the add-on that came back with it
    Then invoice INV-000002 has these lines, in any order:
      | description                           | from          | to            | amount    |
      | Hosting Starter (monthly, in advance) | 10 March 2027 | 10 April 2027 | EUR 19.00 |
      | Storage Backup (monthly, in advance)  | 10 March 2027 | 10 April 2027 | EUR 5.00  |

  Scenario: An add-on without a base subscription is refused and changes nothing
    Given a customer "Solo Ltd" billed in EUR
    When "Solo Ltd" tries to add the "Backup" add-on starting 20 February 2027
    Then the subscription is refused with a reason mentioning "needs an active base subscription"
    And "Solo Ltd" has no subscriptions

  Scenario: An add-on to the base subscription of another customer is refused
    Given a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And a customer "Solo Ltd" billed in EUR
    When "Solo Ltd" tries to add the "Backup" add-on to the subscription of "ACME GmbH" starting 20 February 2027
    Then the subscription is refused with a reason mentioning "needs a base subscription of the same account"
    And "Solo Ltd" has no subscriptions

  @issue-11
  Scenario: An add-on cancelled at once on the day it started is never billed
    Given a customer "ACME GmbH" billed in EUR on billing day 10
    And "ACME GmbH" subscribes to the "Starter" plan starting 10 February 2027
    And the seller advances its test clock to 20 February 2027
    And "ACME GmbH" adds the "Backup" add-on starting 20 February 2027
    When "ACME GmbH" cancels its "Backup" subscription at once
    Then the "Backup" subscription of "ACME GmbH" ends on 20 February 2027
    And the "Starter" subscription of "ACME GmbH" does not end
    When the seller advances its test clock to 11 March 2027
    Then the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 10 February 2027 | EUR 19.00 |
      | INV-000002 | ACME GmbH | 10 March 2027    | EUR 19.00 |
