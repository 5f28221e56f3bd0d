Feature: VAT by the customer's country, reverse charge and exemptions
  A seller established in Germany bills customers across the EU with the standard rule pack. Each charge is
  taxed at the VAT rate of the customer's country on the invoice date. A business customer in another member
  state whose VAT id the seller has validated accounts for the VAT itself: the invoice charges none and must
  say "reverse charge". An exempt customer pays no tax, and the invoice says why. The invoice sums the tax
  up per rate, on the amount each rate was charged on.

  Background:
    Given a seller "Berlin Hosting GmbH" in Germany with VAT id DE811907980 whose test clock reads 1 March 2026
    And the seller bills with the standard rule pack

  Scenario: A German consumer pays German VAT on top of the price
    Given a consumer "Max Mustermann" in Germany billed in EUR
    And "Max Mustermann" subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 has these lines:
      | description                       | amount    | tax      |
      | Hosting Pro (monthly, in advance) | EUR 49.00 | EUR 9.31 |
    And invoice INV-000001 totals EUR 58.31 of which tax EUR 9.31
    And invoice INV-000001 shows these taxes:
      | tax     | rate | taxed amount | amount   |
      | VAT 19% | 19   | EUR 49.00    | EUR 9.31 |
    And the line "Hosting Pro (monthly, in advance)" of invoice INV-000001 names rule pack "standard" version 1 and these rules:
      | Recurring plan price from the catalog      |
      | Tax at the rate of the customer's country  |

  Scenario: A French consumer pays French VAT, not the seller's German VAT
    Given a consumer "Marie Dupont" in France billed in EUR
    And "Marie Dupont" subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 58.80 of which tax EUR 9.80
    And invoice INV-000001 shows these taxes:
      | tax     | rate | taxed amount | amount   |
      | VAT 20% | 20   | EUR 49.00    | EUR 9.80 |

  Scenario: A French business customer with a valid VAT id, billed by a German tenant, is charged no VAT and the invoice says reverse charge
    Given a business customer "Globex SARL" in France with valid VAT id FR40303265045 billed in EUR
    And "Globex SARL" subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 49.00 of which tax EUR 0.00
    And invoice INV-000001 shows these taxes:
      | tax                                                                                | rate | taxed amount | amount   |
      | Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive) | 0    | EUR 49.00    | EUR 0.00 |
    And the PDF of invoice INV-000001 says "Reverse charge: VAT to be accounted for by the recipient"
    And the PDF of invoice INV-000001 says "VAT ID: FR40303265045"
    And the decision trace of invoice INV-000001 lists these rules in the order they fired:
      | Recurring plan price from the catalog |
      | EU B2B reverse charge                 |

  Scenario: A French business whose VAT id has not been validated pays French VAT
    Given a business customer "Initech SAS" in France with VAT id FR83404833048 not validated, billed in EUR
    And "Initech SAS" subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 58.80 of which tax EUR 9.80

  Scenario: A German business pays German VAT even with a valid VAT id, as it buys in the seller's own country
    Given a business customer "Muster AG" in Germany with valid VAT id DE136695976 billed in EUR
    And "Muster AG" subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 58.31 of which tax EUR 9.31

  Scenario: A tax-exempt customer pays no tax and the invoice says why
    Given a tax-exempt customer "Kinderhilfe e.V." in Germany billed in EUR, exempt as "charitable organisation, exemption certificate 27/123/4567"
    And "Kinderhilfe e.V." subscribes to the "Pro" plan starting 1 March 2026
    When the billing run runs for 1 March 2026
    Then invoice INV-000001 totals EUR 49.00 of which tax EUR 0.00
    And invoice INV-000001 shows these taxes:
      | tax                                                                       | rate | taxed amount | amount   |
      | Tax exempt: charitable organisation, exemption certificate 27/123/4567 | 0    | EUR 49.00    | EUR 0.00 |
    And the PDF of invoice INV-000001 says "Tax exempt: charitable organisation"

  Scenario: A VAT id validated later counts from the next invoice on, and earlier invoices stay as issued
    Given a business customer "Globex SARL" in France with VAT id FR40303265045 not validated, billed in EUR
    And "Globex SARL" subscribes to the "Pro" plan starting 1 March 2026
    And the seller advances its test clock to 2 March 2026
    When the seller validates the VAT id of "Globex SARL"
    And the seller advances its test clock to 1 April 2026
    Then the seller has issued exactly these invoices:
      | number     | customer    | date          | total     |
      | INV-000001 | Globex SARL | 1 March 2026  | EUR 58.80 |
      | INV-000002 | Globex SARL | 1 April 2026  | EUR 49.00 |
