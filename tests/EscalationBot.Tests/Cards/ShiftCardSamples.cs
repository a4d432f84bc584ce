using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Handover;
using static EscalationBot.Tests.Cards.CardSamples;

namespace EscalationBot.Tests.Cards;

/// <summary>The shift cards: the handover digest, the outgoing owners' choices and the roster.</summary>
internal static class ShiftCardSamples
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var mode in Enum.GetValues<ButtonMode>())
        {
            yield return (
                $"break-nudge-{mode}",
                EscalationBot.Cards.Wellbeing.BreakNudgeCard.Build(
                    "You have handled 6 sensitive cases.",
                    15,
                    new Buttons(mode)
                )
            );
            yield return (
                $"handover-{mode}",
                HandoverCard.Build(Shifts.HandoverDigestSamples.Digest(open: 30, resolved: 12), new Buttons(mode))
            );
            yield return (
                $"handover-acknowledged-late-{mode}",
                HandoverCard.Build(
                    Shifts.HandoverDigestSamples.Digest(open: 3, resolved: 0) with
                    {
                        Acknowledged = [new("Sam", T0), new("Sky", T0.AddMinutes(2))],
                        LateNote = "Posted late: the bot was down at 23:00.",
                    },
                    new Buttons(mode)
                )
            );
        }

        var choices = Shifts.HandoverDigestSamples.Choices(new Dictionary<string, string> { ["card"] = "owner" });
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
                new(
                    new(
                        "Day",
                        "Tue 07:00 to 15:00 (Singapore, UTC+8)",
                        ["Sam · since Tue 07:02 (Singapore, UTC+8)", "Sky · planned, not started"]
                    ),
                    null
                ),
                new Buttons(ButtonMode.Execute),
                "You are on the Day shift until Tue 15:00 (Singapore, UTC+8). Type 'shift end' when you leave."
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
    }
}
