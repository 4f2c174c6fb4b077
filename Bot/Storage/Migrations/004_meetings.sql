-- Council meetings. starts_local is council-local wall-clock time (yyyy-MM-ddTHH:mm); sequence grows with
-- every change, so calendar invitations are replaced (same UID, higher SEQUENCE).
CREATE TABLE meetings (
    id                INTEGER PRIMARY KEY,
    council_id        INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    starts_local      TEXT    NOT NULL,
    duration_minutes  INTEGER NOT NULL DEFAULT 120,
    place             TEXT    NOT NULL,
    sequence          INTEGER NOT NULL DEFAULT 0,
    cancelled         INTEGER NOT NULL DEFAULT 0,
    protocol_name     TEXT,
    protocol_sha256   TEXT,
    protocol_path     TEXT,
    protocol_at       INTEGER,
    created_at        INTEGER NOT NULL
);
CREATE INDEX meetings_council_start ON meetings (council_id, starts_local);

-- The secretary's edits to the proposed agenda: items added or dropped, and free topics.
CREATE TABLE meeting_agenda_edits (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_number TEXT,
    topic       TEXT,
    dropped     INTEGER NOT NULL DEFAULT 0
);
