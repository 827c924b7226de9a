-- The limits every server on the database counts together: console sign-in
-- failures and the anonymous requests per client address (in one server's
-- memory on SQLite, which one server serves). Neither a typed name nor an
-- address is kept: keyed hashes of them, as in email_requests. Rows older than
-- their window are deleted as new ones arrive.

-- Sign-in attempts counted as failures until their password proves right.
CREATE TABLE sign_in_failures (
    id bigserial PRIMARY KEY,
    -- Milliseconds since 1970, UTC.
    at bigint NOT NULL,
    account text NOT NULL,
    address text NOT NULL
);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (at);
CREATE INDEX sign_in_failures_by_pair ON sign_in_failures (account, address, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);

-- Addresses that signed in to an account, and when last: exempt from the
-- spacing an account under attack gets.
CREATE TABLE sign_in_known (
    account text NOT NULL,
    address text NOT NULL,
    at bigint NOT NULL,
    PRIMARY KEY (account, address)
);

-- Anonymous requests per client address: questionnaires started, submitted.
CREATE TABLE request_counts (
    kind text NOT NULL,
    address text NOT NULL,
    at bigint NOT NULL
);
CREATE INDEX request_counts_by_address ON request_counts (kind, address, at);
CREATE INDEX request_counts_by_time ON request_counts (at);

-- The near-duplicate check's memory: each response from a client address
-- within the check's window (24 hours), as its fingerprint (one byte per item,
-- as `choices`), so that a repeat through any server is found.
CREATE TABLE recent_submissions (
    address text NOT NULL,
    at bigint NOT NULL,
    choices bytea NOT NULL
);
CREATE INDEX recent_submissions_by_address ON recent_submissions (address, at);
CREATE INDEX recent_submissions_by_time ON recent_submissions (at);

-- Jobs every server runs every so often (deleting expired questionnaires): the
-- last run of each, claimed by one server per period.
CREATE TABLE periodic_runs (
    job text PRIMARY KEY,
    -- Milliseconds since 1970, UTC.
    ran_at bigint NOT NULL
);
