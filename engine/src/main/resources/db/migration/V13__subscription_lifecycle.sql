-- Subscriptions change plan and quantity, pause, resume and end; the timeline (phases) says what each day bills.
-- ends_on: the day a cancellation takes effect; paused_from: the start of a pause not yet resumed.
ALTER TABLE subscriptions ADD COLUMN ends_on date;
ALTER TABLE subscriptions ADD COLUMN paused_from date;

-- A repair line gives back part of an earlier charge: repairs_from names that charge (its first day).
ALTER TABLE invoice_lines ADD COLUMN repairs_from date;
