-- Compact responses: a row stores what a response is, relative to its
-- questionnaire version, and nothing derivable from it (see storage/compact.rs).
-- The scorecard and the profile are no longer stored: the scorecard is derived
-- from the answers and the frozen standing when a report needs it, the profile
-- from the choices. Rows copied here keep their answers keyed by item id and
-- their standing as JSON text, with `choices` NULL, until the start-up step
-- (which needs the questionnaire files) converts them in batches.
--
-- The table is rebuilt (the scorecard column cannot be dropped in place while
-- other tables reference this one); foreign keys are off while migrations run,
-- so dropping the old table cascades to nothing.
CREATE TABLE responses_compact (
    -- The rowid, kept from the old table: exports page by it.
    seq INTEGER PRIMARY KEY,
    -- The report id (UUIDv4), as the links and the other tables know it.
    id TEXT NOT NULL UNIQUE,
    draft_id TEXT UNIQUE,
    questionnaire_id TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    started_at TEXT,
    submitted_at TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0,
    -- A JSON array by item position, without contact details.
    answers TEXT NOT NULL,
    -- One byte per item: chosen option index + 1, 0 for none.
    choices BLOB,
    -- The company numbers the peer index holds, f64 little-endian.
    peer_numbers BLOB,
    -- Name, company and email: shown in the respondent's own report only.
    contact TEXT,
    -- The peer standing at submission, deflated JSON.
    standing BLOB NOT NULL,
    overall REAL,
    value REAL,
    number REAL,
    win_rate REAL,
    sales_cycle REAL,
    personal REAL,
    flags TEXT NOT NULL DEFAULT '',
    held INTEGER NOT NULL DEFAULT 0
);

INSERT INTO responses_compact (seq, id, draft_id, questionnaire_id, questionnaire_version,
        started_at, submitted_at, synthetic, answers, choices, peer_numbers, contact, standing,
        overall, value, number, win_rate, sales_cycle, personal, flags, held)
    SELECT rowid, id, draft_id, questionnaire_id, questionnaire_version,
        started_at, submitted_at, synthetic, answers, NULL, NULL, contact, standing,
        overall, value, number, win_rate, sales_cycle, personal, flags, held
    FROM responses;

DROP TABLE responses;
ALTER TABLE responses_compact RENAME TO responses;

CREATE INDEX responses_by_submission ON responses (submitted_at);
CREATE INDEX responses_held ON responses (held) WHERE held = 1;
-- Rows still in the old form, until converted (empty once they are).
CREATE INDEX responses_to_convert ON responses (seq) WHERE choices IS NULL;

-- Dropped with the old table; unchanged.
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

-- Responses per questionnaire version, origin and day, kept by the database
-- itself as rows come and go: the console's participation page reads these few
-- rows instead of scanning every response.
CREATE TABLE participation_days (
    questionnaire_id TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    synthetic INTEGER NOT NULL,
    -- YYYY-MM-DD
    day TEXT NOT NULL,
    responses INTEGER NOT NULL,
    PRIMARY KEY (questionnaire_id, questionnaire_version, synthetic, day)
) WITHOUT ROWID;

INSERT INTO participation_days
    SELECT questionnaire_id, questionnaire_version, synthetic, substr(submitted_at, 1, 10), COUNT(*)
    FROM responses GROUP BY 1, 2, 3, 4;

CREATE TRIGGER responses_counted_in AFTER INSERT ON responses
BEGIN
    INSERT OR IGNORE INTO participation_days
        VALUES (NEW.questionnaire_id, NEW.questionnaire_version, NEW.synthetic,
                substr(NEW.submitted_at, 1, 10), 0);
    UPDATE participation_days SET responses = responses + 1
        WHERE questionnaire_id = NEW.questionnaire_id
          AND questionnaire_version = NEW.questionnaire_version
          AND synthetic = NEW.synthetic AND day = substr(NEW.submitted_at, 1, 10);
END;

CREATE TRIGGER responses_counted_out AFTER DELETE ON responses
BEGIN
    UPDATE participation_days SET responses = responses - 1
        WHERE questionnaire_id = OLD.questionnaire_id
          AND questionnaire_version = OLD.questionnaire_version
          AND synthetic = OLD.synthetic AND day = substr(OLD.submitted_at, 1, 10);
    DELETE FROM participation_days
        WHERE questionnaire_id = OLD.questionnaire_id
          AND questionnaire_version = OLD.questionnaire_version
          AND synthetic = OLD.synthetic AND day = substr(OLD.submitted_at, 1, 10)
          AND responses <= 0;
END;

-- Completion times of browser responses (never synthetic), read without the rows.
CREATE INDEX responses_durations
    ON responses (questionnaire_id, questionnaire_version, submitted_at, started_at)
    WHERE synthetic = 0 AND started_at IS NOT NULL;
