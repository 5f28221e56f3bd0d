-- An item adjustment is a credit note linked to one line of its invoice (issue 17, decision 025); null for a
-- credit note on the invoice as a whole.
ALTER TABLE credit_notes ADD COLUMN adjusted_line integer;
