-- Read models of the billing domain, rebuilt from events. Every table is tenant-owned: tenant_id leads
-- the primary key and every index. Amounts are numeric with the currency beside them.

CREATE TABLE accounts (
    tenant_id      text    NOT NULL,
    account_id     uuid    NOT NULL,
    name           text    NOT NULL,
    email          text,
    currency       char(3) NOT NULL,
    country        char(2),
    time_zone      text    NOT NULL,
    bill_cycle_day integer NOT NULL,
    address        text,
    tax_id         text,
    created_on     date    NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);

CREATE TABLE subscriptions (
    tenant_id       text    NOT NULL,
    subscription_id uuid    NOT NULL,
    account_id      uuid    NOT NULL,
    plan            text    NOT NULL,
    quantity        integer NOT NULL,
    currency        char(3) NOT NULL,
    start_date      date    NOT NULL,
    bill_cycle_day  integer NOT NULL,
    state           text    NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX subscriptions_by_account ON subscriptions (tenant_id, account_id);

CREATE TABLE invoices (
    tenant_id    text          NOT NULL,
    invoice_id   uuid          NOT NULL,
    account_id   uuid          NOT NULL,
    number       text          NOT NULL,
    invoice_date date          NOT NULL,
    status       text          NOT NULL,
    currency     char(3)       NOT NULL,
    subtotal     numeric(19,4) NOT NULL,
    tax          numeric(19,4) NOT NULL,
    total        numeric(19,4) NOT NULL,
    pack_name    text          NOT NULL,
    pack_version integer       NOT NULL,
    pack_hash    text          NOT NULL,
    seller       jsonb         NOT NULL,
    buyer        jsonb         NOT NULL,
    trace        jsonb         NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id),
    UNIQUE (tenant_id, number)
);
CREATE INDEX invoices_by_account_date ON invoices (tenant_id, account_id, invoice_date);
CREATE INDEX invoices_by_date ON invoices (tenant_id, invoice_date DESC);

CREATE TABLE invoice_lines (
    tenant_id       text          NOT NULL,
    invoice_id      uuid          NOT NULL,
    line_no         integer       NOT NULL,
    subscription_id uuid,
    item_type       text          NOT NULL,
    description     text          NOT NULL,
    period_from     date,
    period_to       date,
    quantity        numeric(19,6) NOT NULL,
    unit_price      numeric(19,6) NOT NULL,
    amount          numeric(19,4) NOT NULL,
    tax_rate        numeric(9,4)  NOT NULL,
    tax_amount      numeric(19,4) NOT NULL,
    tax_label       text          NOT NULL,
    rules           jsonb         NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id, line_no),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices ON DELETE CASCADE
);

-- Gapless invoice numbers per tenant: the next number is taken in the same transaction that stores the
-- invoice's event, so a failed or duplicate issue rolls its number back.
CREATE TABLE invoice_number_sequences (
    tenant_id  text   NOT NULL PRIMARY KEY,
    last_value bigint NOT NULL
);
