-- The figures of `stats` for the cases in escalation_cases (load one period's export; or add
-- WHERE filed_utc >= '2026-11-30T00:00:00+08' AND filed_utc < '2026-12-07T00:00:00+08' to each query).
-- Definitions: README.md, "Insight: how the figures are computed". percentile_cont interpolates linearly between the
-- closest ranks, as the bot does, and skips the empty (NULL) durations of unclaimed and unresolved cases.

-- Volumes, MTTA and MTTR (minutes).
SELECT
    count(*)                                                          AS filed,
    count(claimed_utc)                                                AS claimed,
    count(resolved_utc)                                               AS resolved,
    count(*) FILTER (WHERE reopen_count > 0)                          AS reopened,
    count(*) FILTER (WHERE resolved_utc IS NULL)                      AS still_open,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_min)   AS mtta_median_min,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_min)   AS mtta_p90_min,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_min)       AS mttr_median_min,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_min)       AS mttr_p90_min
FROM escalation_cases;

-- Targets met per severity: met, missed (a breach), and the share met of those judged.
SELECT
    severity,
    count(*) FILTER (WHERE first_response_met)                        AS first_response_met,
    count(*) FILTER (WHERE NOT first_response_met)                    AS first_response_missed,
    round(100.0 * count(*) FILTER (WHERE first_response_met)
          / nullif(count(first_response_met), 0), 1)                  AS first_response_met_pct,
    count(*) FILTER (WHERE resolution_met)                            AS resolution_met,
    count(*) FILTER (WHERE NOT resolution_met)                        AS resolution_missed,
    round(100.0 * count(*) FILTER (WHERE resolution_met)
          / nullif(count(resolution_met), 0), 1)                      AS resolution_met_pct
FROM escalation_cases
GROUP BY severity
ORDER BY severity;
