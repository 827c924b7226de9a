-- The language a respondent answered in (a code: en, de, fr, es), kept with
-- their draft while they answer and with their response once submitted.
-- Responses from before languages have none: they were answered in English.
ALTER TABLE drafts ADD COLUMN language TEXT;
ALTER TABLE responses ADD COLUMN language TEXT;
