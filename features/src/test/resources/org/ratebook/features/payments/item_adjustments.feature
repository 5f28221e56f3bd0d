Feature: Adjusting one line of an invoice
  An issued invoice is never edited. When one of its lines was wrong (a service not delivered, a price charged
  too high), the seller adjusts that line: a credit note linked to the line takes part or all of its amount off,
  with the tax at the line's own rate, rounded as the seller's rule pack rounds. A line can never be adjusted by
  more than it still has after earlier adjustments. On an invoice already paid, the adjustment becomes account
  credit for the next invoices (Kill Bill's invoice item adjustment).

  Background:
    Given a seller "Austin Cloud Inc" in the United States whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack
    And the seller's plans are:
      | plan | product | currency | price  | billed  |
      | Team | SaaS    | USD      | 100.00 | monthly |
    And the seller's tax rates are:
      | country | region | zone | rate | label           | valid from | valid to |
      | US      | TX     |      | 6.25 | Texas sales tax |            |          |
    And a consumer "Lone Star LLC" in the United States, region TX, billed in USD
    And "Lone Star LLC" subscribes to the "Team" plan starting 1 March 2026
    And the billing run runs for 1 March 2026

  Scenario: Part of a line is credited with the tax at the line's rate, rounded to the cent
    When the seller adjusts line 1 of invoice INV-000001 by USD 10.00 because "Support desk closed for 3 days"
    Then invoice INV-000001 has these credit notes:
      | number    | amount    | reason                         |
      | CN-000001 | USD 10.63 | Support desk closed for 3 days |
    And credit note CN-000001 adjusts line 1 of invoice INV-000001: USD 10.00 and tax USD 0.63
    And invoice INV-000001 is open with USD 0.00 paid and USD 95.62 still due
    And invoice INV-000001 totals USD 106.25 of which tax USD 6.25

  Scenario: What is left of a line, adjusted in full, gives back exactly the line's remaining tax
    When the seller adjusts line 1 of invoice INV-000001 by USD 10.00 because "Support desk closed for 3 days"
    And the seller adjusts line 1 of invoice INV-000001 in full because "Service cancelled, never used"
    Then credit note CN-000002 adjusts line 1 of invoice INV-000001: USD 90.00 and tax USD 5.62
    And invoice INV-000001 is paid with USD 0.00 paid and USD 0.00 still due

  Scenario: A line cannot be adjusted by more than it still has
    Given the seller adjusts line 1 of invoice INV-000001 by USD 90.00 because "Price charged too high"
    When the seller tries to adjust line 1 of invoice INV-000001 by USD 10.01
    Then it is refused with a reason mentioning "has only 10.00 USD left to adjust"
    And invoice INV-000001 has these credit notes:
      | number    | amount    | reason                 |
      | CN-000001 | USD 95.63 | Price charged too high |

  Scenario: An adjustment of a paid invoice becomes account credit
    Given "Lone Star LLC" pays USD 106.25 on invoice INV-000001
    When the seller adjusts line 1 of invoice INV-000001 by USD 20.00 because "Price charged too high"
    Then credit note CN-000001 adjusts line 1 of invoice INV-000001: USD 20.00 and tax USD 1.25
    And "Lone Star LLC" has a credit of USD 21.25 and owes USD 0.00 on open invoices

  Scenario: The seller sees what an adjustment would give back before issuing it
    Then adjusting line 1 of invoice INV-000001 by USD 10.00 would give back USD 10.00 and tax USD 0.63
    And invoice INV-000001 has no credit notes

  Scenario: A line that does not exist is refused
    When the seller tries to adjust line 7 of invoice INV-000001 by USD 1.00
    Then it is refused with a reason mentioning "has no line 7"
    And invoice INV-000001 has no credit notes
