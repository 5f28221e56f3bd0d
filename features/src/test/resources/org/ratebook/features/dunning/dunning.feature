Feature: Dunning: reminders, warnings, suspension and termination of customers who do not pay
  The seller's suspension rules decide where each customer stands on its unpaid invoices. The standard policy
  of the default rule pack counts the days since the due date of the oldest invoice still unpaid: a payment
  reminder at 7 days, a warning that also blocks plan changes at 14, the service suspended at 30 and the
  account terminated at 60. Invoices keep coming meanwhile. The standing is decided again on every payment
  and every day, so a customer who pays is back in good standing at once. Provisioning systems are told when
  to suspend, resume or terminate the service.

  Background:
    Given a sandbox seller whose test clock reads 1 March 2026
    And a customer "ACME GmbH" billed in EUR
    And "ACME GmbH" subscribes to the "Pro" plan starting 1 March 2026

  Scenario: A payment reminder 7 days after the due date
    When the seller advances its test clock to 21 March 2026
    Then invoice INV-000001 is due on 15 March 2026
    And "ACME GmbH" is in good standing
    When the seller advances its test clock to 22 March 2026
    Then "ACME GmbH" is reminded since 22 March 2026 by rule "Payment reminder 7 days past due"
    And a payment reminder was sent to "ACME GmbH" on 22 March 2026 for EUR 49.00 overdue
    And "ACME GmbH" may change plans
    And provisioning has not been told anything about "ACME GmbH"

  Scenario: A warning 14 days after the due date blocks plan changes
    When the seller advances its test clock to 29 March 2026
    Then "ACME GmbH" is warned since 29 March 2026 by rule "Warning 14 days past due, plan changes blocked"
    And "ACME GmbH" may not change plans
    And a payment reminder was sent to "ACME GmbH" on 29 March 2026 for EUR 49.00 overdue
    And "ACME GmbH" was sent 2 payment reminders

  Scenario: After 30 days the service is suspended, provisioning is told, and invoices keep coming
    When the seller advances its test clock to 14 April 2026
    Then "ACME GmbH" is suspended since 14 April 2026 by rule "Service suspended 30 days past due"
    And provisioning is told to suspend the service of "ACME GmbH" from 14 April 2026, with billing continuing
    And "ACME GmbH" may not change plans
    When the seller advances its test clock to 1 May 2026
    Then exactly 1 invoice is issued
    And invoice INV-000003 is addressed to "ACME GmbH" and dated 1 May 2026
    And "ACME GmbH" is suspended since 14 April 2026 by rule "Service suspended 30 days past due"

  Scenario: After 60 days the account is terminated, each step on its own day even when the clock jumps
    When the seller advances its test clock to 20 May 2026
    Then "ACME GmbH" is terminated since 14 May 2026 by rule "Account terminated 60 days past due"
    And provisioning is told that "ACME GmbH" is terminated from 14 May 2026
    And "ACME GmbH" went through these standings:
      | on            | state      | rule                                           | decided on |
      | 22 March 2026 | reminded   | Payment reminder 7 days past due               | test clock |
      | 29 March 2026 | warned     | Warning 14 days past due, plan changes blocked | test clock |
      | 14 April 2026 | suspended  | Service suspended 30 days past due             | test clock |
      | 14 May 2026   | terminated | Account terminated 60 days past due            | test clock |

  Scenario: Paying what is overdue brings the customer back to good standing at once
    Given the seller advances its test clock to 20 April 2026
    And "ACME GmbH" is suspended since 14 April 2026 by rule "Service suspended 30 days past due"
    When "ACME GmbH" pays EUR 49.00 on invoice INV-000001
    Then "ACME GmbH" is back in good standing since 20 April 2026, decided on a payment
    And provisioning is told to resume the service of "ACME GmbH" from 20 April 2026
    And "ACME GmbH" may change plans

  Scenario: A partial payment leaves the customer where it stands
    Given the seller advances its test clock to 30 March 2026
    When "ACME GmbH" pays EUR 20.00 on invoice INV-000001
    Then invoice INV-000001 is open with EUR 20.00 paid and EUR 29.00 still due
    And "ACME GmbH" is warned since 29 March 2026 by rule "Warning 14 days past due, plan changes blocked"
    And "ACME GmbH" went through these standings:
      | on            | state    | rule                                           |
      | 22 March 2026 | reminded | Payment reminder 7 days past due               |
      | 29 March 2026 | warned   | Warning 14 days past due, plan changes blocked |

  Scenario: Paying only the oldest invoice counts the days from the next unpaid one
    Given the seller advances its test clock to 20 May 2026
    And "ACME GmbH" is terminated since 14 May 2026 by rule "Account terminated 60 days past due"
    When "ACME GmbH" pays EUR 49.00 on invoice INV-000001
    Then invoice INV-000002 is due on 15 April 2026
    And "ACME GmbH" is suspended since 20 May 2026 by rule "Service suspended 30 days past due", decided on a payment
    And provisioning is told to suspend the service of "ACME GmbH" from 20 May 2026, with billing continuing

  Scenario: A refund that reopens an overdue invoice is dunned again at once
    Given the seller advances its test clock to 22 March 2026
    And "ACME GmbH" pays EUR 49.00 on invoice INV-000001
    And "ACME GmbH" is back in good standing since 22 March 2026, decided on a payment
    When EUR 49.00 is refunded on invoice INV-000001 because "payment bounced"
    Then "ACME GmbH" is reminded since 22 March 2026 by rule "Payment reminder 7 days past due", decided on a refund
