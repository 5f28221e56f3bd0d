Feature: Dunning on the unpaid balance and the number of unpaid invoices
  Besides how late the oldest unpaid invoice is, a seller's dunning thresholds table may ask how much the customer
  owes in all, due or not, and how many invoices it has not paid (Kill Bill's overdue conditions: total unpaid
  invoice balance, number of unpaid invoices, time since the earliest unpaid invoice). Every condition of a row
  must hold; a balance is in the row's currency, so a seller writes one row per currency for the same state. The
  most severe state reached wins.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And a customer "ACME GmbH" billed in EUR

  Scenario: A customer owing EUR 147.00 is reminded on the first day dunning looks, to the cent, before anything is past due
    # 3 seats of Pro at EUR 49.00: INV-000001 of 1 March is EUR 147.00, due 15 March; the test clock's advance
    # bills 1 March and looks at each day it passes, the first being 2 March
    Given the seller publishes from 1 March 2026 this dunning thresholds table:
      | state   | days past due | unpaid at least | actions            |
      | warned  |               | EUR 147.01      | block plan changes |
      | warned  |               | USD 100.00      | block plan changes |
      | reminded |              | EUR 147.00      | send reminder      |
    And "ACME GmbH" subscribes to 3 seats of the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 2 March 2026
    Then "ACME GmbH" is reminded since 2 March 2026 by rule "A threshold of the seller's dunning table is reached"
    And the standing of "ACME GmbH" was decided on the threshold "threshold REMINDED at 0 days past due, EUR 147.00 unpaid: SEND_REMINDER"
    And "ACME GmbH" may change plans

  Scenario: The second unpaid month takes the customer over the EUR threshold; the USD row never applies to it
    Given the seller publishes from 1 March 2026 this dunning thresholds table:
      | state   | days past due | unpaid at least | actions                             |
      | warned  |               | USD 50.00       | block plan changes                  |
      | warned  |               | EUR 98.00       | block plan changes                  |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 31 March 2026
    Then "ACME GmbH" is in good standing
    When the seller advances its test clock to 1 April 2026
    Then "ACME GmbH" is warned since 1 April 2026 by rule "A threshold of the seller's dunning table is reached"
    And the standing of "ACME GmbH" was decided on the threshold "threshold WARNED at 0 days past due, EUR 98.00 unpaid: BLOCK_PLAN_CHANGES"
    And "ACME GmbH" may not change plans

  Scenario: Three unpaid invoices suspend the customer whatever they add up to, and paying one reinstates it
    Given the seller publishes from 1 March 2026 this dunning thresholds table:
      | state     | days past due | unpaid invoices at least | unpaid at least | actions                             |
      | suspended |               | 3                        |                 | block plan changes, suspend service |
    And "ACME GmbH" subscribes to the "Starter" plan starting 1 March 2026
    When the seller advances its test clock to 30 April 2026
    Then "ACME GmbH" is in good standing
    When the seller advances its test clock to 1 May 2026
    Then "ACME GmbH" is suspended since 1 May 2026 by rule "A threshold of the seller's dunning table is reached"
    And the standing of "ACME GmbH" was decided on the threshold "threshold SUSPENDED at 0 days past due, 3 unpaid invoices: BLOCK_PLAN_CHANGES, SUSPEND_SERVICE"
    And provisioning is told to suspend the service of "ACME GmbH" from 1 May 2026, with billing continuing
    When "ACME GmbH" pays EUR 19.00 on invoice INV-000001
    Then "ACME GmbH" is back in good standing since 1 May 2026, decided on a payment
