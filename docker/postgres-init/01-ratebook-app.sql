-- Run once by the postgres image when its volume is new: the role the application connects as at runtime
-- (not a superuser, no BYPASSRLS, owns nothing). Migrations run as the owner `ratebook`. Decision 018.
CREATE ROLE ratebook_app LOGIN PASSWORD 'ratebook_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
