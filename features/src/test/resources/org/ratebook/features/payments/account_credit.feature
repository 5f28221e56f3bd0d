Feature: Account credit given and taken back by hand
  Besides the credit an overpayment or a credit note leaves, the seller may give a customer credit by hand (a
  goodwill gesture after an outage), always with a reason, and take credit back by hand (credit given by
  mistake). Each is recorded as a fact of its own. The next invoices use the credit like any other credit;
  credit taken back can never be more than the customer holds.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan
    And the seller advances its test clock to 5 March 2024

  Scenario: A goodwill credit is used by the next invoice
    When the seller gives "Hunter Inc" a credit of USD 10.00 because "Outage on 3 March"
    Then "Hunter Inc" has a credit of USD 10.00 and owes USD 31.00 on open invoices
    When the seller advances its test clock to 1 April 2024
    Then invoice INV-000002 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -10.00 |
    And invoice INV-000002 totals USD 21.00 of which tax USD 0.00
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 52.00 on open invoices

  Scenario: Credit larger than the next invoice is used over several invoices
    When the seller gives "Hunter Inc" a credit of USD 40.00 because "Migration delayed by us"
    And the seller advances its test clock to 1 May 2024
    Then invoice INV-000002 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -31.00 |
    And invoice INV-000003 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -9.00  |
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 53.00 on open invoices

  Scenario: Credit taken back by hand is no longer there for the next invoice
    When the seller gives "Hunter Inc" a credit of USD 25.00 because "Outage on 3 March"
    And the seller takes USD 15.00 of credit back from "Hunter Inc" because "Given twice by mistake"
    Then "Hunter Inc" has a credit of USD 10.00 and owes USD 31.00 on open invoices
    When the seller advances its test clock to 1 April 2024
    Then invoice INV-000002 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -10.00 |

  Scenario: No more credit can be taken back than the customer holds
    Given the seller gives "Hunter Inc" a credit of USD 5.00 because "Outage on 3 March"
    When the seller tries to take USD 5.01 of credit back from "Hunter Inc" because "Given twice by mistake"
    Then it is refused with a reason mentioning "holds only 5.00 USD of credit"
    And "Hunter Inc" has a credit of USD 5.00 and owes USD 31.00 on open invoices

  Scenario Outline: Credit by hand needs a positive amount in the customer's currency and a reason
    When the seller tries to give "Hunter Inc" a credit of <amount> because "<reason>"
    Then it is refused with a reason mentioning "<why>"
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 31.00 on open invoices

    Examples:
      | amount     | reason            | why                                 |
      | USD 0.00   | Outage on 3 March | must be a positive amount           |
      | USD 1.005  | Outage on 3 March | has more decimals than USD allows   |
      | EUR 10.00  | Outage on 3 March | is billed in USD                    |
      | USD 10.00  |                   | needs a reason                      |
