using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Handover;
using EscalationBot.Cards.Help;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Tests.Cards;

/// <summary>Every card the bot can send, in every state and button mode, built the way the bot builds them.</summary>
public static class CardSamples
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

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
            yield return ($"help-{mode}", HelpCard.Build("Hello", CommandTable.HelpLines, buttons));
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
                new("ESC-3", "Sev1 critical", "Hate speech", "Claimed", T0),
                new Dictionary<string, string> { ["platform"] = "Facebook" },
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "duplicate-Submit",
            DuplicateCard.Build(
                new("ESC-3", "Sev1 critical", "Hate speech", "Claimed", T0),
                new Dictionary<string, string> { ["platform"] = "Facebook" },
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return ("history", TimelineView.Card("ESC-12", History().Select(CaseViews.Entry).ToList()));
        yield return (
            "history-long",
            TimelineView.Card("ESC-12", Enumerable.Repeat(History()[1], 45).Select(CaseViews.Entry).ToList())
        );
        yield return ("status", CaseNoticeCard.Status(CaseViews.Of(ClaimedCase(), now)));
        yield return ("queue-empty", QueueCard.Build("Open cases (0)", [], 0));
        foreach (var mode in Enum.GetValues<ButtonMode>())
        {
            yield return (
                $"handover-{mode}",
                HandoverCard.Build(Shifts.HandoverDigestTests.Digest(open: 30, resolved: 12), new Buttons(mode))
            );
            yield return (
                $"handover-acknowledged-late-{mode}",
                HandoverCard.Build(
                    Shifts.HandoverDigestTests.Digest(open: 3, resolved: 0) with
                    {
                        Acknowledged = [new("Sam", T0), new("Sky", T0.AddMinutes(2))],
                        LateNote = "Posted late: the bot was down at 23:00.",
                    },
                    new Buttons(mode)
                )
            );
        }

        var choices = Shifts.HandoverDigestTests.Choices(new Dictionary<string, string> { ["card"] = "owner" });
        var held = new List<HeldCase>
        {
            new(
                "ESC-3",
                "**ESC-3** · Sev2 high · Hate speech · Sam · Claimed · 3 h old · resolution due in 20 h",
                "kept by Sam"
            ),
            new("ESC-4", "**ESC-4** · Sev3 normal · Privacy · Sam · Claimed · 1 h old · resolution due in 2 d", null),
        };
        yield return (
            "outgoing-Execute",
            OutgoingCard.Build(
                new OutgoingView(
                    "Your Day shift ends at 15:00",
                    "For each case you hold…",
                    held,
                    choices,
                    "ESC-3 stays with Sam over the handover."
                ),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "outgoing-Submit",
            OutgoingCard.Build(
                new OutgoingView(
                    "Your Day shift ends at 15:00",
                    "For each case you hold…",
                    held,
                    choices with
                    {
                        Incoming = [],
                    }
                ),
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "outgoing-none",
            OutgoingCard.Build(
                new OutgoingView("Your Day shift has ended", "For each case you hold…", [], choices),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "who",
            EscalationBot.Cards.Shifts.RosterCard.Build(
                new(new("Day", "07:00 to 15:00", ["Sam · since 07:02", "Sky · planned, not started"]), null),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "who-empty",
            EscalationBot.Cards.Shifts.RosterCard.Build(
                new(new("Day", "07:00 to 15:00", []), new("Night", "from 15:00 to 07:00", ["Lee · since 14:40"])),
                new Buttons(ButtonMode.Submit)
            )
        );
        yield return (
            "handover-quiet",
            HandoverCard.Build(
                new HandoverView("Handover now", "As of now · 0 open", [], [], null, null),
                new Buttons(ButtonMode.Execute)
            )
        );
        yield return (
            "queue",
            QueueCard.Build(
                "Open cases (40)",
                [CaseViews.Of(NewCase(), now), CaseViews.Of(ClaimedCase(), now.AddHours(5))],
                40
            )
        );
    }
}
