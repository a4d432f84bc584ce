namespace EscalationBot.Shifts;

/// <summary>One post of a digest: which bound conversation, and the message id to edit in place.</summary>
public sealed record PostedMessage(string Binding, string Address, string ChannelId, string MessageId);

/// <summary>
/// A digest posted at a shift boundary: what it showed as it was built (so an acknowledgement changes only who has
/// taken over, not the snapshot), where it was posted, and who acknowledged it. <see cref="ETag"/> guards each change.
/// </summary>
public sealed record PostedDigest(
    int ShiftIndex,
    DateTimeOffset RunStart,
    DigestSnapshot View,
    IReadOnlyList<PostedMessage> Messages,
    DateTimeOffset PostedAt,
    string ETag = ""
)
{
    public bool Acknowledged => View.Acknowledged.Count > 0;
}

public interface IHandoverStore
{
    Task AddAsync(PostedDigest digest, CancellationToken cancellationToken);

    Task<PostedDigest?> GetAsync(int shiftIndex, DateTimeOffset runStart, CancellationToken cancellationToken);

    /// <summary>Replaces the digest if nobody changed it since it was read; false otherwise.</summary>
    Task<bool> TryReplaceAsync(PostedDigest updated, CancellationToken cancellationToken);
}
