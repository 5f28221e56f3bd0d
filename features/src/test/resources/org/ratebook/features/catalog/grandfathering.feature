Feature: Existing subscribers keep their price when a price rises (grandfathering)
  A price rise is published as a new version of the seller's rule pack, in effect from a date. Whether the
  customers who already subscribe keep the price they signed up at is the seller's policy, written as a
  pricing rule of that new version: for ever, for their first months, or not at all. Customers who subscribe
  after the rise pay the new price. What a subscriber signed up at is recorded when it subscribes (the date
  and the rule pack version in effect), so every later invoice is decided the same way on replay.

  Background:
    Given a sandbox seller whose test clock reads 1 January 2027
    And the seller bills with these price lists:
      | plan    | product | currency | price | billed  |
      | Starter | Hosting | EUR      | 19.00 | monthly |
    And a customer "Early Bird" billed in EUR on billing day 1
    And "Early Bird" subscribes to the "Starter" plan starting 1 January 2027

  Scenario: With grandfathering, the existing customer keeps the old price and a new customer pays the new price
    Given the seller publishes from 1 March 2027 a version where "Starter" costs EUR 25.00 and the pricing rules also say:
      """
      rule "Existing subscribers keep the price they signed up at"
      when
          $period : SubscriptionPeriod( signedOn != null )
      then
          pricing.keepSignedPrice($period);
      end
      """
    When the seller advances its test clock to 1 March 2027
    And a customer "Late Comer" billed in EUR on billing day 1
    And "Late Comer" subscribes to the "Starter" plan starting 1 March 2027
    And the seller advances its test clock to 2 March 2027
    Then the invoice of "Early Bird" dated 1 February 2027 has these lines:
      | description                           | from            | to           | amount    |
      | Hosting Starter (monthly, in advance) | 1 February 2027 | 1 March 2027 | EUR 19.00 |
    And the invoice of "Early Bird" dated 1 March 2027 has these lines:
      | description                                                       | from         | to           | amount    |
      | Hosting Starter (monthly, in advance), price of 1 January 2027 kept | 1 March 2027 | 1 April 2027 | EUR 19.00 |
    And the invoice of "Late Comer" dated 1 March 2027 has these lines:
      | description                           | from         | to           | amount    |
      | Hosting Starter (monthly, in advance) | 1 March 2027 | 1 April 2027 | EUR 25.00 |

  Scenario: Grandfathering for the first three months ends three months after the customer signed up
    # signed up 1 January 2027: the old price is kept for periods starting before 1 April 2027
    Given the seller publishes from 1 March 2027 a version where "Starter" costs EUR 25.00 and the pricing rules also say:
      """
      rule "Existing subscribers keep their price for their first 3 months"
      when
          $period : SubscriptionPeriod( signedOn != null )
      then
          pricing.keepSignedPriceForMonths($period, 3);
      end
      """
    When the seller advances its test clock to 1 April 2027
    Then the invoice of "Early Bird" dated 1 March 2027 has these lines:
      | description                                                         | from         | to           | amount    |
      | Hosting Starter (monthly, in advance), price of 1 January 2027 kept | 1 March 2027 | 1 April 2027 | EUR 19.00 |
    And the invoice of "Early Bird" dated 1 April 2027 has these lines:
      | description                           | from         | to         | amount    |
      | Hosting Starter (monthly, in advance) | 1 April 2027 | 1 May 2027 | EUR 25.00 |

  Scenario: Without grandfathering, existing and new customers both pay the new price from March
    Given the seller publishes from 1 March 2027 a version where "Starter" costs EUR 25.00
    When the seller advances its test clock to 1 March 2027
    And a customer "Late Comer" billed in EUR on billing day 1
    And "Late Comer" subscribes to the "Starter" plan starting 1 March 2027
    And the seller advances its test clock to 2 March 2027
    Then the invoice of "Early Bird" dated 1 February 2027 has these lines:
      | description                           | from            | to           | amount    |
      | Hosting Starter (monthly, in advance) | 1 February 2027 | 1 March 2027 | EUR 19.00 |
    And the invoice of "Early Bird" dated 1 March 2027 has these lines:
      | description                           | from         | to           | amount    |
      | Hosting Starter (monthly, in advance) | 1 March 2027 | 1 April 2027 | EUR 25.00 |
    And the invoice of "Late Comer" dated 1 March 2027 has these lines:
      | description                           | from         | to           | amount    |
      | Hosting Starter (monthly, in advance) | 1 March 2027 | 1 April 2027 | EUR 25.00 |
