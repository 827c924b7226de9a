-- A counted win rate is read as a rate only from the questionnaire's
-- `minimum_decided_deals` (won plus lost) on. Rows stored before the rule held
-- their company numbers without it: a unit or value win rate counted from a
-- few deals, and the win rate and velocity built on it. Such a row holds a unit
-- or value win rate, the 7th and 8th of its `peer_numbers` (so more than 48
-- bytes). Its `choices` are cleared, so that the start-up step that converts rows
-- (see 0005; it needs the questionnaire files) derives its columns again from its
-- answers, by the rule, before the peer index is loaded from them. Rows whose
-- deals were enough come out as they were.
UPDATE responses SET choices = NULL WHERE length(peer_numbers) > 48;
