-- One row per case, exactly the columns of the bot's CSV export (`export`), in the same order; the last three only
-- in a lead's export `with details`. Load an export with:
--   \copy escalation_cases (id, filed_utc, ..., sensitive) FROM 'escalations.csv' WITH (FORMAT csv, HEADER true)
-- (psql reads the BOM-prefixed UTF-8 file as it is; name the columns so that an export without details fits too.)
CREATE TABLE IF NOT EXISTS escalation_cases (
    id                 text PRIMARY KEY,          -- ESC-n
    filed_utc          timestamptz NOT NULL,
    filed_local        timestamptz NOT NULL,      -- the same moment, written in the team's zone
    claimed_utc        timestamptz,               -- the first claim; empty while unclaimed
    claimed_local      timestamptz,
    resolved_utc       timestamptz,               -- empty while open (a reopened case is open again)
    resolved_local     timestamptz,
    severity           text NOT NULL,             -- Sev1 .. Sev4, as it is now
    policy_area        text NOT NULL,
    platform           text NOT NULL,
    partner            text NOT NULL,
    state              text NOT NULL,             -- New, Claimed, Consulting, WaitingOnReporter, Resolved, Reopened
    outcome            text,                      -- Actioned, NoViolation, NeedsPolicyDecision, Other
    owner              text,
    first_response_min numeric(12, 2),            -- filed to first claim, on the case's calendar
    resolution_min     numeric(12, 2),            -- filed (or last reopened) to resolved, less waiting on the reporter
    first_response_met boolean,                   -- empty while the target can still be met
    resolution_met     boolean,
    reopen_count       integer NOT NULL,
    consult_count      integer NOT NULL,
    sensitive          boolean NOT NULL,
    description        text,
    content_urls       text,                      -- space-separated
    account            text
);
