Feature: Changes that cannot be made
  A change that makes no sense is refused with a reason the customer's account manager can act on, and
  nothing about the subscription or its billing changes.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan     | product | phase     | lasts | currency | price | billed  |
      | Small    | Hosting | evergreen |       | USD      | 10.00 | monthly |
      | Large    | Hosting | evergreen |       | USD      | 31.00 | monthly |
      | Euroline | Hosting | evergreen |       | EUR      | 12.00 | monthly |
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to 2 seats of the "Large" plan starting 1 March 2024
    And the seller advances its test clock to 10 March 2024

  Scenario: Zero seats is not a quantity
    When "Hunter Inc" tries to change to 0 seats at once
    Then the change is refused with a reason mentioning "quantity must be at least 1, was 0"
    And "Hunter Inc" still has 2 seats of the "Large" plan and nothing more was invoiced

  Scenario: A plan the catalog does not have is refused
    When "Hunter Inc" tries to change to the "Gold" plan at once
    Then the change is refused with a reason mentioning "unknown plan 'Gold'"
    And "Hunter Inc" still has 2 seats of the "Large" plan and nothing more was invoiced

  Scenario: A plan without a price in the customer's currency is refused
    When "Hunter Inc" tries to change to the "Euroline" plan at once
    Then the change is refused with a reason mentioning "plan 'Euroline' has no price in USD"
    And "Hunter Inc" still has 2 seats of the "Large" plan and nothing more was invoiced

  Scenario: A cancelled subscription cannot be changed
    Given "Hunter Inc" cancels its subscription at once
    When "Hunter Inc" tries to change to the "Small" plan at once
    Then the change is refused with a reason mentioning "the subscription was cancelled on 2024-03-10"

  Scenario: A change cannot jump ahead of a change already scheduled
    Given "Hunter Inc" changes to the "Small" plan at the end of the term
    When "Hunter Inc" tries to change to 5 seats at once
    Then the change is refused with a reason mentioning "would overlap the change already recorded from 2024-04-01"

  Scenario: A change cannot take effect in the past or before the subscription started
    When "Hunter Inc" tries to change to the "Small" plan on 5 March 2024
    Then the change is refused with a reason mentioning "a change cannot take effect in the past"
    And "Hunter Inc" still has 2 seats of the "Large" plan and nothing more was invoiced

  Scenario: A cancellation that took effect cannot be taken back
    Given "Hunter Inc" cancels its subscription at the end of the term
    And the seller advances its test clock to 2 April 2024
    When "Hunter Inc" tries to reinstate its subscription
    Then the change is refused with a reason mentioning "the cancellation took effect on 2024-04-01"

  Scenario: Only a paused subscription can be resumed
    When "Hunter Inc" tries to resume its subscription
    Then the change is refused with a reason mentioning "the subscription is not paused"
