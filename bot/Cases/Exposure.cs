namespace EscalationBot.Cases;

public enum ExposureKind
{
    /// <summary>They came to hold an open sensitive case: claimed, given, reopened to them, or marked sensitive.</summary>
    Took,

    /// <summary>They looked at a sensitive case's hidden details.</summary>
    Revealed,

    /// <summary>They no longer hold it: released, handed on, resolved.</summary>
    LetGo,
}

/// <summary>One moment of a person's exposure to a sensitive case. Ids and times only: no case content.</summary>
public sealed record ExposureEvent(string PersonId, ExposureKind Kind, int CaseNumber, DateTimeOffset At);

/// <summary>
/// What a committed change means for the exposure of the people in it (issue 17: specialists face graphic content on
/// long shifts). Written in the change's own batch, so a retried or doubled activity counts once.
/// </summary>
public static class Exposure
{
    public static IReadOnlyList<ExposureEvent> Of(Case before, Case after, AuditEntry audit)
    {
        var events = new List<ExposureEvent>();
        if (audit.Action == AuditAction.RevealedDetails && after.IsSensitive)
        {
            events.Add(new(audit.Actor.Id, ExposureKind.Revealed, after.Number, audit.At));
        }

        var (was, now) = (Holder(before), Holder(after));
        if (was != now)
        {
            if (was is not null)
            {
                events.Add(new(was, ExposureKind.LetGo, after.Number, audit.At));
            }

            if (now is not null)
            {
                events.Add(new(now, ExposureKind.Took, after.Number, audit.At));
            }
        }

        return events;
    }

    /// <summary>Who holds <paramref name="c"/> as an open sensitive case, if anyone.</summary>
    public static string? Holder(Case c) => c.IsOpen && c.IsSensitive ? c.Owner?.Id : null;

    /// <summary>The open sensitive cases among <paramref name="cases"/>, by who holds them.</summary>
    public static ILookup<string, int> HeldBy(IEnumerable<Case> cases) =>
        cases.Where(c => Holder(c) is not null).ToLookup(c => Holder(c)!, c => c.Number);
}

/// <summary>
/// A person's exposure over a period: sensitive cases taken, details revealed, time holding at least one open, and
/// <see cref="Continuous"/>, how long they have now held one without a break.
/// </summary>
public sealed record ExposureTally(int SensitiveTaken, int Revealed, TimeSpan Holding, TimeSpan Continuous)
{
    /// <summary>Nothing handled: no sensitive case taken, revealed or held.</summary>
    public bool IsEmpty => SensitiveTaken == 0 && Revealed == 0 && Holding == TimeSpan.Zero;

    /// <summary>
    /// Tallies <paramref name="events"/> (one person's, from <paramref name="from"/> to <paramref name="now"/>).
    /// <paramref name="heldNow"/>: the sensitive cases they hold now, so that one taken before the period and still
    /// held counts from its start. <paramref name="restedUntil"/>: the end of their last break (later than
    /// <paramref name="now"/> while on one), where the stretch counted in <see cref="Continuous"/> starts again.
    /// </summary>
    public static ExposureTally Of(
        IEnumerable<ExposureEvent> events,
        IReadOnlySet<int> heldNow,
        DateTimeOffset from,
        DateTimeOffset now,
        DateTimeOffset? restedUntil = null
    )
    {
        var list = events.Where(e => e.At >= from && e.At <= now).OrderBy(e => e.At).ToList();
        var spans = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var number in list.Select(e => e.CaseNumber).Union(heldNow))
        {
            var own = list.Where(e => e.CaseNumber == number && e.Kind != ExposureKind.Revealed).ToList();
            // Held when the period began if its first move in it lets go, or if it has none and is held now.
            DateTimeOffset? since =
                own.FirstOrDefault()?.Kind == ExposureKind.LetGo || (own.Count == 0 && heldNow.Contains(number))
                    ? from
                    : null;
            foreach (var e in own)
            {
                if (e.Kind == ExposureKind.Took)
                {
                    since ??= e.At;
                }
                else if (since is { } start)
                {
                    spans.Add((start, e.At));
                    since = null;
                }
            }

            if (since is { } open)
            {
                spans.Add((open, now));
            }
        }

        // Two cases held at once are one stretch of exposure, not two.
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, span.End > merged[^1].End ? span.End : merged[^1].End);
            }
            else
            {
                merged.Add(span);
            }
        }

        var stretch = merged.Count > 0 && merged[^1].End == now ? merged[^1].Start : now;
        if (restedUntil is { } rested && rested > stretch)
        {
            stretch = rested < now ? rested : now;
        }

        return new(
            list.Count(e => e.Kind == ExposureKind.Took),
            list.Count(e => e.Kind == ExposureKind.Revealed),
            merged.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start)),
            now - stretch
        );
    }
}
