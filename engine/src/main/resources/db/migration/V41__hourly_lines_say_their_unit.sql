-- An hourly charge's quantity is the hours served, not seats. Lines now say so in their unit ('hour'); the
-- billing run used to tell them apart by the description text. Lines issued before get their unit here.
UPDATE invoice_lines SET unit = 'hour'
WHERE item_type = 'RECURRING' AND unit IS NULL AND meter IS NULL AND description LIKE '%(hourly, %';
