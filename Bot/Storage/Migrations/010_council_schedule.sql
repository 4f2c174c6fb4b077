-- Each council is scheduled on its own: the instant up to which its due deliveries are in the ledger, and the
-- instant its Quartz trigger is set for (read at start-up in one query, so start-up plans no council).
CREATE TABLE council_schedule (
    council_id   INTEGER PRIMARY KEY REFERENCES councils(id) ON DELETE CASCADE,
    swept_until  INTEGER NOT NULL,
    next_at      INTEGER NOT NULL
);
