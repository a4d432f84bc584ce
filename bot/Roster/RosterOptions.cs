using Microsoft.Extensions.Options;

namespace EscalationBot.Roster;

/// <summary>
/// Who is staff. Each entry names one identity explicitly (see <see cref="PersonId"/>): <c>aad:{Entra object id}</c>
/// for a Teams user, <c>{channelId}:{from.id}</c> for another channel's (<c>webchat:user-1</c>).
/// </summary>
public sealed class RosterOptions
{
    public const string Section = "Roster";

    public List<string> Leads { get; set; } = [];
    public List<string> Specialists { get; set; } = [];

    /// <summary>Every entry that is not an explicit identity, with the setting it sits in.</summary>
    public IEnumerable<string> Problems() =>
        Check(Leads, $"{Section}:Leads").Concat(Check(Specialists, $"{Section}:Specialists"));

    internal static IEnumerable<string> Check(IEnumerable<string> entries, string setting) =>
        entries
            .Select(
                (entry, i) => PersonId.FromEntry(entry, out var problem) is null ? $"{setting}:{i} {problem}" : null
            )
            .OfType<string>();
}

/// <summary>A bare id in the roster would match the same text on any channel: refuse it at start.</summary>
public sealed class RosterOptionsValidator : IValidateOptions<RosterOptions>
{
    public ValidateOptionsResult Validate(string? name, RosterOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
