using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Handover;

namespace EscalationBot.Shifts;

/// <summary>
/// A digest as it was posted, kept so that an acknowledgement changes only who has taken over, not what it showed.
/// Stored as JSON: its property names (and its parts') are the stored format, so never rename one. It is the
/// shifts' own record: the card's <see cref="HandoverView"/> may change without touching what is stored.
/// </summary>
public sealed record DigestSnapshot(
    string Title,
    string Subtitle,
    IReadOnlyList<DigestSnapshot.Section> Sections,
    IReadOnlyList<DigestSnapshot.Takeover> Acknowledged,
    string? LateNote,
    IReadOnlyDictionary<string, string>? AcknowledgeData,
    DigestSnapshot.Choices? Options,
    string? Zone = null
)
{
    /// <summary>A section's first lines, how many there are in all, and the command that lists them.</summary>
    public sealed record Section(
        string Title,
        IReadOnlyList<string> Lines,
        int Total,
        string? ListCommand,
        string? Summary,
        IReadOnlyList<HeldLine>? Held
    );

    /// <summary>A case the outgoing shift holds, with the choice made for it when posted.</summary>
    public sealed record HeldLine(string CaseId, string Line, string? Chosen);

    /// <summary>Someone on the incoming shift took the work over.</summary>
    public sealed record Takeover(string Name, DateTimeOffset At, string? Id);

    /// <summary>The keep / hand to / release choices the digest offered, and who a case could be handed to.</summary>
    public sealed record Choices(
        string Boundary,
        IReadOnlyList<Assignee> Incoming,
        string Default,
        IReadOnlyDictionary<string, string> CardData
    );

    /// <summary>Someone a case can be handed to (the card's choice: name and id).</summary>
    public sealed record Assignee(string Title, string Value);

    public static DigestSnapshot Of(HandoverView view) =>
        new(
            view.Title,
            view.Subtitle,
            view.Sections.Select(s => new Section(
                    s.Title,
                    s.Lines,
                    s.Total,
                    s.ListCommand,
                    s.Summary,
                    s.Held?.Select(h => new HeldLine(h.CaseId, h.Line, h.Chosen)).ToList()
                ))
                .ToList(),
            view.Acknowledged.Select(a => new Takeover(a.Name, a.At, a.Id)).ToList(),
            view.LateNote,
            view.AcknowledgeData,
            view.Options is { } o
                ? new Choices(
                    o.Boundary,
                    o.Incoming.Select(c => new Assignee(c.Title, c.Value)).ToList(),
                    o.Default,
                    o.CardData
                )
                : null,
            view.Clock.Zone.Id
        );

    /// <summary>The digest as the card shows it again (a digest stored before its zone was: in UTC, named so).</summary>
    public HandoverView ToView() =>
        new(
            Title,
            Subtitle,
            Sections
                .Select(s => new DigestSection(
                    s.Title,
                    s.Lines,
                    s.Total,
                    s.ListCommand,
                    s.Summary,
                    s.Held?.Select(h => new HeldCase(h.CaseId, h.Line, h.Chosen)).ToList()
                ))
                .ToList(),
            Acknowledged.Select(a => new Acknowledgement(a.Name, a.At, a.Id)).ToList(),
            LateNote,
            AcknowledgeData,
            Options is { } o
                ? new HandoverOptions(
                    o.Boundary,
                    o.Incoming.Select(p => new Choice(p.Title, p.Value)).ToList(),
                    o.Default,
                    o.CardData
                )
                : null
        )
        {
            Clock = Zone is null ? TeamClock.Utc : new TeamClock(TimeZoneInfo.FindSystemTimeZoneById(Zone)),
        };
}
