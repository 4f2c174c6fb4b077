-- Email channel. The rendered message of an email delivery, kept until it is sent: a retry after a 4xx or a
-- restart sends the very same bytes (same Message-Id). Keyed by deliveries.key; written before the ledger row,
-- so no foreign key (an orphan from a crash between the two writes is harmless and is reused on the next enqueue).
CREATE TABLE email_outbox (
    delivery_key  TEXT    PRIMARY KEY,
    message_id    TEXT    NOT NULL,
    mime          BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);

-- A member who asked for email reminders even though Telegram works for them.
ALTER TABLE members ADD COLUMN email_reminders INTEGER NOT NULL DEFAULT 0;
