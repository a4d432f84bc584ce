using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Chat;

/// <summary>Turns a case into what cards show, with the buttons its state allows.</summary>
public static class CaseViews
{
    public static readonly IReadOnlyList<Choice> Outcomes = Enum.GetValues<Outcome>()
        .Select(o => new Choice(Labels.Of(o), o.ToString()))
        .ToList();

    /// <summary>
    /// The case as of <paramref name="now"/>, with the buttons its state allows and, if given, its history. Who
    /// revealed a sensitive case's details is exposure, which is personal (README, "Wellbeing"): it is on the timeline
    /// only with <paramref name="showReveals"/>, for a history asked for in a 1:1 chat, never on a card.
    /// </summary>
    public static CaseView Of(
        Case c,
        DateTimeOffset now,
        CasePolicy? policy = null,
        IReadOnlyList<AuditEntry>? history = null,
        bool revealed = false,
        bool showReveals = false
    )
    {
        // Everything written about a hidden case (the description on "filed", updates, notes, questions, answers,
        // reasons) stays off its timeline: the entries still say who did what, and when.
        var hideDetails = c.IsSensitive && !revealed;
        var r = c.Report;
        policy ??= CasePolicy.Default;
        var state = c.StateAt(now, policy.ReopenWindow);
        var calendar = policy.CalendarFor(c);
        return new CaseView(
            c.Id,
            Labels.Of(state),
            (int)r.Severity,
            Labels.Of(r.Severity),
            Labels.Of(r.Platform),
            r.Partner,
            r.Account,
            r.ContentUrls,
            Labels.Of(r.PolicyArea),
            r.Description,
            c.Reporter.Name,
            c.FiledAt,
            r.PartnerDeadline,
            c.Targets.FirstResponse,
            c.Targets.Resolution,
            c.FirstResponseDue(calendar),
            c.ResolutionDueAt(now, calendar),
            c.Owner?.Name,
            c.ClaimedAt,
            c.Resolution?.At,
            c.Resolution is { } res ? Labels.Of(res.Outcome) : null,
            c.Resolution?.Summary,
            now
        )
        {
            Buttons = CommandTable.ButtonsFor(state),
            Clock = new TeamClock(policy.Zone),
            Outcomes = Outcomes,
            Sensitive = c.IsSensitive,
            WaitingSince = c.State == CaseState.WaitingOnReporter ? c.PausedSince : null,
            Triage = TriageForm(c, hideDetails),
            LastTriage = c.LastTriage is { } last
                ? new TriageRecorded(
                    last.By.Name,
                    last.At,
                    Labels.Of(last.To),
                    last.From == last.To ? null : Labels.Of(last.From)
                )
                : null,
            HandoverNote =
                c.HandoverNote is { } note && c.IsOpen
                    ? new TimelineEntry(note.At, note.By.Name, "for the next shift", note.Text)
                    : null,
            LinkedTo = c.LinkedTo is { } linked ? CaseId.Format(linked) : null,
            Consult = c.Consult is { } consult
                ? new ConsultView(consult.Team, consult.Question, consult.AskedBy.Name, consult.Since)
                : null,
            ConsultTeams = policy.Teams.Select(t => new Choice(t, t)).ToList(),
            Revealed = revealed,
            Timeline =
                history
                    ?.Where(a => showReveals || a.Action != AuditAction.RevealedDetails)
                    .Select(Entry)
                    .Select(e =>
                        hideDetails && !string.IsNullOrEmpty(e.Text) ? e with { Text = CaseView.HiddenText } : e
                    )
                    .ToList()
                ?? [],
        };
    }

    /// <summary>
    /// The triage form with the last answers ticked, and what they suggest; on a hidden sensitive case the answers
    /// stay off the card (it is in a shared channel), so it opens unticked and suggests what that would.
    /// </summary>
    private static TriageChoices TriageForm(Case c, bool hideDetails)
    {
        var risks = hideDetails ? Risk.None : c.LastTriage?.Risks ?? Risk.None;
        var suggested = Cases.Triage.Suggest(risks);
        return new TriageChoices(
            IntakeForms.PolicyAreas,
            c.Report.PolicyArea.ToString(),
            IntakeForms.Severities,
            Labels.Of(c.Report.Severity),
            Cases.Triage.Checklist.Select(q => new Choice(q.Question, RiskField(q.Risk))).ToList()
        )
        {
            Ticked = Cases.Triage.Checklist.Where(q => risks.HasFlag(q.Risk)).Select(q => RiskField(q.Risk)).ToList(),
            Suggested = Labels.Of(suggested),
            SuggestedBecause = risks == Risk.None ? "nothing ticked" : Cases.Triage.Describe(risks) + " ticked",
            Mapping = Cases.Triage.Mapping,
            AnswersHidden = hideDetails && c.LastTriage?.Risks is not (null or Risk.None),
        };
    }

    /// <summary>The card field that carries one risk question's answer.</summary>
    public static string RiskField(Risk risk) => "risk" + risk;

    public static TimelineEntry Entry(AuditEntry a)
    {
        var action = AuditTexts.Action(a);
        var what = a.From is { } from && from != a.To ? $"{action} ({Labels.Of(from)} → {Labels.Of(a.To)})" : action;
        return new(a.At, a.Actor.Name, what, AuditTexts.Text(a));
    }
}
