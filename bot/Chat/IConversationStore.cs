namespace EscalationBot.Chat;

/// <summary>The team conversations the bot posts to on its own: bound by a lead, kept across restarts.</summary>
public static class Bindings
{
    public const string Queue = "queue";
    public const string Leads = "leads";

    public static readonly IReadOnlyList<string> All = [Queue, Leads];
}

/// <summary>A bound conversation: its serialized conversation reference, and who bound it when.</summary>
public sealed record Binding(string Name, string Address, string ChannelId, string BoundBy, DateTimeOffset BoundAt);

/// <summary>
/// Someone the bot has met: their name, Entra id if the channel gave one, and their 1:1 chat if they have one.
/// <see cref="AwayUntil"/>: the end of their last break (README, "Wellbeing"); others see them only as away.
/// </summary>
public sealed record KnownPerson(string Id, string Name, string? AadObjectId, string? PersonalAddress)
{
    public DateTimeOffset? AwayUntil { get; init; }

    public bool IsAway(DateTimeOffset now) => AwayUntil > now;
}

public interface IConversationStore
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    Task SaveBindingAsync(Binding binding, CancellationToken cancellationToken);

    Task<Binding?> GetBindingAsync(string name, CancellationToken cancellationToken);

    Task SavePersonAsync(KnownPerson person, CancellationToken cancellationToken);

    Task<KnownPerson?> GetPersonAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="id"/> is away until <paramref name="until"/> (now, to end a break early).</summary>
    Task SetAwayAsync(string id, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The people among <paramref name="ids"/> the bot has met, read by key: never the whole directory.</summary>
    Task<IReadOnlyList<KnownPerson>> GetPeopleAsync(
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken
    );

    /// <summary>Records that a person was welcomed; false if they already were (so nobody is welcomed twice).</summary>
    Task<bool> TryMarkWelcomedAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken);
}
