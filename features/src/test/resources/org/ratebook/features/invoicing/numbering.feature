Feature: Invoice numbers and due dates
  Tax authorities and auditors expect invoice numbers without gaps, in the seller's own format; many sellers
  start a new series every year. The due date comes from the seller's payment terms.

  Scenario: Numbers follow the seller's format and a new series starts with the new year
    Given a seller that bills with the default rule pack
    And the seller numbers its invoices "{prefix}-{yyyy}-{seq:4}" with prefix "EXH" and payment terms of 30 days
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 November 2026
    When the billing run runs for 15 January 2027
    Then the seller has issued exactly these invoices:
      | number        | customer  | date             | total     |
      | EXH-2026-0001 | ACME GmbH | 15 November 2026 | EUR 49.00 |
      | EXH-2026-0002 | ACME GmbH | 15 December 2026 | EUR 49.00 |
      | EXH-2027-0001 | ACME GmbH | 15 January 2027  | EUR 49.00 |
    And invoice EXH-2027-0001 is due on 14 February 2027

  Scenario: Without other terms an invoice is due fourteen days after its date
    Given a seller that bills with the default rule pack
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    When the billing run runs for 15 January 2026
    Then invoice INV-000001 is due on 29 January 2026
