Feature: Subscribing to a plan
  A subscription is a promise to invoice. Finance must never find out at month end that a subscription
  cannot be priced, so the catalog is checked when the customer subscribes: a plan the catalog does not
  have, or has no price for in the customer's currency, is refused on the spot and leaves no trace.

  Background:
    Given a seller that bills with the default rule pack

  Scenario: Subscribing to a plan the catalog does not have is refused and changes nothing
    Given a customer "ACME GmbH" billed in EUR
    When "ACME GmbH" tries to subscribe to the "Gold" plan starting 15 January 2026
    Then the subscription is refused with a reason mentioning "unknown plan 'Gold'"
    And "ACME GmbH" has no subscriptions
    And a billing run for 15 January 2026 issues no invoice

  Scenario: A subscription in a currency the plan has no price in is refused
    Given a customer "Liberty Web Inc." billed in USD
    When "Liberty Web Inc." tries to subscribe to the "Pro" plan starting 15 January 2026
    Then the subscription is refused with a reason mentioning "no price in USD"
    And "Liberty Web Inc." has no subscriptions
    And a billing run for 15 January 2026 issues no invoice

  Scenario: A subscription without a start date starts today
    Given today is 15 January 2026
    And a customer "ACME GmbH" billed in EUR
    When "ACME GmbH" subscribes to the "Pro" plan
    Then "ACME GmbH" has these subscriptions:
      | plan | seats | starting        |
      | Pro  | 1     | 15 January 2026 |
    When the billing run runs for 15 January 2026
    Then exactly 1 invoice is issued
    And invoice INV-000001 has these lines:
      | description                       | from            | to               | amount    |
      | Hosting Pro (monthly, in advance) | 15 January 2026 | 15 February 2026 | EUR 49.00 |
