Feature: Coupons
  A customer redeems a coupon code from the seller's coupon table: a percentage or a fixed amount off, for one
  invoice, a number of billing periods or for ever, on every plan or only some, redeemable until it expires.
  A coupon's discount is a negative line on the invoice, before tax, and is taxed like the line it discounts;
  it never takes a line, or the invoice, below zero. A coupon counts a period only when it discounted
  something, so a coupon redeemed in a free trial waits for the first paid invoice.

  Background:
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's coupons are:
      | code      | kind    | value | currency | duration  | plans | expires on    |
      | WELCOME20 | PERCENT | 20    |          | 3 periods |       |               |
      | TENOFF    | FIXED   | 10.00 | EUR      | once      |       |               |
      | PROHALF   | PERCENT | 50    |          | forever   | Pro   |               |
      | HUNDRED   | FIXED   | 100   | EUR      | once      |       |               |
      | WINTER    | PERCENT | 30    |          | once      |       | 28 February 2026 |
    And a consumer "Max Mustermann" in Germany billed in EUR

  Scenario: A 20% coupon for three periods discounts three invoices, then the full price returns
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon WELCOME20
    When the seller advances its test clock to 1 June 2026
    Then the seller has issued exactly these invoices:
      | number     | customer       | date         | total     |
      | INV-000001 | Max Mustermann | 1 March 2026 | EUR 46.65 |
      | INV-000002 | Max Mustermann | 1 April 2026 | EUR 46.65 |
      | INV-000003 | Max Mustermann | 1 May 2026   | EUR 46.65 |
      | INV-000004 | Max Mustermann | 1 June 2026  | EUR 58.31 |
    And invoice INV-000001 has these lines:
      | description                       | amount     | tax       |
      | Hosting Pro (monthly, in advance) | EUR 49.00  | EUR 9.31  |
      | Coupon WELCOME20: 20% off         | EUR -9.80  | EUR -1.86 |
    And "Max Mustermann" has redeemed these coupons:
      | coupon    | redeemed on  | periods used | periods left |
      | WELCOME20 | 1 March 2026 | 3            | 0            |

  Scenario: A fixed-amount coupon for one invoice discounts the first invoice only
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon TENOFF
    When the seller advances its test clock to 1 April 2026
    Then the seller has issued exactly these invoices:
      | number     | customer       | date         | total     |
      | INV-000001 | Max Mustermann | 1 March 2026 | EUR 46.41 |
      | INV-000002 | Max Mustermann | 1 April 2026 | EUR 58.31 |

  Scenario: A coupon for the Pro plan leaves the customer's other plans alone
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" subscribes to the "Starter" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon PROHALF
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines, in any order:
      | description                           | amount     | tax       |
      | Hosting Pro (monthly, in advance)     | EUR 49.00  | EUR 9.31  |
      | Hosting Starter (monthly, in advance) | EUR 19.00  | EUR 3.61  |
      | Coupon PROHALF: 50% off               | EUR -24.50 | EUR -4.65 |

  Scenario: A fixed amount larger than the invoice takes it to zero, never below
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon HUNDRED
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                       | amount     | tax       |
      | Hosting Pro (monthly, in advance) | EUR 49.00  | EUR 9.31  |
      | Coupon HUNDRED: EUR 100 off       | EUR -49.00 | EUR -9.31 |
    And invoice INV-000001 totals EUR 0.00 of which tax EUR 0.00

  Scenario: An expired coupon is refused and nothing is recorded
    When "Max Mustermann" tries to redeem coupon WINTER
    Then it is refused with a reason mentioning "coupon WINTER expired on 2026-02-28"
    And "Max Mustermann" has redeemed no coupons

  Scenario: An unknown coupon is refused and nothing is recorded
    When "Max Mustermann" tries to redeem coupon FREEBEER
    Then it is refused with a reason mentioning "there is no coupon 'FREEBEER'"
    And "Max Mustermann" has redeemed no coupons

  Scenario: A customer redeems a coupon once
    Given "Max Mustermann" redeems coupon WELCOME20
    When "Max Mustermann" tries to redeem coupon welcome20
    Then it is refused with a reason mentioning "a coupon is redeemed once per account"
    And "Max Mustermann" has redeemed these coupons:
      | coupon    | redeemed on  | periods used | periods left |
      | WELCOME20 | 1 March 2026 | 0            | 3            |

  Scenario: A coupon redeemed during a free trial waits for the first paid invoice
    Given the seller's plans are:
      | plan | product | phase     | lasts    | currency | price | billed  |
      | Pro  | Hosting | trial     | 1 MONTHS | EUR      | 0.00  | once    |
      | Pro  | Hosting | evergreen |          | EUR      | 49.00 | monthly |
    And "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon TENOFF
    When the seller advances its test clock to 1 May 2026
    Then the seller has issued exactly these invoices:
      | number     | customer       | date         | total     |
      | INV-000001 | Max Mustermann | 1 March 2026 | EUR 0.00  |
      | INV-000002 | Max Mustermann | 1 April 2026 | EUR 46.41 |
      | INV-000003 | Max Mustermann | 1 May 2026   | EUR 58.31 |

  Scenario: A cancellation gives back the unused share of what was paid, net of the coupon's discount
    # INV-000001: Pro EUR 49.00 less 20% (EUR 9.80) = EUR 39.20 before tax. Cancelled on 16 March, 16 of
    # March's 31 days are unused: EUR 39.20 x 16 / 31 = EUR 20.23 (not 49.00 x 16 / 31 = EUR 25.29, which would
    # give back money the customer never paid), and its 19% VAT, EUR 3.84: EUR 24.07 kept as credit
    Given "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon WELCOME20
    And the seller advances its test clock to 16 March 2026
    When "Max Mustermann" cancels its subscription at once
    Then invoice INV-000002 has these lines:
      | description                                                          | amount     | tax       |
      | Unused time of Pro billed on INV-000001 (1 March 2026 to 1 April 2026) | EUR -20.23 | EUR -3.84 |
      | Credit kept on the account for later invoices                        | EUR 24.07  | EUR 0.00  |
    And "Max Mustermann" has a credit of EUR 24.07 and owes EUR 46.65 on open invoices
