-- Why a subscription was cancelled when the seller's side ended it (e.g. "terminated for non-payment").
ALTER TABLE subscriptions ADD COLUMN cancel_reason text;
