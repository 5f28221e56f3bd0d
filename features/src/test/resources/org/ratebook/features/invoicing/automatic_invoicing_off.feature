Feature: Automatic invoicing switched off for a customer
  A seller may switch automatic invoicing off for one customer (Kill Bill's AUTO_INVOICING_OFF), for instance while
  a dispute about its contract is settled. Billing runs then hold the customer's invoices: nothing is lost, nothing
  is issued. Switched back on, everything held goes on one invoice of that day, and billing carries on as before;
  nothing is invoiced twice.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026

  Scenario: April and May are held while invoicing is off, and both come on the invoice of the day it is back on
    Given the seller advances its test clock to 2 March 2026
    When the seller switches automatic invoicing of "ACME GmbH" off because "contract under review"
    And the seller advances its test clock to 15 May 2026
    Then automatic invoicing of "ACME GmbH" is off since 2 March 2026
    And the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | ACME GmbH | 1 March 2026 | EUR 49.00 |
    When the seller switches automatic invoicing of "ACME GmbH" back on
    Then the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | ACME GmbH | 1 March 2026 | EUR 49.00 |
      | INV-000002 | ACME GmbH | 15 May 2026  | EUR 98.00 |
    And invoice INV-000002 has these lines:
      | description                     | from         | to           | amount    |
      | Hosting Pro (monthly, in advance) | 1 April 2026 | 1 May 2026   | EUR 49.00 |
      | Hosting Pro (monthly, in advance) | 1 May 2026   | 1 June 2026  | EUR 49.00 |
    When the seller advances its test clock to 1 June 2026
    Then the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | ACME GmbH | 1 March 2026 | EUR 49.00 |
      | INV-000002 | ACME GmbH | 15 May 2026  | EUR 98.00 |
      | INV-000003 | ACME GmbH | 1 June 2026  | EUR 49.00 |

  Scenario: Switched off and back on within the month, nothing was held and the next invoice comes on its day
    Given the seller advances its test clock to 10 March 2026
    When the seller switches automatic invoicing of "ACME GmbH" off because "contract under review"
    And the seller switches automatic invoicing of "ACME GmbH" off because "asked twice"
    And the seller advances its test clock to 20 March 2026
    And the seller switches automatic invoicing of "ACME GmbH" back on
    And the seller advances its test clock to 1 April 2026
    Then the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | ACME GmbH | 1 March 2026 | EUR 49.00 |
      | INV-000002 | ACME GmbH | 1 April 2026 | EUR 49.00 |

  Scenario: A plan change made while invoicing is off is held with the rest
    # 16 March to 1 April is 16 of 31 days: Starter 19.00 x 16/31 = 9.81, Pro 49.00 x 16/31 = 25.29 back;
    # with April's Starter 19.00: 9.81 + 19.00 - 25.29 = 3.52
    Given the seller advances its test clock to 2 March 2026
    When the seller switches automatic invoicing of "ACME GmbH" off because "contract under review"
    And the seller advances its test clock to 16 March 2026
    And "ACME GmbH" changes to the "Starter" plan at once
    And the seller advances its test clock to 2 April 2026
    And the seller switches automatic invoicing of "ACME GmbH" back on
    Then the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | ACME GmbH | 1 March 2026 | EUR 49.00 |
      | INV-000002 | ACME GmbH | 2 April 2026 | EUR 3.52  |
    And invoice INV-000002 has these lines:
      | description                                                               | from          | to           | amount     |
      | Hosting Starter (monthly, in advance, 16/31 of the period)                | 16 March 2026 | 1 April 2026 | EUR 9.81   |
      | Hosting Starter (monthly, in advance)                                     | 1 April 2026  | 1 May 2026   | EUR 19.00  |
      | Unused time of Pro billed on INV-000001 (1 March 2026 to 1 April 2026)    | 16 March 2026 | 1 April 2026 | EUR -25.29 |
