using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;
using EscalationBot.Wellbeing;

namespace EscalationBot.Features.CaseActions;

/// <summary>
/// A case's main steps: claim, resolve, release, reopen, and the asides of notes and marking it sensitive. A claim
/// of a sensitive case at the limit of the shift is asked about first, privately (<see cref="ClaimLimit"/>).
/// </summary>
public sealed class CaseWorkHandler(CaseChanges changes, ClaimLimit limit, CasePolicy policy)
    : ICommandHandler<ChatCommand.Claim>,
        ICommandHandler<ChatCommand.LeaveCase>,
        ICommandHandler<ChatCommand.Resolve>,
        ICommandHandler<ChatCommand.Release>,
        ICommandHandler<ChatCommand.Reopen>,
        ICommandHandler<ChatCommand.Note>,
        ICommandHandler<ChatCommand.MarkSensitive>
{
    public async Task<Reply> HandleAsync(
        ChatCommand.Claim command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        (command.Anyway ? null : await limit.AskFirstAsync(command.CaseRef, turn, cancellationToken))
        ?? await changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Claim(c, turn.Actor, now, policy),
            _ => new Notice.ToReporter(ReporterNotice.Claimed),
            c =>
                $"You have claimed {c.Id}. Resolve it from its card, or with: resolve {c.Id} actioned <summary for the reporter>",
            cancellationToken
        );

    /// <summary>"Leave it", when asked before claiming: nothing changes.</summary>
    public Task<Reply> HandleAsync(ChatCommand.LeaveCase command, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult(
            CaseId.TryParse(command.CaseRef, out var number)
                ? new Reply($"OK: you haven't claimed {CaseId.Format(number)}.")
                : CaseChanges.NotACaseId(command.CaseRef)
        );

    public Task<Reply> HandleAsync(ChatCommand.Resolve command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = IntakeValidator.ParseName<Outcome>(command.Outcome ?? "");
        return changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Resolve(c, turn.Actor, outcome, command.Summary, now, policy),
            _ => new Notice.ToReporter(ReporterNotice.Resolved),
            c => $"{c.Id} is resolved ({Labels.Of(c.Resolution!.Outcome)}). The reporter has been told.",
            cancellationToken
        );
    }

    public Task<Reply> HandleAsync(ChatCommand.Release command, ChatTurn turn, CancellationToken cancellationToken) =>
        Release(command.CaseRef, turn, cancellationToken);

    /// <summary>Also a choice at a handover: the same rule and answer.</summary>
    public Task<Reply> Release(string caseRef, ChatTurn turn, CancellationToken cancellationToken) =>
        changes.ChangeAsync(
            caseRef,
            turn,
            (c, now) => CaseRules.Release(c, turn.Actor, now, policy),
            null,
            c => $"{c.Id} is back in the queue.",
            cancellationToken
        );

    public Task<Reply> HandleAsync(ChatCommand.Reopen command, ChatTurn turn, CancellationToken cancellationToken) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Reopen(c, turn.Actor, command.Reason, now, policy),
            c => c.Reporter.Id == turn.Actor.Person.Id ? null : new Notice.ToReporter(ReporterNotice.Reopened),
            c => $"{c.Id} is reopened{(c.Owner is null ? "" : $" and back with {c.Owner.Name}")}.",
            cancellationToken
        );

    public Task<Reply> HandleAsync(ChatCommand.Note command, ChatTurn turn, CancellationToken cancellationToken) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Note(c, turn.Actor, command.Text, now, policy),
            null,
            c => $"Note added to {c.Id}.",
            cancellationToken
        );

    public Task<Reply> HandleAsync(
        ChatCommand.MarkSensitive command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.MarkSensitive(c, turn.Actor, now, policy),
            null,
            c => $"{c.Id} is now sensitive: its details are hidden from previews.",
            cancellationToken
        );
}
