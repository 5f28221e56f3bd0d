Feature: Promotions with start and end dates
  A promotion takes a percentage off the plans it lists on every invoice dated while it runs, for every
  customer and without a code. It is a discount like the others: a negative line before tax, taxed like the
  line it discounts; with a percentage coupon it adds up, each percentage being taken from the charge itself.

  Background:
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's promotions are:
      | promotion   | plans | percent | valid from   | valid to      |
      | Spring sale | Pro   | 20      | 1 April 2026 | 30 April 2026 |
    And a consumer "Max Mustermann" in Germany billed in EUR

  Scenario: Only the invoice dated while the promotion runs is discounted
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    When the seller advances its test clock to 1 May 2026
    Then the seller has issued exactly these invoices:
      | number     | customer       | date         | total     |
      | INV-000001 | Max Mustermann | 1 March 2026 | EUR 58.31 |
      | INV-000002 | Max Mustermann | 1 April 2026 | EUR 46.65 |
      | INV-000003 | Max Mustermann | 1 May 2026   | EUR 58.31 |
    And invoice INV-000002 has these lines:
      | description                       | amount    | tax       |
      | Hosting Pro (monthly, in advance) | EUR 49.00 | EUR 9.31  |
      | Spring sale: 20% off              | EUR -9.80 | EUR -1.86 |

  Scenario: A promotion and a percentage coupon add up, each taken from the charge
    Given the seller's coupons are:
      | code      | kind    | value | currency | duration | plans | expires on |
      | WELCOME10 | PERCENT | 10    |          | once     |       |            |
    And "Max Mustermann" subscribes to the "Pro" plan starting 1 April 2026
    And "Max Mustermann" redeems coupon WELCOME10
    When the seller advances its test clock to 1 April 2026
    Then invoice INV-000001 has these lines:
      | description                       | amount    | tax       |
      | Hosting Pro (monthly, in advance) | EUR 49.00 | EUR 9.31  |
      | Spring sale: 20% off              | EUR -9.80 | EUR -1.86 |
      | Coupon WELCOME10: 10% off         | EUR -4.90 | EUR -0.93 |
    And invoice INV-000001 totals EUR 40.82 of which tax EUR 6.52
