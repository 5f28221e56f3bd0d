-- Draft invoices: no number and no due date until finalized; the end of their review window; the day a draft
-- was finalized (NULL for invoices finalized when billed: their invoice date is their issue date).
ALTER TABLE invoices ALTER COLUMN number DROP NOT NULL;
ALTER TABLE invoices ALTER COLUMN due_date DROP NOT NULL;
ALTER TABLE invoices ADD COLUMN review_until timestamptz;
ALTER TABLE invoices ADD COLUMN issued_on date;
CREATE INDEX invoices_drafts_by_review ON invoices (tenant_id, review_until) WHERE status = 'DRAFT';
