-- NokoBot schema v1. Instants are INTEGER unix milliseconds (UTC); calendar dates TEXT yyyy-MM-dd.

CREATE TABLE councils (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL,           -- IANA name
    settings    TEXT    NOT NULL DEFAULT '{}', -- JSON, see CouncilSettings
    created_at  INTEGER NOT NULL
);

CREATE TABLE parties (
    id          INTEGER PRIMARY KEY,
    council_id  INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    UNIQUE (council_id, name)
);

CREATE TABLE members (
    id                    INTEGER PRIMARY KEY,
    council_id            INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name                  TEXT    NOT NULL,
    role                  TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'secretary', 'chair')),
    telegram_user_id      INTEGER,
    telegram_chat_id      INTEGER,
    telegram_unreachable  INTEGER NOT NULL DEFAULT 0,
    email                 TEXT,
    created_at            INTEGER NOT NULL
);
CREATE UNIQUE INDEX members_council_telegram ON members (council_id, telegram_user_id)
    WHERE telegram_user_id IS NOT NULL;

CREATE TABLE member_parties (
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    party_id    INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    PRIMARY KEY (member_id, party_id)
);

CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    council_id      INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    year            INTEGER NOT NULL,
    source_file     TEXT    NOT NULL,
    source_sha256   TEXT    NOT NULL,
    imported_at     INTEGER NOT NULL,
    UNIQUE (council_id, year)
);

CREATE TABLE plan_items (
    id                INTEGER PRIMARY KEY,
    plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number            TEXT    NOT NULL,
    position          INTEGER NOT NULL,
    section           TEXT,
    title             TEXT    NOT NULL,
    result            TEXT    NOT NULL,
    deadline_text     TEXT    NOT NULL,
    deadline_kind     TEXT    NOT NULL,
    deadline_start    TEXT,   -- window start, or the date of a 'date' deadline
    deadline_end      TEXT,   -- window end
    deadline_every    TEXT,   -- recurring period
    deadline_due_day  INTEGER,
    deadline_amount   INTEGER,
    deadline_unit     TEXT,
    deadline_anchor   TEXT,
    due_override      TEXT,   -- a date the secretary set (/setdue)
    anchor_item_id    INTEGER REFERENCES plan_items(id),
    removed_at        INTEGER, -- dropped by a later import; kept for its replies
    UNIQUE (plan_id, number)
);

CREATE TABLE item_parties (
    item_id     INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    party_id    INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (item_id, party_id)
);

-- Append-only: the state of an item is derived from its replies.
CREATE TABLE replies (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES plan_items(id),
    member_id    INTEGER REFERENCES members(id),
    party_id     INTEGER REFERENCES parties(id),
    kind         TEXT    NOT NULL CHECK (kind IN ('done', 'postponed', 'protocol', 'closed')),
    comment      TEXT,
    new_date     TEXT,
    file_name    TEXT,
    file_size    INTEGER,
    file_sha256  TEXT,
    file_path    TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX replies_item ON replies (item_id, created_at);
CREATE TRIGGER replies_no_update BEFORE UPDATE ON replies
BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;
CREATE TRIGGER replies_no_delete BEFORE DELETE ON replies
BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    occurred_on  TEXT    NOT NULL,
    member_id    INTEGER REFERENCES members(id),
    created_at   INTEGER NOT NULL
);

-- Only the sha256 of an invite code is stored: a leaked database does not leak usable links.
CREATE TABLE invites (
    code_sha256  TEXT    PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    party_id     INTEGER REFERENCES parties(id),
    role         TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'secretary', 'chair')),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER,
    used_by      INTEGER REFERENCES members(id)
);

-- The delivery ledger: a row is written before a send and marked after, keyed by
-- (occurrence, reminder kind, recipient, channel, sequence).
CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    item_id      INTEGER REFERENCES plan_items(id),
    member_id    INTEGER REFERENCES members(id),
    kind         TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    due_at       INTEGER NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    late         INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    external_id  TEXT,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER
);
CREATE INDEX deliveries_status_due ON deliveries (status, due_at);

CREATE TABLE state (
    key         TEXT    PRIMARY KEY,
    value       TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);
