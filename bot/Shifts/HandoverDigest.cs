using EscalationBot.Cards;
using EscalationBot.Cards.Handover;
using EscalationBot.Cases;

namespace EscalationBot.Shifts;

/// <summary>Everything a digest is built from, read once.</summary>
public sealed record DigestInput(
    string Title,
    ShiftRun? Incoming,
    ShiftRun? Outgoing,
    IReadOnlyList<Case> Open,
    IReadOnlyList<Case> ResolvedInOutgoing,
    IReadOnlySet<string> OutgoingMembers,
    DateTimeOffset Now,
    HandoverOptions? Options = null
);

/// <summary>
/// Builds the handover digest from the stored cases: unclaimed cases oldest first; cases held by the outgoing
/// shift; near-breach and breached cases; cases waiting on the reporter and open consults; what the outgoing shift
/// resolved and the share that met its targets; notes left for the next shift. Empty sections are left out, long
/// ones show their first entries and the command that lists them all. Lines name a case's id, severity, policy
/// area, owner and times, never its account, links or description: the digest goes to shared channels.
/// </summary>
public static class HandoverDigest
{
    public static HandoverView Build(
        DigestInput input,
        CasePolicy policy,
        int items,
        string? lateNote = null,
        IReadOnlyList<Acknowledgement>? acknowledged = null,
        IReadOnlyDictionary<string, string>? acknowledgeData = null
    )
    {
        var now = input.Now;
        var open = input.Open.OrderBy(c => c.FiledAt).ThenBy(c => c.Number).ToList();
        var sections = new List<DigestSection>();

        Add(
            sections,
            "Unclaimed",
            open.Where(c => c.State == CaseState.New),
            items,
            "queue new",
            c => $"{Head(c)} · {Age(c, now)} old · {Next(c, now, policy)}"
        );

        var owned = open.Where(c => c.Owner is not null).ToList();
        var known = input.OutgoingMembers.Count > 0;
        Add(
            sections,
            known ? $"Held by the outgoing {Of(input.Outgoing)}shift" : "Held",
            owned.Where(c => !known || input.OutgoingMembers.Contains(c.Owner!.Id)),
            items,
            "queue claimed",
            c => HeldLine(c, now, policy),
            held: known && input.Options is not null && input.Outgoing is { } outgoing
                ? c => new HeldCase(c.Id, HeldLine(c, now, policy), Chosen(c, outgoing.End))
                : null
        );

        var atRisk = open.Select(c => (Case: c, Mark: Worst(c, now, policy)))
            .Where(x => x.Mark is not null)
            .OrderByDescending(x => x.Mark!.Step)
            .ThenBy(x => x.Mark!.DueAt)
            .ToList();
        Add(
            sections,
            "Near breach or breached",
            atRisk,
            items,
            "queue",
            x =>
                $"{Head(x.Case)} · {Risk(x.Case, x.Mark!, now, policy)} · {(x.Case.Owner is { } o ? $"with {o.Name}" : "unclaimed")}"
        );

        Add(
            sections,
            "Waiting on the reporter",
            open.Where(c => c.State == CaseState.WaitingOnReporter),
            items,
            "queue waiting",
            c => $"{Head(c)} · {c.Owner?.Name} · waiting {Durations.Format(now - (c.PausedSince ?? now))}"
        );

        Add(
            sections,
            "Open consults",
            open.Where(c => c.Consult is not null),
            items,
            "queue consulting",
            c =>
                $"{Head(c)} · {c.Consult!.Team}, asked by {c.Consult.AskedBy.Name} {Durations.Format(now - c.Consult.Since)} ago"
        );

        var resolved = input.ResolvedInOutgoing.OrderBy(c => c.Resolution!.At).ToList();
        if (resolved.Count > 0)
        {
            var met = resolved.Count(c => MetBoth(c, policy));
            var share =
                $"{resolved.Count} resolved; {met} met both targets ({Math.Round(100.0 * met / resolved.Count)}%).";
            Add(
                sections,
                input.Outgoing is { } ended ? $"Resolved in the {ended.Name} shift" : "Resolved",
                resolved,
                items,
                null,
                c =>
                    $"{Head(c)} · {Labels.Of(c.Resolution!.Outcome)} · {c.Owner?.Name ?? "—"} · {(MetBoth(c, policy) ? "targets met" : "target missed")}",
                share
            );
        }

        var notesSince = input.Outgoing?.Start ?? now.AddHours(-12);
        Add(
            sections,
            "Notes for the next shift",
            open.Where(c => c.HandoverNote is { } n && n.At >= notesSince).OrderBy(c => c.HandoverNote!.At),
            items,
            null,
            c =>
                c.IsSensitive
                    ? $"{Head(c)} · {c.HandoverNote!.By.Name} left a note (a sensitive case: reveal it on its card)"
                    : $"{Head(c)} · {c.HandoverNote!.By.Name}: {Clip(c.HandoverNote.Text)}"
        );

        var clock = new TeamClock(policy.Zone);
        var subtitle = input.Incoming is { } run
            ? $"{run.Name} shift from {clock.Time(run.Start)} · {open.Count} open"
            : $"As of {clock.Time(now)} · {open.Count} open";
        return new HandoverView(
            input.Title,
            subtitle,
            sections,
            acknowledged ?? [],
            lateNote,
            acknowledgeData,
            input.Options
        )
        {
            Clock = clock,
        };
    }

    /// <summary>First response met (claimed in time) and resolution met (resolved in time), on the case's calendar.</summary>
    public static bool MetBoth(Case c, CasePolicy policy)
    {
        var calendar = policy.CalendarFor(c);
        var firstResponse = c.ClaimedAt is { } claimed && claimed <= c.FirstResponseDue(calendar);
        var resolution = c.Resolution is { } r && r.At <= c.ResolutionDue(calendar);
        return firstResponse && resolution;
    }

    /// <summary>A held case as the digest and its owner's reminder show it: who holds it, in what state, and what is due.</summary>
    public static string HeldLine(Case c, DateTimeOffset now, CasePolicy policy) =>
        $"{Head(c)} · {c.Owner!.Name} · {Labels.Of(c.State)} · {Age(c, now)} old · {Next(c, now, policy)}";

    /// <summary>The choice made for a held case at the boundary, as far as the case shows one.</summary>
    public static string? Chosen(Case c, DateTimeOffset boundary) =>
        c.KeptAcross == boundary ? $"kept by {c.Owner?.Name}" : null;

    private static void Add<T>(
        List<DigestSection> sections,
        string title,
        IEnumerable<T> entries,
        int items,
        string? command,
        Func<T, string> line,
        string? summary = null,
        Func<T, HeldCase>? held = null
    )
    {
        var all = entries.ToList();
        if (all.Count > 0)
        {
            var shown = all.Take(items).ToList();
            sections.Add(
                new DigestSection(
                    title,
                    shown.Select(line).ToList(),
                    all.Count,
                    command,
                    summary,
                    held is null ? null : shown.Select(held).ToList()
                )
            );
        }
    }

    /// <summary>The furthest SLA mark (80% or the breach) a case has passed, if any.</summary>
    private static Reminder? Worst(Case c, DateTimeOffset now, CasePolicy policy) =>
        SlaSchedule
            .Of(c, policy)
            .Where(r => r.Chase != Chase.Idle && r.Step >= 80 && r.DueAt <= now)
            .MaxBy(r => (r.Step, r.Chase));

    private static string Risk(Case c, Reminder mark, DateTimeOffset now, CasePolicy policy)
    {
        var target = mark.Chase == Chase.FirstResponse ? "first response" : "resolution";
        var calendar = policy.CalendarFor(c);
        var due = mark.Chase == Chase.FirstResponse ? c.FirstResponseDue(calendar) : c.ResolutionDue(calendar);
        return mark.Step >= 100
            ? $"**{target} breached** {Durations.Format(now - due)} ago"
            : $"{target} due in {Durations.Format(due - now)}";
    }

    private static string Head(Case c) =>
        $"**{c.Id}** · {Labels.Of(c.Report.Severity)} · {Labels.Of(c.Report.PolicyArea)}";

    private static string Age(Case c, DateTimeOffset now) => Durations.Format(now - c.FiledAt);

    private static string Of(ShiftRun? run) => run is null ? "" : $"{run.Name} ";

    private static string Next(Case c, DateTimeOffset now, CasePolicy policy)
    {
        var calendar = policy.CalendarFor(c);
        if (c.PausedSince is not null)
        {
            return "resolution clock paused";
        }

        var (what, due) = c.ClaimedAt is null
            ? ("first response", c.FirstResponseDue(calendar))
            : ("resolution", c.ResolutionDue(calendar));
        return due >= now
            ? $"{what} due in {Durations.Format(due - now)}"
            : $"{what} overdue by {Durations.Format(now - due)}";
    }

    /// <summary>How much of a handover note the digest shows (the summary rows keep one character more).</summary>
    public const int NoteShown = 160;

    private static string Clip(string text) => text.Length <= NoteShown ? text : text[..NoteShown] + "…";
}
