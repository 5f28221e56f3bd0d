Feature: Usage sent for a customer counts for the customer's subscription
  Monitoring and provisioning systems often know the customer a measurement belongs to, but not the
  subscription. Usage sent with only the customer's account counts for the customer's one active
  subscription on the day the usage happened, in the customer's time zone. When the customer has no such
  subscription or several, the usage is refused with a reason that names the customer's subscriptions, so
  the sender can say which one is meant. Either way a measurement counts once per subscription.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And the seller meters "server_hours" in hour as the sum of a period
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026
    And the seller advances its test clock to 10 March 2026

  Scenario: Usage sent for a customer with one subscription counts for that subscription
    When this usage of "ACME GmbH" arrives naming only the customer:
      | transaction | meter        | quantity | at                 |
      | vm-1        | server_hours | 24       | 5 March 2026 10:00 |
      | vm-2        | server_hours | 12       | 6 March 2026 10:00 |
    Then the usage is taken like this:
      | transaction | outcome  | counts for            |
      | vm-1        | accepted | Pro from 1 March 2026 |
      | vm-2        | accepted | Pro from 1 March 2026 |
    And the "server_hours" usage of "ACME GmbH" on 5 March 2026 is "24" from 1 event

  Scenario: The same usage sent for the customer and again for its subscription counts once
    When this usage of "ACME GmbH" arrives naming only the customer:
      | transaction | meter        | quantity | at                 |
      | vm-1        | server_hours | 24       | 5 March 2026 10:00 |
    And this usage of "ACME GmbH" arrives:
      | transaction | meter        | quantity | at                 |
      | vm-1        | server_hours | 24       | 5 March 2026 10:00 |
    Then the outcomes are:
      | transaction | outcome   |
      | vm-1        | duplicate |
    And the "server_hours" usage of "ACME GmbH" on 5 March 2026 is "24" from 1 event

  Scenario: A customer with two subscriptions on the day of the usage must say which one
    Given "ACME GmbH" subscribes to the "Starter" plan starting 8 March 2026
    When this usage of "ACME GmbH" arrives naming only the customer:
      | transaction | meter        | quantity | at                  |
      | vm-early    | server_hours | 24       | 7 March 2026 10:00  |
      | vm-midnight | server_hours | 1        | 7 March 2026 23:30  |
      | vm-late     | server_hours | 24       | 9 March 2026 10:00  |
    Then the usage is taken like this:
      | transaction | outcome  | counts for            | reason                                        |
      | vm-early    | accepted | Pro from 1 March 2026 |                                               |
      | vm-midnight | rejected |                       | has 2 active subscriptions on 2026-03-08      |
      | vm-late     | rejected |                       | has 2 active subscriptions on 2026-03-09      |
    And the refusal of "vm-late" names these subscriptions of "ACME GmbH":
      | plan    | from          |
      | Pro     | 1 March 2026  |
      | Starter | 8 March 2026  |

  Scenario: Usage of a customer without an active subscription on that day is refused
    Given a customer "Beta Ltd" billed in EUR
    And "Beta Ltd" subscribes to the "Starter" plan starting 20 March 2026
    And a customer "Gamma SA" billed in EUR
    When this usage of "Beta Ltd" arrives naming only the customer:
      | transaction | meter        | quantity | at                 |
      | beta-1      | server_hours | 5        | 9 March 2026 18:00 |
    Then the usage is taken like this:
      | transaction | outcome  | counts for | reason                                    |
      | beta-1      | rejected |            | has no active subscription on 2026-03-09  |
    And the refusal of "beta-1" names these subscriptions of "Beta Ltd":
      | plan    | from          |
      | Starter | 20 March 2026 |
    When this usage of "Gamma SA" arrives naming only the customer:
      | transaction | meter        | quantity | at                 |
      | gamma-1     | server_hours | 5        | 9 March 2026 18:00 |
    Then the usage is taken like this:
      | transaction | outcome  | counts for | reason                                    |
      | gamma-1     | rejected |            | has no active subscription on 2026-03-09  |
