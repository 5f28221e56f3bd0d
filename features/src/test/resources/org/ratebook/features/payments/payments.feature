Feature: Payments, refunds and voids
  An issued invoice is never edited. What the customer pays, what is paid back and a void change what the
  invoice still asks for, and every one of them is recorded. Finance needs partial payments to leave the rest
  open, overpayments to become the customer's credit instead of disappearing, refunds never to exceed what was
  paid, and the same bank transfer reported twice to count once.

  Background:
    Given a seller that bills with the default rule pack
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    And the billing run has run for 15 January 2026

  Scenario: A partial payment leaves the rest of the invoice open
    When "ACME GmbH" pays EUR 20.00 on invoice INV-000001
    Then invoice INV-000001 is open with EUR 20.00 paid and EUR 29.00 still due
    And "ACME GmbH" has a credit of EUR 0.00 and owes EUR 29.00 on open invoices

  Scenario: Paying the rest settles the invoice
    When "ACME GmbH" pays EUR 20.00 on invoice INV-000001
    And "ACME GmbH" pays EUR 29.00 on invoice INV-000001
    Then invoice INV-000001 is paid with EUR 49.00 paid and EUR 0.00 still due

  Scenario: Paying more than is due credits the customer's account with the rest
    When "ACME GmbH" pays EUR 60.00 on invoice INV-000001 by bank transfer "SEPA-4711"
    Then invoice INV-000001 is paid with EUR 49.00 paid and EUR 0.00 still due
    And invoice INV-000001 shows these payments:
      | kind    | amount    | to the invoice | to credit |
      | payment | EUR 60.00 | EUR 49.00      | EUR 11.00 |
    And "ACME GmbH" has a credit of EUR 11.00 and owes EUR 0.00 on open invoices

  Scenario: The same bank transfer reported twice is counted once
    When "ACME GmbH" pays EUR 20.00 on invoice INV-000001 by bank transfer "SEPA-0815"
    And "ACME GmbH" pays EUR 20.00 on invoice INV-000001 by bank transfer "SEPA-0815"
    Then invoice INV-000001 is open with EUR 20.00 paid and EUR 29.00 still due

  Scenario: A payment in another currency is refused and changes nothing
    When "ACME GmbH" tries to pay USD 49.00 on invoice INV-000001
    Then it is refused with a reason mentioning "is in EUR"
    And invoice INV-000001 shows no payments

  Scenario: A refund reopens the invoice, but never for more than was paid
    Given "ACME GmbH" pays EUR 49.00 on invoice INV-000001
    When the finance team tries to refund EUR 50.00 on invoice INV-000001
    Then it is refused with a reason mentioning "more than the 49.00 EUR paid"
    When EUR 9.00 is refunded on invoice INV-000001 because "goodwill for an outage"
    Then invoice INV-000001 is open with EUR 40.00 paid and EUR 9.00 still due

  Scenario: A voided invoice takes no payment and its period is invoiced again by the next billing run
    When invoice INV-000001 is voided because "issued to the wrong legal entity"
    Then invoice INV-000001 is void with EUR 0.00 paid and EUR 0.00 still due
    When "ACME GmbH" tries to pay EUR 49.00 on invoice INV-000001
    Then it is refused with a reason mentioning "is void"
    When the billing run runs again for 15 January 2026
    Then exactly 1 invoice is issued
    And invoice INV-000002 is addressed to "ACME GmbH" and dated 15 January 2026
    And invoice INV-000002 totals EUR 49.00 of which tax EUR 0.00

  @issue-11
  Scenario: A voided invoice's period is invoiced again by the next billing run on a later day
    When invoice INV-000001 is voided because "issued to the wrong legal entity"
    And the billing run runs for 15 February 2026
    Then the seller has issued exactly these invoices:
      | number     | customer  | date             | total     |
      | INV-000001 | ACME GmbH | 15 January 2026  | EUR 49.00 |
      | INV-000002 | ACME GmbH | 15 January 2026  | EUR 49.00 |
      | INV-000003 | ACME GmbH | 15 February 2026 | EUR 49.00 |
    And invoice INV-000002 is open with EUR 0.00 paid and EUR 49.00 still due

  Scenario: An invoice with money paid on it is not voided before the money is refunded
    Given "ACME GmbH" pays EUR 10.00 on invoice INV-000001
    When the finance team tries to void invoice INV-000001
    Then it is refused with a reason mentioning "refund the payments before voiding it"

  Scenario: A card payment collects what is due, and a declined card records nothing
    When "ACME GmbH" tries to pay EUR 0.13 on invoice INV-000001 by card
    Then it is refused with a reason mentioning "declined"
    And invoice INV-000001 shows no payments
    When "ACME GmbH" pays invoice INV-000001 by card
    Then invoice INV-000001 is paid with EUR 49.00 paid and EUR 0.00 still due

  @issue-11
  Scenario: A declined card is recorded on the invoice as a failed payment attempt, and pays nothing
    When "ACME GmbH" tries to pay EUR 0.13 on invoice INV-000001 by card
    Then it is refused with a reason mentioning "declined"
    And invoice INV-000001 shows no payments
    And invoice INV-000001 records these failed payment attempts:
      | amount   | reason        |
      | EUR 0.13 | card declined |
