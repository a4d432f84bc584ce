using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using EscalationBot.Chat;
using EscalationBot.Jobs;
using Hangfire;
using Hangfire.Server;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace EscalationBot.Outbox;

/// <summary>
/// The Hangfire job that sends a case's outbox rows: each stream (queue card, reporter, owner) in the order its
/// changes committed. A row is reserved with a lease before it is sent and removed after; a failed send waits with
/// a growing backoff (Teams' Retry-After on a 429) and holds back the rest of its stream, not the others. The job
/// takes a case number; the rows say what to send, and the text is rendered from the case when it is sent.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxSender sender,
    InstanceId instance,
    IBackgroundJobClient jobs,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger
)
{
    /// <summary>
    /// The job parameter that holds the rows this job sent but has not removed yet (storage failing), with the ETag
    /// each had when sent: a retry of the job finds them unchanged and removes them, never sends them again. A row
    /// changed since (a later change asked for the queue card again) is sent again.
    /// </summary>
    public const string SentParameter = "OutboxSent";

    /// <summary>
    /// How soon a job that found a row held by another sender looks again. The holder read its rows before it leased
    /// them, so rows a later change wrote since are this job's to send; the holder is normally done within a second.
    /// </summary>
    public static readonly TimeSpan HeldRetry = TimeSpan.FromSeconds(2);

    /// <summary>The job that sends case <paramref name="number"/>'s rows: all of them, or only its queue card.</summary>
    public static Expression<Func<OutboxDispatcher, Task>> Send(int number, bool onlyQueueCard) =>
        onlyQueueCard
            ? d => d.SendQueueCardAsync(number, null, CancellationToken.None)
            : d => d.DispatchAsync(number, null, CancellationToken.None);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 20, 60])]
    [Queue(JobQueues.Outbox)]
    public async Task<string> DispatchAsync(int number, PerformContext? context, CancellationToken cancellationToken) =>
        await SendAsync(number, await outbox.PendingAsync(number, cancellationToken), context, cancellationToken);

    /// <summary>
    /// Sends only the case's queue card, read by its key: for a change that asked for nothing else (a new case). Its
    /// stream has that one row, so nothing else need be read to keep the order.
    /// </summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 20, 60])]
    [Queue(JobQueues.Outbox)]
    public async Task<string> SendQueueCardAsync(
        int number,
        PerformContext? context,
        CancellationToken cancellationToken
    ) =>
        await SendAsync(
            number,
            await outbox.QueueCardAsync(number, cancellationToken) is { } row ? [row] : [],
            context,
            cancellationToken,
            queueCardOnly: true
        );

    private async Task<string> SendAsync(
        int number,
        IReadOnlyList<OutboxRow> rows,
        PerformContext? context,
        CancellationToken cancellationToken,
        bool queueCardOnly = false
    )
    {
        var claimant = instance.Claimant(context);
        var sentNotRemoved = context?.GetJobParameter<Dictionary<string, string>>(SentParameter) ?? [];
        var sent = 0;
        var held = false;
        foreach (var stream in rows.GroupBy(r => r.Stream))
        {
            var inOrder = stream.OrderBy(r => r.Key, StringComparer.Ordinal);
            var (sentHere, heldHere) = await SendStreamAsync(
                inOrder,
                claimant,
                sentNotRemoved,
                context,
                cancellationToken
            );
            sent += sentHere;
            held |= heldHere;
        }

        if (held)
        {
            jobs.Schedule(Send(number, queueCardOnly), HeldRetry);
        }

        return held ? $"sent {sent}, held elsewhere" : $"sent {sent}";
    }

    /// <summary>
    /// Sends a stream's rows in order until one is held by another sender (then <c>Held</c>), waits out a failure, or
    /// fails now.
    /// </summary>
    private async Task<(int Sent, bool Held)> SendStreamAsync(
        IEnumerable<OutboxRow> stream,
        string claimant,
        Dictionary<string, string> sentNotRemoved,
        PerformContext? context,
        CancellationToken cancellationToken
    )
    {
        var sent = 0;
        foreach (var row in stream.Where(r => !r.Failed))
        {
            if (sentNotRemoved.TryGetValue(row.Key, out var sentAt) && sentAt == row.ETag)
            {
                // Sent by an earlier attempt of this job, unchanged since: only its removal failed. Never send it again.
                await outbox.CompleteAsync(row, cancellationToken);
                sent++;
                continue;
            }

            var now = clock.GetUtcNow();
            if (!row.IsDue(now) && row.Claimant != claimant)
            {
                // Leased by another sender, or waiting out a failure (its retry is scheduled).
                return (sent, row.Claimant is not null && row.LeaseUntil > now);
            }

            var leased = await outbox.TryLeaseAsync(row, claimant, now + options.CurrentValue.Lease, cancellationToken);
            if (leased is null)
            {
                return (sent, true); // another sender leased it, or a later change merged into it, meanwhile
            }

            try
            {
                await sender.SendAsync(leased, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await DeferAsync(leased, e, (e as QueueCardNotRecordedException)?.MessageId, cancellationToken);
                return (sent, false);
            }

            // Kept with the job before the removal: if storage fails now, the job's retry removes the row, never resends it.
            sentNotRemoved[row.Key] = leased.ETag;
            context?.SetJobParameter(SentParameter, sentNotRemoved);
            await outbox.CompleteAsync(leased, cancellationToken);
            sent++;
        }

        return (sent, false);
    }

    private async Task DeferAsync(OutboxRow row, Exception failure, string? posted, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var wait = RetryAfter(failure) ?? Backoff(row.Attempts, settings);
        var giveUp = row.Attempts + 1 >= settings.MaxAttempts;
        await outbox.DeferAsync(row, clock.GetUtcNow() + wait, giveUp, posted, cancellationToken);
        if (giveUp)
        {
            logger.LogError(
                failure,
                "Outbox row {Row} of case {Number} given up after {Attempts} failed sends",
                row.Key,
                row.Number,
                row.Attempts + 1
            );
            return;
        }

        logger.LogWarning(
            failure,
            "Outbox row {Row} of case {Number} failed (attempt {Attempt}); next try in {Wait}",
            row.Key,
            row.Number,
            row.Attempts + 1,
            wait
        );
        // Hangfire keeps scheduled times in whole seconds and may start a job up to a second early: a second more.
        var number = row.Number;
        jobs.Schedule(Send(number, onlyQueueCard: false), wait + TimeSpan.FromSeconds(1));
    }

    public static TimeSpan Backoff(int failuresBefore, OutboxOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(failuresBefore, 20));
        return TimeSpan.FromTicks((long)Math.Min(settings.FirstBackoff.Ticks * factor, settings.MaxBackoff.Ticks));
    }

    /// <summary>How long Teams asked us to wait, when it refused with 429 Too Many Requests.</summary>
    public static TimeSpan? RetryAfter(Exception failure)
    {
        if (failure is not ErrorResponseException { Response.StatusCode: HttpStatusCode.TooManyRequests } refused)
        {
            return null;
        }

        var header = refused
            .Response.Headers?.FirstOrDefault(h =>
                string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)
            )
            .Value?.FirstOrDefault();
        if (double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromHours(1).TotalSeconds));
        }

        return DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Clamp((at - DateTimeOffset.UtcNow).Ticks, 0, TimeSpan.FromHours(1).Ticks))
            : TimeSpan.FromSeconds(1);
    }
}
