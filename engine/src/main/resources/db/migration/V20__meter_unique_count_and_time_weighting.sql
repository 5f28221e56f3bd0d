-- Meters that count unique values of an event property (devices, users) and meters whose events change a
-- level that is weighted by time (GB-hours, device-days, seats prorated over the period).
ALTER TABLE meters ADD COLUMN property text;
ALTER TABLE meters ADD COLUMN per text;
