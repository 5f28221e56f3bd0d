-- A customer's number in its tenant, shown by invoice numbers per customer ({customer} in the format; issue 17,
-- decision 025). Given in order, from the 'customers' series of invoice_number_sequences, the first time needed.
CREATE TABLE invoice_number_customers (
    tenant_id   text   NOT NULL,
    account_id  uuid   NOT NULL,
    customer_no bigint NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
