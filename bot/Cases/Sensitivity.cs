namespace EscalationBot.Cases;

/// <summary>Which cases hide their details: specialists face graphic content all day and choose when to look.</summary>
public static class Sensitivity
{
    public static readonly IReadOnlySet<PolicyArea> GraphicAreas = new HashSet<PolicyArea>
    {
        PolicyArea.ViolentAndGraphicContent,
        PolicyArea.ChildSafety,
        PolicyArea.SuicideAndSelfInjury,
        PolicyArea.AdultNudityAndSexualActivity,
    };

    public static bool IsGraphic(PolicyArea area) => GraphicAreas.Contains(area);
}
