using EscalationBot.Benchmarks;

// EscalationBot benchmarks against a real Azurite (each part starts its own, on a free port). Not tests: timings on
// a shared machine are noisy, so compare the ratios within one run.
//
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- [turns]          turn latency (default 300 turns)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- sla              SLA sweep cost, then reminder lateness
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- sla sweep        only the sweep cost
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- sla lateness     only the reminder lateness
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- digest           handover digest cost
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- counts           storage round trips per turn
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- burst [intakes]  16 intakes in flight (600)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- claims [rounds]  100 claims at once (10 cases)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- soak [seconds]   memory at 20/s (300 s)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- help [rounds]    help against an echo bot (7)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- load             burst, claims, soak, help
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- insight          stats, charts, exports (issue 15)
//   dotnet run -c Release --project tests/EscalationBot.Benchmarks -- all [turns]      everything
//
// turns:    intake submit and claim through /api/messages: median, p99, allocation per turn (TurnBenchmark.cs).
// sweep:    100,000 stored cases, 2,000 open; one SLA sweep's read and scheduling against a full read of the open
//           index and a scan of every case: median and p99 ms, entities read, ratios (SweepBenchmark.cs).
// lateness: the real bot with Sev1 targets of 40 s and 90 s, 100 cases filed over 25 s, 600 reminders: seconds from
//           due to sent, at the production sweep interval (30 s) and at 5 s (LatenessBenchmark.cs).
// digest:   the real bot with 5,000 open cases among 25,000 stored: the open-index read, the digest built on demand,
//           its build alone, its card and the card's JSON size (checked under 28 KB), and the boundary job posting it
//           to the queue and the leads' channel: median, p99 and max ms, allocation per run, ratios (DigestBenchmark.cs).
// counts:   intake submit, claim, typed queue and help through /api/messages, with a small table and a grown one
//           (2,300 cases, 2,000 partner managers known): storage round trips and entities read per turn, counted by a
//           proxy in front of Azurite, against issue 13's goals (CountBenchmark.cs, CountingProxy.cs).
// burst:    the bot as its own process (its GC settings, Hangfire and background services on) on 2,300 cases (2,000
//           open, 2,000 partner managers known): 16 loops file intakes back to back; intakes/s, latency, refusals,
//           the case numbers, and each case's queue card from the intake's answer to its post (goals 3 and 4).
// claims:   the same bot; per round a new case, and 100 rostered specialists press Claim at once: one winner, stored
//           as the owner; latency of every press (goal 5).
// soak:     the same bot, driven open-loop at 20 activities/s (help, status, queue, intake); its RSS every 10 s and
//           how flat it stays after the first minute (goal 6).
// help:     help in a 1:1 chat with our bot against a bare Bot Framework echo bot on the same adapter, both over HTTP
//           in this process; rounds of 200 turns, the ratio of medians per round (goal 7).
// load:     the four above, then goal 8. Each stops by itself (a fixed count of turns, or the soak's seconds, and
//           bounded waits) and talks only to 127.0.0.1: Azurite, the bot and a connector it starts (Loopback.cs).
// insight:  100,000 stored cases, 2,000 filed in the measured week (Asia/Singapore): InsightReader.StatsAsync for
//           `stats week` (median, p99, entities read by period, counted from Azurite's answers; where its time goes:
//           each range read alone, an empty range, the figures from memory), the two charts warm,
//           and the CSV export of 2,000 and 10,000 rows into a null stream (time, peak managed heap), XLSX for
//           information; against issue 15's goals, printed as "goal insight 1..3" (InsightBenchmark.cs).
// The sla part takes 7 to 8 minutes on 2 cores, most of it writing the 100,000 cases and waiting for reminders; the
// digest part 1 to 2 minutes; load 10 to 12 minutes (the soak 5 of them); insight about 3 minutes (1.5 to 2 of them
// writing the 200,000 rows).
var what = args.Length > 0 ? args[0] : "300";
int Turns(string? text) =>
    text is null ? 300
    : int.TryParse(text, out var n) && n > 0 ? n
    : throw new ArgumentException($"Not a number of turns: {text}");

switch (what)
{
    case "sla" when args.Length < 2 || args[1] is "sweep" or "lateness":
        await RunSlaAsync(args.Length > 1 ? args[1] : "all");
        break;
    case "digest":
        await RunDigestAsync();
        break;
    case "counts":
        await CountBenchmark.RunAsync(runs: 20);
        break;
    case "burst":
        await BurstBenchmark.RunAsync(Count(args.ElementAtOrDefault(1), 600));
        break;
    case "claims":
        await ClaimBenchmark.RunAsync(rounds: Count(args.ElementAtOrDefault(1), 10));
        break;
    case "soak":
        await SoakBenchmark.RunAsync(TimeSpan.FromSeconds(Count(args.ElementAtOrDefault(1), 300)));
        break;
    case "help":
        await HelpBenchmark.RunAsync(Count(args.ElementAtOrDefault(1), 7));
        break;
    case "load":
        await RunLoadAsync();
        break;
    case "insight":
        await RunInsightAsync();
        break;
    case "all":
        await TurnBenchmark.RunAsync(Turns(args.ElementAtOrDefault(1)));
        await RunSlaAsync("all");
        await RunDigestAsync();
        await CountBenchmark.RunAsync(runs: 20);
        await RunLoadAsync();
        await RunInsightAsync();
        break;
    case var turns when int.TryParse(turns, out _):
        await TurnBenchmark.RunAsync(Turns(turns));
        break;
    default:
        Console.Error.WriteLine(
            "Usage: [turns] | sla [sweep|lateness] | digest | counts | burst [intakes] | claims [rounds] | "
                + "soak [seconds] | help [rounds] | load | insight | all [turns]  (see the top of Program.cs)"
        );
        return 2;
}

return 0;

static async Task RunSlaAsync(string part)
{
    if (part is "all" or "sweep")
    {
        await SweepBenchmark.RunAsync(cases: 100_000, open: 2_000, runs: 30, fullScans: 3);
    }

    if (part is "all" or "lateness")
    {
        await LatenessBenchmark.RunAsync();
    }
}

static int Count(string? text, int otherwise) =>
    text is null ? otherwise
    : int.TryParse(text, out var n) && n > 0 ? n
    : throw new ArgumentException($"Not a positive number: {text}");

static async Task RunLoadAsync()
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await BurstBenchmark.RunAsync(intakes: 600);
    await ClaimBenchmark.RunAsync(specialists: 100, rounds: 10);
    await SoakBenchmark.RunAsync(TimeSpan.FromMinutes(5));
    await HelpBenchmark.RunAsync(rounds: 7);
    Goals.Print(
        8,
        "the load and soak programs stop by themselves and target only this machine",
        $"all four parts ended by themselves in {clock.Elapsed.TotalMinutes:F1} min (burst 600 intakes, claims 10 "
            + $"rounds, soak 300 s, help 7 rounds, every wait bounded); addresses used: {Loopback.Checked()}",
        true
    );
}

static Task RunDigestAsync() => DigestBenchmark.RunAsync(open: 5_000, closed: 20_000, runs: 20);

static Task RunInsightAsync() => InsightBenchmark.RunAsync(cases: 100_000, inWeek: 2_000, runs: 20, exportRows: 10_000);
