using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Intake;
using EscalationBot.Cards.Wellbeing;
using EscalationBot.Cases;
using EscalationBot.Chat;
using static EscalationBot.Tests.Cards.CardSamples;

namespace EscalationBot.Tests.Cards;

/// <summary>
/// The case cards beyond those <see cref="CardSamples.All"/> shows in every button mode: each further state, the
/// notices, the duplicate warning, the history, the status and the empty queue.
/// </summary>
internal static class CaseCardSamples
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All(DateTimeOffset now)
    {
        yield return (
            "case-reassignable",
            CaseCard.Build(
                CaseViews.Of(ClaimedCase(), now, CasePolicy.Default, History()) with
                {
                    Assignees = [new("Sky", "sky"), new("Lee", "lee")],
                },
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "case-handover-note",
            CaseCard.Build(
                CaseViews.Of(
                    ClaimedCase() with
                    {
                        HandoverNote = new("Partner calls back at 9.", new Person("sam", "Sam"), T0.AddHours(1)),
                    },
                    now
                ),
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "case-waiting",
            CaseCard.Build(
                CaseViews.Of(
                    ClaimedCase() with
                    {
                        State = CaseState.WaitingOnReporter,
                        PausedSince = T0.AddMinutes(5),
                    },
                    now,
                    CasePolicy.Default,
                    History()
                ),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "question-Execute",
            CaseNoticeCard.Question(
                CaseViews.Of(ClaimedCase(), now),
                "Which account posted it first?",
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "question-Submit",
            CaseNoticeCard.Question(
                CaseViews.Of(ClaimedCase(), now),
                "Which account posted it first?",
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "case-consulting",
            CaseCard.Build(
                CaseViews.Of(
                    ClaimedCase() with
                    {
                        State = CaseState.Consulting,
                        Consult = new("Legal", "Defamatory?", new Person("sam", "Sam"), T0),
                    },
                    now,
                    CasePolicy.Default,
                    History()
                ),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "case-sensitive-hidden",
            CaseCard.Build(
                CaseViews.Of(SensitiveCase(), now, CasePolicy.Default, History()),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "case-sensitive-revealed",
            CaseCard.Build(
                CaseViews.Of(SensitiveCase(), now, CasePolicy.Default, History(), revealed: true),
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "case-sensitive-suggested",
            CaseCard.Build(
                CaseViews.Of(NewCase() with { MarkedSensitive = true }, now) with
                {
                    Suggested = ["Ana", "Ben"],
                },
                new Buttons(ButtonMode.Execute)
            )
        );
        foreach (var mode in Enum.GetValues<ButtonMode>())
        {
            yield return (
                $"claim-limit-{mode}",
                ClaimLimitCard.Build(new("ESC-12", 6, "this shift"), new Buttons(mode))
            );
        }

        yield return (
            "case-closed",
            CaseCard.Build(
                CaseViews.Of(ResolvedCase(), now.AddDays(30), CasePolicy.Default, History()),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "reopened-notice",
            CaseNoticeCard.Reopened(CaseViews.Of(ReopenedCase(), now), "The content is back up.")
        );
        yield return (
            "duplicate-Execute",
            DuplicateCard.Build(
                new("ESC-3", "Sev1 critical", "Hate speech", "Claimed", T0, TeamClock.Utc),
                new Dictionary<string, string> { ["platform"] = "Facebook" },
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "duplicate-Submit",
            DuplicateCard.Build(
                new("ESC-3", "Sev1 critical", "Hate speech", "Claimed", T0, TeamClock.Utc),
                new Dictionary<string, string> { ["platform"] = "Facebook" },
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "history",
            TimelineView.Card("ESC-12", History().Select(CaseViews.Entry).ToList(), TeamClock.Utc)
        );
        yield return (
            "history-long",
            TimelineView.Card(
                "ESC-12",
                Enumerable.Repeat(History()[1], 45).Select(CaseViews.Entry).ToList(),
                TeamClock.Utc
            )
        );
        yield return ("status", CaseNoticeCard.Status(CaseViews.Of(ClaimedCase(), now)));
        var triaged = ClaimedCase() with
        {
            LastTriage = new(Risk.ImminentHarm, Severity.Sev3, Severity.Sev1, new Person("sam", "Sam"), T0),
        };
        yield return ("case-triaged", CaseCard.Build(CaseViews.Of(triaged, now), new Buttons(ButtonMode.Execute)));
        yield return (
            "severity-changed-notice",
            CaseNoticeCard.SeverityChanged(CaseViews.Of(triaged, now), new Buttons(ButtonMode.Submit))
        );
        yield return ("queue-empty", QueueCard.Build("Open cases (0)", [], 0));
        yield return (
            "queue-page",
            QueueCard.Build(
                "Open cases (50+)",
                [CaseViews.Of(NewCase(), now)],
                50,
                "Add a filter to narrow the list, such as 'queue sev1 new'."
            )
        );
    }
}
