-- Usage the tenant's rules flagged as unusual when they decided an invoice (from InvoiceIssuedEvent), for the
-- console and for notifications. Rebuilt with the invoice read model.
CREATE TABLE usage_spikes (
    tenant_id        text    NOT NULL,
    invoice_id       uuid    NOT NULL,
    position         integer NOT NULL,
    subscription_id  uuid    NOT NULL,
    account_id       uuid    NOT NULL,
    meter            text    NOT NULL,
    period_from      date    NOT NULL,
    period_to        date    NOT NULL,
    quantity         numeric NOT NULL,
    trailing_average numeric,
    reason           text    NOT NULL,
    rule             text,
    flagged_on       date    NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id, position)
);
CREATE INDEX usage_spikes_by_date ON usage_spikes (tenant_id, flagged_on DESC);

SELECT ratebook_isolate_tenant('usage_spikes');
