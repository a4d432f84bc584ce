using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Handover;
using EscalationBot.Cards.Help;
using EscalationBot.Cards.Intake;
using EscalationBot.Cards.Shifts;
using EscalationBot.Cases;
using EscalationBot.Features.Intake;
using EscalationBot.Roster;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Outages;
using EscalationBot.Outbox;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>Who is acting, where: the actor's role is looked up on the server, never taken from the card.</summary>
public sealed record ChatTurn(Actor Actor, string ChannelId, bool IsPersonal, ConversationReference Address, bool FromCard)
{
    /// <summary>The message a pressed card is in (the activity's replyToId): Teams sends it; Web Chat's Submit does not.</summary>
    public string? ReplyToId { get; init; }

    public Buttons Buttons => new(ChannelId == Microsoft.Bot.Connector.Channels.Msteams ? ButtonMode.Execute : ButtonMode.Submit);

    /// <summary>The incoming activity (channel, conversation, sender, id): a retry of it carries the same key. Null: no id.</summary>
    public string? ActivityKey { get; init; }

    /// <summary>The record a change made by this turn keeps, so that a replay gets <paramref name="reply"/> again.</summary>
    public TurnRecord? Record(string? reply) => ActivityKey is { } key ? new TurnRecord(key, reply) : null;
}

/// <summary>What the actor sees. <see cref="ReplacesCard"/>: the card takes the place of the card whose button was pressed.</summary>
public sealed record Reply(string? Text = null, AdaptiveCard? Card = null, bool ReplacesCard = false);

/// <summary>The one dispatcher behind typed commands, Action.Submit and Action.Execute.</summary>
public sealed class CaseCommands(
    ICaseStore store,
    CaseWorkflow workflow,
    IConversationStore conversations,
    CaseCards cards,
    PeopleDirectory people,
    TeamRoster roster,
    OutboxSignal outbox,
    HandoverDigests handovers,
    HandoverAcknowledgements acknowledgements,
    ShiftRoster shiftRoster,
    OutgoingOwners outgoingOwners,
    IOptionsMonitor<SlaOptions> sla,
    IOptions<TeamOptions> team,
    CasePolicy policy,
    TimeProvider clock,
    ILogger<CaseCommands> logger)
{
    public const int QueueListLength = 15;

    public async Task<Reply> HandleAsync(ChatCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return command switch
            {
                ChatCommand.Help help => Help(help.Preface, turn),
                ChatCommand.OpenIntake open => OpenIntake(open.Description, turn),
                ChatCommand.SubmitIntake submit => await SubmitIntakeAsync(submit.Values, submit.FileAnyway, turn, cancellationToken),
                ChatCommand.AddToCase add => await AddToCaseAsync(add, turn, cancellationToken),
                ChatCommand.Claim claim => await ClaimAsync(claim.CaseRef, turn, cancellationToken),
                ChatCommand.Resolve resolve => await ResolveAsync(resolve, turn, cancellationToken),
                ChatCommand.Status status => await StatusAsync(status.CaseRef, turn, cancellationToken),
                ChatCommand.Release release => await ChangeAsync(release.CaseRef, turn, (c, now) => CaseRules.Release(c, turn.Actor, now, policy), null,
                    c => $"{c.Id} is back in the queue.", cancellationToken),
                ChatCommand.Note note => await ChangeAsync(note.CaseRef, turn, (c, now) => CaseRules.Note(c, turn.Actor, note.Text, now, policy), null,
                    c => $"Note added to {c.Id}.", cancellationToken),
                ChatCommand.Reopen reopen => await ChangeAsync(reopen.CaseRef, turn, (c, now) => CaseRules.Reopen(c, turn.Actor, reopen.Reason, now, policy),
                    c => c.Reporter.Id == turn.Actor.Person.Id ? null : new Notice.ToReporter(ReporterNotice.Reopened),
                    c => $"{c.Id} is reopened{(c.Owner is null ? "" : $" and back with {c.Owner.Name}")}.", cancellationToken),
                ChatCommand.History history => await HistoryAsync(history.CaseRef, turn, cancellationToken),
                ChatCommand.Reveal reveal => await RevealAsync(reveal.CaseRef, turn, cancellationToken),
                ChatCommand.Consult consult => await ConsultAsync(consult, turn, cancellationToken),
                ChatCommand.Reassign reassign => await ReassignAsync(reassign, turn, cancellationToken),
                ChatCommand.Triage triage => await TriageAsync(triage, turn, cancellationToken),
                ChatCommand.AskReporter ask => await ChangeAsync(ask.CaseRef, turn,
                    (c, now) => CaseRules.AskReporter(c, turn.Actor, ask.Question, now, policy),
                    _ => new Notice.ToReporter(ReporterNotice.Question),
                    c => $"Asked the reporter of {c.Id}; its resolution clock is paused until they answer.", cancellationToken),
                ChatCommand.Update update => await ChangeAsync(update.CaseRef, turn, (c, now) => CaseRules.Update(c, turn.Actor, update.Text, now, policy),
                    c => TellOwner(c, OwnerNews.ReporterUpdate),
                    c => $"Sent: the specialists handling {c.Id} can see it.", cancellationToken),
                ChatCommand.RecordAnswer answer => await ChangeAsync(answer.CaseRef, turn,
                    (c, now) => CaseRules.RecordAnswer(c, turn.Actor, answer.Answer, now, policy),
                    c => TellOwner(c, OwnerNews.ConsultAnswer),
                    c => $"Answer recorded on {c.Id}; it is back with {c.Owner?.Name}.", cancellationToken),
                ChatCommand.MarkSensitive mark => await ChangeAsync(mark.CaseRef, turn, (c, now) => CaseRules.MarkSensitive(c, turn.Actor, now, policy), null,
                    c => $"{c.Id} is now sensitive: its details are hidden from previews.", cancellationToken),
                ChatCommand.ShowQueue list => await QueueAsync(list, turn, cancellationToken),
                ChatCommand.Setup setup => await SetupAsync(setup.Binding, turn, cancellationToken),
                ChatCommand.HandoverNow => await HandoverNowAsync(turn, cancellationToken),
                ChatCommand.AcknowledgeHandover ack =>
                    await acknowledgements.AcknowledgeAsync(ack.Shift, ack.Start, PressedOn(turn), turn.Actor, cancellationToken) switch
                {
                    (string refusal, _) => new Reply(refusal),
                    (_, { } view) => new Reply(Card: HandoverCard.Build(view, turn.Buttons), ReplacesCard: turn.FromCard),
                    _ => new Reply("That handover could not be acknowledged."),
                },
                ChatCommand.HandoverNoteFor note => await ChangeAsync(note.CaseRef, turn, (c, now) => CaseRules.LeaveHandoverNote(c, turn.Actor, note.Text, now, policy), null,
                    c => $"Handover note left on {c.Id}: the next shift's digest shows it.", cancellationToken),
                ChatCommand.HandoverChoice choice => await HandoverChoiceAsync(choice, turn, cancellationToken),
                ChatCommand.StartShift => new Reply(await shiftRoster.StartAsync(turn.Actor, cancellationToken)),
                ChatCommand.EndShift => new Reply(await shiftRoster.EndAsync(turn.Actor, cancellationToken)),
                ChatCommand.Who => turn.Actor.IsStaff
                    ? new Reply(Card: RosterCard.Build(await shiftRoster.WhoAsync(cancellationToken), turn.Buttons))
                    : new Reply("Who is on shift is for specialists and leads. To follow your own case, type: status ESC-n"),
                ChatCommand.Unreadable unreadable => new Reply(unreadable.Why),
                _ => Help(null, turn),
            };
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(e, "Case store unavailable for {Command} by {User} (ref {Reference})", command.GetType().Name, turn.Actor.Person.Id, reference);
            return new Reply(StoreUnreachable(reference));
        }
    }

    /// <summary>The answer to a turn the case store could not serve; <paramref name="reference"/> is also in the log.</summary>
    public static string StoreUnreachable(string reference) =>
        $"I can't reach the case store right now, so I can't confirm that went through. Please try again in a minute. (ref {reference})";

    private async Task<Reply> HandoverNowAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply("Only leads can post the handover digest on demand.");
        }

        return new Reply(Card: HandoverCard.Build(await handovers.NowAsync(cancellationToken), turn.Buttons));
    }

    /// <summary>
    /// Keep, hand to or release one of the outgoing shift's cases. The rules check the actor, the case and its
    /// state on the server; the boundary must be a real shift end whose choices are still open. From a card, the
    /// card it was pressed on is redrawn from the stored cases with what happened at its top.
    /// </summary>
    private async Task<Reply> HandoverChoiceAsync(ChatCommand.HandoverChoice choice, ChatTurn turn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        ShiftRun? outgoing;
        if (choice.Boundary is null)
        {
            outgoing = outgoingOwners.RunHandingOver(now);
        }
        else
        {
            // A shift end near now (a forged far-off number would only make the schedule's date arithmetic overflow),
            // of a run that has started: choices are for the handover at hand, not for one days away.
            outgoing = long.TryParse(choice.Boundary, out var unix) && Math.Abs(unix - now.ToUnixTimeSeconds()) <= TimeSpan.FromDays(2).TotalSeconds
                ? outgoingOwners.RunEndingAt(DateTimeOffset.FromUnixTimeSeconds(unix))
                : null;
            if (outgoing is null || outgoing.Start > now)
            {
                return new Reply("That button does not say which handover it is for.");
            }
        }

        if (outgoing is null)
        {
            return new Reply("No shift is running now, so there is no handover to keep a case over.");
        }

        if (!outgoingOwners.IsOpen(outgoing, now))
        {
            return new Reply($"The choices for the end of the {outgoing.Name} shift have closed. Use 'reassign ESC-n name' or 'release ESC-n' instead.");
        }

        // A press on a posted digest acts only on the digest it was pressed on: the card's data names one, the stored
        // message proves it, and its choices must be the open ones for this boundary. Non-staff are refused by every
        // rule below and never see a digest.
        PostedDigest? digest = null;
        if (turn.FromCard && turn.Actor.IsStaff && choice.Card == HandoverChoiceRows.DigestCard && choice.Shift is not null)
        {
            digest = await acknowledgements.PressedAsync(choice.Shift, choice.Start, PressedOn(turn), cancellationToken);
            if (digest?.View.Options?.Boundary is not { } boundary || boundary != choice.Boundary)
            {
                return new Reply("That button is not on a handover digest whose choices are open.");
            }
        }

        var plain = turn with { FromCard = false };
        var result = choice.Choice switch
        {
            HandoverChoiceRows.Keep => await ChangeAsync(choice.CaseRef, plain, (c, at) => CaseRules.KeepOverHandover(c, turn.Actor, outgoing.End, at, policy), null,
                c => $"{c.Id} stays with {c.Owner?.Name} over the handover.", cancellationToken),
            HandoverChoiceRows.Release => await ChangeAsync(choice.CaseRef, plain, (c, at) => CaseRules.Release(c, turn.Actor, at, policy), null,
                c => $"{c.Id} is back in the queue.", cancellationToken),
            HandoverChoiceRows.HandTo => await ReassignAsync(new ChatCommand.Reassign(choice.CaseRef, choice.AssigneeId), plain, cancellationToken),
            _ => new Reply("Choose keep, hand to or release."),
        };
        // Only staff see a redrawn card: it names owners, notes and the people on the next shift.
        if (!turn.FromCard || !turn.Actor.IsStaff)
        {
            return result;
        }

        if (choice.Card == HandoverChoiceRows.DigestCard)
        {
            // The digest pressed on, redrawn; a digest on demand (not stored, no shift) is drawn afresh, for leads.
            var redrawn = digest is not null ? await acknowledgements.RedrawAsync(digest, cancellationToken)
                : choice.Shift is null && turn.Actor.Role == Role.Lead ? await handovers.NowAsync(cancellationToken)
                : null;
            return redrawn is null ? result : new Reply(Card: HandoverCard.Build(redrawn with { Message = result.Text }, turn.Buttons), ReplacesCard: true);
        }

        var mine = await outgoingOwners.ForOwnerAsync(turn.Actor.Person, outgoing, result.Text, cancellationToken);
        return mine is null ? result : new Reply(Card: OutgoingCard.Build(mine, turn.Buttons), ReplacesCard: true);
    }

    /// <summary>Where a card was pressed: the conversation (not a channel thread in it), and the message, if the channel says.</summary>
    private static PressedOn PressedOn(ChatTurn turn) => new(ConversationAddress.TopLevel(turn.Address).Conversation.Id, turn.ReplyToId);

    private static Reply Help(string? preface, ChatTurn turn) =>
        new(Card: HelpCard.Build(preface, CommandParser.Commands, turn.Buttons));

    private Reply OpenIntake(string? description, ChatTurn turn)
    {
        if (!turn.IsPersonal)
        {
            return new Reply("Please file escalations in a 1:1 chat with me, so that the details stay private.");
        }

        var values = new Dictionary<string, string>();
        if (description is not null)
        {
            values[IntakeFields.Description] = description;
        }

        return new Reply(Card: IntakeCard.Build(IntakeForms.Data(values, new Dictionary<string, string>(), team.Value.TimeZone), turn.Buttons), ReplacesCard: turn.FromCard);
    }

    private async Task<Reply> SubmitIntakeAsync(IReadOnlyDictionary<string, string> values, bool fileAnyway, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonal)
        {
            return new Reply("Please file escalations in a 1:1 chat with me, so that the details stay private.");
        }

        if (await RecordedAsync(turn, cancellationToken) is { } replayed)
        {
            return await ConfirmationAsync(replayed, turn, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var checkedForm = IntakeFormValidator.Validate(values, team.Value.Zone(), now);
        if (checkedForm.Report is not { } report)
        {
            return new Reply(Card: IntakeCard.Build(IntakeForms.Data(values, checkedForm.Problems, team.Value.TimeZone), turn.Buttons), ReplacesCard: true);
        }

        // Before filing: does an open case already name this content or account? The reporter chooses.
        var duplicate = DuplicateCheck.Find(report, await store.FindOpenByKeysAsync(DuplicateCheck.Keys(report), cancellationToken));
        if (duplicate is not null && !fileAnyway)
        {
            // The duplicate may be this very submit, filed by a copy of it that was in flight when it was read.
            if (await RecordedAsync(turn, cancellationToken) is { } first)
            {
                return await ConfirmationAsync(first, turn, cancellationToken);
            }

            var existing = new DuplicateView(duplicate.Id, Labels.Of(duplicate.Report.Severity), Labels.Of(duplicate.Report.PolicyArea), Labels.Of(duplicate.State), duplicate.FiledAt);
            return new Reply(Card: DuplicateCard.Build(existing, values, turn.Buttons), ReplacesCard: true);
        }

        var reporter = turn.Actor.Person;
        var address = ConversationAddress.Of(turn.Address);
        var targets = sla.CurrentValue.For(report.Severity);
        // One batch files the case, asks the outbox for its queue card and records this activity: a second copy of
        // the same submit files nothing and gets the same confirmation.
        var filing = await store.CreateAsync(
            number => (
                new Case(number, CaseState.New, report, reporter, address, now, targets) { MarkedSensitive = checkedForm.MarkedSensitive, LinkedTo = duplicate?.Number },
                new AuditEntry(number, now, reporter, duplicate is null ? "filed" : $"filed (linked to {duplicate.Id})", null, CaseState.New, report.Description)),
            CaseEffects.Default with { Turn = turn.Record(null) },
            cancellationToken);
        if (filing.Case is not { } filed)
        {
            return await ConfirmationAsync(filing.Replayed!, turn, cancellationToken);
        }

        logger.LogInformation("Case {CaseId} filed by {User}: {Severity}, {PolicyArea}, {Platform}", filed.Id, reporter.Id, report.Severity, report.PolicyArea, report.Platform);
        return new Reply(Card: CaseNoticeCard.Confirmation(CaseViews.Of(filed, now, policy), turn.Buttons), ReplacesCard: true);
    }

    /// <summary>The answer a replayed submit gets: the confirmation of the case its first copy filed.</summary>
    private async Task<Reply> ConfirmationAsync(TurnRecord filed, ChatTurn turn, CancellationToken cancellationToken) =>
        await store.GetAsync(filed.Number, cancellationToken) is { } stored && stored.Case.Reporter.Id == turn.Actor.Person.Id
            ? new Reply(Card: CaseNoticeCard.Confirmation(CaseViews.Of(stored.Case, clock.GetUtcNow(), policy), turn.Buttons), ReplacesCard: true)
            : new Reply("That was filed already.");

    private async Task<Reply> AddToCaseAsync(ChatCommand.AddToCase add, ChatTurn turn, CancellationToken cancellationToken)
    {
        var checkedForm = IntakeFormValidator.Validate(add.Values, team.Value.Zone(), clock.GetUtcNow());
        if (checkedForm.Report is not { } report)
        {
            return new Reply(Card: IntakeCard.Build(IntakeForms.Data(add.Values, checkedForm.Problems, team.Value.TimeZone), turn.Buttons), ReplacesCard: true);
        }

        // The reporter adding to someone else's case sees a sentence, never the staff card.
        var reporterTurn = turn with { FromCard = false };
        return await ChangeAsync(add.CaseRef, reporterTurn, (c, now) => CaseRules.AddReport(c, turn.Actor, report, now, policy),
            c => TellOwner(c, OwnerNews.ReportAdded),
            c => $"Added to {c.Id}: the specialists handling it can see your report.", cancellationToken);
    }

    /// <summary>The owner hears about the change in their 1:1 chat (the outbox skips it if they made it themselves).</summary>
    private static Notice? TellOwner(Case c, OwnerNews news) => c.Owner is { } owner ? new Notice.ToOwner(news, owner.Id) : null;

    private Task<Reply> ClaimAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken) =>
        ChangeAsync(caseRef, turn, (c, now) => CaseRules.Claim(c, turn.Actor, now, policy), _ => new Notice.ToReporter(ReporterNotice.Claimed),
            c => $"You have claimed {c.Id}. Resolve it from its card, or with: resolve {c.Id} actioned <summary for the reporter>", cancellationToken);

    private Task<Reply> ResolveAsync(ChatCommand.Resolve command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = IntakeValidator.ParseName<Outcome>(command.Outcome ?? "");
        return ChangeAsync(command.CaseRef, turn,
            (c, now) => CaseRules.Resolve(c, turn.Actor, outcome, command.Summary, now, policy),
            _ => new Notice.ToReporter(ReporterNotice.Resolved),
            c => $"{c.Id} is resolved ({Labels.Of(c.Resolution!.Outcome)}). The reporter has been told.", cancellationToken);
    }

    /// <summary>
    /// Applies a rule to the stored case. When it is accepted, the same batch asks the outbox to refresh the queue
    /// card and to send <paramref name="notice"/>, and records this activity: a replay of it (Teams' retry) gets the
    /// first answer again, and changes and sends nothing.
    /// </summary>
    private async Task<Reply> ChangeAsync(
        string caseRef,
        ChatTurn turn,
        Func<Case, DateTimeOffset, Decision> rule,
        Func<Case, Notice?>? notice,
        Func<Case, string> doneText,
        CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        if (await RecordedAsync(turn, cancellationToken) is { } recorded)
        {
            return await ReplayAsync(recorded, turn, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var change = await workflow.ApplyAsync(number, c => rule(c, now), cancellationToken,
            c => new CaseEffects(notice?.Invoke(c) is { } n ? [n] : [], turn.Record(doneText(c))));
        switch (change)
        {
            case Change.NotFound missing:
                return new Reply(CaseRules.NoSuchCase(CaseId.Format(missing.Number)));
            case Change.Refused refused:
                // A copy of this activity still in flight when it was read may have committed since, and the case as
                // it left refuses the copy: the copy gets the first answer, not the refusal.
                return await RecordedAsync(turn, cancellationToken) is { } first
                    ? await ReplayAsync(first, turn, cancellationToken)
                    : new Reply(refused.Reason);
            case Change.Replayed replayed:
                return await ReplayAsync(replayed.Turn, turn, cancellationToken);
        }

        var done = ((Change.Done)change).Case;
        logger.LogInformation("Case {CaseId} is {State} after {User}", done.Id, done.State, turn.Actor.Person.Id);
        return await AnswerAsync(done, doneText(done), turn, cancellationToken);
    }

    /// <summary>The record of this turn's activity, if it changed a case before: the turn is a replay.</summary>
    private async Task<TurnRecord?> RecordedAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.ActivityKey is { } key ? await store.GetTurnAsync(key, cancellationToken) : null;

    /// <summary>A replay gets the first answer's text again, or the card of the case as it is now; nothing changes.</summary>
    private async Task<Reply> ReplayAsync(TurnRecord recorded, ChatTurn turn, CancellationToken cancellationToken)
    {
        logger.LogInformation("Activity replayed by {User}: case {Number} unchanged", turn.Actor.Person.Id, recorded.Number);
        var text = recorded.Reply ?? "Done.";
        return await store.GetAsync(recorded.Number, cancellationToken) is { } stored
            ? await AnswerAsync(stored.Case, text, turn, cancellationToken)
            : new Reply(text);
    }

    /// <summary>What the actor sees after a change: the text when typed; from a card, the card redrawn for them.</summary>
    private async Task<Reply> AnswerAsync(Case c, string text, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.FromCard)
        {
            return new Reply(text);
        }

        // A reporter's button (reopen from their outcome card) gets their own view, never the staff card.
        if (!turn.Actor.IsStaff)
        {
            return new Reply(Card: CaseNoticeCard.Status(CaseViews.Of(c, clock.GetUtcNow(), policy)), ReplacesCard: true);
        }

        return new Reply(Card: await cards.ForStaffAsync(c, turn.Buttons, cancellationToken), ReplacesCard: true);
    }

    /// <summary>
    /// Shows a sensitive case's details to the one person who asked, and records that they looked. In Teams the
    /// answer to a card press replaces the card for that viewer only; elsewhere only a 1:1 chat is private.
    /// </summary>
    private async Task<Reply> RevealAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        var perViewer = turn.IsPersonal || (turn.FromCard && turn.Buttons.Mode == ButtonMode.Execute);
        if (!perViewer)
        {
            return new Reply($"Here the details would show to everyone in the conversation. Type 'reveal {CaseId.Format(number)}' in your 1:1 chat with me instead.");
        }

        // A replay shows the details again to the same staff member, without a second entry on the timeline.
        var now = clock.GetUtcNow();
        var change = await RecordedAsync(turn, cancellationToken) is { } recorded
            ? new Change.Replayed(recorded)
            : await workflow.ApplyAsync(number, c => CaseRules.Reveal(c, turn.Actor, now, policy), cancellationToken,
                _ => CaseEffects.None with { Turn = turn.Record(null) });
        switch (change)
        {
            case Change.NotFound missing:
                return new Reply(CaseRules.NoSuchCase(CaseId.Format(missing.Number)));
            case Change.Refused refused:
                return new Reply(refused.Reason);
            case Change.Done done:
                logger.LogInformation("Case {CaseId} details revealed to {User}", done.Case.Id, turn.Actor.Person.Id);
                return new Reply(Card: await cards.ForStaffAsync(done.Case, turn.Buttons, cancellationToken, revealed: true), ReplacesCard: turn.FromCard);
            // Only the case the first copy revealed (and recorded on its timeline), and only to staff.
            case Change.Replayed { Turn.Number: var revealed } when revealed == number && turn.Actor.IsStaff
                && await store.GetAsync(number, cancellationToken) is { } stored:
                return new Reply(Card: await cards.ForStaffAsync(stored.Case, turn.Buttons, cancellationToken, revealed: true), ReplacesCard: turn.FromCard);
            default:
                return new Reply("Done.");
        }
    }

    private async Task<Reply> TriageAsync(ChatCommand.Triage triage, ChatTurn turn, CancellationToken cancellationToken)
    {
        var area = IntakeValidator.ParseName<PolicyArea>(triage.Area ?? "");
        var severity = IntakeValidator.ParseName<Severity>(triage.Severity ?? "");
        if ((area is null && !string.IsNullOrEmpty(triage.Area)) || (severity is null && !string.IsNullOrEmpty(triage.Severity)))
        {
            return new Reply("Choose a policy area and a severity from the lists.");
        }

        return await ChangeAsync(triage.CaseRef, turn,
            (c, now) => CaseRules.Triage(c, turn.Actor, area, triage.Risks, severity, triage.Reason, sla.CurrentValue.For, now, policy), null,
            c => $"{c.Id} is triaged: {Labels.Of(c.Report.Severity)}, {Labels.Of(c.Report.PolicyArea)}; first response target {Cards.Durations.Format(c.Targets.FirstResponse)}, resolution {Cards.Durations.Format(c.Targets.Resolution)}.",
            cancellationToken);
    }

    private async Task<Reply> ReassignAsync(ChatCommand.Reassign command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("Only specialists and leads can reassign cases.");
        }

        KnownPerson? assignee;
        if (command.TypedName is { } typed)
        {
            // A name as people type it: exact first, then the only name that starts with it.
            var staff = await people.StaffAsync(cancellationToken);
            var matches = staff.Where(p => string.Equals(p.Name, typed, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                matches = staff.Where(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (matches.Count != 1)
            {
                var names = staff.Count == 0 ? "none yet (people appear here once they have talked to me)" : string.Join(", ", staff.Select(p => p.Name));
                return new Reply(matches.Count == 0
                    ? $"I don't know a specialist called \"{(typed.Length > 40 ? typed[..40] + "…" : typed)}\". Specialists I know: {names}."
                    : $"\"{typed}\" could be {string.Join(" or ", matches.Select(p => p.Name))}: type more of the name.");
            }

            assignee = matches[0];
        }
        else
        {
            assignee = string.IsNullOrWhiteSpace(command.AssigneeId) ? null : await conversations.GetPersonAsync(command.AssigneeId, cancellationToken);
            if (assignee is null)
            {
                return new Reply("Choose who to hand the case to.");
            }
        }

        var target = new Actor(new Person(assignee.Id, assignee.Name), roster.RoleOf(assignee.Id));
        return await ChangeAsync(command.CaseRef, turn, (c, now) => CaseRules.Reassign(c, turn.Actor, target, now, policy),
            c => TellOwner(c, OwnerNews.HandedToYou),
            c => $"{c.Id} is now with {target.Person.Name}.", cancellationToken);
    }

    private Task<Reply> ConsultAsync(ChatCommand.Consult consult, ChatTurn turn, CancellationToken cancellationToken)
    {
        var (team, question) = (consult.Team, consult.Question);
        if (consult.Typed is { } typed)
        {
            // "Content Policy Is this allowed?" or "content-policy: Is this allowed?": the longest team name that leads.
            team = policy.Teams.OrderByDescending(t => t.Length)
                .FirstOrDefault(t => typed.Replace('-', ' ').StartsWith(t, StringComparison.OrdinalIgnoreCase));
            question = team is null ? typed : typed[team.Length..].TrimStart(':', ' ');
        }

        return ChangeAsync(consult.CaseRef, turn, (c, now) => CaseRules.AskTeam(c, turn.Actor, team, question, now, policy), null,
            c => $"{c.Id} is now consulting {c.Consult!.Team}. Record their answer with: answer {c.Id} <answer>", cancellationToken);
    }

    private async Task<Reply> HistoryAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        if (!turn.Actor.IsStaff)
        {
            return new Reply("A case's history is for specialists and leads. To follow your own case, type: status ESC-n");
        }

        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null)
        {
            return new Reply(CaseRules.NoSuchCase(CaseId.Format(number)));
        }

        // Hidden texts stay hidden here too, in a 1:1 chat as in a channel, as on the card that 'status' shows:
        // only a reveal (audited, per viewer) shows what people wrote about a sensitive case.
        var history = await store.HistoryAsync(number, cancellationToken);
        var view = CaseViews.Of(stored.Case, clock.GetUtcNow(), policy, history);
        var note = view.HidesDetails
            ? $"{view.Id} is sensitive: what people wrote is hidden. Reveal its details on its card, or type "
                + $"'reveal {view.Id}' in your 1:1 chat with me, to read it; each reveal is recorded."
            : null;
        return new Reply(Card: TimelineView.Card(view.Id, view.Timeline, note));
    }

    private async Task<Reply> StatusAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        var stored = await store.GetAsync(number, cancellationToken);
        if (stored is null || !CaseRules.CanView(stored.Case, turn.Actor))
        {
            // The same answer for "missing" and "not yours": a reporter learns nothing about other cases.
            return new Reply($"I can't find {CaseId.Format(number)} among the cases you can see.");
        }

        // The reporter wrote the details; they see them. Staff see a sensitive case's details only when they reveal them.
        var card = turn.Actor.IsStaff
            ? await cards.ForStaffAsync(stored.Case, turn.Buttons, cancellationToken)
            : CaseNoticeCard.Status(CaseViews.Of(stored.Case, clock.GetUtcNow(), policy) with { Revealed = true });
        return new Reply(Card: card);
    }

    private async Task<Reply> QueueAsync(ChatCommand.ShowQueue list, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("The queue is for on-shift specialists and leads. To follow your own case, type: status ESC-n");
        }

        var (filter, unknown) = CaseFilter.Parse(list.Filters);
        if (unknown is not null)
        {
            return new Reply($"I don't know the filter \"{(unknown.Length > 30 ? unknown[..30] + "…" : unknown)}\". Filters: {CaseFilter.Words}.");
        }

        if (list.Mine)
        {
            filter = filter with { OwnerId = turn.Actor.Person.Id };
        }

        var now = clock.GetUtcNow();
        var open = (await store.ListOpenAsync(cancellationToken)).Where(filter.Matches).ToList();
        var shown = open.Take(QueueListLength).Select(c => CaseViews.Of(c, now, policy)).ToList();
        var what = list.Mine ? "Your open cases" : "Open cases";
        var described = filter.Describe();
        var title = described.Length == 0 ? $"{what} ({open.Count})" : $"{what}: {described} ({open.Count})";
        return new Reply(Card: QueueCard.Build(title, shown, open.Count));
    }

    private async Task<Reply> SetupAsync(string binding, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Role != Role.Lead)
        {
            return new Reply("Only leads can set up the queue and the leads' channel.");
        }

        var address = ConversationAddress.TopLevel(turn.Address);
        await conversations.SaveBindingAsync(
            new Binding(binding, ConversationAddress.Of(address), turn.ChannelId, turn.Actor.Person.Id, clock.GetUtcNow()),
            cancellationToken);
        logger.LogInformation("Conversation {ConversationId} bound as {Binding} by {User}", address.Conversation.Id, binding, turn.Actor.Person.Id);

        if (binding != Bindings.Queue)
        {
            return new Reply("This conversation is now the leads' channel: breaches and handover digests will come here.");
        }

        // Cases filed while no queue was bound have no queue card yet: post them now.
        // Through the outbox: a second 'setup queue', or a retry, finds the cards posted and edits them instead.
        var unposted = (await store.ListOpenAsync(cancellationToken)).Where(c => c.QueueMessageId is null).ToList();
        await outbox.RequestQueueCardsAsync(unposted.Select(c => c.Number).ToList(), cancellationToken);

        var backlog = unposted.Count > 0 ? $" {unposted.Count} open case(s) not yet posted will follow." : "";
        return new Reply($"This conversation is now the specialists' queue: new escalations will appear here.{backlog}");
    }

    private static Reply NotACaseId(string text) =>
        new($"\"{(text.Length > 20 ? text[..20] + "…" : text)}\" is not a case id. Case ids look like ESC-12.");
}
