using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Help;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Tests.Cards;

/// <summary>Every card the bot can send, in every state and button mode, built the way the bot builds them.</summary>
public static class CardSamples
{
    internal static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    public static Case NewCase() =>
        new(
            12,
            CaseState.New,
            new CaseReport(
                Platform.Facebook,
                "Example News",
                "https://facebook.com/page",
                ["https://facebook.com/post/1", "https://facebook.com/post/2"],
                PolicyArea.ViolenceAndIncitement,
                Severity.Sev1,
                T0.AddDays(1),
                "Threats against a journalist"
            ),
            new Person("pm", "Pat"),
            "{}",
            T0,
            new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4))
        );

    public static Case ClaimedCase() =>
        NewCase() with
        {
            State = CaseState.Claimed,
            Owner = new Person("sam", "Sam"),
            ClaimedAt = T0.AddMinutes(4),
        };

    public static Case ResolvedCase() =>
        ClaimedCase() with
        {
            State = CaseState.Resolved,
            Resolution = new Resolution(Outcome.Actioned, "Removed.", T0.AddHours(2)),
        };

    public static Case SensitiveCase() =>
        ClaimedCase() with
        {
            Report = ClaimedCase().Report with { PolicyArea = PolicyArea.ChildSafety },
        };

    public static Case ReopenedCase() => ClaimedCase() with { State = CaseState.Reopened };

    public static IReadOnlyList<AuditEntry> History() =>
        [
            new(
                12,
                T0,
                new Person("pm", "Pat"),
                AuditAction.Filed,
                null,
                CaseState.New,
                "Threats against a journalist"
            ),
            new(12, T0.AddMinutes(4), new Person("sam", "Sam"), AuditAction.Claimed, CaseState.New, CaseState.Claimed),
            new(
                12,
                T0.AddMinutes(9),
                new Person("sam", "Sam"),
                AuditAction.Note,
                CaseState.Claimed,
                CaseState.Claimed,
                "Partner confirmed by phone."
            ),
        ];

    public static IntakeCardData Intake(
        Dictionary<string, string>? values = null,
        Dictionary<string, string>? problems = null
    ) => IntakeForms.Data(values ?? [], problems ?? [], "Asia/Singapore");

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var now = T0.AddMinutes(10);
        foreach (var mode in Enum.GetValues<ButtonMode>())
        {
            var buttons = new Buttons(mode);
            foreach (var role in Enum.GetValues<Role>())
            {
                var help = CommandTable.HelpFor(role);
                yield return ($"help-{role}-{mode}", HelpCard.Build("Hello", help.Everyday, help.More, buttons));
            }

            yield return ($"intake-{mode}", IntakeCard.Build(Intake(), buttons));
            yield return (
                $"intake-problems-{mode}",
                IntakeCard.Build(
                    Intake(
                        new()
                        {
                            ["partner"] = "x",
                            ["contentUrls"] = "ftp://x",
                            ["deadlineDate"] = "2026-12-01",
                            ["deadlineTime"] = "10:00",
                        },
                        new() { ["contentUrls"] = "bad url", ["severity"] = "Choose a severity" }
                    ),
                    buttons
                )
            );
            yield return ($"case-new-{mode}", CaseCard.Build(CaseViews.Of(NewCase(), now), buttons));
            yield return ($"case-claimed-{mode}", CaseCard.Build(CaseViews.Of(ClaimedCase(), now), buttons));
            yield return ($"case-resolved-{mode}", CaseCard.Build(CaseViews.Of(ResolvedCase(), now), buttons));
            yield return ($"confirmation-{mode}", CaseNoticeCard.Confirmation(CaseViews.Of(NewCase(), now), buttons));
            yield return ($"claimed-notice-{mode}", CaseNoticeCard.Claimed(CaseViews.Of(ClaimedCase(), now), buttons));
            yield return (
                $"resolved-notice-{mode}",
                CaseNoticeCard.Resolved(CaseViews.Of(ResolvedCase(), now), buttons)
            );
            yield return (
                $"case-reopened-timeline-{mode}",
                CaseCard.Build(CaseViews.Of(ReopenedCase(), now, CasePolicy.Default, History()), buttons)
            );
        }

        foreach (var sample in CaseCardSamples.All(now))
        {
            yield return sample;
        }

        foreach (var sample in ShiftCardSamples.All())
        {
            yield return sample;
        }

        foreach (var sample in InsightCardSamples.All())
        {
            yield return sample;
        }

        yield return (
            "queue",
            QueueCard.Build(
                "Open cases (40)",
                [CaseViews.Of(NewCase(), now), CaseViews.Of(ClaimedCase(), now.AddHours(5))],
                40
            )
        );
        yield return ("chart-image", ChartImage());
    }

    /// <summary>A chart the bot serves at a signed link, as a stats card will show it.</summary>
    public static AdaptiveCard ChartImage() =>
        new([
            new TextBlock("Cases filed per day") { Weight = "bolder" },
            new Image("https://escalations.example.com/insight/CfDJ8token/stats-2026-11-23.png")
            {
                AltText = "Cases filed per day by severity, with the share of targets met",
                Size = "stretch",
            },
        ]);
}
