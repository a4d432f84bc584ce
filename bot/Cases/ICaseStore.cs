namespace EscalationBot.Cases;

/// <summary>A case as read from storage: <see cref="ETag"/> is what an update must match, <see cref="Version"/> counts its changes.</summary>
public sealed record StoredCase(Case Case, string ETag, int Version);

/// <summary>The newest entries of a case's history, oldest first, and how many earlier ones were not read.</summary>
public sealed record RecentHistory(IReadOnlyList<AuditEntry> Entries, int Earlier);

/// <summary>
/// The first open cases a filter keeps, oldest first, each partial (<see cref="Case.IsPartial"/>). With
/// <see cref="More"/> the page is full and the storage may hold more: its count is then only a lower bound.
/// </summary>
public sealed record OpenPage(IReadOnlyList<Case> Cases, bool More);

/// <summary>An export with details (descriptions, links, accounts) on the audit record: who, when, and what it covered.</summary>
public sealed record ExportAudit(Person By, DateTimeOffset At, DateTimeOffset From, DateTimeOffset To, string Filter);

public interface ICaseStore
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Files a new case under the next free number, atomically with its first audit entry and its
    /// <paramref name="effects"/>. <paramref name="build"/> receives the number; it may be called again if another
    /// filer won the number. When the effects' activity was recorded already, nothing is filed: the first filing's
    /// record comes back instead.
    /// </summary>
    Task<Filing> CreateAsync(
        Func<int, (Case Case, AuditEntry Audit)> build,
        CaseEffects effects,
        CancellationToken cancellationToken
    );

    Task<StoredCase?> GetAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the case if nobody changed it since <paramref name="current"/> was read, atomically with its
    /// audit entry, its place in the open-cases list and its <paramref name="effects"/> (outbox rows, the record of
    /// the activity). <see cref="Commit.Conflict"/> when someone else changed it first; <see cref="Commit.Replayed"/>
    /// when the activity was recorded already.
    /// </summary>
    Task<Commit> TryReplaceAsync(
        StoredCase current,
        Case updated,
        AuditEntry audit,
        CaseEffects effects,
        CancellationToken cancellationToken
    );

    /// <summary>The recorded answer to an activity (<see cref="TurnRecord.Key"/>), if it changed a case before.</summary>
    Task<TurnRecord?> GetTurnAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Records an activity that changed no case but must not be answered twice (a question sent elsewhere), before
    /// its answer goes out; false when it was recorded already: a replay.
    /// </summary>
    Task<bool> TryRecordTurnAsync(TurnRecord turn, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the records of activities handled before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetTurnsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Removes the exposure rows of moments before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetExposureAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The audit entry the case's <paramref name="version"/> wrote, if any.</summary>
    Task<AuditEntry?> GetAuditAsync(int number, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Open cases, oldest first, read whole from the open-cases index rather than every case ever filed. Every row,
    /// every column: the lists read a page or the columns they show instead (below).
    /// </summary>
    Task<IReadOnlyList<Case>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="size"/> open cases that <paramref name="filter"/> keeps, oldest first, filtered by the
    /// storage, with only the columns a queue line shows: partial cases, for showing, never for changing.
    /// </summary>
    Task<OpenPage> PageOpenAsync(CaseFilter filter, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Every open case that <paramref name="filter"/> keeps, oldest first, filtered by the storage, with only the
    /// columns the handover digest and the outgoing owners' reminders show: partial cases, never for changing.
    /// </summary>
    Task<IReadOnlyList<Case>> ListOpenForDigestAsync(CaseFilter filter, CancellationToken cancellationToken);

    /// <summary>The numbers of the open cases with no queue card yet, oldest first.</summary>
    Task<IReadOnlyList<int>> ListUnpostedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Cases as they were resolved from <paramref name="from"/> to <paramref name="to"/> (whole seconds), from the
    /// resolutions index, with only the columns the handover digest shows: partial cases, never for changing.
    /// </summary>
    Task<IReadOnlyList<Case>> ListResolvedForDigestAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    );

    /// <summary>Whether every case has its row in the filing index, which the stats and exports read.</summary>
    Task<bool> IsFiledIndexReadyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The cases filed from <paramref name="from"/> to before <paramref name="to"/> (whole seconds) that
    /// <paramref name="filter"/> keeps, as they stand now, in filing order, read a page at a time from the filing
    /// index. Without <paramref name="details"/> they are partial: no description, links, account or notes.
    /// </summary>
    IAsyncEnumerable<Case> ListFiledAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CaseFilter filter,
        bool details,
        CancellationToken cancellationToken
    );

    /// <summary>Figures kept under <paramref name="key"/> (a closed period's, for comparison), and when they were worked out.</summary>
    Task<(string Json, DateTimeOffset At)?> GetFiguresAsync(string key, CancellationToken cancellationToken);

    Task PutFiguresAsync(string key, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts an export with details on the audit record (one row for the export, not one per case).</summary>
    Task RecordExportAsync(ExportAudit export, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> HistoryAsync(int number, CancellationToken cancellationToken);

    /// <summary>One person's exposure to sensitive cases between two moments, in time order.</summary>
    Task<IReadOnlyList<ExposureEvent>> ExposureAsync(
        string personId,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The newest <paramref name="count"/> entries of version <paramref name="version"/> of the case, oldest first, and
    /// how many came before them: one bounded read whatever the length of its history.
    /// </summary>
    Task<RecentHistory> RecentHistoryAsync(int number, int version, int count, CancellationToken cancellationToken);

    /// <summary>Open cases that were ever filed with any of these <see cref="DuplicateCheck.Keys"/>: an index read, not a scan.</summary>
    Task<IReadOnlyList<Case>> FindOpenByKeysAsync(IReadOnlySet<string> keys, CancellationToken cancellationToken);
}
