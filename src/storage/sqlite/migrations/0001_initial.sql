-- Questionnaires in progress: one row per resume link.
CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}',
    page INTEGER NOT NULL DEFAULT 1,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    response_id TEXT
);

-- Submitted responses: the answers, the scorecard and the peer standing at the
-- moment of submission, so that a report reads the same tomorrow.
CREATE TABLE responses (
    id TEXT PRIMARY KEY,
    draft_id TEXT UNIQUE,
    questionnaire_id TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    started_at TEXT,
    submitted_at TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0,
    -- {dimension: option id}
    profile TEXT NOT NULL,
    -- Answers without contact details.
    answers TEXT NOT NULL,
    -- Name, company and email: shown in the respondent's own report only.
    contact TEXT,
    scorecard TEXT NOT NULL,
    standing TEXT NOT NULL,
    overall REAL,
    value REAL,
    number REAL,
    win_rate REAL,
    sales_cycle REAL,
    personal REAL
);

CREATE INDEX responses_by_submission ON responses (submitted_at);
