Feature: Previewing invoices
  Before a billing run, or before a customer commits to a change, the seller can see the invoices it would
  bring, priced by the rules in effect, without anything being issued, numbered or recorded.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Small" plan
    And the seller advances its test clock to 16 March 2024

  Scenario: The invoices of the next two months can be seen before they are due
    When the seller previews the invoices of "Hunter Inc" for 1 May 2024
    Then the preview shows these invoices:
      | date         | total     |
      | 1 April 2024 | USD 10.00 |
      | 1 May 2024   | USD 10.00 |
    And nothing was recorded by the preview
    And the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 10.00 |

  Scenario: The cost of an upgrade can be seen before the customer agrees to it
    When the seller previews a change of "Hunter Inc" to the "Large" plan at once
    Then the preview shows these invoices:
      | date          | total     |
      | 16 March 2024 | USD 10.84 |
    And the previewed invoice of 16 March 2024 has these lines:
      | description                                                          | amount    |
      | Hosting Large (monthly, in advance, 16/31 of the period)              | USD 16.00 |
      | Unused time of Small billed on INV-000001 (1 March 2024 to 1 April 2024) | USD -5.16 |
    And nothing was recorded by the preview
    And "Hunter Inc" has these subscriptions:
      | plan  | seats | starting     |
      | Small | 1     | 1 March 2024 |
    And the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 10.00 |
