-- Updates taken by the webhook, by Telegram's update_id: a delivery Telegram repeats (it retries until it gets a 2xx)
-- finds its id here and changes nothing. The row is written in the same transaction as the update's effects.
-- Rows older than a week are pruned: Telegram gives up on an update after 24 hours.
CREATE TABLE telegram_updates (
    update_id   INTEGER PRIMARY KEY,
    handled_at  INTEGER NOT NULL
);
CREATE INDEX telegram_updates_handled_at ON telegram_updates (handled_at);
