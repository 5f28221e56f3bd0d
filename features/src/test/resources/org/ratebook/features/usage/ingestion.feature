Feature: Usage arrives exactly once
  Hosting and cloud providers bill server hours, API calls and backups from usage that their systems send,
  often more than once (retries, replays of an export). Every measurement must be counted exactly once, and
  what cannot be billed must be refused with a reason the sender can act on, without losing the rest.

  Background:
    Given today is 15 January 2026
    And a seller that bills with the default rule pack
    And the seller meters "api_calls" in call as the sum of a period
    And the seller meters "backup_gb" in GB as the max of a period, corrections allowed
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026

  Scenario: The same usage sent three times is counted once
    When this usage of "ACME GmbH" arrives 3 times:
      | transaction | meter     | quantity | at                    |
      | call-1      | api_calls | 120      | 14 January 2026 10:00 |
      | call-2      | api_calls | 80       | 14 January 2026 11:00 |
    Then the outcomes are:
      | transaction | outcome   |
      | call-1      | duplicate |
      | call-2      | duplicate |
    And the "api_calls" usage of "ACME GmbH" on 14 January 2026 is "200" from 2 events

  Scenario: Usage the seller does not meter is refused and the rest is kept
    When this usage of "ACME GmbH" arrives:
      | transaction | meter     | quantity | at                    |
      | call-1      | api_calls | 50       | 14 January 2026 10:00 |
      | bw-1        | bandwidth | 3        | 14 January 2026 10:00 |
    Then the outcomes are:
      | transaction | outcome  | reason                     |
      | call-1      | accepted |                            |
      | bw-1        | rejected | unknown meter 'bandwidth'  |
    And the "api_calls" usage of "ACME GmbH" on 14 January 2026 is "50" from 1 event

  Scenario: A negative quantity corrects a meter that allows corrections, and is refused elsewhere
    When this usage of "ACME GmbH" arrives:
      | transaction | meter     | quantity | at                    |
      | gb-1        | backup_gb | 40       | 14 January 2026 10:00 |
      | gb-fix      | backup_gb | -5       | 14 January 2026 11:00 |
      | call-neg    | api_calls | -5       | 14 January 2026 11:00 |
    Then the outcomes are:
      | transaction | outcome  | reason                           |
      | gb-1        | accepted |                                  |
      | gb-fix      | accepted |                                  |
      | call-neg    | rejected | does not accept corrections      |
    And "ACME GmbH" has no "api_calls" usage on 14 January 2026

  Scenario: Usage stamped in the future is refused, a few minutes of clock drift is not
    When this usage of "ACME GmbH" arrives:
      | transaction | meter     | quantity | at                    |
      | drift       | api_calls | 1        | 15 January 2026 00:04 |
      | future      | api_calls | 1        | 15 January 2026 01:00 |
    Then the outcomes are:
      | transaction | outcome  | reason              |
      | drift       | accepted |                     |
      | future      | rejected | is in the future    |

  Scenario: A transaction id twice in one batch is counted once and the repeat is refused
    When this usage of "ACME GmbH" arrives:
      | transaction | meter     | quantity | at                    |
      | call-1      | api_calls | 10       | 14 January 2026 10:00 |
      | call-1      | api_calls | 99       | 14 January 2026 10:05 |
    Then the outcomes are:
      | transaction | outcome  | reason                       |
      | call-1      | accepted |                              |
      | call-1      | rejected | more than once in this batch |
    And the "api_calls" usage of "ACME GmbH" on 14 January 2026 is "10" from 1 event

  Scenario: A batch of ten thousand events is taken, one more is refused whole
    When a batch of 10000 usage events of "ACME GmbH" arrives
    Then every event of the batch is accepted
    When a batch of 10001 usage events of "ACME GmbH" arrives
    Then the batch is refused as too large
    And the "api_calls" usage of "ACME GmbH" on 10 January 2026 is "10000" from 10000 events
