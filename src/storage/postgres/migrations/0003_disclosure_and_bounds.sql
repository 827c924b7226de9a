-- What the SQLite file gained in its migrations 0006-0008: the bounds on
-- asking for email, team figures no planted member can read a colleague's
-- answers from, and win rates read only from enough deals decided.

-- Requests to queue an email, for the bounds on them (per report, per client
-- address and in all, over the last hour): when, and keyed hashes of the report
-- and of the client's address; never a link, an address or a message. Rows
-- older than the window are deleted as new ones arrive.
CREATE TABLE email_requests (
    -- Milliseconds since 1970, UTC.
    asked_at bigint NOT NULL,
    report text NOT NULL,
    client text NOT NULL
);
CREATE INDEX email_requests_by_time ON email_requests (asked_at);
CREATE INDEX email_requests_by_report ON email_requests (report, asked_at);
CREATE INDEX email_requests_by_client ON email_requests (client, asked_at);

-- Questionnaires started by "assess again" from a response deleted before such
-- questionnaires went with it: unsubmitted and linked to neither an earlier
-- response nor a team, they hold a copy of the deleted response's name and
-- company.
DELETE FROM drafts WHERE response_id IS NULL AND id IN (
    SELECT draft_id FROM draft_links WHERE previous_id IS NULL AND team_id IS NULL);

-- The secret of the team reports' dither: random, made once, kept in the
-- database so that every server on it draws the same figures; never exported
-- and never shown.
INSERT INTO study_keys (name, value)
    VALUES ('team_release',
            decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- The order in which a team's members came to count: at submission, or when
-- an operator accepted a held response; NULL while held. A wave's figures
-- cover its first counted members in this order, so a member counted later
-- never changes the members an earlier release covers.
ALTER TABLE team_members ADD COLUMN counted_order integer;
UPDATE team_members tm SET counted_order = numbered.n
FROM (
    SELECT m.response_id,
           row_number() OVER (PARTITION BY m.team_id ORDER BY r.submitted_at, r.seq) AS n
    FROM team_members m JOIN responses r ON r.id = m.response_id
    WHERE NOT r.held
) numbered
WHERE numbered.response_id = tm.response_id;
-- Two members never share a place (a held member has none yet).
CREATE UNIQUE INDEX team_members_counted ON team_members (team_id, counted_order);

-- The next place in a team's count. The team's row is locked first, so that
-- two members counted at once through different servers take one place each.
CREATE FUNCTION next_counted_order(team text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    place integer;
BEGIN
    PERFORM 1 FROM teams WHERE id = team FOR UPDATE;
    SELECT COALESCE(max(counted_order), 0) + 1 INTO place
        FROM team_members WHERE team_id = team;
    RETURN place;
END $$;

-- A member joins counted unless their response is held.
CREATE OR REPLACE FUNCTION responses_take_draft_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO team_members (response_id, team_id, wave, show_name, counted_order)
        SELECT NEW.id, l.team_id, t.wave, l.show_name,
               CASE WHEN NEW.held THEN NULL ELSE next_counted_order(l.team_id) END
        FROM draft_links l JOIN teams t ON t.id = l.team_id
        WHERE l.draft_id = NEW.draft_id;
    INSERT INTO response_links (response_id, previous_id)
        SELECT NEW.id, l.previous_id FROM draft_links l
        WHERE l.draft_id = NEW.draft_id AND l.previous_id IS NOT NULL;
    RETURN NEW;
END $$;

-- A counted win rate is read as a rate only from the questionnaire's
-- `minimum_decided_deals` (won plus lost) on. Rows stored before the rule hold
-- their company numbers without it: such a row holds a unit or value win rate,
-- the 7th and 8th of its `peer_numbers` (so more than 48 bytes). Each is listed
-- here, and the first server that starts with the questionnaire files derives
-- its numbers again from its answers, by the rule, before the peer figures are
-- loaded (rows whose deals were enough come out as they were).
CREATE TABLE responses_to_derive (
    seq bigint PRIMARY KEY
);
INSERT INTO responses_to_derive (seq)
    SELECT seq FROM responses WHERE octet_length(peer_numbers) > 48;
