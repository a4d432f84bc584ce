using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards.Cases;

/// <summary>The pieces every case card shares: its headline and its facts.</summary>
internal static class CaseFacts
{
    public static string SeverityColor(int level) =>
        level switch
        {
            1 => "Attention",
            2 => "Warning",
            _ => "Default",
        };

    public static TextBlock Headline(CaseView view) =>
        new($"{view.Id} · {view.SeverityLabel}")
        {
            Size = "Large",
            Weight = "Bolder",
            Color = SeverityColor(view.SeverityLevel),
        };

    public static FactSet Summary(CaseView view)
    {
        var facts = new List<Fact>
        {
            new("State", view.StateLabel),
            new("Platform", view.PlatformLabel),
            new("Partner", view.Partner),
            new("Policy area", view.PolicyAreaLabel),
        };
        if (view.Account.Length > 0 && !view.HidesDetails)
        {
            facts.Add(new("Account", view.Account));
        }

        facts.Add(new("Reported by", view.ReporterName));
        if (view.LinkedTo is not null)
        {
            facts.Add(new("Linked to", view.LinkedTo));
        }

        facts.Add(new("Filed", view.Clock.Moment(view.FiledAt)));
        if (view.PartnerDeadline is { } deadline)
        {
            facts.Add(new("Partner deadline", view.Clock.Moment(deadline)));
        }

        return new FactSet(facts);
    }

    /// <summary>Where the case stands against its targets, as of the card's rendering.</summary>
    public static FactSet Targets(CaseView view)
    {
        var facts = new List<Fact>();
        if (view.ClaimedAt is { } claimed)
        {
            var took = claimed - view.FiledAt;
            var met = claimed <= view.FirstResponseDue ? "met" : "missed";
            facts.Add(
                new(
                    "First response",
                    $"{Durations.Format(took)} ({met}, target {Durations.Format(view.FirstResponseTarget)})"
                )
            );
        }
        else
        {
            facts.Add(new("First response", DueText(view, view.FirstResponseDue, view.FirstResponseTarget)));
        }

        if (view.WaitingSince is not null)
        {
            facts.Add(
                new(
                    "Resolution",
                    $"paused while waiting on the reporter; {Durations.Format(view.ResolutionDue - view.Now)} left when it resumes"
                )
            );
        }
        else if (view.ResolvedAt is { } resolved)
        {
            var met = resolved <= view.ResolutionDue ? "met" : "missed";
            facts.Add(
                new(
                    "Resolution",
                    $"{Durations.Format(resolved - view.FiledAt)} ({met}, target {Durations.Format(view.ResolutionTarget)})"
                )
            );
        }
        else
        {
            facts.Add(new("Resolution", DueText(view, view.ResolutionDue, view.ResolutionTarget)));
        }

        return new FactSet(facts);
    }

    /// <summary>A deadline as a time, which stays true on a card nobody redraws, where "due in 5 min" would not.</summary>
    private static string DueText(CaseView view, DateTimeOffset due, TimeSpan target) =>
        $"{(due >= view.Now ? "due by" : "missed: due by")} {view.Clock.Moment(due)} (target {Durations.Format(target)})";

    public static IEnumerable<Element> Content(CaseView view, Buttons buttons)
    {
        if (view.HidesDetails)
        {
            var box = new List<Element>
            {
                new TextBlock("Sensitive: details hidden") { Weight = "Bolder" },
                new TextBlock(
                    "This case may show graphic or distressing content. The account, links and description stay "
                        + "hidden until you choose Reveal details; each reveal is recorded."
                )
                {
                    Spacing = "None",
                },
            };
            if (view.Buttons.HasFlag(CaseButtons.Reveal))
            {
                box.Add(new ActionSet([buttons.Create("Reveal details", Verbs.Reveal, view.Id)]));
            }

            yield return new Container(box) { Style = "emphasis", Spacing = "Medium" };
            yield break;
        }

        if (view.Sensitive)
        {
            yield return new TextBlock("Sensitive: details revealed to you")
            {
                Color = "Warning",
                Weight = "Bolder",
                Spacing = "Medium",
            };
        }

        if (view.ContentUrls.Count > 0)
        {
            yield return new TextBlock("Content") { Weight = "Bolder", Spacing = "Medium" };
            foreach (var url in view.ContentUrls)
            {
                yield return new TextBlock($"[{url}]({url})") { Spacing = "None" };
            }
        }

        yield return new TextBlock("What is happening") { Weight = "Bolder", Spacing = "Medium" };
        yield return new TextBlock(view.Description) { Spacing = "None" };
    }
}
