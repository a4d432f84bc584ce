using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// Reads what a digest needs from the stores (the open-cases index and one range of resolutions, only the columns it
/// shows) and builds it.
/// </summary>
public sealed class HandoverDigests(
    ICaseStore store,
    ShiftSchedule schedule,
    OutgoingOwners outgoingOwners,
    IOptions<ShiftsOptions> options,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>On demand: the shift in progress hands over to the next one, as things stand now.</summary>
    public async Task<HandoverView> NowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = schedule.Current(now);
        var next = schedule.Next(now);
        var title = current is null
            ? "Handover now"
            : $"Handover now: {current.Name}{(next is null ? "" : $" → {next.Name}")}";
        var cardData = new Dictionary<string, string> { [HandoverChoiceRows.CardKey] = HandoverChoiceRows.DigestCard };
        return await BuildAsync(title, next, current, now, cardData, cancellationToken);
    }

    /// <summary>At a boundary: the run starting at <paramref name="incoming"/> takes over from the one before it.</summary>
    public async Task<HandoverView> AtBoundaryAsync(
        ShiftRun incoming,
        string? lateNote,
        IReadOnlyList<Acknowledgement> acknowledged,
        IReadOnlyDictionary<string, string> acknowledgeData,
        CancellationToken cancellationToken
    )
    {
        var outgoing = schedule.Outgoing(incoming);
        var title = outgoing is null ? $"Handover to {incoming.Name}" : $"Handover: {outgoing.Name} → {incoming.Name}";
        var cardData = new Dictionary<string, string>(acknowledgeData)
        {
            [HandoverChoiceRows.CardKey] = HandoverChoiceRows.DigestCard,
        };
        var view = await BuildAsync(
            title,
            incoming,
            outgoing,
            clock.GetUtcNow(),
            cardData,
            cancellationToken,
            until: incoming.Start
        );
        return view with { LateNote = lateNote, Acknowledged = acknowledged, AcknowledgeData = acknowledgeData };
    }

    private async Task<HandoverView> BuildAsync(
        string title,
        ShiftRun? incoming,
        ShiftRun? outgoing,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string> cardData,
        CancellationToken cancellationToken,
        DateTimeOffset? until = null
    )
    {
        // Three reads that do not depend on each other: their round trips overlap.
        var from = outgoing?.Start ?? now.AddHours(-12);
        var openRead = store.ListOpenForDigestAsync(CaseFilter.None, cancellationToken);
        var resolvedRead = store.ListResolvedForDigestAsync(
            from,
            until is { } u && u > from ? u : now,
            cancellationToken
        );
        var membersRead = outgoing is null
            ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>())
            : outgoingOwners.MembersAsync(outgoing, cancellationToken);
        await Task.WhenAll(openRead, resolvedRead, membersRead);
        var (open, resolved, members) = (await openRead, await resolvedRead, await membersRead);
        var choices =
            outgoing is null || members.Count == 0
                ? null
                : await outgoingOwners.OptionsAsync(outgoing, cardData, cancellationToken, members);
        var input = new DigestInput(title, incoming, outgoing, open, resolved, members, now, choices);
        return HandoverDigest.Build(input, policy, options.Value.DigestItems);
    }
}
