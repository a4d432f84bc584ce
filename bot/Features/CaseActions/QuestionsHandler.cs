using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Chat.Commands;

namespace EscalationBot.Features.CaseActions;

/// <summary>Questions around a case: to the reporter and their answers, and consults of other teams.</summary>
public sealed class QuestionsHandler(CaseChanges changes, CasePolicy policy)
    : ICommandHandler<ChatCommand.AskReporter>,
        ICommandHandler<ChatCommand.Update>,
        ICommandHandler<ChatCommand.Consult>,
        ICommandHandler<ChatCommand.RecordAnswer>
{
    public Task<Reply> HandleAsync(
        ChatCommand.AskReporter command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.AskReporter(c, turn.Actor, command.Question, now, policy),
            _ => new Notice.ToReporter(ReporterNotice.Question),
            c => $"Asked the reporter of {c.Id}; its resolution clock is paused until they answer.",
            cancellationToken
        );

    public Task<Reply> HandleAsync(ChatCommand.Update command, ChatTurn turn, CancellationToken cancellationToken) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.Update(c, turn.Actor, command.Text, now, policy),
            c => CaseChanges.TellOwner(c, OwnerNews.ReporterUpdate),
            c => $"Sent: the specialists handling {c.Id} can see it.",
            cancellationToken
        );

    public Task<Reply> HandleAsync(ChatCommand.Consult command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var (team, question) = (command.Team, command.Question);
        if (command.Typed is { } typed)
        {
            // "Content Policy Is this allowed?" or "content-policy: Is this allowed?": the longest team name that leads.
            team = policy
                .Teams.OrderByDescending(t => t.Length)
                .FirstOrDefault(t => typed.Replace('-', ' ').StartsWith(t, StringComparison.OrdinalIgnoreCase));
            question = team is null ? typed : typed[team.Length..].TrimStart(':', ' ');
        }

        return changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.AskTeam(c, turn.Actor, team, question, now, policy),
            null,
            c => $"{c.Id} is now consulting {c.Consult!.Team}. Record their answer with: answer {c.Id} <answer>",
            cancellationToken
        );
    }

    public Task<Reply> HandleAsync(
        ChatCommand.RecordAnswer command,
        ChatTurn turn,
        CancellationToken cancellationToken
    ) =>
        changes.ChangeAsync(
            command.CaseRef,
            turn,
            (c, now) => CaseRules.RecordAnswer(c, turn.Actor, command.Answer, now, policy),
            c => CaseChanges.TellOwner(c, OwnerNews.ConsultAnswer),
            c => $"Answer recorded on {c.Id}; it is back with {c.Owner?.Name}.",
            cancellationToken
        );
}
