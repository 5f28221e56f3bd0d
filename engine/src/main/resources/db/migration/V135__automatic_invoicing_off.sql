-- Automatic invoicing switched off per account (Kill Bill's AUTO_INVOICING_OFF, decision 028): while off, billing
-- runs hold the account's invoices; from the day it is back on, what was held goes on that day's invoice.
ALTER TABLE accounts
    ADD COLUMN auto_invoicing_off boolean NOT NULL DEFAULT false,
    ADD COLUMN auto_invoicing_off_since date,
    ADD COLUMN auto_invoicing_on_since date;
