Feature: Peers' usage figures, reproduced
  Kill Bill bills bullets in blocks that get cheaper by the thousand; AI platforms sell a monthly fee that
  includes a quota of tokens and charge the rest per token. The figures are those of the peers' own tests.

  Scenario: Blocks of 100 bullets at 2.95 for the first ten blocks: 99 and 100 bullets in April are two blocks
    Given a sandbox seller whose test clock reads 1 April 2012
    And the seller bills with this catalog, counting days ACTUAL:
      | plan   | product | currency | price | billed  | mode       |
      | Pistol | Gun     | USD      | 29.95 | monthly | in advance |
    And the seller meters "bullets" in bullet as the sum of a period
    And the seller charges usage like this:
      | charge  | name    | plan   | meter   | currency | model     |
      | bullets | Bullets | Pistol | bullets | USD      | graduated |
    And the usage charge "bullets" has these tiers:
      | from | to   | unit price | package size |
      | 0    | 1000 | 2.95       | 100          |
      | 1001 |      | 5.95       | 1000         |
    And a customer "Gunslinger" billed in USD on billing day 1
    And "Gunslinger" subscribes to the "Pistol" plan
    And the seller advances its test clock to 16 April 2012
    When "Gunslinger" sends this usage:
      | transaction | meter   | quantity | at                  |
      | tracking-1  | bullets | 99       | 1 April 2012 10:00  |
      | tracking-2  | bullets | 100      | 15 April 2012 10:00 |
    And the seller advances its test clock to 1 May 2012
    Then invoice INV-000002 has these usage lines:
      | description               | from         | to            | quantity | unit   | events | amount   |
      | Bullets (graduated tiers) | 1 April 2012 | 30 April 2012 | 199      | bullet | 2      | USD 5.90 |
    And the usage line "Bullets (graduated tiers)" of invoice INV-000002 breaks down as:
      | tier             | units | unit price | flat fee | amount |
      | tier 1 (per 100) | 199   | 2.95       |          | 5.90   |
    And invoice INV-000002 totals USD 35.85 of which tax USD 0.00

  Scenario: A monthly fee of 200.00 includes 100,000 tokens; each token above costs a tenth of a cent
    Given a sandbox seller whose test clock reads 1 March 2026
    And the seller bills with this catalog, counting days ACTUAL:
      | plan    | product | currency | price  | billed  | mode      |
      | Starter | AI      | USD      | 200.00 | monthly | in arrear |
    And the seller meters "tokens" in token as the sum of a period
    And the seller charges usage like this:
      | charge | name   | plan    | meter  | currency | model    | unit price | free units |
      | tokens | Tokens | Starter | tokens | USD      | per unit | 0.001      | 100000     |
    And a customer "Prompt Ltd" billed in USD on billing day 1
    And "Prompt Ltd" subscribes to the "Starter" plan
    And the seller advances its test clock to 31 March 2026
    When "Prompt Ltd" sends this usage:
      | transaction | meter  | quantity | at                  |
      | t-1         | tokens | 90000    | 10 March 2026 09:00 |
      | t-2         | tokens | 60000    | 20 March 2026 09:00 |
    And the seller advances its test clock to 1 April 2026
    Then invoice INV-000001 has these lines:
      | description                          | from         | to           | amount     |
      | AI Starter (monthly, in arrear)      | 1 March 2026 | 1 April 2026 | USD 200.00 |
      | Tokens (per unit, first 100000 free) | 1 March 2026 | 1 April 2026 | USD 50.00  |
    And invoice INV-000001 totals USD 250.00 of which tax USD 0.00
