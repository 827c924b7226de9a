-- Study integrity and deletion that leaves nothing behind.

-- Console sessions are now stored by the SHA-256 of their id, so a copy of the
-- database opens no session; sessions stored in clear before are ended.
DELETE FROM sessions;

-- A random key of this database, for pseudonymous ids in exports and in the
-- deletion log: stable per response, and opening nothing.
CREATE TABLE study_keys (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
INSERT INTO study_keys (name, value) VALUES ('pseudonym', randomblob(32));

-- Data-quality flags (speeder, straight_liner, near_duplicate), comma-separated,
-- and whether the response is held out of peer figures until an operator
-- accepts it.
ALTER TABLE responses ADD COLUMN flags TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
CREATE INDEX responses_held ON responses (held) WHERE held = 1;

-- A submitted draft keeps no copy of the answers: the response has them.
UPDATE drafts SET answers = '{}' WHERE response_id IS NOT NULL;
CREATE INDEX drafts_by_update ON drafts (updated_at) WHERE response_id IS NULL;

-- Who deleted what, when: the pseudonymous id only, never the content.
CREATE TABLE deletion_log (
    deleted_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    -- 'response' or 'draft'
    kind TEXT NOT NULL,
    pseudonym TEXT NOT NULL
);

-- API keys for scripted submissions, issued by operators; stored as SHA-256.
CREATE TABLE api_keys (
    name TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
