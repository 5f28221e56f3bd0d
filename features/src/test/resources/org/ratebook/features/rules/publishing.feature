Feature: Publishing a price change through the rule pack
  A seller's prices and rules are a rule pack with versions. One analyst drafts a change, a second person
  approves it, and it is published from a date: invoices for periods from that date are priced by the new
  version, earlier ones keep the version that was in effect, and every invoice names the version that priced it.
  Nobody approves their own change, nothing is published for a day already past, and a rollback is a change
  like any other.

  The shipped default pack (version 1) prices the "Pro" plan at EUR 49.00 a month, without tax.

  Scenario: A price change published from 1 March prices March's invoice at the new price and February's at the old one
    Given a sandbox seller whose test clock reads 1 February 2026
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan
    When Alice drafts the seller's prices with the "Pro" plan at EUR 59.00
    And Bob approves version 2
    And Bob publishes version 2 from 1 March 2026
    And the seller advances its test clock to 2 March 2026
    Then the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 1 February 2026  | EUR 49.00 |
      | INV-000002 | ACME GmbH | 1 March 2026     | EUR 59.00 |
    And invoice INV-000001 was priced by rule pack "default" version 1
    And invoice INV-000002 was priced by rule pack "default" version 2
    And the seller's rule pack versions are:
      | version | state     | author   | approved by | effective from |
      | 2       | published | Alice    | Bob         | 1 March 2026   |
      | 1       | published | operator | operator    | 1 January 2000 |

  Scenario: The author of a change cannot approve it, and a change cannot be published for a day already past
    Given a sandbox seller whose test clock reads 10 March 2026
    When Alice drafts the seller's prices with the "Pro" plan at EUR 59.00
    And Alice tries to approve version 2
    Then it is refused with a reason mentioning "a second person must approve it"
    When Bob approves version 2
    And Bob tries to publish version 2 from 1 March 2026
    Then it is refused with a reason mentioning "effectiveFrom must be today (2026-03-10) or later"
    And the seller's rule pack versions are:
      | version | state     | author   | approved by | effective from |
      | 2       | approved  | Alice    | Bob         |                |
      | 1       | published | operator | operator    | 1 January 2000 |

  Scenario: Rolling back to an earlier version is a new draft that a second person approves and publishes
    Given a sandbox seller whose test clock reads 1 February 2026
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan
    And Alice drafts the seller's prices with the "Pro" plan at EUR 59.00
    And Bob approves version 2
    And Bob publishes version 2 from 1 March 2026
    And the seller advances its test clock to 10 March 2026
    When Bob rolls the prices back to version 1
    And Bob tries to approve version 3
    Then it is refused with a reason mentioning "a second person must approve it"
    When Alice approves version 3
    And Alice publishes version 3 from 1 April 2026
    And the seller advances its test clock to 2 April 2026
    Then the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 1 February 2026  | EUR 49.00 |
      | INV-000002 | ACME GmbH | 1 March 2026     | EUR 59.00 |
      | INV-000003 | ACME GmbH | 1 April 2026     | EUR 49.00 |
    And invoice INV-000003 was priced by rule pack "default" version 3

  Scenario: A rule that could harm the server is refused before anything is saved
    Given a sandbox seller whose test clock reads 1 February 2026
    When Alice tries to draft a pricing rule that stops the server
    Then it is refused with a reason mentioning "System is not allowed"
    And the seller's rule pack versions are:
      | version | state     | author   | approved by | effective from |
      | 1       | published | operator | operator    | 1 January 2000 |
