-- The council pages. Sign-in links and sessions are kept only as the SHA-256 of their secret: a leaked database
-- opens no session. A link is single-use and short-lived; a session lasts until it expires or is revoked.
-- member_id NULL: the administrator's link (nokobot web link), acting with the stored role.
CREATE TABLE web_links (
    code_sha256  TEXT    PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    member_id    INTEGER REFERENCES members(id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('member', 'secretary', 'chair')),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);

CREATE TABLE web_sessions (
    token_sha256  TEXT    PRIMARY KEY,
    council_id    INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    member_id     INTEGER REFERENCES members(id) ON DELETE CASCADE,
    role          TEXT    NOT NULL CHECK (role IN ('member', 'secretary', 'chair')),
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    revoked_at    INTEGER
);
CREATE INDEX web_sessions_member ON web_sessions (member_id) WHERE member_id IS NOT NULL;

-- Calendar feeds at secret URLs: the council's (member_id NULL) and each member's. The token is kept as it is, so
-- /calendar can show the same link again; a feed only reads, and a new one revokes the old.
CREATE TABLE calendar_feeds (
    id          INTEGER PRIMARY KEY,
    token       TEXT    NOT NULL UNIQUE,
    council_id  INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    member_id   INTEGER REFERENCES members(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE UNIQUE INDEX calendar_feeds_owner ON calendar_feeds (council_id, COALESCE(member_id, 0)) WHERE revoked_at IS NULL;

-- What each feed event last said: its SEQUENCE goes up when its dates move, so calendars replace it.
CREATE TABLE calendar_event_versions (
    uid          TEXT    PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fingerprint  TEXT    NOT NULL,
    sequence     INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);
