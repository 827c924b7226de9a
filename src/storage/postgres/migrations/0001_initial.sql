-- The study's schema on PostgreSQL: the same records as the SQLite file holds
-- after its migrations 0001-0006, in PostgreSQL's types. A response's columns
-- hold the same compact forms as in SQLite (storage/compact.rs), so that a
-- study copied from one to the other reads byte for byte the same.
-- Timestamps are stored as text (RFC 3339, UTC, to the millisecond), as the
-- application writes them: they sort as text and cast to timestamptz.

-- A random key of this database, for pseudonymous ids in exports and in the
-- deletion log: stable per response, and opening nothing.
CREATE TABLE study_keys (
    name text PRIMARY KEY,
    value bytea NOT NULL
);
INSERT INTO study_keys (name, value)
    VALUES ('pseudonym',
            decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Questionnaires in progress: one row per resume link.
CREATE TABLE drafts (
    id text PRIMARY KEY,
    questionnaire_id text NOT NULL,
    questionnaire_version integer NOT NULL,
    answers text NOT NULL DEFAULT '{}',
    page integer NOT NULL DEFAULT 1,
    started_at text NOT NULL,
    updated_at text NOT NULL,
    response_id text
);
CREATE INDEX drafts_by_start ON drafts (started_at);
CREATE INDEX drafts_by_update ON drafts (updated_at) WHERE response_id IS NULL;

-- Submitted responses, in the compact form.
CREATE TABLE responses (
    -- Storage order: exports page by it, the peer figures load in it.
    seq bigserial PRIMARY KEY,
    -- The report id (UUIDv4), as the links and the other tables know it.
    id text NOT NULL UNIQUE,
    draft_id text UNIQUE,
    questionnaire_id text NOT NULL,
    questionnaire_version integer NOT NULL,
    started_at text,
    submitted_at text NOT NULL,
    synthetic boolean NOT NULL DEFAULT false,
    -- A JSON array by item position, without contact details.
    answers text NOT NULL,
    -- One byte per item: chosen option index + 1, 0 for none.
    choices bytea NOT NULL,
    -- The company numbers the peer index holds, f64 little-endian.
    peer_numbers bytea NOT NULL,
    -- Name, company and email: shown in the respondent's own report only.
    contact text,
    -- The peer standing at submission, deflated JSON.
    standing bytea NOT NULL,
    overall double precision,
    value double precision,
    number double precision,
    win_rate double precision,
    sales_cycle double precision,
    personal double precision,
    flags text NOT NULL DEFAULT '',
    held boolean NOT NULL DEFAULT false,
    -- What scoring decided beyond the scores (the domain's ScoreRecord), JSON.
    scoring text NOT NULL
);
CREATE INDEX responses_by_submission ON responses (submitted_at);
CREATE INDEX responses_held ON responses (submitted_at) WHERE held;
CREATE INDEX responses_by_questionnaire ON responses (questionnaire_id, seq);
-- Completion times of browser responses (never synthetic), read without the rows.
CREATE INDEX responses_durations
    ON responses (questionnaire_id, questionnaire_version, submitted_at, started_at)
    WHERE NOT synthetic AND started_at IS NOT NULL;

-- Responses per questionnaire version, origin and day, kept by the database as
-- rows come and go, so that the console's participation page reads a few rows.
-- Each count is split over a few shards (picked by the writing connection), so
-- that concurrent submissions of one day do not all wait for one row's lock.
CREATE TABLE participation_days (
    questionnaire_id text NOT NULL,
    questionnaire_version integer NOT NULL,
    synthetic boolean NOT NULL,
    -- YYYY-MM-DD
    day text NOT NULL,
    shard smallint NOT NULL,
    responses bigint NOT NULL,
    PRIMARY KEY (questionnaire_id, questionnaire_version, synthetic, day, shard)
);

CREATE FUNCTION participation_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO participation_days
            VALUES (NEW.questionnaire_id, NEW.questionnaire_version, NEW.synthetic,
                    substr(NEW.submitted_at, 1, 10), pg_backend_pid() % 8, 1)
            ON CONFLICT (questionnaire_id, questionnaire_version, synthetic, day, shard)
            DO UPDATE SET responses = participation_days.responses + 1;
        RETURN NEW;
    END IF;
    INSERT INTO participation_days
        VALUES (OLD.questionnaire_id, OLD.questionnaire_version, OLD.synthetic,
                substr(OLD.submitted_at, 1, 10), pg_backend_pid() % 8, -1)
        ON CONFLICT (questionnaire_id, questionnaire_version, synthetic, day, shard)
        DO UPDATE SET responses = participation_days.responses - 1;
    RETURN OLD;
END $$;

CREATE TRIGGER responses_counted AFTER INSERT OR DELETE ON responses
    FOR EACH ROW EXECUTE FUNCTION participation_count();

-- Operators of the study console. Passwords are argon2id hashes (PHC strings).
CREATE TABLE operators (
    name text PRIMARY KEY,
    password_hash text NOT NULL,
    created_at text NOT NULL
);

-- Console sessions: the SHA-256 of a random id kept in a cookie.
CREATE TABLE sessions (
    id text PRIMARY KEY,
    operator text NOT NULL REFERENCES operators(name) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at text NOT NULL,
    last_seen text NOT NULL
);

-- Who deleted what, when: the pseudonymous id only, never the content.
CREATE TABLE deletion_log (
    seq bigserial PRIMARY KEY,
    deleted_at text NOT NULL,
    operator text NOT NULL,
    -- 'response' or 'draft'
    kind text NOT NULL,
    pseudonym text NOT NULL
);

-- API keys for scripted submissions, issued by operators; stored as SHA-256.
CREATE TABLE api_keys (
    name text PRIMARY KEY,
    key_hash text NOT NULL UNIQUE,
    created_at text NOT NULL,
    revoked_at text
);

-- Teams (several people of one company answering together) and waves (the same
-- respondent assessing again). Every link to a response or draft cascades on
-- its deletion, so a deleted response leaves no team or wave link behind.
CREATE TABLE teams (
    id text PRIMARY KEY,
    invite_id text NOT NULL UNIQUE,
    created_at text NOT NULL,
    starter_response_id text UNIQUE REFERENCES responses(id) ON DELETE SET NULL,
    -- The shared profile answers, {item id: value}.
    profile text NOT NULL,
    -- The wave new members join.
    wave integer NOT NULL DEFAULT 1
);

-- What a draft was started for: joining a team, assessing again, or both.
CREATE TABLE draft_links (
    draft_id text PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    team_id text REFERENCES teams(id) ON DELETE CASCADE,
    show_name boolean NOT NULL DEFAULT false,
    previous_id text REFERENCES responses(id) ON DELETE SET NULL
);

-- A team's members, by wave.
CREATE TABLE team_members (
    response_id text PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    wave integer NOT NULL,
    show_name boolean NOT NULL DEFAULT false
);
CREATE INDEX team_members_by_team ON team_members (team_id, wave);

-- A response assessed again: the earlier response it follows.
CREATE TABLE response_links (
    response_id text PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    previous_id text NOT NULL REFERENCES responses(id) ON DELETE CASCADE
);
CREATE INDEX response_links_by_previous ON response_links (previous_id);

-- The item ids of each questionnaire version that has run (a JSON array), so
-- that a later version can tell which items are new and which were retired.
CREATE TABLE questionnaire_versions (
    questionnaire_id text NOT NULL,
    version integer NOT NULL,
    items text NOT NULL,
    PRIMARY KEY (questionnaire_id, version)
);

-- A submitted draft's links become the response's, in the same transaction as
-- the response itself: a member joins the team's current wave.
CREATE FUNCTION responses_take_draft_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO team_members (response_id, team_id, wave, show_name)
        SELECT NEW.id, l.team_id, t.wave, l.show_name
        FROM draft_links l JOIN teams t ON t.id = l.team_id
        WHERE l.draft_id = NEW.draft_id;
    INSERT INTO response_links (response_id, previous_id)
        SELECT NEW.id, l.previous_id FROM draft_links l
        WHERE l.draft_id = NEW.draft_id AND l.previous_id IS NOT NULL;
    RETURN NEW;
END $$;

CREATE TRIGGER responses_take_draft_links AFTER INSERT ON responses
    FOR EACH ROW WHEN (NEW.draft_id IS NOT NULL)
    EXECUTE FUNCTION responses_take_draft_links();

-- Emails the respondent asked for, waiting to be sent. The address is kept only
-- until the message is sent or given up, and goes with the response it was
-- asked from.
CREATE TABLE email_queue (
    id bigserial PRIMARY KEY,
    response_id text NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    team_id text REFERENCES teams(id) ON DELETE CASCADE,
    -- 'report_link', 'team_ready' or 'reminder'
    kind text NOT NULL,
    address text NOT NULL,
    -- The message's links, JSON.
    facts text NOT NULL DEFAULT '{}',
    due_at text NOT NULL,
    attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX email_queue_by_due ON email_queue (due_at);
