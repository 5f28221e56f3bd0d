-- After every migration: the tenant role may use every table and sequence; Row-Level Security decides
-- which rows. Re-run on each start so tables added by later migrations are covered.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ratebook_tenant;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ratebook_tenant;
