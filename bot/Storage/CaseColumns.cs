using Azure.Data.Tables;
using EscalationBot.Cases;

namespace EscalationBot.Storage;

/// <summary>
/// What the lists read of a case row (<see cref="CaseEntities.ToEntity(Case, string, int)"/>): only the columns they
/// show, never the description, links, summaries or questions; and a <see cref="CaseFilter"/> as a condition on
/// those columns, so that the storage filters and a page holds only what the list keeps.
/// </summary>
internal static class CaseColumns
{
    /// <summary>A queue line: id, severity, policy area, platform, state, owner, age and next target.</summary>
    public static readonly IReadOnlyList<string> QueueLine =
    [
        "Number",
        "State",
        "Severity",
        "PolicyArea",
        "Platform",
        "FiledAt",
        "FirstResponseTargetSeconds",
        "ResolutionTargetSeconds",
        "BusinessHours",
        "OwnerId",
        "OwnerName",
        "ClaimedAt",
        "PausedSince",
        "PausedForTicks",
        "ResolutionClockFrom",
    ];

    /// <summary>
    /// The handover digest and the outgoing owners' reminders: a queue line's, and what the SLA marks, the choice
    /// kept across a boundary, sensitivity, notes, consults and a resolution's outcome and time need.
    /// </summary>
    public static readonly IReadOnlyList<string> Digest =
    [
        .. QueueLine,
        "TargetsRound",
        "LastActivityAt",
        "KeptAcross",
        "MarkedSensitive",
        "HandoverNote",
        "HandoverNoteById",
        "HandoverNoteByName",
        "HandoverNoteAt",
        "ConsultTeam",
        "ConsultAskedById",
        "ConsultAskedByName",
        "ConsultSince",
        "Outcome",
        "ResolvedAt",
    ];

    /// <summary>Whether a case has its queue card: the numbers of those that do not.</summary>
    public static readonly IReadOnlyList<string> Posting = ["Number", "QueueMessageId"];

    /// <summary>
    /// Stats and exports without details: what the measures need (<c>CaseMeasures</c>) and what an export row shows,
    /// never the description, links, account or anything written about the case.
    /// </summary>
    public static readonly IReadOnlyList<string> Insight =
    [
        .. QueueLine,
        "Version",
        "Partner",
        "Outcome",
        "ResolvedAt",
        "MarkedSensitive",
        "ReopenCount",
        "ConsultCount",
    ];

    /// <summary>The open-cases index, as far as <paramref name="filter"/> keeps it, as a query filter.</summary>
    public static string OpenWhere(CaseFilter filter) =>
        RangeWhere(CaseKeys.OpenPrefix, CaseKeys.End(CaseKeys.OpenPrefix), filter);

    /// <summary>The rows from <paramref name="from"/> to before <paramref name="to"/> that <paramref name="filter"/> keeps.</summary>
    public static string RangeWhere(string from, string to, CaseFilter filter)
    {
        var clauses = new List<string>
        {
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {CaseKeys.Partition} and RowKey ge {from} and RowKey lt {to}"
            ),
        };
        if (filter.Severity is { } severity)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Severity eq {severity.ToString()}"));
        }

        if (filter.PolicyArea is { } area)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PolicyArea eq {area.ToString()}"));
        }

        if (filter.Platform is { } platform)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Platform eq {platform.ToString()}"));
        }

        if (filter.State is { } state)
        {
            clauses.Add(TableClient.CreateQueryFilter($"State eq {state.ToString()}"));
        }

        if (filter.OwnerId is { } owner)
        {
            clauses.Add(TableClient.CreateQueryFilter($"OwnerId eq {owner}"));
        }

        return string.Join(" and ", clauses);
    }
}
