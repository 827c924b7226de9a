-- What scoring decided for each response beyond its index scores (coverages,
-- counts, the chosen Keep / Change / Stop actions; see the domain's
-- ScoreRecord), so that a response is read back without being scored again.
-- Rows stored before have none until the start-up step (which needs the
-- questionnaire files) scores each of them once.
ALTER TABLE responses ADD COLUMN scoring TEXT;
CREATE INDEX responses_to_score ON responses (seq) WHERE scoring IS NULL;
