Feature: Draft invoices reviewed before they are finalized
  Some sellers look at every invoice before their customers do. Such a seller reviews drafts for some hours:
  the billing run then makes drafts, which bill their period but have no number yet, ask for nothing and cannot
  be paid. When the review window ends the draft is finalized: it takes the next number of the series, is issued
  that day and falls due after the payment terms. The seller may also finalize a draft at once, or discard it,
  and the next billing run bills the period again. Numbers are only used by finalizing, so they stay gapless.
  A finalized invoice is never edited: it is voided or credited, not finalized again or discarded.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2024
    And the seller bills with this catalog, counting days ACTUAL:
      | plan  | product | phase     | lasts | currency | price | billed  |
      | Large | Hosting | evergreen |       | USD      | 31.00 | monthly |
    And the seller reviews its invoices as drafts for 24 hours
    And a customer "Hunter Inc" billed in USD on billing day 1
    And "Hunter Inc" subscribes to the "Large" plan

  Scenario: A draft has no number until its review window ends, then it is INV-000001
    When the seller advances its test clock to 1 March 2024
    Then "Hunter Inc" has a draft invoice dated 1 March 2024 of USD 31.00, without a number
    And the seller has issued no invoices
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 0.00 on open invoices
    # the window ends 24 hours after the run at midnight on 1 March: issued on 2 March, due 14 days later
    When the seller advances its test clock to 2 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
    And invoice INV-000001 is due on 16 March 2024
    And "Hunter Inc" has no draft invoices
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 31.00 on open invoices

  Scenario: The seller finalizes a draft at once; a finalized invoice is not finalized again nor discarded
    When the seller advances its test clock to 1 March 2024
    And the seller finalizes the draft of "Hunter Inc" dated 1 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
    And invoice INV-000001 is due on 15 March 2024
    When the seller tries to finalize invoice INV-000001
    Then it is refused with a reason mentioning "is finalized; only a draft can be finalized"
    When the seller tries to discard invoice INV-000001
    Then it is refused with a reason mentioning "only a draft can be discarded"
    # the window ending changes nothing
    When the seller advances its test clock to 2 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |

  Scenario: A draft cannot be paid, credited or voided
    When the seller advances its test clock to 1 March 2024
    And "Hunter Inc" tries to pay USD 31.00 on the draft of "Hunter Inc" dated 1 March 2024
    Then it is refused with a reason mentioning "is a draft; a payment is recorded only on a finalized invoice"
    When the seller tries to issue a credit note of USD 5.00 on the draft of "Hunter Inc" dated 1 March 2024
    Then it is refused with a reason mentioning "is a draft; a credit note is issued only on a finalized invoice"
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 0.00 on open invoices

  Scenario: A discarded draft is billed again by the next run and the numbers stay gapless
    Given a customer "Acme Corp" billed in USD on billing day 1
    And "Acme Corp" subscribes to the "Large" plan
    When the seller advances its test clock to 1 March 2024
    And the seller discards the draft of "Hunter Inc" dated 1 March 2024
    Then "Hunter Inc" has no draft invoices
    # Acme's draft is finalized first; Hunter's March is billed again as a new draft, reviewed until 3 March
    When the seller advances its test clock to 2 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer  | date         | total     |
      | INV-000001 | Acme Corp | 1 March 2024 | USD 31.00 |
    And "Hunter Inc" has a draft invoice dated 1 March 2024 of USD 31.00, without a number
    When the seller advances its test clock to 3 March 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Acme Corp  | 1 March 2024 | USD 31.00 |
      | INV-000002 | Hunter Inc | 1 March 2024 | USD 31.00 |
    And invoice INV-000002 is due on 17 March 2024

  Scenario: Account credit a discarded draft used comes back, and the draft billed again uses it
    # Hunter overpays INV-000001 by 10.00: credit of 10.00, which April's draft uses (31.00 - 10.00 = 21.00)
    When the seller advances its test clock to 1 March 2024
    And the seller advances its test clock to 2 March 2024
    And "Hunter Inc" pays USD 41.00 on invoice INV-000001
    Then "Hunter Inc" has a credit of USD 10.00 and owes USD 0.00 on open invoices
    When the seller advances its test clock to 1 April 2024
    Then "Hunter Inc" has a draft invoice dated 1 April 2024 of USD 21.00, without a number
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 0.00 on open invoices
    When the seller discards the draft of "Hunter Inc" dated 1 April 2024
    Then "Hunter Inc" has a credit of USD 10.00 and owes USD 0.00 on open invoices
    When the seller advances its test clock to 2 April 2024
    Then "Hunter Inc" has a draft invoice dated 1 April 2024 of USD 21.00, without a number
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 0.00 on open invoices
    When the seller advances its test clock to 3 April 2024
    Then the seller has issued exactly these invoices:
      | number     | customer   | date         | total     |
      | INV-000001 | Hunter Inc | 1 March 2024 | USD 31.00 |
      | INV-000002 | Hunter Inc | 1 April 2024 | USD 21.00 |
    And invoice INV-000002 has these lines:
      | description                         | amount     |
      | Hosting Large (monthly, in advance) | USD 31.00  |
      | Account credit used                 | USD -10.00 |
    And "Hunter Inc" has a credit of USD 0.00 and owes USD 21.00 on open invoices
