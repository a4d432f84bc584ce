using EscalationBot.Cards;
using EscalationBot.Cards.AdaptiveCards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Help;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Sla;
using EscalationBot.Storage;
using Hangfire;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

/// <summary>Who is acting, where: the actor's role is looked up on the server, never taken from the card.</summary>
public sealed record ChatTurn(Actor Actor, string ChannelId, bool IsPersonal, ConversationReference Address, bool FromCard)
{
    public Buttons Buttons => new(ChannelId == Microsoft.Bot.Connector.Channels.Msteams ? ButtonMode.Execute : ButtonMode.Submit);
}

/// <summary>What the actor sees. <see cref="ReplacesCard"/>: the card takes the place of the card whose button was pressed.</summary>
public sealed record Reply(string? Text = null, AdaptiveCard? Card = null, bool ReplacesCard = false);

/// <summary>The one dispatcher behind typed commands, Action.Submit and Action.Execute.</summary>
public sealed class CaseCommands(
    ICaseStore store,
    CaseWorkflow workflow,
    IConversationStore conversations,
    IBackgroundJobClient jobs,
    IOptionsMonitor<SlaOptions> sla,
    IOptions<TeamOptions> team,
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
                ChatCommand.SubmitIntake submit => await SubmitIntakeAsync(submit.Values, turn, cancellationToken),
                ChatCommand.Claim claim => await ClaimAsync(claim.CaseRef, turn, cancellationToken),
                ChatCommand.Resolve resolve => await ResolveAsync(resolve, turn, cancellationToken),
                ChatCommand.Status status => await StatusAsync(status.CaseRef, turn, cancellationToken),
                ChatCommand.ShowQueue => await QueueAsync(turn, cancellationToken),
                ChatCommand.Setup setup => await SetupAsync(setup.Binding, turn, cancellationToken),
                ChatCommand.Unreadable unreadable => new Reply(unreadable.Why),
                _ => Help(null, turn),
            };
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(e, "Case store unavailable for {Command} by {User} (ref {Reference})", command.GetType().Name, turn.Actor.Person.Id, reference);
            return new Reply($"I can't reach the case store right now, so I can't confirm that went through. Please try again in a minute. (ref {reference})");
        }
    }

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

    private async Task<Reply> SubmitIntakeAsync(IReadOnlyDictionary<string, string> values, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonal)
        {
            return new Reply("Please file escalations in a 1:1 chat with me, so that the details stay private.");
        }

        var now = clock.GetUtcNow();
        var checkedForm = IntakeValidator.Validate(values, team.Value.Zone(), now);
        if (checkedForm.Report is not { } report)
        {
            return new Reply(Card: IntakeCard.Build(IntakeForms.Data(values, checkedForm.Problems, team.Value.TimeZone), turn.Buttons), ReplacesCard: true);
        }

        var reporter = turn.Actor.Person;
        var address = ConversationAddress.Of(turn.Address);
        var targets = sla.CurrentValue.For(report.Severity);
        var filed = await store.CreateAsync(
            number => (
                new Case(number, CaseState.New, report, reporter, address, now, targets),
                new AuditEntry(number, now, reporter, "filed", null, CaseState.New, report.Description)),
            cancellationToken);

        logger.LogInformation("Case {CaseId} filed by {User}: {Severity}, {PolicyArea}, {Platform}", filed.Id, reporter.Id, report.Severity, report.PolicyArea, report.Platform);
        jobs.Enqueue<CaseMessenger>(m => m.PostToQueueAsync(filed.Number, CancellationToken.None));
        return new Reply(Card: CaseNoticeCard.Confirmation(CaseViews.Of(filed, now), turn.Buttons), ReplacesCard: true);
    }

    private async Task<Reply> ClaimAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseRef, out var number))
        {
            return NotACaseId(caseRef);
        }

        var now = clock.GetUtcNow();
        var change = await workflow.ApplyAsync(number, c => CaseRules.Claim(c, turn.Actor, now), cancellationToken);
        if (change is Change.Done done)
        {
            logger.LogInformation("Case {CaseId} claimed by {User}", done.Case.Id, turn.Actor.Person.Id);
            jobs.Enqueue<CaseMessenger>(m => m.RefreshQueueCardAsync(number, CancellationToken.None));
            jobs.Enqueue<CaseMessenger>(m => m.NotifyReporterAsync(number, ReporterNotice.Claimed, CancellationToken.None));
        }

        return Answer(change, turn, now, c => $"You have claimed {c.Id}. Resolve it from its card, or with: resolve {c.Id} actioned <summary for the reporter>");
    }

    private async Task<Reply> ResolveAsync(ChatCommand.Resolve command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(command.CaseRef, out var number))
        {
            return NotACaseId(command.CaseRef);
        }

        var now = clock.GetUtcNow();
        var outcome = IntakeValidator.ParseName<Outcome>(command.Outcome ?? "");
        var change = await workflow.ApplyAsync(number, c => CaseRules.Resolve(c, turn.Actor, outcome, command.Summary, now), cancellationToken);
        if (change is Change.Done done)
        {
            logger.LogInformation("Case {CaseId} resolved by {User}: {Outcome}", done.Case.Id, turn.Actor.Person.Id, outcome);
            jobs.Enqueue<CaseMessenger>(m => m.RefreshQueueCardAsync(number, CancellationToken.None));
            jobs.Enqueue<CaseMessenger>(m => m.NotifyReporterAsync(number, ReporterNotice.Resolved, CancellationToken.None));
        }

        return Answer(change, turn, now, c => $"{c.Id} is resolved ({Labels.Of(c.Resolution!.Outcome)}). The reporter has been told.");
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

        var view = CaseViews.Of(stored.Case, clock.GetUtcNow());
        var card = turn.Actor.IsStaff ? CaseCard.Build(view, turn.Buttons) : CaseNoticeCard.Status(view);
        return new Reply(Card: card);
    }

    private async Task<Reply> QueueAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Actor.IsStaff)
        {
            return new Reply("The queue is for on-shift specialists and leads. To follow your own case, type: status ESC-n");
        }

        var now = clock.GetUtcNow();
        var open = await store.ListOpenAsync(cancellationToken);
        var shown = open.Take(QueueListLength).Select(c => CaseViews.Of(c, now)).ToList();
        return new Reply(Card: QueueCard.Build($"Open cases ({open.Count})", shown, open.Count));
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
        var unposted = (await store.ListOpenAsync(cancellationToken)).Where(c => c.QueueMessageId is null).ToList();
        foreach (var c in unposted)
        {
            jobs.Enqueue<CaseMessenger>(m => m.PostToQueueAsync(c.Number, CancellationToken.None));
        }

        var backlog = unposted.Count > 0 ? $" {unposted.Count} open case(s) not yet posted will follow." : "";
        return new Reply($"This conversation is now the specialists' queue: new escalations will appear here.{backlog}");
    }

    private Reply Answer(Change change, ChatTurn turn, DateTimeOffset now, Func<Case, string> doneText) => change switch
    {
        Change.NotFound missing => new Reply($"There is no case {CaseId.Format(missing.Number)}."),
        Change.Refused refused => new Reply(refused.Reason),
        Change.Done done when turn.FromCard => new Reply(Card: CaseCard.Build(CaseViews.Of(done.Case, now), turn.Buttons), ReplacesCard: true),
        Change.Done done => new Reply(doneText(done.Case)),
        _ => throw new InvalidOperationException($"Unexpected change {change}"),
    };

    private static Reply NotACaseId(string text) =>
        new($"\"{(text.Length > 20 ? text[..20] + "…" : text)}\" is not a case id. Case ids look like ESC-12.");
}
