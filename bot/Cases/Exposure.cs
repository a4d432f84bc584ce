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
}

/// <summary>A person's exposure over a period: sensitive cases taken, details revealed, time holding one open.</summary>
public sealed record ExposureTally(int SensitiveTaken, int Revealed, TimeSpan Holding)
{
    /// <summary>
    /// Tallies <paramref name="events"/> (one person's, from <paramref name="from"/> to <paramref name="now"/>).
    /// <paramref name="heldNow"/>: the sensitive cases they hold now, so that one taken before the period and still
    /// held counts from its start.
    /// </summary>
    public static ExposureTally Of(
        IEnumerable<ExposureEvent> events,
        IReadOnlySet<int> heldNow,
        DateTimeOffset from,
        DateTimeOffset now
    )
    {
        var list = events.Where(e => e.At >= from && e.At <= now).OrderBy(e => e.At).ToList();
        var holding = TimeSpan.Zero;
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
                    holding += e.At - start;
                    since = null;
                }
            }

            if (since is { } open)
            {
                holding += now - open;
            }
        }

        return new(
            list.Count(e => e.Kind == ExposureKind.Took),
            list.Count(e => e.Kind == ExposureKind.Revealed),
            holding
        );
    }
}
