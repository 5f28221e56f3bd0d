@background-run
Feature: A billing run in the background can be cancelled and resumed
  A large seller's billing run takes minutes and is shared by every node of the installation. Finance must be
  able to stop it (a wrong price published, a customer to hold back) and to let it carry on later, and must
  be able to trust that carrying on never invoices a customer twice: not what the run invoiced before it
  was stopped, and not what someone invoiced by hand in between.

  Background:
    Given a seller that bills with the default rule pack
    And a customer "ACME GmbH" billed in EUR
    And a customer "Globex GmbH" billed in EUR

  Scenario: A cancelled billing run invoices nothing more; resumed, it invoices the rest and nothing twice
    Given "ACME GmbH" subscribes to the "Pro" plan starting 15 January 2026
    And "Globex GmbH" subscribes to the "Starter" plan starting 15 January 2026
    And a billing run for 15 January 2026 was started in the background and cancelled before it invoiced anyone
    Then the cancelled billing run has invoiced nothing, with 0 of 2 customers done
    And the seller has issued no invoices
    When "ACME GmbH" alone is invoiced for 15 January 2026
    And the cancelled billing run is resumed
    Then the billing run finishes with 2 of 2 customers done, 1 invoice and EUR 19.00 invoiced
    And the seller has issued exactly these invoices:
      | number     | customer    | date            | total     |
      | INV-000001 | ACME GmbH   | 15 January 2026 | EUR 49.00 |
      | INV-000002 | Globex GmbH | 15 January 2026 | EUR 19.00 |
    And cancelling the finished billing run is refused because "is finished"
    And a billing run for 15 January 2026 issues no invoice
