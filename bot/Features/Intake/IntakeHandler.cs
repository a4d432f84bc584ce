using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cards.Intake;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Sla;
using Microsoft.Extensions.Options;

namespace EscalationBot.Features.Intake;

/// <summary>Filing an escalation, in a 1:1 chat: the form, its checks, the duplicate check, and a report added to an open case.</summary>
public sealed class IntakeHandler(
    ICaseStore store,
    CaseChanges changes,
    IOptionsMonitor<SlaOptions> sla,
    CasePolicy policy,
    TimeProvider clock,
    ILogger<IntakeHandler> logger
)
    : ICommandHandler<ChatCommand.OpenIntake>,
        ICommandHandler<ChatCommand.SubmitIntake>,
        ICommandHandler<ChatCommand.AddToCase>
{
    /// <summary>The team's zone, which the form's deadline is typed in and its times are shown in.</summary>
    private readonly TeamClock teamClock = new(policy.Zone);

    private static readonly Reply NotPrivate = new(
        "Please file escalations in a 1:1 chat with me, so that the details stay private."
    );

    public Task<Reply> HandleAsync(ChatCommand.OpenIntake command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonal)
        {
            return Task.FromResult(NotPrivate);
        }

        var values = new Dictionary<string, string>();
        if (command.Description is { } description)
        {
            values[IntakeFields.Description] = description;
        }

        // A new card, even from the help card's button: the help stays in the chat to come back to.
        return Task.FromResult(Form(values, new Dictionary<string, string>(), turn) with { ReplacesCard = false });
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.SubmitIntake command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        if (!turn.IsPersonal)
        {
            return NotPrivate;
        }

        var now = clock.GetUtcNow();
        var checkedForm = IntakeFormValidator.Validate(command.Values, policy.Zone, now);
        if (checkedForm.Report is not { } report)
        {
            return Form(command.Values, checkedForm.Problems, turn);
        }

        // Before filing: does an open case already name this content or account? The reporter chooses.
        var duplicate = DuplicateCheck.Find(
            report,
            await store.FindOpenByKeysAsync(DuplicateCheck.Keys(report), cancellationToken)
        );
        if (duplicate is not null && !command.FileAnyway)
        {
            // The duplicate may be this very submit, filed by a copy of it that was in flight when it was read.
            if (await changes.RecordedAsync(turn, cancellationToken) is { } first)
            {
                return await ConfirmationAsync(first, turn, cancellationToken);
            }

            var existing = new DuplicateView(
                duplicate.Id,
                Labels.Of(duplicate.Report.Severity),
                Labels.Of(duplicate.Report.PolicyArea),
                Labels.Of(duplicate.State),
                duplicate.FiledAt,
                teamClock
            );
            return new Reply(Card: DuplicateCard.Build(existing, command.Values, turn.Buttons), ReplacesCard: true);
        }

        var reporter = turn.Actor.Person;
        var address = ConversationAddress.Of(turn.Address);
        var targets = sla.CurrentValue.For(report.Severity);
        // One batch files the case, asks the outbox for its queue card and records this activity: a second copy of
        // the same submit files nothing and gets the same confirmation.
        var filing = await store.CreateAsync(
            number =>
                (
                    new Case(number, CaseState.New, report, reporter, address, now, targets)
                    {
                        MarkedSensitive = checkedForm.MarkedSensitive,
                        LinkedTo = duplicate?.Number,
                    },
                    new AuditEntry(
                        number,
                        now,
                        reporter,
                        AuditAction.Filed,
                        null,
                        CaseState.New,
                        report.Description,
                        duplicate is null ? null : new AuditDetail { LinkedTo = duplicate.Number }
                    )
                ),
            CaseEffects.Default with
            {
                Turn = turn.Record(null),
            },
            cancellationToken
        );
        if (filing.Case is not { } filed)
        {
            return await ConfirmationAsync(filing.Replayed!, turn, cancellationToken);
        }

        logger.LogInformation(
            "Case {CaseId} filed by {User}: {Severity}, {PolicyArea}, {Platform}",
            filed.Id,
            reporter.Id,
            report.Severity,
            report.PolicyArea,
            report.Platform
        );
        return new Reply(
            Card: CaseNoticeCard.Confirmation(CaseViews.Of(filed, now, policy), turn.Buttons),
            ReplacesCard: true
        );
    }

    public async Task<Reply> HandleAsync(
        ChatCommand.AddToCase command,
        ChatTurn turn,
        CancellationToken cancellationToken
    )
    {
        var checkedForm = IntakeFormValidator.Validate(command.Values, policy.Zone, clock.GetUtcNow());
        if (checkedForm.Report is not { } report)
        {
            return Form(command.Values, checkedForm.Problems, turn);
        }

        // The reporter adding to someone else's case sees a sentence, never the staff card.
        var reporterTurn = turn with
        {
            FromCard = false,
        };
        return await changes.ChangeAsync(
            command.CaseRef,
            reporterTurn,
            (c, now) => CaseRules.AddReport(c, turn.Actor, report, now, policy),
            c => CaseChanges.TellOwner(c, OwnerNews.ReportAdded),
            c => $"Added to {c.Id}: the specialists handling it can see your report.",
            cancellationToken
        );
    }

    /// <summary>The intake form, filled with what was sent and the problems found in it.</summary>
    private Reply Form(
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> problems,
        ChatTurn turn
    ) =>
        new(
            Card: IntakeCard.Build(
                IntakeForms.Data(values, problems, teamClock.ZoneName(clock.GetUtcNow())),
                turn.Buttons
            ),
            ReplacesCard: true
        );

    /// <summary>The answer a replayed submit gets: the confirmation of the case its first copy filed.</summary>
    private async Task<Reply> ConfirmationAsync(TurnRecord filed, ChatTurn turn, CancellationToken cancellationToken) =>
        await store.GetAsync(filed.Number, cancellationToken) is { } stored
        && stored.Case.Reporter.Id == turn.Actor.Person.Id
            ? new Reply(
                Card: CaseNoticeCard.Confirmation(CaseViews.Of(stored.Case, clock.GetUtcNow(), policy), turn.Buttons),
                ReplacesCard: true
            )
            : new Reply("That was filed already.");
}
