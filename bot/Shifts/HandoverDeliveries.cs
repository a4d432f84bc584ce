namespace EscalationBot.Shifts;

/// <summary>
/// What a shift's handover sends once, as the kinds of its delivery records (case 0's, with the shift's index as
/// the step and the run's start as the round). The names are stored: never change one.
/// </summary>
public static class HandoverDeliveries
{
    /// <summary>The digest at the boundary.</summary>
    public const string Digest = "Handover";

    /// <summary>
    /// The digest of the shift in progress, posted when <paramref name="binding"/> is bound (<c>setup leads</c>,
    /// <c>setup queue</c>) to a conversation that has not had it: its boundary came while there was nowhere to post.
    /// </summary>
    public static string DigestOnBinding(string binding) => $"HandoverOnBinding:{binding}";

    /// <summary>The leads' nudge when nobody has taken the handover over.</summary>
    public const string Nudge = "HandoverNudge";

    /// <summary>The outgoing owners' ask before the shift ends.</summary>
    public const string Ask = "HandoverAsk";

    /// <summary>The release of the cases nobody chose for.</summary>
    public const string Release = "HandoverRelease";
}
