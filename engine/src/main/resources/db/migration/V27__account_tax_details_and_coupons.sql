-- Accounts carry their tax details; coupons are redeemed by accounts; invoice lines say which line a DISCOUNT
-- line discounts and which coupon gave it (a coupon's periods used are the invoices that carry it).
ALTER TABLE accounts ADD COLUMN region text;
ALTER TABLE accounts ADD COLUMN business boolean NOT NULL DEFAULT false;
ALTER TABLE accounts ADD COLUMN tax_id_valid boolean NOT NULL DEFAULT false;
ALTER TABLE accounts ADD COLUMN tax_exempt boolean NOT NULL DEFAULT false;
ALTER TABLE accounts ADD COLUMN exemption_reason text;

CREATE TABLE coupon_redemptions (
    tenant_id     text    NOT NULL,
    account_id    uuid    NOT NULL,
    code          text    NOT NULL,
    redemption_id uuid    NOT NULL,
    kind          text    NOT NULL,
    value         numeric NOT NULL,
    currency      char(3),
    duration      text    NOT NULL,
    periods       integer NOT NULL,
    plans         jsonb   NOT NULL,
    expires_on    date,
    redeemed_on   date    NOT NULL,
    pack_name     text    NOT NULL,
    pack_version  integer NOT NULL,
    PRIMARY KEY (tenant_id, account_id, code)
);
SELECT ratebook_isolate_tenant('coupon_redemptions');

ALTER TABLE invoice_lines ADD COLUMN discount_of integer;
ALTER TABLE invoice_lines ADD COLUMN coupon text;
CREATE INDEX invoice_lines_by_coupon ON invoice_lines (tenant_id, coupon) WHERE coupon IS NOT NULL;
