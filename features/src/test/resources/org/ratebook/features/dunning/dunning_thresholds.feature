Feature: Dunning thresholds as a table
  A seller may write its dunning policy as a table instead of rules: each row names a state, how many days past
  due the oldest unpaid invoice must be, optionally how much must be overdue and how many invoices unpaid, and
  what the state makes happen. One suspension rule reads the table (as in the msp example pack); the most severe
  state reached wins, and the standing says which row was reached.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And a customer "ACME GmbH" billed in EUR

  Scenario: A reminder after 5 days, a suspension after 21 days only once EUR 98.00 is overdue
    # INV-000001 (1 March, EUR 49.00) is due 15 March; INV-000002 (1 April, EUR 49.00) is due 15 April.
    # 20 March: 5 days past due, so reminded. 15 April: 31 days past due but only INV-000001 (EUR 49.00) is
    # overdue, so the suspension row is not reached. 16 April: INV-000002 is overdue too, EUR 98.00: suspended.
    Given the seller publishes from 1 March 2026 this dunning thresholds table:
      | state     | days past due | overdue at least | actions                             |
      | reminded  | 5             |                  | send reminder                       |
      | suspended | 21            | EUR 98.00        | block plan changes, suspend service |
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 19 March 2026
    Then "ACME GmbH" is in good standing
    When the seller advances its test clock to 20 March 2026
    Then "ACME GmbH" is reminded since 20 March 2026 by rule "A threshold of the seller's dunning table is reached"
    And the standing of "ACME GmbH" was decided on the threshold "threshold REMINDED at 5 days past due: SEND_REMINDER"
    When the seller advances its test clock to 15 April 2026
    Then "ACME GmbH" is reminded since 20 March 2026 by rule "A threshold of the seller's dunning table is reached"
    And "ACME GmbH" may change plans
    When the seller advances its test clock to 16 April 2026
    Then "ACME GmbH" is suspended since 16 April 2026 by rule "A threshold of the seller's dunning table is reached"
    And the standing of "ACME GmbH" was decided on the threshold "threshold SUSPENDED at 21 days past due, EUR 98.00 overdue: BLOCK_PLAN_CHANGES, SUSPEND_SERVICE"
    And provisioning is told to suspend the service of "ACME GmbH" from 16 April 2026, with billing continuing
    And "ACME GmbH" may not change plans
    And the standing of "ACME GmbH" names rule pack version 2
