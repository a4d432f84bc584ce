using System.Text.RegularExpressions;
using EscalationBot.Cards;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Chat;

/// <summary>Turns typed text and button data into commands. Everything it reads is user input.</summary>
public static partial class CommandParser
{
    public static readonly IReadOnlyList<(string Command, string Meaning)> Commands =
    [
        ("escalate [description]", "File an escalation (in a 1:1 chat with me)."),
        ("status ESC-n", "Where a case stands."),
        ("queue [filters]", "Open cases, oldest first, with age and time left (specialists and leads). Filters: sev1–sev4, facebook, instagram, new, claimed, reopened, waiting, consulting, a policy area such as hate-speech."),
        ("mine [filters]", "Your open cases, with the same filters."),
        ("claim ESC-n", "Take a case (specialists and leads)."),
        ("resolve ESC-n [outcome] summary", "Resolve your case; outcome is actioned, no-violation, policy-decision or other (default other)."),
        ("release ESC-n", "Give your case back to the queue."),
        ("reassign ESC-n name", "Hand your case to another specialist (the owner or a lead)."),
        ("note ESC-n text", "Add a note to the case's timeline (specialists and leads)."),
        ("reopen ESC-n reason", "Reopen a resolved case within the reopen window (reporter, owner or lead)."),
        ("history ESC-n", "The case's timeline: every change, who, when (specialists and leads)."),
        ("triage ESC-n sev1 [policy-area] reason", "Correct a case's severity or policy area, with the reason (the owner or a lead)."),
        ("ask ESC-n question", "Ask the reporter for more; the resolution clock pauses until they answer (the owner or a lead)."),
        ("update ESC-n text", "Add information to your own escalation, or answer the specialist's question."),
        ("consult ESC-n team question", "Ask another team (for example Legal or Content Policy) about your case."),
        ("answer ESC-n text", "Record the consulted team's answer; the case goes back to its owner."),
        ("reveal ESC-n", "Show a sensitive case's hidden details to you alone (specialists and leads; in a 1:1 chat)."),
        ("sensitive ESC-n", "Hide a case's details from previews (the reporter, specialists and leads)."),
        ("handover", "The handover digest for the shift now: open, at risk, who holds what (leads)."),
        ("handover note ESC-n text", "Leave a note about a case for the next shift's digest (specialists and leads)."),
        ("handover keep ESC-n", "Keep your case over the shift change, so it is not released to the queue (the owner or a lead)."),
        ("shift start / shift end", "Say that you are starting or leaving your shift (specialists and leads)."),
        ("who", "Who is on shift now, and on the next shift (specialists and leads)."),
        ("setup queue / setup leads", "Make this conversation the specialists' queue or the leads' channel (leads)."),
        ("help", "This list."),
    ];

    public static ChatCommand FromText(string? text)
    {
        // Teams keeps "<at>Bot</at>" in the text of a channel message; without a mention entity the SDK cannot strip it.
        var t = Whitespace().Replace(Mention().Replace(text ?? "", " "), " ").Trim();
        if (t.Length == 0)
        {
            return new ChatCommand.Help();
        }

        var space = t.IndexOf(' ');
        var verb = (space < 0 ? t : t[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : t[(space + 1)..];

        return verb switch
        {
            "help" or "?" or "hi" or "hello" => new ChatCommand.Help(),
            "escalate" or "report" => new ChatCommand.OpenIntake(rest.Length > 0 ? TextLimits.Trim(rest, TextLimits.Description) : null),
            "claim" => rest.Length > 0 ? new ChatCommand.Claim(rest) : Usage("claim ESC-12"),
            "status" => rest.Length > 0 ? new ChatCommand.Status(rest) : Usage("status ESC-12"),
            "queue" => new ChatCommand.ShowQueue(rest.Length > 0 ? rest : null),
            "mine" => new ChatCommand.ShowQueue(rest.Length > 0 ? rest : null, Mine: true),
            "resolve" => ParseResolve(rest),
            "release" => rest.Length > 0 ? new ChatCommand.Release(rest) : Usage("release ESC-12"),
            "ask" => WithText(rest, (id, text) => new ChatCommand.AskReporter(id, text), "ask ESC-12 Which account posted it first?"),
            "update" => WithText(rest, (id, text) => new ChatCommand.Update(id, text), "update ESC-12 It has been reposted here: https://…"),
            "triage" => WithText(rest, ParseTriage, "triage ESC-12 sev1 Threats name a date"),
            "reassign" => WithText(rest, (id, text) => new ChatCommand.Reassign(id, null, TextLimits.Trim(text, TextLimits.Word)),
                "reassign ESC-12 Sky Specialist"),
            "reveal" => rest.Length > 0 ? new ChatCommand.Reveal(rest) : Usage("reveal ESC-12"),
            "consult" => WithText(rest, (id, text) => new ChatCommand.Consult(id, null, null, text), "consult ESC-12 Legal Is this post defamatory?"),
            "answer" => WithText(rest, (id, text) => new ChatCommand.RecordAnswer(id, text), "answer ESC-12 Legal: not defamatory"),
            "sensitive" => rest.Length > 0 ? new ChatCommand.MarkSensitive(rest) : Usage("sensitive ESC-12"),
            "history" or "timeline" => rest.Length > 0 ? new ChatCommand.History(rest) : Usage("history ESC-12"),
            "note" => WithText(rest, (id, text) => new ChatCommand.Note(id, text), "note ESC-12 Partner confirmed by phone"),
            "reopen" => WithText(rest, (id, text) => new ChatCommand.Reopen(id, text), "reopen ESC-12 The content is back up"),
            "handover" when rest.Length == 0 => new ChatCommand.HandoverNow(),
            "handover" when rest.StartsWith("note", StringComparison.OrdinalIgnoreCase) =>
                WithText(rest[4..].Trim(), (id, text) => new ChatCommand.HandoverNoteFor(id, text), "handover note ESC-12 Partner calls back at 9"),
            "handover" when rest.StartsWith("keep", StringComparison.OrdinalIgnoreCase) && rest[4..].Trim() is { Length: > 0 } kept =>
                new ChatCommand.HandoverChoice(kept, Cards.Handover.HandoverChoiceRows.Keep, null),
            "handover" => Usage("handover, handover note ESC-12 text, or handover keep ESC-12"),
            "shift" when rest.Equals("start", StringComparison.OrdinalIgnoreCase) => new ChatCommand.StartShift(),
            "shift" when rest.Equals("end", StringComparison.OrdinalIgnoreCase) => new ChatCommand.EndShift(),
            "shift" => Usage("shift start, or shift end"),
            "who" or "roster" when rest.Length == 0 || rest.Equals("is on", StringComparison.OrdinalIgnoreCase) => new ChatCommand.Who(),
            "setup" when Bindings.All.Contains(rest.ToLowerInvariant()) => new ChatCommand.Setup(rest.ToLowerInvariant()),
            "setup" => Usage("setup queue, or setup leads"),
            _ => new ChatCommand.Help($"I didn't understand \"{Shorten(t)}\"."),
        };
    }

    /// <summary>An Action.Submit: the data object, with the verb under <see cref="Verbs.SubmitVerbKey"/> and the inputs merged in.</summary>
    public static ChatCommand FromSubmit(JObject value) =>
        FromCard(value.Value<JToken>(Verbs.SubmitVerbKey) is { Type: JTokenType.String } verb ? verb.Value<string>() : null, value);

    /// <summary>An Action.Execute (or the normalized Action.Submit): a verb and its data.</summary>
    public static ChatCommand FromCard(string? verb, JObject? data)
    {
        data ??= [];
        string? Read(string key) => data.TryGetValue(key, out var token) && token.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean
            ? token.ToString()
            : null;
        string? Text(string key, int max = TextLimits.Note) => TextLimits.TrimOrNull(Read(key), max);

        var caseRef = Read(Verbs.CaseIdKey);
        Dictionary<string, string> Form() =>
            IntakeFields.All.Select(f => (f, Read(f))).Where(p => p.Item2 is not null).ToDictionary(p => p.f, p => p.Item2!);
        return verb switch
        {
            Verbs.OpenIntake => new ChatCommand.OpenIntake(null),
            Verbs.SubmitIntake => new ChatCommand.SubmitIntake(Form(), Read(IntakeFields.FileAnyway) == "true"),
            Verbs.AddToCase when caseRef is not null => new ChatCommand.AddToCase(caseRef, Form()),
            Verbs.Claim when caseRef is not null => new ChatCommand.Claim(caseRef),
            Verbs.Status when caseRef is not null => new ChatCommand.Status(caseRef),
            Verbs.Release when caseRef is not null => new ChatCommand.Release(caseRef),
            Verbs.Reveal when caseRef is not null => new ChatCommand.Reveal(caseRef),
            Verbs.Triage when caseRef is not null => new ChatCommand.Triage(
                caseRef,
                Text(Cards.Cases.CaseCard.TriageAreaField, TextLimits.Word),
                Text(Cards.Cases.CaseCard.TriageSeverityField, TextLimits.Word),
                Cases.Triage.Checklist.Aggregate(Risk.None, (all, q) => Read(CaseViews.RiskField(q.Risk)) == "true" ? all | q.Risk : all),
                Text(Cards.Cases.CaseCard.TriageReasonField)),
            Verbs.AskReporter when caseRef is not null => new ChatCommand.AskReporter(caseRef, Text(Cards.Cases.CaseCard.ReporterQuestionField)),
            Verbs.Update when caseRef is not null => new ChatCommand.Update(caseRef, Text(Cards.Cases.CaseCard.UpdateField)),
            Verbs.Reassign when caseRef is not null => new ChatCommand.Reassign(caseRef, Read(Cards.Cases.CaseCard.AssigneeField)),
            Verbs.Consult when caseRef is not null => new ChatCommand.Consult(
                caseRef,
                Text(Cards.Cases.CaseCard.TeamField, TextLimits.Word),
                Text(Cards.Cases.CaseCard.QuestionField)),
            Verbs.RecordAnswer when caseRef is not null => new ChatCommand.RecordAnswer(caseRef, Text(Cards.Cases.CaseCard.AnswerField)),
            Verbs.MarkSensitive when caseRef is not null => new ChatCommand.MarkSensitive(caseRef),
            Verbs.Note when caseRef is not null => new ChatCommand.Note(caseRef, Text(Cards.Cases.CaseCard.NoteField)),
            Verbs.Reopen when caseRef is not null => new ChatCommand.Reopen(caseRef, Text(Cards.Cases.CaseCard.ReasonField)),
            Verbs.Resolve when caseRef is not null => new ChatCommand.Resolve(
                caseRef,
                Text(Cards.Cases.CaseCard.OutcomeField, TextLimits.Word),
                Text(Cards.Cases.CaseCard.SummaryField, TextLimits.Summary)),
            Verbs.HandoverChoice when caseRef is not null => new ChatCommand.HandoverChoice(
                caseRef,
                Read(Cards.Handover.HandoverChoiceRows.ChoiceKey),
                Read(Cards.Handover.HandoverChoiceRows.BoundaryKey),
                Read(Cards.Handover.HandoverChoiceRows.AssigneeField),
                Read(Cards.Handover.HandoverChoiceRows.CardKey),
                Read(Cards.Handover.HandoverCard.ShiftKey),
                Read(Cards.Handover.HandoverCard.StartKey)),
            Verbs.HandoverNote when caseRef is not null => new ChatCommand.HandoverNoteFor(caseRef, Text(Cards.Cases.CaseCard.HandoverNoteField)),
            Verbs.StartShift => new ChatCommand.StartShift(),
            Verbs.EndShift => new ChatCommand.EndShift(),
            Verbs.AcknowledgeHandover =>
                new ChatCommand.AcknowledgeHandover(Read(Cards.Handover.HandoverCard.ShiftKey), Read(Cards.Handover.HandoverCard.StartKey)),
            Verbs.Claim or Verbs.Status or Verbs.Resolve or Verbs.Release or Verbs.Note or Verbs.Reopen or Verbs.Reveal or Verbs.MarkSensitive or Verbs.Consult or Verbs.RecordAnswer or Verbs.Reassign or Verbs.AddToCase or Verbs.Triage or Verbs.AskReporter or Verbs.Update or Verbs.HandoverChoice or Verbs.HandoverNote => new ChatCommand.Unreadable("That button does not say which case it is for."),
            _ => new ChatCommand.Unreadable("That button is not one I know. It may be from an old card: type 'help' to start again."),
        };
    }

    /// <summary>"ESC-12 some text": the case and the text after it.</summary>
    private static ChatCommand WithText(string rest, Func<string, string, ChatCommand> build, string example)
    {
        var match = ResolvePattern().Match(rest);
        return match.Success
            ? build(match.Groups["id"].Value, TextLimits.Trim(match.Groups["summary"].Value.Trim(), TextLimits.Note))
            : Usage(example);
    }

    /// <summary>"sev1 hate-speech The reason": leading severity and policy-area words, then the reason.</summary>
    private static ChatCommand ParseTriage(string caseRef, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? severity = null, area = null;
        while (words.Count > 0 && CaseFilter.Parse(words[0]) is { Unknown: null, Filter: var f } && (f.Severity is not null || f.PolicyArea is not null))
        {
            severity = f.Severity?.ToString() ?? severity;
            area = f.PolicyArea?.ToString() ?? area;
            words.RemoveAt(0);
        }

        return new ChatCommand.Triage(caseRef, area, severity, null, string.Join(' ', words));
    }

    private static ChatCommand ParseResolve(string rest)
    {
        var match = ResolvePattern().Match(rest);
        if (!match.Success)
        {
            return Usage("resolve ESC-12 actioned Removed the post and warned the account");
        }

        var caseRef = match.Groups["id"].Value;
        var summary = match.Groups["summary"].Value.Trim();
        var space = summary.IndexOf(' ');
        var first = (space < 0 ? summary : summary[..space]).ToLowerInvariant();
        Outcome? outcome = first switch
        {
            "actioned" => Outcome.Actioned,
            "no-violation" or "noviolation" or "no_violation" => Outcome.NoViolation,
            "policy-decision" or "needs-policy-decision" or "policy" => Outcome.NeedsPolicyDecision,
            "other" => Outcome.Other,
            _ => null,
        };
        if (outcome is not null)
        {
            summary = space < 0 ? "" : summary[(space + 1)..].Trim();
        }

        return new ChatCommand.Resolve(caseRef, (outcome ?? Outcome.Other).ToString(), TextLimits.Trim(summary, TextLimits.Summary));
    }

    private static ChatCommand.Help Usage(string example) => new($"Try: {example}");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<id>ESC[- ]?\d{1,9})(?:\s+(?<summary>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ResolvePattern();
}
