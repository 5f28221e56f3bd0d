-- The lifecycle step "tested" (RulePackTestedEvent): the last test kept for a version before it is published.
ALTER TABLE rule_pack_versions ADD COLUMN tested_by text;
ALTER TABLE rule_pack_versions ADD COLUMN tested_at timestamptz;
ALTER TABLE rule_pack_versions ADD COLUMN test_summary text;
