Feature: Parent accounts and consolidated invoices
  A group with several branches, or a reseller with customers of its own, can receive one invoice for all of
  them: the branches' charges go on the parent's invoice, each line naming the branch it is for.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Small | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
      | Euro  | Hosting | evergreen |       | EUR      | 12.00 | monthly |
    And a customer "Holding Inc" billed in USD on billing day 1
    And a customer "Branch North" billed in USD on billing day 1
    And a customer "Branch South" billed in USD on billing day 1

  Scenario: The branches' subscriptions are invoiced to the parent, one invoice a billing day
    Given "Branch North" is a branch of "Holding Inc", which receives its invoices
    And "Branch South" is a branch of "Holding Inc", which receives its invoices
    And "Holding Inc" subscribes to the "Small" plan starting 1 March 2024
    And "Branch North" subscribes to the "Large" plan starting 1 March 2024
    And "Branch South" subscribes to 2 seats of the "Small" plan starting 1 March 2024
    When the seller advances its test clock to 1 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer    | date         | total     |
      | INV-000001 | Holding Inc | 1 March 2024 | USD 61.00 |
      | INV-000002 | Holding Inc | 1 April 2024 | USD 61.00 |
    And invoice INV-000002 has these lines, in any order:
      | description                                            | amount    |
      | Hosting Small (monthly, in advance)                    | USD 10.00 |
      | Hosting Large (monthly, in advance), for Branch North  | USD 31.00 |
      | Hosting Small (monthly, in advance), for Branch South  | USD 20.00 |

  Scenario: A branch that receives its own invoices is invoiced on its own
    Given "Branch North" is a branch of "Holding Inc", and receives its own invoices
    And "Holding Inc" subscribes to the "Small" plan starting 1 March 2024
    And "Branch North" subscribes to the "Large" plan starting 2 March 2024
    When the seller advances its test clock to 2 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer     | date         | total     |
      | INV-000001 | Holding Inc  | 1 March 2024 | USD 10.00 |
      | INV-000002 | Branch North | 2 March 2024 | USD 30.00 |

  Scenario: A branch in another currency cannot send its invoices to the parent
    Given a customer "Branch Paris" billed in EUR on billing day 1
    When the seller tries to make "Branch Paris" a branch of "Holding Inc", which receives its invoices
    Then it is refused with a reason mentioning "a consolidated invoice has one currency"

  Scenario: Parents are one level deep
    Given "Branch North" is a branch of "Holding Inc", which receives its invoices
    When the seller tries to make "Branch South" a branch of "Branch North", which receives its invoices
    Then it is refused with a reason mentioning "has a parent itself"
