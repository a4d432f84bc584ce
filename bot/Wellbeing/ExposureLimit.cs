using System.Security.Cryptography;
using System.Text;

namespace EscalationBot.Wellbeing;

/// <summary>A limit of <see cref="WellbeingOptions"/> that brings a private nudge, once per person per shift run.</summary>
public enum ExposureLimit
{
    /// <summary><see cref="WellbeingOptions.SensitivePerShift"/> sensitive cases taken.</summary>
    Cases,

    /// <summary><see cref="WellbeingOptions.ContinuousMinutes"/> holding one without a break.</summary>
    Time,
}

/// <summary>
/// The kinds of a nudge's delivery record (case 0's, with the shift's index as the step and the run's start as the
/// round): the limit and a hash of the person, which keeps their id out of the key. Stored: never change one.
/// </summary>
public static class NudgeDeliveries
{
    public static string Kind(ExposureLimit limit, string personId) =>
        $"Wellbeing{limit}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(personId)))[..16]}";
}
