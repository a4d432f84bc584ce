namespace EscalationBot.Chat;

/// <summary>
/// What is left of the class that sent everything the bot posts on its own, now <see cref="ChatSender"/>,
/// <see cref="QueueCardSync"/>, <see cref="ReporterNotifier"/>, <see cref="OwnerNotifier"/> and
/// <see cref="ReminderSender"/>. Hangfire stores a job's type and method: jobs enqueued before that split as
/// CaseMessenger.SendTextAsync (the outgoing owners' queue notice) still run through here. Safe to delete once no
/// such job can be waiting (a release after the one that brings the split).
/// </summary>
public sealed class CaseMessenger(ChatSender sender)
{
    public Task<string> SendTextAsync(string address, string text, CancellationToken cancellationToken) =>
        sender.SendTextAsync(address, text, cancellationToken);
}
