using EscalationBot.Cases;

namespace EscalationBot.Tests.Cases;

/// <summary>
/// What the case rule tests act on: a case in each state, the people who act on it, the policy, and what a refusal
/// says. <see cref="CaseStateMachineTests"/> and the tests of each family of actions share them.
/// </summary>
internal static class CasesByState
{
    internal static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    internal static readonly CasePolicy Policy = new(TimeSpan.FromDays(7));
    internal static readonly Actor Reporter = new(new Person("pm", "Pat"), Role.Reporter);
    internal static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);
    internal static readonly Actor Sky = new(new Person("sky", "Sky"), Role.Specialist);
    internal static readonly Actor Lee = new(new Person("lee", "Lee"), Role.Lead);

    /// <summary>A case in each state, owned by Sam where it has an owner; "now" is an hour after filing.</summary>
    internal static Case In(CaseState state)
    {
        var c = CaseRulesTests.NewCase();
        return state switch
        {
            CaseState.New => c,
            CaseState.Claimed => c with { State = CaseState.Claimed, Owner = Sam.Person, ClaimedAt = T0 },
            CaseState.Reopened => c with { State = CaseState.Reopened, Owner = Sam.Person, ClaimedAt = T0 },
            CaseState.WaitingOnReporter => c with
            {
                State = CaseState.WaitingOnReporter,
                Owner = Sam.Person,
                ClaimedAt = T0,
                PausedSince = T0,
            },
            CaseState.Consulting => c with
            {
                State = CaseState.Consulting,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Consult = new("Legal", "Defamatory?", Sam.Person, T0),
            },
            CaseState.Resolved => c with
            {
                State = CaseState.Resolved,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Resolution = new(Outcome.Actioned, "done", T0.AddMinutes(30)),
            },
            _ => c with
            {
                State = CaseState.Resolved,
                Owner = Sam.Person,
                ClaimedAt = T0,
                Resolution = new(Outcome.Actioned, "done", T0.AddDays(-30)),
            },
        };
    }

    internal static string Message(Decision decision) => Assert.IsType<Decision.Refused>(decision).Reason;

    internal static Refusal Code(Decision decision) => Assert.IsType<Decision.Refused>(decision).Code;
}
