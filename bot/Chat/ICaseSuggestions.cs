using EscalationBot.Cases;

namespace EscalationBot.Chat;

/// <summary>
/// Who the queue card suggests for a case (README, "Wellbeing"): names only, never why. Asked only for the card in
/// the queue channel; the wellbeing feature answers it, and without that nobody is suggested.
/// </summary>
public interface ICaseSuggestions
{
    /// <summary>Up to two names for <paramref name="c"/>, best first; empty when nobody is to be suggested.</summary>
    Task<IReadOnlyList<string>> ForAsync(Case c, CancellationToken cancellationToken);

    public static readonly ICaseSuggestions None = new Nobody();

    private sealed class Nobody : ICaseSuggestions
    {
        public Task<IReadOnlyList<string>> ForAsync(Case c, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }
}
