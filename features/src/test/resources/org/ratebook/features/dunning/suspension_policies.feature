Feature: Suspension policies sellers publish
  A seller replaces the standard dunning policy by publishing its own suspension rules, as a new version of its
  rule pack approved by a second person. Each rule names the state it puts a customer in and what that state
  makes happen; the most severe state whose rule matches wins. Rules may look at the days past due, the unpaid
  balance and the number of unpaid invoices, and a policy may pause billing while a customer is suspended.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And a customer "ACME GmbH" billed in EUR

  Scenario: Thresholds by unpaid balance and by number of unpaid invoices
    Given the seller publishes from 1 March 2026 this suspension policy:
      | rule                                  | state     | unpaid balance | unpaid invoices | actions                             |
      | Reminder once EUR 98.00 are unpaid    | reminded  | EUR 98.00      |                 | send reminder                       |
      | Suspended with three unpaid invoices  | suspended |                | 3               | block plan changes, suspend service |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 31 March 2026
    Then "ACME GmbH" is in good standing
    When the seller advances its test clock to 1 April 2026
    Then "ACME GmbH" is reminded since 1 April 2026 by rule "Reminder once EUR 98.00 are unpaid"
    When the seller advances its test clock to 1 May 2026
    Then "ACME GmbH" is suspended since 1 May 2026 by rule "Suspended with three unpaid invoices"
    And provisioning is told to suspend the service of "ACME GmbH" from 1 May 2026, with billing continuing
    And the standing of "ACME GmbH" names rule pack version 2

  Scenario: A suspension that pauses billing holds invoices back until the customer pays
    Given the seller publishes from 1 March 2026 this suspension policy:
      | rule                                  | state     | days past due | actions                        |
      | Suspended and not billed after 10 days | suspended | 10            | suspend service, pause billing |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 25 March 2026
    Then "ACME GmbH" is suspended since 25 March 2026 by rule "Suspended and not billed after 10 days"
    And provisioning is told to suspend the service of "ACME GmbH" from 25 March 2026, with billing paused
    When the seller advances its test clock to 2 April 2026
    Then no invoice is issued
    And the billing run reports that billing of "ACME GmbH" is paused
    When "ACME GmbH" pays EUR 49.00 on invoice INV-000001
    Then "ACME GmbH" is back in good standing since 2 April 2026, decided on a payment
    When the seller advances its test clock to 3 April 2026
    Then exactly 1 invoice is issued
    And invoice INV-000002 is addressed to "ACME GmbH" and dated 1 April 2026

  Scenario: A stricter policy published from a date applies from that date on
    Given "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    And the seller publishes from 1 April 2026 this suspension policy:
      | rule                       | state     | days past due | actions                             |
      | Suspended after 10 days    | suspended | 10            | block plan changes, suspend service |
    When the seller advances its test clock to 31 March 2026
    Then "ACME GmbH" is warned since 29 March 2026 by rule "Warning 14 days past due, plan changes blocked"
    And the standing of "ACME GmbH" names rule pack version 1
    When the seller advances its test clock to 1 April 2026
    Then "ACME GmbH" is suspended since 1 April 2026 by rule "Suspended after 10 days"
    And the standing of "ACME GmbH" names rule pack version 2

  Scenario: A policy that ends subscriptions on termination cancels them at once and gives back the unused time
    # INV-000001 (1 March, EUR 49.00) is due 15 March, so 20 days past due on 4 April. April was billed on
    # 1 April (INV-000002, EUR 49.00); cancelled from 4 April, 27 of April's 30 days are unused:
    # 49.00 x 27 / 30 = 44.10 given back, kept as account credit since nothing else is on that invoice.
    Given the seller publishes from 1 March 2026 this suspension policy:
      | rule                                                | state      | days past due | actions                      |
      | Terminated and subscriptions ended 20 days past due | terminated | 20            | terminate, end subscriptions |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 3 April 2026
    Then "ACME GmbH" is in good standing
    And the subscription of "ACME GmbH" is active
    When the seller advances its test clock to 4 April 2026
    Then "ACME GmbH" is terminated since 4 April 2026 by rule "Terminated and subscriptions ended 20 days past due"
    And provisioning is told that "ACME GmbH" is terminated from 4 April 2026
    And the subscription of "ACME GmbH" is cancelled from 4 April 2026 because "terminated for non-payment"
    And invoice INV-000003 has these lines:
      | description                                                          | amount     |
      | Unused time of Pro billed on INV-000002 (1 April 2026 to 1 May 2026) | EUR -44.10 |
      | Credit kept on the account for later invoices                        | EUR 44.10  |
    And "ACME GmbH" has a credit of EUR 44.10 and owes EUR 98.00 on open invoices
    When the seller advances its test clock to 2 May 2026
    Then no invoice is issued

  Scenario: Termination ends a base subscription and its add-on once each, with both repairs on one invoice
    # The add-on ends with its base (same day, same reason) and is not cancelled a second time by the termination,
    # whichever of the two the termination comes to first. INV-000001 (1 March, EUR 24.00 = 19.00 + 5.00) is due
    # 15 March, so 20 days past due on 4 April. April was billed on 1 April (INV-000002, EUR 24.00); from 4 April,
    # 27 of April's 30 days are unused: 19.00 x 27/30 = 17.10 and 5.00 x 27/30 = 4.50 given back, 21.60 in all.
    Given the seller bills with these price lists:
      | plan    | product | currency | price | billed  | type   |
      | Starter | Hosting | EUR      | 19.00 | monthly |        |
      | Backup  | Storage | EUR      | 5.00  | monthly | add-on |
    And the seller publishes from 1 March 2026 this suspension policy with its price lists:
      | rule                                                | state      | days past due | actions                      |
      | Terminated and subscriptions ended 20 days past due | terminated | 20            | terminate, end subscriptions |
    And "ACME GmbH" subscribes to the "Starter" plan starting 1 March 2026
    And "ACME GmbH" adds the "Backup" add-on starting 1 March 2026
    When the seller advances its test clock to 4 April 2026
    Then "ACME GmbH" is terminated since 4 April 2026 by rule "Terminated and subscriptions ended 20 days past due"
    And the "Starter" subscription of "ACME GmbH" is cancelled from 4 April 2026 because "terminated for non-payment"
    And the "Backup" subscription of "ACME GmbH" is cancelled from 4 April 2026 because "terminated for non-payment"
    And the "Starter" subscription of "ACME GmbH" was cancelled exactly once
    And the "Backup" subscription of "ACME GmbH" was cancelled exactly once
    And invoice INV-000003 has these lines, in any order:
      | description                                                              | amount     |
      | Unused time of Starter billed on INV-000002 (1 April 2026 to 1 May 2026) | EUR -17.10 |
      | Unused time of Backup billed on INV-000002 (1 April 2026 to 1 May 2026)  | EUR -4.50  |
      | Credit kept on the account for later invoices                            | EUR 21.60  |
    And "ACME GmbH" has a credit of EUR 21.60 and owes EUR 48.00 on open invoices
    When the seller advances its test clock to 2 May 2026
    Then no invoice is issued

  Scenario: Termination without "end subscriptions" leaves the subscriptions running
    Given the seller publishes from 1 March 2026 this suspension policy:
      | rule                        | state      | days past due | actions   |
      | Terminated 20 days past due | terminated | 20            | terminate |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 4 April 2026
    Then "ACME GmbH" is terminated since 4 April 2026 by rule "Terminated 20 days past due"
    And the subscription of "ACME GmbH" is active
