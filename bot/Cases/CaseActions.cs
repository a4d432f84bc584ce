namespace EscalationBot.Cases;

/// <summary>
/// Who may ask for each action at all: with <see cref="CaseRules.IsAllowedIn"/>, what a case card offers its viewer.
/// The rules still check, per case, that the one asking owns it, reported it or leads.
/// </summary>
public static class CaseActions
{
    /// <summary>What a reporter (anyone not on the team) may ask for, about a case they reported.</summary>
    private static readonly HashSet<CaseAction> Reporters =
    [
        CaseAction.Reopen,
        CaseAction.MarkSensitive,
        CaseAction.Update,
        CaseAction.AddReport,
    ];

    /// <summary>What only a reporter asks for: the team adds notes instead.</summary>
    private static readonly HashSet<CaseAction> ReportersOnly = [CaseAction.Update, CaseAction.AddReport];

    public static bool AllowedTo(Role role, CaseAction action) =>
        role == Role.Reporter ? Reporters.Contains(action) : !ReportersOnly.Contains(action);
}
