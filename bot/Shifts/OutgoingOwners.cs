using System.Globalization;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Handover;
using EscalationBot.Cases;
using EscalationBot.Chat;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// The outgoing shift's cases at a boundary: who holds what, the keep / hand to / release choices offered on the
/// owner's reminder and on the digest, and until when they are open. The outgoing shift is the people on its run
/// (<see cref="ShiftRoster.MembersAsync"/>) who are not also on the incoming run: someone working a double shift
/// hands nothing over. With nobody known on the outgoing run, no case is treated as outgoing.
/// </summary>
public sealed class OutgoingOwners(
    ICaseStore store,
    ShiftSchedule schedule,
    ShiftRoster roster,
    PeopleDirectory people,
    IOptionsMonitor<ShiftsOptions> options,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>At most this many people in the "Hand to" list.</summary>
    public const int MaxIncoming = 30;

    private readonly Cards.TeamClock times = new(policy.Zone);

    /// <summary>The run that ends exactly at <paramref name="boundary"/>, if one does.</summary>
    public ShiftRun? RunEndingAt(DateTimeOffset boundary) =>
        schedule.StartingBetween(boundary.AddDays(-2), boundary).Where(r => r.End == boundary).MaxBy(r => r.Start);

    /// <summary>
    /// The boundary a typed choice at <paramref name="now"/> is about: a run that ended within
    /// <see cref="ShiftsOptions.ChooseUntilAfterBoundary"/>, else the end of the run in progress.
    /// </summary>
    public ShiftRun? RunHandingOver(DateTimeOffset now) =>
        schedule
            .StartingBetween(now.AddDays(-2), now)
            .Where(r => r.End <= now && now <= r.End + options.CurrentValue.ChooseUntilAfterBoundary)
            .MaxBy(r => r.End)
        ?? schedule.Current(now);

    /// <summary>Whether the choices for the run's end are still open.</summary>
    public bool IsOpen(ShiftRun outgoing, DateTimeOffset now) => now <= ClosesAt(outgoing);

    public DateTimeOffset ClosesAt(ShiftRun outgoing) => outgoing.End + options.CurrentValue.ChooseUntilAfterBoundary;

    public ShiftRun? Incoming(ShiftRun outgoing) => schedule.Next(outgoing.End.AddTicks(-1));

    /// <summary>The ids of the outgoing shift: on <paramref name="outgoing"/> and not on the run after it.</summary>
    public async Task<IReadOnlySet<string>> MembersAsync(ShiftRun outgoing, CancellationToken cancellationToken)
    {
        var members = await roster.MembersAsync(outgoing, cancellationToken);
        if (members.Count == 0 || Incoming(outgoing) is not { } incoming)
        {
            return members;
        }

        var staying = await roster.MembersAsync(incoming, cancellationToken);
        return members.Where(id => !staying.Contains(id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The open cases the outgoing shift holds, oldest first.</summary>
    public async Task<IReadOnlyList<Case>> HeldAsync(ShiftRun outgoing, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(outgoing, cancellationToken);
        if (members.Count == 0)
        {
            return [];
        }

        return (await store.ListOpenForDigestAsync(CaseFilter.None, cancellationToken))
            .Where(c =>
                c.Owner is { } o && members.Contains(o.Id) && CaseRules.IsAllowedIn(CaseAction.Release, c.State)
            )
            .OrderBy(c => c.FiledAt)
            .ThenBy(c => c.Number)
            .ToList();
    }

    /// <summary>
    /// The choices for the boundary at the end of <paramref name="outgoing"/>, or null once they have closed.
    /// <paramref name="cardData"/> goes back with each press so the bot can redraw the card it came from.
    /// </summary>
    public async Task<HandoverOptions?> OptionsAsync(
        ShiftRun outgoing,
        IReadOnlyDictionary<string, string> cardData,
        CancellationToken cancellationToken,
        IReadOnlySet<string>? outgoingIds = null
    )
    {
        if (!IsOpen(outgoing, clock.GetUtcNow()))
        {
            return null;
        }

        outgoingIds ??= await MembersAsync(outgoing, cancellationToken);
        var incoming = Incoming(outgoing) is { } next ? await roster.PeopleOnAsync(next, cancellationToken) : [];
        if (incoming.Count == 0)
        {
            // Nobody has said they are on the next shift: anyone on the team the bot knows, except who is leaving.
            incoming = (await people.StaffAsync(cancellationToken)).Select(p => new Person(p.Id, p.Name)).ToList();
        }

        // Capped, so that a large team cannot push the digest past Teams' message size.
        var choices = incoming
            .Where(p => !outgoingIds.Contains(p.Id))
            .Take(MaxIncoming)
            .Select(p => new Choice(p.Name, p.Id))
            .ToList();
        var closes = ClosesAt(outgoing);
        var fallback =
            options.CurrentValue.Unchosen == UnchosenCases.Release
                ? $"A case with no choice goes back to the queue at {times.Time(closes)}."
                : "A case with no choice stays with its owner.";
        return new HandoverOptions(
            outgoing.End.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            choices,
            fallback,
            cardData
        );
    }

    /// <summary>The reminder for one outgoing owner, as things stand: the cases they hold, each with its choice so far.</summary>
    public async Task<OutgoingView?> ForOwnerAsync(
        Person owner,
        ShiftRun outgoing,
        string? message,
        CancellationToken cancellationToken
    )
    {
        var choices = await OptionsAsync(outgoing, OwnerCardData, cancellationToken);
        if (choices is null)
        {
            return null;
        }

        var theirs = (await store.ListOpenForDigestAsync(new CaseFilter(OwnerId: owner.Id), cancellationToken)).Where(
            c => CaseRules.IsAllowedIn(CaseAction.Release, c.State)
        );
        return OwnerView(outgoing, theirs, choices, message);
    }

    /// <summary>What the owner's reminder card carries back with each press: that it is the owner's card.</summary>
    public static IReadOnlyDictionary<string, string> OwnerCardData { get; } =
        new Dictionary<string, string> { [HandoverChoiceRows.CardKey] = HandoverChoiceRows.OwnerCard };

    /// <summary>The reminder for one owner from cases already read (<paramref name="theirs"/>: the open cases they hold).</summary>
    public OutgoingView OwnerView(ShiftRun outgoing, IEnumerable<Case> theirs, HandoverOptions choices, string? message)
    {
        var now = clock.GetUtcNow();
        var held = theirs
            .OrderBy(c => c.FiledAt)
            .ThenBy(c => c.Number)
            .Select(c => new HeldCase(
                c.Id,
                HandoverDigest.HeldLine(c, now, policy),
                HandoverDigest.Chosen(c, outgoing.End)
            ))
            .ToList();
        var ends = outgoing.End > now ? $"ends at {times.Time(outgoing.End)}" : "has ended";
        return new OutgoingView(
            $"Your {outgoing.Name} shift {ends}",
            "For each case you hold: keep it, hand it to someone on the next shift, or release it to the queue.",
            held,
            choices,
            message
        );
    }
}
