-- Several servers on one database. Each keeps the peer figures in memory, so
-- each must learn of every change another makes to them: a response entering
-- them (submitted and not held, or accepted) or leaving them (deleted).
-- Changes are read by the id of the transaction that made them: a server asks
-- for the changes of transactions that finished since it last looked, so a
-- change committed late is never skipped. A notification wakes the servers at
-- once; they look every half second all the same.
CREATE TABLE peer_changes (
    seq bigserial PRIMARY KEY,
    xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    at timestamptz NOT NULL DEFAULT now(),
    response_id text NOT NULL,
    entered boolean NOT NULL,
    -- For a response that left the figures (its row is gone), what they held
    -- of it: its index scores, company numbers and peer group, as JSON; no
    -- answer and no contact detail. Changes are kept an hour.
    figures text
);
CREATE INDEX peer_changes_by_xid ON peer_changes (xid);
CREATE INDEX peer_changes_by_age ON peer_changes (at);

CREATE FUNCTION peer_change_entered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT NEW.held AND (TG_OP = 'INSERT' OR OLD.held) THEN
        INSERT INTO peer_changes (response_id, entered) VALUES (NEW.id, true);
        PERFORM pg_notify('dealbench_peer_changes', '');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER responses_enter_peer_figures AFTER INSERT OR UPDATE OF held ON responses
    FOR EACH ROW EXECUTE FUNCTION peer_change_entered();
