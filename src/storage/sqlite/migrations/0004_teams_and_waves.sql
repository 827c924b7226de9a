-- Teams (several people of one company answering together) and waves (the same
-- respondent assessing again). Every link to a response or draft cascades on
-- its deletion, so a deleted response leaves no team or wave link behind.

-- A team: `id` is the private team report link, `invite_id` the private
-- invitation link (both UUIDv4). `profile` holds the shared profile answers
-- ({item id: value}) taken from the starter's response; `wave` is the wave new
-- members join.
CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    invite_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    starter_response_id TEXT UNIQUE REFERENCES responses(id) ON DELETE SET NULL,
    profile TEXT NOT NULL,
    wave INTEGER NOT NULL DEFAULT 1
);

-- What a draft was started for: joining a team, assessing again, or both.
CREATE TABLE draft_links (
    draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    show_name INTEGER NOT NULL DEFAULT 0,
    previous_id TEXT REFERENCES responses(id) ON DELETE SET NULL
);

-- A team's members, by wave.
CREATE TABLE team_members (
    response_id TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    wave INTEGER NOT NULL,
    show_name INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX team_members_by_team ON team_members (team_id, wave);

-- A response assessed again: the earlier response it follows.
CREATE TABLE response_links (
    response_id TEXT PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    previous_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE
);
CREATE INDEX response_links_by_previous ON response_links (previous_id);

-- The item ids of each questionnaire version that has run, so that a later
-- version can tell which items are new and which were retired.
CREATE TABLE questionnaire_versions (
    questionnaire_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    items TEXT NOT NULL,
    PRIMARY KEY (questionnaire_id, version)
);

-- A submitted draft's links become the response's, in the same transaction as
-- the response itself: a member joins the team's current wave.
CREATE TRIGGER responses_take_draft_links AFTER INSERT ON responses
WHEN NEW.draft_id IS NOT NULL
BEGIN
    INSERT INTO team_members (response_id, team_id, wave, show_name)
        SELECT NEW.id, l.team_id, t.wave, l.show_name
        FROM draft_links l JOIN teams t ON t.id = l.team_id
        WHERE l.draft_id = NEW.draft_id;
    INSERT INTO response_links (response_id, previous_id)
        SELECT NEW.id, l.previous_id FROM draft_links l
        WHERE l.draft_id = NEW.draft_id AND l.previous_id IS NOT NULL;
END;

-- Emails the respondent asked for, waiting to be sent: the report link (due at
-- once), a reminder to assess again (due months later), and "your team report
-- is ready" (sent once the team's current wave has enough members). The address
-- is kept only until the message is sent or given up, and goes with the
-- response it was asked from.
CREATE TABLE email_queue (
    id INTEGER PRIMARY KEY,
    response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    team_id TEXT REFERENCES teams(id) ON DELETE CASCADE,
    -- 'report_link', 'team_ready' or 'reminder'
    kind TEXT NOT NULL,
    address TEXT NOT NULL,
    -- The message's links, JSON.
    facts TEXT NOT NULL DEFAULT '{}',
    due_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX email_queue_by_due ON email_queue (due_at);
