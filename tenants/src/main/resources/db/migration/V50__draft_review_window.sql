-- A tenant may review invoices as drafts before they are finalized: the billing run issues drafts and they are
-- finalized when this many hours have passed (NULL: finalized at once, as before).
ALTER TABLE tenants ADD COLUMN draft_review_hours integer CHECK (draft_review_hours BETWEEN 1 AND 8760);
