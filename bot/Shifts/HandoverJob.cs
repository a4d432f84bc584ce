using System.Globalization;
using EscalationBot.Cards;
using EscalationBot.Cards.Handover;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace EscalationBot.Shifts;

/// <summary>
/// Posts the handover digest at a shift boundary, once: a Hangfire recurring job per shift (cron in the shift's own
/// time zone) and a catch-up at start for a boundary missed while no instance ran, which says it is late. The
/// same delivery records as the SLA reminders make a second instance, a retry or a restart post nothing twice.
/// </summary>
public sealed class HandoverJob(
    ShiftSchedule schedule,
    HandoverDigests digests,
    IHandoverStore handovers,
    DeliveryClaims claims,
    IConversationStore conversations,
    ChatSender sender,
    IBackgroundJobClient jobs,
    IOptionsMonitor<ShiftsOptions> shifts,
    TimeProvider clock,
    ILogger<HandoverJob> logger)
{
    /// <summary>A digest posted more than this after its boundary says that it is late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    /// <summary>The job parameter that keeps the posts made so far, for a retry when storing one of them failed.</summary>
    public const string PostedParameter = "PostedMessages";

    /// <summary>The recurring job's entry: the run of this shift that has just started.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> BoundaryAsync(int shiftIndex, PerformContext? context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = schedule.StartingBetween(now.AddHours(-1), now.AddSeconds(1)).Where(r => r.Index == shiftIndex).MaxBy(r => r.Start);
        if (run is null)
        {
            return "no run of this shift starts now (a holiday)";
        }

        OutgoingJob.Plan(jobs, run, shifts.CurrentValue, now);
        return await PostAsync(shiftIndex, run.Start.ToUnixTimeSeconds(), context, cancellationToken);
    }

    /// <summary>Posts the digest of one run, unless it was posted already.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> PostAsync(int shiftIndex, long runStartUnix, PerformContext? context, CancellationToken cancellationToken)
    {
        var run = schedule.RunAt(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix));
        if (run is null)
        {
            return "no such run";
        }

        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var now = clock.GetUtcNow();
        var digestDelivery = new Deliverable(0, HandoverDeliveries.Digest, shiftIndex, runStartUnix, run.Start);
        var claimed = await claims.ClaimAsync(digestDelivery, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (claimed.AlreadyDone)
            {
                return "posted already";
            }

            // Look again once the other instance's lease has run out, in case it died holding it.
            jobs.Schedule<HandoverJob>(j => j.PostAsync(shiftIndex, runStartUnix, null, CancellationToken.None), claims.LookAgainAt(claimed));
            return "another instance is posting it";
        }

        var late = now - run.Start > LateAfter
            ? $"Posted late: the bot was not running at the {run.Start.ToOffset(schedule.Zone(shiftIndex).GetUtcOffset(run.Start)).ToString("HH:mm", CultureInfo.InvariantCulture)} boundary."
            : null;
        var data = new Dictionary<string, string>
        {
            [HandoverCard.ShiftKey] = shiftIndex.ToString(CultureInfo.InvariantCulture),
            [HandoverCard.StartKey] = runStartUnix.ToString(CultureInfo.InvariantCulture),
        };
        var view = await digests.AtBoundaryAsync(run, late, [], data, cancellationToken);

        // A retry after a partial post reuses what was already posted: what the store has, and what an earlier
        // attempt of this job posted but could not store (kept with the job right after each post).
        var existing = await handovers.GetAsync(shiftIndex, run.Start, cancellationToken);
        var messages = existing?.Messages.ToList() ?? [];
        var kept = context?.GetJobParameter<List<PostedMessage>>(PostedParameter, allowStale: false) ?? [];
        messages.AddRange(kept.Where(k => messages.All(m => m.Binding != k.Binding)));
        if (messages.Count > (existing?.Messages.Count ?? 0))
        {
            await StoreAsync();
        }

        foreach (var name in new[] { Bindings.Leads, Bindings.Queue })
        {
            if (messages.Any(m => m.Binding == name) || await conversations.GetBindingAsync(name, cancellationToken) is not { } binding)
            {
                continue;
            }

            var id = await sender.PostCardAsync(binding.Address, HandoverCard.Build(view, ChatSender.ButtonsFor(binding.ChannelId)), null, cancellationToken);
            messages.Add(new PostedMessage(name, binding.Address, binding.ChannelId, id));
            context?.SetJobParameter(PostedParameter, messages);
            await StoreAsync();
        }

        if (messages.Count == 0)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            logger.LogWarning("Handover digest for {Shift} at {Start} has nowhere to go: bind the leads' channel and the queue", run.Name, run.Start);
            return "undeliverable";
        }

        // Planned before the record: a retry that finds the post recorded stops at once, and a second check is harmless.
        jobs.Schedule<HandoverJob>(j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None), shifts.CurrentValue.AcknowledgeWithin);
        await claims.CompleteAsync(context, claim, "sent", string.Join(",", messages.Select(m => m.Binding)), cancellationToken);
        logger.LogInformation("Handover digest for {Shift} at {Start} posted to {Where}{Late}", run.Name, run.Start, string.Join(", ", messages.Select(m => m.Binding)), late is null ? "" : " (late)");
        return $"posted to {string.Join(",", messages.Select(m => m.Binding))}";

        Task StoreAsync() => claims.RetryWriteAsync(
            () => handovers.AddAsync(new PostedDigest(shiftIndex, run.Start, DigestSnapshot.Of(view), messages, now), cancellationToken),
            "handover digest",
            cancellationToken);
    }

    /// <summary>If nobody on the incoming shift has taken the work over, the leads hear about it, once.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 15, 60, 120, 300])]
    public async Task<string> CheckAcknowledgedAsync(int shiftIndex, long runStartUnix, PerformContext? context, CancellationToken cancellationToken)
    {
        if (await claims.FinishEarlierAttemptAsync(context, cancellationToken) is { } earlier)
        {
            return $"{earlier.State} (recorded by a retry)";
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(runStartUnix);
        var digest = await handovers.GetAsync(shiftIndex, start, cancellationToken);
        if (digest is null || digest.Acknowledged)
        {
            return digest is null ? "no digest" : "acknowledged";
        }

        var now = clock.GetUtcNow();
        var due = digest.PostedAt + shifts.CurrentValue.AcknowledgeWithin;
        if (now < due)
        {
            jobs.Schedule<HandoverJob>(j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None), due);
            return "not due yet";
        }

        var nudge = new Deliverable(0, HandoverDeliveries.Nudge, shiftIndex, runStartUnix, digest.PostedAt + shifts.CurrentValue.AcknowledgeWithin);
        var claimed = await claims.ClaimAsync(nudge, context, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            if (!claimed.AlreadyDone)
            {
                jobs.Schedule<HandoverJob>(j => j.CheckAcknowledgedAsync(shiftIndex, runStartUnix, null, CancellationToken.None), claims.LookAgainAt(claimed));
            }

            return "nudged already";
        }

        var name = schedule.Definition(shiftIndex).Name;
        var text = $"Nobody on the {name} shift has taken over its handover yet ({Durations.Format(now - digest.PostedAt)} since it was posted). Please check who is on shift.";
        var leads = await conversations.GetBindingAsync(Bindings.Leads, cancellationToken) ?? await conversations.GetBindingAsync(Bindings.Queue, cancellationToken);
        if (leads is null)
        {
            await claims.CompleteAsync(context, claim, "undeliverable", null, cancellationToken);
            return "undeliverable";
        }

        var card = HandoverCard.Build(digest.View.ToView(), ChatSender.ButtonsFor(leads.ChannelId));
        var id = await sender.PostCardAsync(leads.Address, card, text, cancellationToken);
        await claims.CompleteAsync(context, claim, "sent", leads.Name, cancellationToken);
        await AddPostAsync(shiftIndex, start, new PostedMessage(NudgePost, leads.Address, leads.ChannelId, id), cancellationToken);
        return "nudged";
    }

    /// <summary>The nudge's copy of the digest, among its posts.</summary>
    public const string NudgePost = "nudge";

    /// <summary>
    /// Records another post of a digest: a press counts only on a digest's own posts (the button data is user
    /// input), and every post is edited when the digest changes.
    /// </summary>
    private async Task AddPostAsync(int shiftIndex, DateTimeOffset start, PostedMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var digest = await handovers.GetAsync(shiftIndex, start, cancellationToken);
            if (digest is null || await handovers.TryReplaceAsync(digest with { Messages = [.. digest.Messages, message] }, cancellationToken))
            {
                return;
            }
        }

        logger.LogWarning("Nudge for the digest of shift {Shift} at {Start} not recorded among its posts: too many changes at once", shiftIndex, start);
    }

    /// <summary>Edits every post of a digest to show who has acknowledged it.</summary>
    public async Task RefreshAsync(int shiftIndex, long runStartUnix, CancellationToken cancellationToken)
    {
        var digest = await handovers.GetAsync(shiftIndex, DateTimeOffset.FromUnixTimeSeconds(runStartUnix), cancellationToken);
        foreach (var message in digest?.Messages ?? [])
        {
            await sender.UpdateCardAsync(message.Address, message.MessageId, HandoverCard.Build(digest!.View.ToView(), ChatSender.ButtonsFor(message.ChannelId)), cancellationToken);
        }
    }
}
