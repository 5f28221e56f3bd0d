Feature: Volume and bundle discounts, and the order discounts are taken in
  The seller's tables give volume discounts (a percentage off a plan from a number of seats, devices or users
  on; the highest threshold reached counts) and bundles (a plan is cheaper when the customer also takes the
  plan it goes with). Whatever order the rules decide them in, percentages are taken from the charge itself,
  then fixed amounts from what is left, never below zero, and all of it before tax: each discount is a
  negative line taxed like the line it discounts, so the invoice's tax is the tax on what is actually paid.

  Background:
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's volume discounts are:
      | plan | from quantity | percent | label                             |
      | Pro  | 10            | 10      | Volume discount: 10% from 10 seats |
      | Pro  | 50            | 15      | Volume discount: 15% from 50 seats |
    And the seller's bundles are:
      | bundle                | plan       | with plan  | percent |
      | Backup and Monitoring | Backup     | Monitoring | 15      |
      | Backup and Monitoring | Monitoring | Backup     | 15      |
    And a consumer "Max Mustermann" in Germany billed in EUR

  Scenario: Twelve seats reach the 10% volume discount
    Given "Max Mustermann" subscribes to 12 seats of the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                        | quantity | amount     | tax        |
      | Hosting Pro (monthly, in advance)  | 12       | EUR 588.00 | EUR 111.72 |
      | Volume discount: 10% from 10 seats | 1        | EUR -58.80 | EUR -11.17 |
    And invoice INV-000001 totals EUR 629.75 of which tax EUR 100.55

  Scenario: Sixty seats get the 15% of the highest threshold, not both
    Given "Max Mustermann" subscribes to 60 seats of the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                        | amount       | tax        |
      | Hosting Pro (monthly, in advance)  | EUR 2940.00  | EUR 558.60 |
      | Volume discount: 15% from 50 seats | EUR -441.00  | EUR -83.79 |

  Scenario: Backup and Monitoring together are each 15% cheaper, and the invoice says which plan each discount is for
    Given "Max Mustermann" subscribes to the "Backup" plan starting 1 March 2026
    And "Max Mustermann" subscribes to the "Monitoring" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines, in any order:
      | description                                 | amount    | tax       |
      | Backup Backup (monthly, in advance)         | EUR 10.00 | EUR 1.90  |
      | Monitoring Monitoring (monthly, in advance) | EUR 5.00  | EUR 0.95  |
      | Backup and Monitoring bundle: 15% off Backup     | EUR -1.50 | EUR -0.28 |
      | Backup and Monitoring bundle: 15% off Monitoring | EUR -0.75 | EUR -0.14 |
    And invoice INV-000001 totals EUR 15.18 of which tax EUR 2.43

  Scenario: Backup alone gets no bundle discount
    Given "Max Mustermann" subscribes to the "Backup" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 11.90 of which tax EUR 1.90

  Scenario: Percentages come off the charge, then a fixed amount off what is left
    Given the seller's coupons are:
      | code  | kind  | value | currency | duration | plans | expires on |
      | FIFTY | FIXED | 50.00 | EUR      | once     |       |            |
    And "Max Mustermann" subscribes to 12 seats of the "Pro" plan starting 1 March 2026
    And "Max Mustermann" redeems coupon FIFTY
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                        | amount     | tax        |
      | Hosting Pro (monthly, in advance)  | EUR 588.00 | EUR 111.72 |
      | Volume discount: 10% from 10 seats | EUR -58.80 | EUR -11.17 |
      | Coupon FIFTY: EUR 50.00 off        | EUR -50.00 | EUR -9.50  |
    And invoice INV-000001 totals EUR 570.25 of which tax EUR 91.05
