namespace EscalationBot.Cases;

/// <summary>The words people see for each value, and the values the intake card offers.</summary>
public static class Labels
{
    public static string Of(Platform platform) => platform.ToString();

    public static string Of(Severity severity) =>
        severity switch
        {
            Severity.Sev1 => "Sev1 critical",
            Severity.Sev2 => "Sev2 high",
            Severity.Sev3 => "Sev3 normal",
            _ => "Sev4 low",
        };

    public static string Describe(Severity severity) =>
        severity switch
        {
            Severity.Sev1 => "Sev1 critical: imminent real-world harm, high-profile or media exposure",
            Severity.Sev2 => "Sev2 high",
            Severity.Sev3 => "Sev3 normal",
            _ => "Sev4 low",
        };

    public static string Of(PolicyArea area) =>
        area switch
        {
            PolicyArea.ViolenceAndIncitement => "Violence and incitement",
            PolicyArea.DangerousOrganisations => "Dangerous organisations and individuals",
            PolicyArea.HateSpeech => "Hate speech",
            PolicyArea.BullyingAndHarassment => "Bullying and harassment",
            PolicyArea.ChildSafety => "Child safety",
            PolicyArea.SuicideAndSelfInjury => "Suicide and self-injury",
            PolicyArea.AdultNudityAndSexualActivity => "Adult nudity and sexual activity",
            PolicyArea.ViolentAndGraphicContent => "Violent and graphic content",
            PolicyArea.Misinformation => "Misinformation",
            PolicyArea.ImpersonationAndAccountIntegrity => "Impersonation and account integrity",
            PolicyArea.IntellectualProperty => "Intellectual property",
            PolicyArea.Privacy => "Privacy",
            _ => "Other",
        };

    public static string Of(CaseState state) =>
        state switch
        {
            CaseState.New => "New",
            CaseState.Claimed => "Claimed",
            CaseState.Consulting => "Consulting",
            CaseState.WaitingOnReporter => "Waiting on reporter",
            CaseState.Resolved => "Resolved",
            CaseState.Reopened => "Reopened",
            _ => "Closed",
        };

    public static string Of(Outcome outcome) =>
        outcome switch
        {
            Outcome.Actioned => "Actioned",
            Outcome.NoViolation => "No violation",
            Outcome.NeedsPolicyDecision => "Needs policy decision",
            _ => "Other",
        };
}
