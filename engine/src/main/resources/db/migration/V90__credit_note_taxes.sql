-- A credit note's tax split is decided when it is issued and kept (CreditNoteIssuedEvent revision 2); credit
-- notes issued before have none (NULL), and only theirs is worked out from the invoice on read.
ALTER TABLE credit_notes ADD COLUMN taxes jsonb;
