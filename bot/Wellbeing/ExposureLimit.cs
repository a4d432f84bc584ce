namespace EscalationBot.Wellbeing;

/// <summary>A limit of <see cref="WellbeingOptions"/> that brings a private nudge, once per person per shift run.</summary>
public enum ExposureLimit
{
    /// <summary><see cref="WellbeingOptions.SensitivePerShift"/> sensitive cases taken.</summary>
    Cases,

    /// <summary><see cref="WellbeingOptions.ContinuousMinutes"/> holding one without a break.</summary>
    Time,
}
