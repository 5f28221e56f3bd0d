Feature: A billing run never fails whole
  One customer whose invoice cannot be worked out or issued (a mistaken rule, a rule pack that takes too long, a
  refused command) must not stop the seller's other customers from being billed. The run bills everyone it can
  and reports each customer it could not bill, with the reason, so finance can fix it and run again.

  @issue-11
  Scenario: A customer the rules cannot price is reported, and every other customer is billed
    Given a sandbox seller whose test clock reads 1 January 2027
    And the seller bills with these price lists:
      | plan    | product | currency | price | billed  |
      | Starter | Hosting | EUR      | 19.00 | monthly |
    And the seller's pricing rules also say:
      """
      rule "A mistaken rule for customers in the segment trial"
      when
          BillingAccount( segment == "trial" )
          $period : SubscriptionPeriod( )
      then
          pricing.keepSignedPriceForMonths($period, 0);
      end
      """
    And a customer "Good Co" billed in EUR on billing day 1
    And a customer "Mistaken Ltd" in the segment "trial", billed in EUR on billing day 1
    And "Good Co" subscribes to the "Starter" plan starting 1 January 2027
    And "Mistaken Ltd" subscribes to the "Starter" plan starting 1 January 2027
    When the billing run runs for 1 January 2027
    Then the seller has issued exactly these invoices:
      | number     | customer | date           | total     |
      | INV-000001 | Good Co  | 1 January 2027 | EUR 19.00 |
    And the billing run reports that "Mistaken Ltd" could not be billed because "kept a price for 0 months"
