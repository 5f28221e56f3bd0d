Feature: Sellers' books are kept apart
  Ratebook keeps the books of many sellers in one database. A seller's invoices are its own books:
  another seller must never see them, and each seller numbers its invoices in its own gapless sequence,
  as tax law requires, no matter how many invoices other sellers issue.

  Scenario: One tenant never sees another tenant's invoices
    Given a seller "Blue Hosting" that bills with the default rule pack
    And a seller "Green Hosting" that bills with the default rule pack
    And "Blue Hosting" has a customer "Alpha AG" billed in EUR
    And "Green Hosting" has a customer "Beta GmbH" billed in EUR
    And "Alpha AG" subscribes to the "Pro" plan starting 15 January 2026
    And "Beta GmbH" subscribes to the "Starter" plan starting 15 January 2026
    When the billing run of "Blue Hosting" runs for 15 January 2026
    And the billing run of "Green Hosting" runs for 15 January 2026
    Then the invoice list of "Blue Hosting" shows exactly these invoices:
      | number     | customer | date            | total     |
      | INV-000001 | Alpha AG | 15 January 2026 | EUR 49.00 |
    And the invoice list of "Green Hosting" shows exactly these invoices:
      | number     | customer  | date            | total     |
      | INV-000001 | Beta GmbH | 15 January 2026 | EUR 19.00 |
    And "Blue Hosting" cannot open any invoice of "Green Hosting"
    And "Green Hosting" cannot open any invoice of "Blue Hosting"
