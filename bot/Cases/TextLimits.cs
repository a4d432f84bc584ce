namespace EscalationBot.Cases;

/// <summary>
/// How long each free-text field the bot stores or echoes may be: one place for every limit. The chat edge trims
/// what is longer (<see cref="Trim"/>) before anything reaches the case rules, so a long paste never becomes a
/// storage error (Table Storage takes at most 32K characters a property, 1 MB an entity) nor a card over Teams'
/// message limit. The intake form is the exception: its fields are checked, and a long one is sent back to fix.
/// </summary>
public static class TextLimits
{
    /// <summary>A display name (<c>from.name</c>), and any other name the channel sends.</summary>
    public const int Name = 128;

    /// <summary>Notes, reasons, questions, answers, updates, handover notes.</summary>
    public const int Note = 2000;

    /// <summary>The summary a reporter gets with the outcome.</summary>
    public const int Summary = 2000;

    /// <summary>A word or two: a team, an outcome, a severity, a policy area, a typed name.</summary>
    public const int Word = 100;

    /// <summary>The intake form's fields (the <c>escalate</c> prefill is a description).</summary>
    public const int Partner = 100;
    public const int Account = 300;
    public const int ContentUrls = 4000;
    public const int Description = 4000;

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters, ending in an ellipsis when cut,
    /// and never in half a surrogate pair.
    /// </summary>
    public static string Trim(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep].TrimEnd() + "…";
    }

    /// <summary><see cref="Trim(string, int)"/> for optional text.</summary>
    public static string? TrimOrNull(string? text, int max) => text is null ? null : Trim(text, max);
}
