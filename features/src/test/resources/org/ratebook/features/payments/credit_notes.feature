Feature: Credit notes
  An issued invoice is never edited. To take money off it (an outage, a goodwill gesture) the seller issues a
  credit note: a numbered document of its own, in a series of its own. It lowers what the invoice still asks
  for; what the customer had already paid beyond that becomes account credit for the next invoices.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 5 March 2024

  Scenario: A credit note takes an amount off an open invoice
    When the seller issues a credit note of USD 10.00 on invoice INV-000001 because "Outage on 3 March"
    Then invoice INV-000001 has these credit notes:
      | number    | amount    | reason            |
      | CN-000001 | USD 10.00 | Outage on 3 March |
    And invoice INV-000001 is open with USD 0.00 paid and USD 21.00 still due
    And invoice INV-000001 totals USD 31.00 of which tax USD 0.00
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 21.00 on open invoices

  @issue-11
  Scenario: The credit note's document shows its amounts in cents
    When the seller issues a credit note of USD 10.00 on invoice INV-000001 because "Outage on 3 March"
    Then the PDF of credit note CN-000001 says "Credit note total 10.00 USD"
    And the PDF of credit note CN-000001 says "Taken off invoice INV-000001 10.00 USD"
    And the PDF of credit note CN-000001 says "Kept as account credit 0.00 USD"
    And the PDF of credit note CN-000001 says "No tax (0%) 10.00 USD 0.00 USD 10.00 USD"

  @issue-11 @void
  Scenario: A voided invoice's period is invoiced again when the test clock moves on
    When invoice INV-000001 is voided because "wrong customer"
    And the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
      | INV-000002 | Hunter Inc | 1 March 2024 | USD 31.00 |
      | INV-000003 | Hunter Inc | 1 April 2024 | USD 31.00 |

  Scenario: A credit note on a paid invoice becomes credit that the next invoice uses
    Given "Hunter Inc" pays USD 31.00 on invoice INV-000001
    When the seller issues a credit note of USD 10.00 on invoice INV-000001 because "Outage on 3 March"
    Then "Hunter Inc" has a credit of USD 10.00 and owes USD 0.00 on open invoices
    When the seller advances its test clock to 1 April 2024
    Then invoice INV-000002 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -10.00 |
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 21.00 on open invoices

  Scenario: A credit note that settles the rest of an invoice leaves it paid
    Given "Hunter Inc" pays USD 21.00 on invoice INV-000001
    When the seller issues a credit note of USD 10.00 on invoice INV-000001 because "Outage on 3 March"
    Then invoice INV-000001 is paid with USD 21.00 paid and USD 0.00 still due

  Scenario: Credit notes run in their own numbered series and never add up to more than the invoice
    When the seller issues a credit note of USD 10.00 on invoice INV-000001 because "Outage on 3 March"
    And the seller issues a credit note of USD 20.00 on invoice INV-000001 because "Outage on 4 March"
    And the seller tries to issue a credit note of USD 1.01 on invoice INV-000001
    Then it is refused with a reason mentioning "would total 31.01 USD, more than the invoice's 31.00 USD"
    And invoice INV-000001 has these credit notes:
      | number    | amount    | reason            |
      | CN-000001 | USD 10.00 | Outage on 3 March |
      | CN-000002 | USD 20.00 | Outage on 4 March |

  Scenario: A void invoice takes no credit note
    Given invoice INV-000001 is voided because "wrong customer"
    When the seller tries to issue a credit note of USD 5.00 on invoice INV-000001
    Then it is refused with a reason mentioning "is void; there is nothing to credit"
    And invoice INV-000001 has no credit notes
