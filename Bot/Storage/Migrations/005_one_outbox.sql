-- One outbox: every message (reminders, digests, agendas, meeting notices) is a ledger row on the channel it goes
-- out through, rendered when it is sent. The per-purpose channel names and the pre-rendered email store go.
UPDATE deliveries SET key = replace(key, '|telegram-meeting|', '|telegram|'), channel = 'telegram' WHERE channel = 'telegram-meeting';
UPDATE deliveries SET key = replace(replace(key, '|email-meeting|', '|email|'), '|email-batch|', '|email|'), channel = 'email'
WHERE channel IN ('email-meeting', 'email-batch');
DROP TABLE email_outbox;

-- What a member chose with /settings: their own reminder hour (council-local HH:mm) and the weekly summary only.
ALTER TABLE members ADD COLUMN reminder_time TEXT;
ALTER TABLE members ADD COLUMN weekly_summary INTEGER NOT NULL DEFAULT 0;

-- A reply to a bundled message finds its rows by the message id they share.
CREATE INDEX deliveries_external ON deliveries (member_id, external_id) WHERE external_id IS NOT NULL;
