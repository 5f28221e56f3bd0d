Feature: Price lists by customer segment
  A plan can have prices in several price lists besides the DEFAULT one (an education discount, an enterprise
  rate). Which list a customer buys from is the seller's pricing policy, written as a rule of its rule pack
  ("Education customers buy from the EDU price list"); a subscription may also name its price list when it is
  created, and then buys from that list whatever the rules say. A plan that the chosen list does not price is
  priced from the DEFAULT list. Every line says which price list priced it, and a line that fell back to
  DEFAULT says why.

  Background:
    Given a seller that bills with the default rule pack
    And the seller bills with these price lists:
      | plan    | product | currency | price | billed  | price list |
      | Starter | Hosting | EUR      | 19.00 | monthly |            |
      | Pro     | Hosting | EUR      | 49.00 | monthly |            |
      | Starter | Hosting | EUR      | 12.00 | monthly | EDU        |
      | Pro     | Hosting | EUR      | 39.00 | monthly | ENTERPRISE |
    And the seller's pricing rules also say:
      """
      rule "Education customers buy from the EDU price list"
      when
          BillingAccount( segment == "education" )
          $period : SubscriptionPeriod( )
      then
          pricing.buyFrom($period, "EDU");
      end
      """

  Scenario: An education customer pays the EDU price
    Given a customer "Springfield University" in the segment "education", billed in EUR on billing day 1
    And "Springfield University" subscribes to the "Starter" plan starting 1 February 2027
    When the billing run runs for 1 February 2027
    Then invoice INV-000001 has these lines:
      | description                                           | from            | to           | amount    |
      | Hosting Starter (monthly, in advance), EDU price list | 1 February 2027 | 1 March 2027 | EUR 12.00 |
    And the line "Hosting Starter (monthly, in advance), EDU price list" of invoice INV-000001 names rule pack "scenario price lists" version 3 and these rules:
      | Recurring plan price from the catalog           |
      | Education customers buy from the EDU price list |
      | No tax configured for the seller                |

  Scenario: A plan missing from the segment's price list is priced from the DEFAULT list
    Given a customer "Springfield University" in the segment "education", billed in EUR on billing day 1
    And "Springfield University" subscribes to the "Pro" plan starting 1 February 2027
    When the billing run runs for 1 February 2027
    Then invoice INV-000001 has these lines:
      | description                                                               | from            | to           | amount    |
      | Hosting Pro (monthly, in advance), DEFAULT price list (EDU has no price)  | 1 February 2027 | 1 March 2027 | EUR 49.00 |

  Scenario: An enterprise subscription created on a named price list
    Given a customer "Globex Corp" in the segment "enterprise", billed in EUR on billing day 1
    And "Globex Corp" subscribes to the "Pro" plan on the "ENTERPRISE" price list starting 1 February 2027
    When the billing run runs for 1 February 2027
    Then invoice INV-000001 has these lines:
      | description                                                | from            | to           | amount    |
      | Hosting Pro (monthly, in advance), ENTERPRISE price list   | 1 February 2027 | 1 March 2027 | EUR 39.00 |

  Scenario: A customer without a segment pays the DEFAULT price, and the EDU price once put in the segment
    Given a customer "Night School" billed in EUR on billing day 1
    And "Night School" subscribes to the "Starter" plan starting 1 February 2027
    And the billing run has run for 1 February 2027
    When the seller puts "Night School" in the segment "education"
    And the billing run runs for 1 March 2027
    Then invoice INV-000001 has these lines:
      | description                                               | from            | to           | amount    |
      | Hosting Starter (monthly, in advance), DEFAULT price list | 1 February 2027 | 1 March 2027 | EUR 19.00 |
    And invoice INV-000002 has these lines:
      | description                                           | from         | to           | amount    |
      | Hosting Starter (monthly, in advance), EDU price list | 1 March 2027 | 1 April 2027 | EUR 12.00 |

  Scenario: A plan change names the price list the new plan is bought from, from the change on
    Given a customer "Globex Corp" in the segment "enterprise", billed in EUR on billing day 1
    And "Globex Corp" subscribes to the "Starter" plan starting 1 February 2027
    And the billing run has run for 1 February 2027
    When "Globex Corp" changes to the "Pro" plan on the "ENTERPRISE" price list on 1 March 2027
    And the billing run runs for 1 March 2027
    Then the plan change of "Globex Corp" names the price list "ENTERPRISE"
    And invoice INV-000001 has these lines:
      | description                                               | from            | to           | amount    |
      | Hosting Starter (monthly, in advance), DEFAULT price list | 1 February 2027 | 1 March 2027 | EUR 19.00 |
    And invoice INV-000002 has these lines:
      | description                                              | from         | to           | amount    |
      | Hosting Pro (monthly, in advance), ENTERPRISE price list | 1 March 2027 | 1 April 2027 | EUR 39.00 |

  Scenario: A plan change to a price list the catalog does not have is refused and changes nothing
    Given a customer "Globex Corp" in the segment "enterprise", billed in EUR on billing day 1
    And "Globex Corp" subscribes to the "Starter" plan starting 1 February 2027
    When "Globex Corp" tries to change to the "Pro" plan on the "STUDENT" price list on 1 March 2027
    Then the subscription is refused with a reason mentioning "unknown price list 'STUDENT'"
    And nothing was recorded by the refused change

  Scenario: A subscription on a price list the catalog does not have is refused and changes nothing
    Given a customer "Globex Corp" in the segment "enterprise", billed in EUR on billing day 1
    When "Globex Corp" tries to subscribe to the "Pro" plan on the "VIP" price list starting 1 February 2027
    Then the subscription is refused with a reason mentioning "unknown price list 'VIP'"
    And "Globex Corp" has no subscriptions

  Scenario: A segment that is not a plain lower-case word is refused
    Given a customer "Night School" billed in EUR on billing day 1
    When the seller tries to put "Night School" in the segment "Higher Education!"
    Then the account change is refused with a reason mentioning "segment"
