Feature: Tax rates by region and date, prices that include tax, and where tax is rounded
  The seller's tax-rate table gives a rate per country, and per region (a US state, a Canadian province)
  where that has a rate of its own; each rate may be valid from and to a date, and the rate of the invoice
  date applies. A seller may list its prices with tax included: the invoice then shows what remains before
  tax. Tax is rounded to the cent on each line, or, if the seller prefers, once per rate on the invoice.

  Scenario: A customer in a state with a sales tax pays that state's rate, one in a state without pays none
    Given a seller "Austin Cloud Inc" in the United States whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's plans are:
      | plan | product | currency | price  | billed  |
      | Team | SaaS    | USD      | 100.00 | monthly |
    And the seller's tax rates are:
      | country | region | zone | rate | label            | valid from | valid to |
      | US      | TX     |      | 6.25 | Texas sales tax  |            |          |
      | US      | NY     |      | 4    | New York sales tax |          |          |
    And a consumer "Lone Star LLC" in the United States, region TX, billed in USD
    And a consumer "Portland Co" in the United States, region OR, billed in USD
    And "Lone Star LLC" subscribes to the "Team" plan starting 1 March 2026
    And "Portland Co" subscribes to the "Team" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then the invoice of "Lone Star LLC" dated 1 March 2026 totals USD 106.25 of which tax USD 6.25
    And the invoice of "Portland Co" dated 1 March 2026 totals USD 100.00 of which tax USD 0.00
    And the invoice of "Portland Co" dated 1 March 2026 shows these taxes:
      | tax                                             | rate | taxed amount | amount   |
      | No tax: outside the seller's tax jurisdictions | 0    | USD 100.00   | USD 0.00 |

  Scenario: A province's own rate replaces the national rate
    Given a seller "Toronto Hosting Ltd" in Canada whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's plans are:
      | plan | product | currency | price  | billed  |
      | VPS  | Hosting | CAD      | 100.00 | monthly |
    And the seller's tax rates are:
      | country | region | zone | rate   | label              | valid from | valid to |
      | CA      |        |      | 5      | GST 5%             |            |          |
      | CA      | ON     |      | 13     | HST 13%            |            |          |
    And a consumer "Ottawa Widgets" in Canada, region ON, billed in CAD
    And a consumer "Calgary Ranch" in Canada, region AB, billed in CAD
    And "Ottawa Widgets" subscribes to the "VPS" plan starting 1 March 2026
    And "Calgary Ranch" subscribes to the "VPS" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then the invoice of "Ottawa Widgets" dated 1 March 2026 totals CAD 113.00 of which tax CAD 13.00
    And the invoice of "Calgary Ranch" dated 1 March 2026 totals CAD 105.00 of which tax CAD 5.00

  Scenario: The rate in force on the invoice date applies (German VAT was 16% in the second half of 2020)
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 June 2020
    And the seller bills with the standard rule pack
    And the seller's tax rates are:
      | country | region | zone | rate | label   | valid from   | valid to         |
      | DE      |        | EU   | 19   | VAT 19% |              | 30 June 2020     |
      | DE      |        | EU   | 16   | VAT 16% | 1 July 2020  | 31 December 2020 |
      | DE      |        | EU   | 19   | VAT 19% | 1 January 2021 |                |
    And a consumer "Max Mustermann" in Germany billed in EUR
    And "Max Mustermann" subscribes to the "Pro" plan starting 1 June 2020
    When the seller advances its test clock to 1 January 2021
    Then the seller has issued exactly these invoices:
      | number     | customer       | date             | total     |
      | INV-000001 | Max Mustermann | 1 June 2020      | EUR 58.31 |
      | INV-000002 | Max Mustermann | 1 July 2020      | EUR 56.84 |
      | INV-000003 | Max Mustermann | 1 August 2020    | EUR 56.84 |
      | INV-000004 | Max Mustermann | 1 September 2020 | EUR 56.84 |
      | INV-000005 | Max Mustermann | 1 October 2020   | EUR 56.84 |
      | INV-000006 | Max Mustermann | 1 November 2020  | EUR 56.84 |
      | INV-000007 | Max Mustermann | 1 December 2020  | EUR 56.84 |
      | INV-000008 | Max Mustermann | 1 January 2021   | EUR 58.31 |

  Scenario: Prices that include tax: the invoice shows what remains before tax, and the total is the listed price
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's plans are:
      | plan    | product | currency | price  | billed  |
      | Premium | Hosting | EUR      | 119.00 | monthly |
    And the seller's prices include tax
    And a consumer "Max Mustermann" in Germany billed in EUR
    And "Max Mustermann" subscribes to the "Premium" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                               | unit price | amount     | tax       |
      | Hosting Premium (monthly, in advance)     | EUR 119.00 | EUR 100.00 | EUR 19.00 |
    And invoice INV-000001 totals EUR 119.00 of which tax EUR 19.00

  Scenario Outline: Tax rounded on each line or once per invoice
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's plans are:
      | plan    | product | currency | price | billed  |
      | Mailbox | Mail    | EUR      | 2.02  | monthly |
    And the seller rounds tax <where>
    And a consumer "Max Mustermann" in Germany billed in EUR
    And "Max Mustermann" subscribes to the "Mailbox" plan starting 1 March 2026
    And "Max Mustermann" subscribes to the "Mailbox" plan starting 1 March 2026
    And "Max Mustermann" subscribes to the "Mailbox" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals <total> of which tax <tax>

    # 2.02 × 19% = 0.3838: 0.38 on each of three lines makes 1.14; 6.06 × 19% = 1.1514 makes 1.15 once
    Examples:
      | where            | total     | tax      |
      | on each line     | EUR 7.20  | EUR 1.14 |
      | once per invoice | EUR 7.21  | EUR 1.15 |
