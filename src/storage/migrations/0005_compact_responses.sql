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
