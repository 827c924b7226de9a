-- Requests to queue an email, for the bounds on them (per report, per client
-- address and in all, over the last hour): when, and keyed hashes of the report
-- and of the client's address; never a link, an address or a message. Rows
-- older than the window are deleted as new ones arrive.
CREATE TABLE email_requests (
    -- Milliseconds since 1970, UTC.
    asked_at INTEGER NOT NULL,
    report TEXT NOT NULL,
    client TEXT NOT NULL
);
CREATE INDEX email_requests_by_time ON email_requests (asked_at);
CREATE INDEX email_requests_by_report ON email_requests (report, asked_at);
CREATE INDEX email_requests_by_client ON email_requests (client, asked_at);

-- Questionnaires started by "assess again" from a response deleted before such
-- questionnaires went with it: unsubmitted and linked to neither an earlier
-- response nor a team, they hold a copy of the deleted response's answers and
-- contact details. (Foreign keys are off while migrations run: the links are
-- deleted by hand.)
DELETE FROM drafts WHERE response_id IS NULL AND id IN (
    SELECT draft_id FROM draft_links WHERE previous_id IS NULL AND team_id IS NULL);
DELETE FROM draft_links WHERE draft_id NOT IN (SELECT id FROM drafts);
