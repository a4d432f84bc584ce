using EscalationBot.Cards.AdaptiveCards;

namespace EscalationBot.Cards;

/// <summary>How a card's buttons reach the bot, which depends on the client that shows the card.</summary>
public enum ButtonMode
{
    /// <summary>Teams: Action.Execute, answered by the bot with the refreshed card.</summary>
    Execute,

    /// <summary>Web Chat, Direct Line, Emulator: Action.Submit, because Web Chat ignores Action.Execute.</summary>
    Submit,
}

/// <summary>The verbs a card button can send. The bot treats everything a button sends as user input.</summary>
public static class Verbs
{
    public const string OpenIntake = "openIntake";
    public const string SubmitIntake = "submitIntake";
    public const string Claim = "claim";

    /// <summary>"Leave it", asked before claiming at the limit of sensitive cases: nothing changes.</summary>
    public const string LeaveCase = "leaveCase";
    public const string Resolve = "resolve";
    public const string Status = "status";
    public const string Release = "release";
    public const string Reopen = "reopen";
    public const string Note = "note";
    public const string Reveal = "reveal";
    public const string Consult = "consult";
    public const string Reassign = "reassign";
    public const string AddToCase = "addToCase";
    public const string Triage = "triage";
    public const string AskReporter = "askReporter";
    public const string Update = "update";
    public const string RecordAnswer = "recordAnswer";
    public const string MarkSensitive = "markSensitive";
    public const string AcknowledgeHandover = "ackHandover";
    public const string StartShift = "shiftStart";
    public const string EndShift = "shiftEnd";
    public const string HandoverChoice = "handoverChoice";
    public const string HandoverNote = "handoverNote";
    public const string TakeBreak = "takeBreak";
    public const string NotNow = "notNow";

    /// <summary>The data key that carries the verb in an Action.Submit payload.</summary>
    public const string SubmitVerbKey = "verb";
    public const string CaseIdKey = "caseId";
}

public sealed class Buttons(ButtonMode mode)
{
    public ButtonMode Mode => mode;

    public CardAction Create(string title, string verb, string? caseId = null, string? style = null) =>
        Create(title, verb, new Dictionary<string, string>(), caseId, style);

    /// <summary>A button that also carries <paramref name="carried"/> back, such as a form the user already filled.</summary>
    public CardAction Create(
        string title,
        string verb,
        IReadOnlyDictionary<string, string> carried,
        string? caseId = null,
        string? style = null
    )
    {
        var data = new Dictionary<string, string>(carried);
        if (caseId is not null)
        {
            data[Verbs.CaseIdKey] = caseId;
        }

        return mode switch
        {
            ButtonMode.Execute => new ExecuteAction(title, verb, data) { Style = style },
            _ => new SubmitAction(title, new Dictionary<string, string>(data) { [Verbs.SubmitVerbKey] = verb })
            {
                Style = style,
            },
        };
    }
}
