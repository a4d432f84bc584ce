using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Shifts;

namespace EscalationBot.Storage;

/// <summary>
/// The summary rows: what the handover digest and the outgoing owners' reminders show of each open case
/// (<see cref="CaseColumns.Digest"/>), <see cref="PerRow"/> cases to a row, so that they read every open case in one
/// page instead of scanning the open index. RowKey <c>sum|0000000312</c> holds cases 312 × 64 to 312 × 64 + 63, one
/// property each (<c>c19968</c>): a compact JSON of those columns and the case's version while it is open, an empty
/// string once it has left the list (a merge cannot remove a property). Every change merges its own case's property
/// in its own batch, without an ETag, so changes to cases of one row never conflict. RowKey <c>sum|ready</c> says
/// every open case has its summary (<see cref="TableCaseStore.SummariseAsync"/>); until then lists read the columns.
/// </summary>
internal static class CaseSummaries
{
    public const int PerRow = 64;
    public const string Ready = CaseKeys.SummaryPrefix + "ready";

    /// <summary>
    /// The digest shows a handover note cut to <see cref="HandoverDigest.NoteShown"/> characters and an ellipsis:
    /// one character more keeps exactly that, and keeps a row of 64 cases far below Table Storage's 1 MB.
    /// </summary>
    public const int NoteKept = HandoverDigest.NoteShown + 1;

    private enum Kind
    {
        Text,
        Int,
        Long,
        Bool,
        Time,
    }

    /// <summary>Each column kept, under a short name: 64 cases to a row, read at every digest.</summary>
    private static readonly (string Column, string Key, Kind Kind)[] Fields =
    [
        ("Version", "v", Kind.Int),
        ("State", "s", Kind.Text),
        ("Severity", "sv", Kind.Text),
        ("PolicyArea", "pa", Kind.Text),
        ("Platform", "pl", Kind.Text),
        ("FiledAt", "f", Kind.Time),
        ("FirstResponseTargetSeconds", "fr", Kind.Long),
        ("ResolutionTargetSeconds", "rt", Kind.Long),
        ("BusinessHours", "bh", Kind.Bool),
        ("OwnerId", "oi", Kind.Text),
        ("OwnerName", "on", Kind.Text),
        ("ClaimedAt", "ca", Kind.Time),
        ("PausedSince", "ps", Kind.Time),
        ("PausedForTicks", "pf", Kind.Long),
        ("ResolutionClockFrom", "rc", Kind.Time),
        ("TargetsRound", "tr", Kind.Int),
        ("LastActivityAt", "la", Kind.Time),
        ("KeptAcross", "ka", Kind.Time),
        ("MarkedSensitive", "ms", Kind.Bool),
        ("HandoverNote", "hn", Kind.Text),
        ("HandoverNoteById", "hi", Kind.Text),
        ("HandoverNoteByName", "hb", Kind.Text),
        ("HandoverNoteAt", "ha", Kind.Time),
        ("ConsultTeam", "ct", Kind.Text),
        ("ConsultAskedById", "ci", Kind.Text),
        ("ConsultAskedByName", "cb", Kind.Text),
        ("ConsultSince", "cs", Kind.Time),
        ("Outcome", "o", Kind.Text),
        ("ResolvedAt", "ra", Kind.Time),
    ];

    /// <summary>The columns a summary is made of: the digest's and the version.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Number", .. Fields.Select(f => f.Column)];

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Row(int bucket) =>
        CaseKeys.SummaryPrefix + bucket.ToString("D10", CultureInfo.InvariantCulture);

    public static int Bucket(int number) => number / PerRow;

    public static string Property(int number) => "c" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of a summary property's case, or null for any other property.</summary>
    public static int? NumberOf(string property) =>
        property.Length > 1
        && property[0] == 'c'
        && int.TryParse(property.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    /// <summary>
    /// The merge a change adds to its batch: the case's summary while it is open, an empty one when it leaves the
    /// list. Built through <see cref="CaseEntities.ToEntity(Case, string, int)"/>, which refuses a partial case.
    /// </summary>
    public static TableTransactionAction Merge(Case c, int version)
    {
        var entity = CaseEntities.ToEntity(c, CaseKeys.Case(c.Number), version);
        return new(
            TableTransactionActionType.UpsertMerge,
            new TableEntity(CaseKeys.Partition, Row(Bucket(c.Number)))
            {
                [Property(c.Number)] = c.IsOpen ? Json(entity) : "",
            }
        );
    }

    /// <summary>The summary of a case row (or of an open-index row read with <see cref="Columns"/>).</summary>
    public static string Json(TableEntity row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            foreach (var (column, key, kind) in Fields)
            {
                switch (row.TryGetValue(column, out var value) ? value : null)
                {
                    case null:
                        break;
                    case string text when column == "HandoverNote" && text.Length > NoteKept:
                        // Half a surrogate pair at the cut is written escaped, and the digest never shows it.
                        json.WriteString(key, text[..NoteKept]);
                        break;
                    case string text:
                        json.WriteString(key, text);
                        break;
                    case bool flag:
                        json.WriteBoolean(key, flag);
                        break;
                    case DateTimeOffset at:
                        json.WriteString(key, at.ToUniversalTime());
                        break;
                    case DateTime at:
                        json.WriteString(key, new DateTimeOffset(at.ToUniversalTime()));
                        break;
                    default:
                        json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The case a summary describes, as the column read would give it: partial, and its version.</summary>
    public static (Case Case, int Version) Read(int number, string summary)
    {
        using var json = JsonDocument.Parse(summary);
        var row = new TableEntity(CaseKeys.Partition, CaseKeys.Open(number)) { ["Number"] = number };
        foreach (var (column, key, kind) in Fields)
        {
            if (!json.RootElement.TryGetProperty(key, out var value))
            {
                continue;
            }

            row[column] = kind switch
            {
                Kind.Text => value.GetString(),
                Kind.Int => value.GetInt32(),
                Kind.Long => value.GetInt64(),
                Kind.Bool => value.GetBoolean(),
                _ => value.GetDateTimeOffset(),
            };
        }

        return (CaseEntities.ToPartialCase(row), row.GetInt32("Version") ?? 0);
    }

    /// <summary>The open cases a summary row holds (the properties not emptied), with their versions.</summary>
    public static IEnumerable<(Case Case, int Version)> Open(TableEntity row) =>
        row
            .Keys.Select(p => (Property: p, Number: NumberOf(p)))
            .Where(p => p.Number is not null && row[p.Property] is string { Length: > 0 })
            .Select(p => Read(p.Number!.Value, (string)row[p.Property]));
}
