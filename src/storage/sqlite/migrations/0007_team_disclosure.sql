-- Team reports that no planted member can read a colleague's answers from.

-- The secret of the team reports' dither: random, made once, kept in the
-- database so that every server on it draws the same figures; never exported
-- and never shown.
INSERT INTO study_keys (name, value) VALUES ('team_release', randomblob(32));

-- The order in which a team's members came to count: at submission, or when
-- an operator accepted a held response; NULL while held. A wave's figures
-- cover its first counted members in this order, so a member counted later
-- never changes the members an earlier release covers.
ALTER TABLE team_members ADD COLUMN counted_order INTEGER;
UPDATE team_members SET counted_order = (
    SELECT COUNT(*) FROM team_members m
    JOIN responses r ON r.id = m.response_id AND r.held = 0
    JOIN responses this ON this.id = team_members.response_id
    WHERE m.team_id = team_members.team_id
      AND (r.submitted_at, m.rowid) <= (this.submitted_at, team_members.rowid)
)
WHERE response_id IN (SELECT id FROM responses WHERE held = 0);

-- A member joins counted unless their response is held.
DROP TRIGGER responses_take_draft_links;
CREATE TRIGGER responses_take_draft_links AFTER INSERT ON responses
WHEN NEW.draft_id IS NOT NULL
BEGIN
    INSERT INTO team_members (response_id, team_id, wave, show_name, counted_order)
        SELECT NEW.id, l.team_id, t.wave, l.show_name,
               CASE WHEN NEW.held THEN NULL ELSE
                   (SELECT COALESCE(MAX(m.counted_order), 0) + 1 FROM team_members m
                    WHERE m.team_id = l.team_id)
               END
        FROM draft_links l JOIN teams t ON t.id = l.team_id
        WHERE l.draft_id = NEW.draft_id;
    INSERT INTO response_links (response_id, previous_id)
        SELECT NEW.id, l.previous_id FROM draft_links l
        WHERE l.draft_id = NEW.draft_id AND l.previous_id IS NOT NULL;
END;
