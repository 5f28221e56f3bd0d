-- Where a tenant is established, for tax: an EU seller does not reverse-charge a customer in its own country.
-- Null for tenants that have not said; Ratebook then reads the country from an EU-style VAT id (DE…).
ALTER TABLE tenants ADD COLUMN country char(2) CHECK (country ~ '^[A-Z]{2}$');
