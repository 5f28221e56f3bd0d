-- Invoice numbering and payment terms per tenant.
ALTER TABLE tenants ADD COLUMN invoice_prefix text NOT NULL DEFAULT 'INV';
ALTER TABLE tenants ADD COLUMN invoice_number_format text NOT NULL DEFAULT '{prefix}-{seq:6}';
ALTER TABLE tenants ADD COLUMN payment_terms_days integer NOT NULL DEFAULT 14
    CHECK (payment_terms_days BETWEEN 0 AND 365);
