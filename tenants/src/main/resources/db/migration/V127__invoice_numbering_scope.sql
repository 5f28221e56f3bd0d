-- Invoice numbers per tenant (as before) or per customer (issue 17, decision 025); null reads as TENANT.
ALTER TABLE tenants ADD COLUMN invoice_numbering_scope text;
