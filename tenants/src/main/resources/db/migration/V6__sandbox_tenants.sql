-- Sandbox tenants carry their own test clock; live tenants use the application clock (test_clock is null).
ALTER TABLE tenants ADD COLUMN sandbox boolean NOT NULL DEFAULT false;
ALTER TABLE tenants ADD COLUMN test_clock timestamptz;
ALTER TABLE tenants ADD CONSTRAINT sandbox_has_test_clock CHECK (NOT sandbox OR test_clock IS NOT NULL);
