using System.Diagnostics;
using System.Text;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using EscalationBot.Testing;
using Newtonsoft.Json;

namespace EscalationBot.Benchmarks;

/// <summary>How <see cref="DigestBenchmark"/> times a stage and checks what the send stage posted.</summary>
internal static partial class DigestBenchmark
{
    /// <summary>
    /// A post counts only if it reached Teams: the job says it posted, and the connector received exactly two new
    /// posts, both handover cards, each under <see cref="TeamsLimit"/>.
    /// </summary>
    private static async Task CheckPostedAsync(
        RecordingConnector connector,
        IHandoverStore handovers,
        ShiftRun run,
        int postsBefore,
        string result,
        Sent sent
    )
    {
        var posts = connector.Calls.Where(c => c.IsPost).Skip(postsBefore).ToList();
        if (
            result != $"posted to {Bindings.Leads},{Bindings.Queue}"
            || posts.Count != 2
            || posts.Any(p =>
                p.Card?["body"]?[0]?.Value<string>("text")?.StartsWith("Handover", StringComparison.Ordinal) != true
            )
        )
        {
            throw new InvalidOperationException(
                $"The digest of {run.Name} {run.Start:u} was not posted to both channels: '{result}', {posts.Count} new posts."
            );
        }

        foreach (var post in posts)
        {
            var cardBytes = Encoding.UTF8.GetByteCount(post.Card!.ToString(Formatting.None));
            if (cardBytes >= TeamsLimit)
            {
                throw new InvalidOperationException(
                    $"The digest card posted to {post.ConversationId} is {cardBytes:N0} bytes of JSON: over Teams' {TeamsLimit:N0}."
                );
            }

            var activity = post.Body.ToString(Formatting.None);
            sent.MaxCardBytes = Math.Max(sent.MaxCardBytes, cardBytes);
            sent.MaxActivityBytes = Math.Max(sent.MaxActivityBytes, Encoding.UTF8.GetByteCount(activity));
            sent.MaxActivityBytes16 = Math.Max(sent.MaxActivityBytes16, Encoding.Unicode.GetByteCount(activity));
        }

        var digest =
            await handovers.GetAsync(run.Index, run.Start, CancellationToken.None)
            ?? throw new InvalidOperationException($"The digest of {run.Name} {run.Start:u} is not stored.");
        sent.Last = digest;
        sent.Late += digest.View.LateNote is null ? 0 : 1;
        var resolved =
            digest.View.Sections.FirstOrDefault(s => s.Title.StartsWith("Resolved", StringComparison.Ordinal))?.Total
            ?? 0;
        sent.Resolved.Add(
            resolved > 0
                ? resolved
                : throw new InvalidOperationException(
                    $"The digest of {run.Name} {run.Start:u} has no resolutions: the seed left its outgoing shift empty."
                )
        );
    }

    /// <summary>One stage's times and process-wide allocation per run; the <see cref="WarmUp"/> runs are not kept.</summary>
    private sealed class Stage(string name, int runs)
    {
        private readonly double[] times = new double[runs];
        private readonly double[] allocated = new double[runs];

        public string Name => name;
        public Stats Times => new(times);
        public Stats Allocated => new(allocated);

        /// <summary>Times <paramref name="act"/>; <paramref name="check"/> runs after it, untimed.</summary>
        public async Task RunAsync<T>(int run, Func<Task<T>> act, Func<T, Task>? check = null)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await act();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (check is not null)
            {
                await check(result);
            }

            if (run >= WarmUp)
            {
                times[run - WarmUp] = elapsed;
                allocated[run - WarmUp] = bytes;
            }
        }
    }

    /// <summary>What the posts of the send stage looked like.</summary>
    private sealed class Sent
    {
        public readonly List<int> Resolved = [];
        public PostedDigest? Last;
        public int Late,
            MaxCardJsonBytes,
            MaxCardBytes,
            MaxActivityBytes,
            MaxActivityBytes16;
    }
}
