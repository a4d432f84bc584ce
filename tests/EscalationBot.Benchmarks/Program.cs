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
// The sla part takes 7 to 8 minutes on 2 cores, most of it writing the 100,000 cases and waiting for reminders; the
// digest part 1 to 2 minutes.
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
    case "all":
        await TurnBenchmark.RunAsync(Turns(args.ElementAtOrDefault(1)));
        await RunSlaAsync("all");
        await RunDigestAsync();
        await CountBenchmark.RunAsync(runs: 20);
        break;
    case var turns when int.TryParse(turns, out _):
        await TurnBenchmark.RunAsync(Turns(turns));
        break;
    default:
        Console.Error.WriteLine(
            "Usage: [turns] | sla [sweep|lateness] | digest | counts | all [turns]  (see the top of Program.cs)"
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

static Task RunDigestAsync() => DigestBenchmark.RunAsync(open: 5_000, closed: 20_000, runs: 20);
