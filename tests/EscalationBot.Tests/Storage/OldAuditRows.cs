using Azure.Data.Tables;

namespace EscalationBot.Tests.Storage;

/// <summary>
/// The audit rows of one case (ESC-12) as the store wrote them before the codes, with exactly the properties (names
/// and types) it wrote then: one row for each sentence it stored in <c>Action</c>.
/// </summary>
internal static class OldAuditRows
{
    internal static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A row as the store wrote it before the codes (ESC-12, version <paramref name="version"/>).</summary>
    private static TableEntity OldRow(
        int version,
        int minutes,
        string actorId,
        string actorName,
        string action,
        string? from,
        string to,
        string? text = null
    )
    {
        var row = new TableEntity("cases", $"audit|0000000012|{version:D6}")
        {
            ["Number"] = 12,
            ["At"] = T0.AddMinutes(minutes),
            ["ActorId"] = actorId,
            ["ActorName"] = actorName,
            ["Action"] = action,
            ["ToState"] = to,
        };
        if (from is not null)
        {
            row["FromState"] = from;
        }

        if (text is not null)
        {
            row["Text"] = text;
        }

        return row;
    }

    internal static readonly TableEntity[] OldRows =
    [
        OldRow(
            1,
            0,
            "pm-1",
            "Pat Partner-Manager",
            "filed (linked to ESC-3)",
            null,
            "New",
            "Threats against a journalist"
        ),
        OldRow(2, 0, "escalationbot", "EscalationBot", "posted to queue", "New", "New"),
        OldRow(3, 4, "spec-1", "Sam Specialist", "claimed", "New", "Claimed"),
        OldRow(4, 5, "spec-1", "Sam Specialist", "triaged", "Claimed", "Claimed", "Sev1 confirmed"),
        OldRow(5, 6, "spec-1", "Sam Specialist", "consulting Legal", "Claimed", "Consulting", "Defamatory?"),
        OldRow(6, 7, "spec-2", "Sky Specialist", "answer from Legal", "Consulting", "Claimed", "Not defamatory."),
        OldRow(
            7,
            8,
            "spec-1",
            "Sam Specialist",
            "asked the reporter",
            "Claimed",
            "WaitingOnReporter",
            "Which account?"
        ),
        OldRow(8, 9, "pm-1", "Pat Partner-Manager", "reporter answered", "WaitingOnReporter", "Claimed", "@first"),
        OldRow(9, 10, "pm-1", "Pat Partner-Manager", "update from the reporter", "Claimed", "Claimed", "Another link"),
        OldRow(10, 11, "pm-2", "Pia Partner-Manager", "report added", "Claimed", "Claimed", "Other NGO: Seen again"),
        OldRow(11, 12, "spec-1", "Sam Specialist", "note", "Claimed", "Claimed", "Partner confirmed by phone."),
        OldRow(
            12,
            13,
            "spec-1",
            "Sam Specialist",
            "handover note",
            "Claimed",
            "Claimed",
            "Waiting on Legal's second look."
        ),
        OldRow(
            13,
            14,
            "spec-1",
            "Sam Specialist",
            "kept over the handover",
            "Claimed",
            "Claimed",
            "Sam Specialist keeps it across the shift change."
        ),
        OldRow(14, 15, "spec-1", "Sam Specialist", "marked sensitive", "Claimed", "Claimed"),
        OldRow(15, 16, "spec-2", "Sky Specialist", "revealed details", "Claimed", "Claimed"),
        OldRow(16, 17, "lead-1", "Lee Lead", "reassigned to Sky Specialist", "Claimed", "Claimed"),
        OldRow(17, 18, "spec-2", "Sky Specialist", "released to the queue", "Claimed", "New"),
        OldRow(18, 19, "spec-1", "Sam Specialist", "claimed", "New", "Claimed"),
        OldRow(
            19,
            20,
            "escalationbot",
            "EscalationBot",
            "released at the handover",
            "Claimed",
            "New",
            "Sam Specialist made no choice for it before the Day shift ended; back in the queue."
        ),
        OldRow(20, 21, "spec-1", "Sam Specialist", "claimed", "New", "Claimed"),
        OldRow(
            21,
            22,
            "escalationbot",
            "EscalationBot",
            "released: no activity",
            "Claimed",
            "New",
            "No activity from Sam Specialist for 2 d; back in the queue."
        ),
        OldRow(22, 23, "spec-2", "Sky Specialist", "claimed", "New", "Claimed"),
        OldRow(23, 24, "spec-2", "Sky Specialist", "resolved: No violation", "Claimed", "Resolved", "Satire."),
        OldRow(24, 25, "pm-1", "Pat Partner-Manager", "reopened", "Resolved", "Reopened", "It is back up"),
        OldRow(25, 26, "spec-2", "Sky Specialist", "answer from the team", "Consulting", "Claimed", "Fine."),
        OldRow(26, 27, "spec-2", "Sky Specialist", "something nobody wrote since", "Claimed", "Claimed"),
    ];
}
