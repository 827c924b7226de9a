-- Operators of the study console. Passwords are argon2id hashes (PHC strings).
CREATE TABLE operators (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Console sessions: a random id in a cookie, expiring after inactivity.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    operator TEXT NOT NULL REFERENCES operators(name) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL
);

CREATE INDEX drafts_by_start ON drafts (started_at);
