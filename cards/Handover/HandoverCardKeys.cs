namespace EscalationBot.Cards.Handover;

/// <summary>The data a handover digest's and an outgoing owner's buttons carry, besides the case and the choice.</summary>
public static class HandoverCardKeys
{
    /// <summary>Which card the button is on: <see cref="DigestCard"/> or <see cref="OwnerCard"/>.</summary>
    public const string Card = "card";
    public const string DigestCard = "digest";
    public const string OwnerCard = "owner";

    /// <summary>Which shift a digest is for (its index in the schedule) and which run of it (its start, unix seconds).</summary>
    public const string Shift = "shift";
    public const string Start = "start";
}
