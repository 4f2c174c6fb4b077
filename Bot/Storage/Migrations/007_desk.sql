-- The secretary's desk. A plan draft — a file the secretary sent in chat, or next year's plan drafted from this
-- one — is kept here while its preview is shown, and written to plans/plan_items only when its author confirms it
-- (within a day). items holds the plan as read (JSON); for a rollover, optional names the unfinished items the
-- secretary keeps or drops and kept those kept. base_sha256 is the stored plan the preview compared against: a plan
-- changed meanwhile makes the preview stale.
CREATE TABLE plan_drafts (
    id           INTEGER PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    member_id    INTEGER REFERENCES members(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    source       TEXT    NOT NULL CHECK (source IN ('upload', 'rollover')),
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    items        TEXT    NOT NULL,
    warnings     TEXT    NOT NULL DEFAULT '[]',
    layout       TEXT,   -- an upload: how its table was read (PlanLayout as JSON), shown in the preview
    optional     TEXT    NOT NULL DEFAULT '[]',
    kept         TEXT    NOT NULL DEFAULT '[]',
    base_sha256  TEXT,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    settled_at   INTEGER,
    outcome      TEXT    CHECK (outcome IN ('imported', 'cancelled'))
);
CREATE INDEX plan_drafts_council ON plan_drafts (council_id, created_at);
