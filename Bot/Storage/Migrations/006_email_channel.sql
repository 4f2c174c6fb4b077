-- Email as a whole channel: members by email, replies read from a mailbox, bounces.

-- Addresses are stored lower-case, one member per address in a council. An address that two members of one council
-- shared stays with the first of them; the later ones keep none (nokobot member list shows who has no address).
UPDATE members SET email = NULLIF(lower(trim(email)), '') WHERE email IS NOT NULL;
UPDATE members SET email = NULL
WHERE email IS NOT NULL
  AND EXISTS (SELECT 1 FROM members o WHERE o.council_id = members.council_id AND o.email = members.email AND o.id < members.id);
CREATE UNIQUE INDEX members_council_email ON members (council_id, email) WHERE email IS NOT NULL;
-- A letter's sender is looked up by address across councils.
CREATE INDEX members_email ON members (email) WHERE email IS NOT NULL;

-- Whether email to the member's address works: NULL yes; 'failing' after a permanent bounce (5.x.x); 'stopped' when
-- they asked for no more letters. A new address starts working again.
ALTER TABLE members ADD COLUMN email_state TEXT CHECK (email_state IN ('failing', 'stopped'));
-- A Telegram member who confirmed an address with /email gets the weekly digest there too.
ALTER TABLE members ADD COLUMN email_digest INTEGER NOT NULL DEFAULT 0;
-- nokobot member remove: the row stays for the replies and deliveries that name it; its contacts and parties go.
ALTER TABLE members ADD COLUMN removed_at INTEGER;

-- What a message needs besides the council's state at the time it is sent (JSON): an answer's words and the letter it
-- answers, an address's confirmation code, a notice's details.
ALTER TABLE deliveries ADD COLUMN payload TEXT;
-- A reply by email names our Message-Id; the member it was sent to is not known yet.
CREATE INDEX deliveries_external_id ON deliveries (external_id) WHERE external_id IS NOT NULL;

-- Every letter read from the mailbox, written in the same transaction as its effects (a reply, the answer queued in
-- the outbox, an address marked failing), so that it is handled exactly once across restarts: by its folder's
-- UIDVALIDITY and UID, and by its Message-Id when it has one (the same letter delivered twice, or copied back).
CREATE TABLE inbound_letters (
    id            INTEGER PRIMARY KEY,
    mailbox       TEXT    NOT NULL,  -- server, user and folder
    uid_validity  INTEGER NOT NULL,
    uid           INTEGER NOT NULL,
    message_id    TEXT,
    sender        TEXT,
    council_id    INTEGER REFERENCES councils(id) ON DELETE SET NULL,
    member_id     INTEGER REFERENCES members(id),
    outcome       TEXT    NOT NULL,  -- applied, refused, stranger, automatic, bounce, too-large, unreadable
    received_at   INTEGER NOT NULL,
    UNIQUE (mailbox, uid_validity, uid)
);
CREATE UNIQUE INDEX inbound_letters_message_id ON inbound_letters (message_id) WHERE message_id IS NOT NULL;

-- An address a Telegram member gave with /email, until they send back the code it got (only the code's SHA-256).
CREATE TABLE email_confirmations (
    member_id    INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    address      TEXT    NOT NULL,
    code_sha256  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    expires_at   INTEGER NOT NULL
);
