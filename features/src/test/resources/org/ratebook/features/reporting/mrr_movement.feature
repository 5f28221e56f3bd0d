Feature: Monthly recurring revenue and its movement
  The finance team reads the seller's monthly recurring revenue (MRR) month by month, and where it came from:
  new customers, customers who pay more (expansion) or less (contraction), customers who left (churn) and
  customers who came back (reactivation). MRR counts what was invoiced for plans, at its monthly rate, in every
  month whose 15th the invoiced period covers; prices are before tax.

  Scenario: New customers, more seats and a cancellation move MRR month by month
    Given a sandbox seller whose test clock reads 1 January 2026
    And a customer "Alpha GmbH" billed in EUR on billing day 1
    And a customer "Beta SARL" billed in EUR on billing day 1
    And "Alpha GmbH" subscribes to the "Pro" plan
    And "Beta SARL" subscribes to the "Starter" plan
    When the seller advances its test clock to 1 February 2026
    And "Alpha GmbH" changes to 3 seats from the next billing day
    And "Beta SARL" cancels its subscription at the end of the term
    And a customer "Gamma BV" billed in EUR on billing day 1
    And "Gamma BV" subscribes to the "Starter" plan
    And the seller advances its test clock to 1 March 2026
    Then the seller's MRR in EUR as of 1 March 2026 is:
      | month    | mrr    | new   | expansion | contraction | churn | reactivation |
      | Jan 2026 | 68.00  | 68.00 | 0.00      | 0.00        | 0.00  | 0.00         |
      | Feb 2026 | 87.00  | 19.00 | 0.00      | 0.00        | 0.00  | 0.00         |
      | Mar 2026 | 166.00 | 0.00  | 98.00     | 0.00        | 19.00 | 0.00         |
