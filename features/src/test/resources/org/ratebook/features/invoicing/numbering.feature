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

  Scenario: Numbered per customer, each customer's invoices run in a series of their own
    Given a seller that bills with the default rule pack
    And the seller numbers its invoices "{prefix}-{customer:3}-{seq:4}" with prefix "EXH" per customer
    And a customer "ACME GmbH" billed in EUR
    And a customer "Initech SAS" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 November 2026
    And "Initech SAS" subscribes to the "Pro" plan starting 20 November 2026
    When the billing run runs for 15 November 2026
    And the billing run runs for 20 November 2026
    And the billing run runs for 20 December 2026
    Then the seller has issued exactly these invoices:
      | number       | customer    | date             | total     |
      | EXH-001-0001 | ACME GmbH   | 15 November 2026 | EUR 49.00 |
      | EXH-001-0002 | ACME GmbH   | 15 December 2026 | EUR 49.00 |
      | EXH-002-0001 | Initech SAS | 20 November 2026 | EUR 49.00 |
      | EXH-002-0002 | Initech SAS | 20 December 2026 | EUR 49.00 |

  Scenario: Both series advance with every invoice, so switching between them never prints a number twice
    The seller's own series went on counting (3 and 4) while the customers' series were printed, as Lago's does.
    Given a seller that bills with the default rule pack
    And the seller numbers its invoices "{prefix}-{seq:4}" with prefix "EXH" per seller
    And a customer "ACME GmbH" billed in EUR
    And a customer "Initech SAS" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 15 November 2026
    And "Initech SAS" subscribes to the "Pro" plan starting 20 November 2026
    When the billing run runs for 20 November 2026
    And the seller numbers its invoices "{prefix}-{customer:3}-{seq:4}" with prefix "EXH" per customer
    And the billing run runs for 15 December 2026
    And the billing run runs for 20 December 2026
    And the seller numbers its invoices "{prefix}-{seq:4}" with prefix "EXH" per seller
    And the billing run runs for 15 January 2027
    Then the seller has issued exactly these invoices:
      | number       | customer    | date             | total     |
      | EXH-0001     | ACME GmbH   | 15 November 2026 | EUR 49.00 |
      | EXH-0002     | Initech SAS | 20 November 2026 | EUR 49.00 |
      | EXH-0005     | ACME GmbH   | 15 January 2027  | EUR 49.00 |
      | EXH-001-0002 | ACME GmbH   | 15 December 2026 | EUR 49.00 |
      | EXH-002-0002 | Initech SAS | 20 December 2026 | EUR 49.00 |

  Scenario: Numbering per customer needs the customer's number in the format
    Given a seller that bills with the default rule pack
    When the seller tries to number its invoices "{prefix}-{seq:4}" per customer
    Then it is refused with a reason mentioning "numbering per customer needs the customer's number in the format"
