-- Invoices get their due date; one number sequence per tenant and per year or month the number shows.
ALTER TABLE invoices ADD COLUMN due_date date;
UPDATE invoices SET due_date = invoice_date + 14 WHERE due_date IS NULL;
ALTER TABLE invoices ALTER COLUMN due_date SET NOT NULL;

ALTER TABLE invoice_number_sequences ADD COLUMN sequence_key text NOT NULL DEFAULT '';
ALTER TABLE invoice_number_sequences DROP CONSTRAINT invoice_number_sequences_pkey;
ALTER TABLE invoice_number_sequences ADD PRIMARY KEY (tenant_id, sequence_key);
