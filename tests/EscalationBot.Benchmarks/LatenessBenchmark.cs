using System.Diagnostics;
using System.Text.RegularExpressions;
using EscalationBot.Cases;
using EscalationBot.Deliveries;
using EscalationBot.Jobs;
using EscalationBot.Sla;
using EscalationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscalationBot.Benchmarks;

/// <summary>
/// How late reminders arrive: the real bot (<see cref="BotHost"/>) on its own Azurite, Hangfire.InMemory with the
/// production scheduler polling (1 s) and worker count, a recording connector as Teams. The queue and the leads'
/// channel are bound; unclaimed Sev1 cases are filed at a steady pace with targets of 40 s (first response) and
/// 90 s (resolution), so each case has six reminders due 20, 32, 40, 45, 72 and 90 s after filing. Lateness is the
/// delivery record's SentAt minus the reminder's DueAt, as the chaser writes them.
/// A regular sweep plans only rows due before its next look (interval + 2 s ahead); a reminder due sooner than that
/// after the change that made it needs the sweep woken early (<see cref="SweepSignal"/>), or it waits for the next
/// regular sweep, up to an interval late. The table splits the reminders by that lead time.
/// </summary>
internal static partial class LatenessBenchmark
{
    private static readonly TimeSpan FirstResponse = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(int cases = 100, double filingSeconds = 25)
    {
        // null: the production default, not set at all.
        foreach (var sweepInterval in new TimeSpan?[] { null, TimeSpan.FromSeconds(5) })
        {
            await RunOnceAsync(sweepInterval, cases, TimeSpan.FromSeconds(filingSeconds));
        }
    }

    private static async Task RunOnceAsync(TimeSpan? sweepInterval, int cases, TimeSpan filing)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sla:Sev1:FirstResponse"] = FirstResponse.ToString(),
            ["Sla:Sev1:Resolution"] = Resolution.ToString(),
            ["Sla:Idle:Nudge"] = "00:00:00",
            ["Sla:Idle:Release"] = "00:00:00",
            ["Hangfire:SchedulePollingInterval"] = "00:00:01", // the production default; BotHost sets 200 ms for tests
        };
        if (sweepInterval is { } interval)
        {
            settings["Sla:SweepInterval"] = interval.ToString();
        }

        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = new BotHost(azurite, connector, extra: settings);
        var activities = new Activities(connector);
        var sla = host.Services.GetRequiredService<IOptionsMonitor<SlaOptions>>().CurrentValue; // starts the host and its sweep
        var jobs = host.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var reminders = host.Services.GetRequiredService<IDeliveryStore>();

        await host.SendAsync(activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await host.SendAsync(activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));

        // File at a steady pace, as reporters would, rather than in one burst.
        var personal = Activities.Personal(People.Reporter);
        var clock = Stopwatch.StartNew();
        var turns = new List<double>();
        for (var i = 0; i < cases; i++)
        {
            var at = filing * ((double)i / cases);
            if (at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed);
            }

            var turn = Stopwatch.StartNew();
            await host.SendAsync(
                activities.Invoke(People.Reporter, "submitIntake", Activities.IntakeForm("Sev1"), personal)
            );
            turns.Add(turn.Elapsed.TotalMilliseconds);
        }

        var expected = cases * 6;
        var deadline = clock.Elapsed + Resolution + TimeSpan.FromSeconds(90);
        while (ReminderPosts(connector).Count < expected && clock.Elapsed < deadline)
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // any duplicate that was about to go out
        var posts = ReminderPosts(connector);
        var deliveries = new List<Delivery>();
        for (var n = 1; n <= cases; n++)
        {
            deliveries.AddRange(await reminders.DeliveriesAsync(n, CancellationToken.None));
        }

        Report(sla, jobs, cases, filing, new Stats(turns), expected, posts, deliveries);
    }

    private static void Report(
        SlaOptions sla,
        JobsOptions jobs,
        int cases,
        TimeSpan filing,
        Stats turns,
        int expected,
        IReadOnlyList<string> posts,
        List<Delivery> deliveries
    )
    {
        var sent = deliveries.Where(d => d.State == "sent" && d.SentAt is not null).ToList();
        var lookAhead = sla.SweepInterval + SlaChaser.Tolerance;
        Console.WriteLine();
        Console.WriteLine(
            $"SLA reminder lateness: sweep interval {sla.SweepInterval.TotalSeconds:F0} "
                + $"s{(sla.SweepInterval == new SlaOptions().SweepInterval ? " (the production default)" : "")}, "
                + $"Hangfire polling {jobs.SchedulePollingInterval.TotalSeconds:F0} s, {jobs.WorkerCount} workers; {Environment.ProcessorCount} cores"
        );
        Console.WriteLine(
            $"  {cases} unclaimed Sev1 cases filed over {filing.TotalSeconds:F0} s (intake turn median {turns.Median:F0} ms, max {turns.Max:F0} ms), "
                + $"targets {FirstResponse.TotalSeconds:F0} s / {Resolution.TotalSeconds:F0} s: {expected} reminders due"
        );
        var duplicates = posts.GroupBy(p => p).Sum(g => g.Count() - 1);
        var early = sent.Count(d => d.SentAt < d.DueAt);
        var dropped = deliveries.Count(d => d.State != "sent");
        Console.WriteLine(
            $"  sent {sent.Count} of {expected}; posts seen by the connector {posts.Count}, duplicates {duplicates}; "
                + $"sent before due {early}; not sent (dropped or stuck) {dropped}"
        );
        if (sent.Count == 0)
        {
            return;
        }

        Console.WriteLine(
            $"{"reminders (lead time = due - filed)", -48}{"count", 7}{"median s", 10}{"p90 s", 8}{"p99 s", 8}{"max s", 8}{"<= 5 s", 9}"
        );
        Row("all", sent);
        Row(
            $"lead time >= {lookAhead.TotalSeconds:F0} s (a regular sweep plans them)",
            sent.Where(d => Lead(d) >= lookAhead).ToList()
        );
        Row(
            $"lead time <  {lookAhead.TotalSeconds:F0} s (need an early sweep)",
            sent.Where(d => Lead(d) < lookAhead).ToList()
        );
        foreach (var mark in sent.GroupBy(d => (d.Kind, d.Step)).OrderBy(g => Lead(g.First())))
        {
            Row($"  {mark.Key.Kind} {mark.Key.Step}% (lead {Lead(mark.First()).TotalSeconds:F0} s)", mark.ToList());
        }
    }

    private static void Row(string name, List<Delivery> sent)
    {
        if (sent.Count == 0)
        {
            Console.WriteLine($"{name, -48}{0, 7}");
            return;
        }

        var late = new Stats(sent.Select(d => (d.SentAt!.Value - d.DueAt).TotalSeconds));
        var within = (double)sent.Count(d => d.SentAt!.Value - d.DueAt <= TimeSpan.FromSeconds(5)) / sent.Count;
        Console.WriteLine(
            $"{name, -48}{late.Count, 7}{late.Median, 10:F2}{late.P(0.90), 8:F2}{late.P(0.99), 8:F2}{late.Max, 8:F2}{within, 9:P0}"
        );
    }

    /// <summary>How long before it fell due the reminder's index row was written: at filing, for these unclaimed cases.</summary>
    private static TimeSpan Lead(Delivery d) =>
        (d.Kind == nameof(Chase.FirstResponse) ? FirstResponse : Resolution) * (d.Step / 100.0);

    /// <summary>Reminder posts ("ESC-12 (Sev1 …): 50% of …", "Breach: ESC-12 (…"), by their text: one text per reminder.</summary>
    private static IReadOnlyList<string> ReminderPosts(RecordingConnector connector) =>
        connector
            .Calls.Where(c => c.IsPost && ReminderText().IsMatch(c.Text))
            .Select(c => $"{c.ConversationId}|{c.Text}")
            .ToList();

    [GeneratedRegex(@"^(Breach: )?ESC-\d+ \(")]
    private static partial Regex ReminderText();
}
