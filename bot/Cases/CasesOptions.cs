namespace EscalationBot.Cases;

public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>How long after resolution the reporter, the owner or a lead may reopen a case; after it the case is closed.</summary>
    public TimeSpan ReopenWindow { get; set; } = CasePolicy.Default.ReopenWindow;

    /// <summary>The teams a specialist can consult from a case; empty means <see cref="CasePolicy.DefaultTeams"/>.
    /// (Lists start empty: configuration binding adds to a list, it never replaces one.)</summary>
    public List<string> ConsultTeams { get; set; } = [];
}
