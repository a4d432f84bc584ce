namespace EscalationBot.Cases;

/// <summary>
/// The changes to each case that this instance is making at the same time, and the newest version any of them has
/// committed. A change that read the case before another change here committed it could only fail on the ETag: it
/// waits for that commit and is judged again against what it wrote, with no doomed write and no read. Their reads are
/// shared too: each waits for one that began after it asked. A hundred specialists pressing Claim together cost a
/// few reads and one write, not a hundred of each. Another instance's
/// commits are not seen here: a change that raced one still finds out from its write. A case nobody here is changing
/// has no entry.
/// </summary>
internal sealed class CaseRaces
{
    private readonly Dictionary<int, Race> races = [];

    /// <summary>Joins the changes to case <paramref name="number"/> in progress here; dispose to leave.</summary>
    public Race Join(int number)
    {
        lock (races)
        {
            if (!races.TryGetValue(number, out var race))
            {
                races[number] = race = new Race(this, number);
            }

            race.Runners++;
            return race;
        }
    }

    private void Leave(Race race)
    {
        lock (races)
        {
            if (--race.Runners == 0)
            {
                races.Remove(race.Number);
                race.Writes.Dispose();
            }
        }
    }

    /// <summary>A case as a commit left it, at the version it wrote.</summary>
    public sealed record Committed(Case Case, int Version);

    /// <summary>One case's changes in progress here: they write one at a time.</summary>
    public sealed class Race(CaseRaces owner, int number) : IDisposable
    {
        public int Number => number;

        /// <summary>Held while a change writes, so that the others wait for its outcome rather than race it.</summary>
        public SemaphoreSlim Writes { get; } = new(1, 1);

        /// <summary>The case as the newest commit here left it (read and written under <see cref="Writes"/>).</summary>
        public Committed? Newest { get; set; }

        internal int Runners { get; set; }

        private readonly object reads = new();
        private int asked;
        private Read? last;

        /// <summary>A shared read: <see cref="Serves"/> the callers that asked before it began.</summary>
        private sealed class Read
        {
            public bool Began { get; set; }
            public int Serves { get; set; }
            public Task<StoredCase?> Task { get; set; } = null!;
        }

        /// <summary>
        /// The case as a read that began after this call gives it: one in flight or done that began late enough, one
        /// still waiting to begin, or a new one, begun when the read in flight (which began too early) ends.
        /// <paramref name="read"/> is shared by every caller waiting on it, so it must not be cancelled with the first.
        /// </summary>
        public Task<StoredCase?> ReadAsync(Func<Task<StoredCase?>> read, CancellationToken cancellationToken)
        {
            lock (reads)
            {
                var ticket = ++asked;
                if (last is null || (last.Began && last.Serves < ticket))
                {
                    var next = new Read();
                    next.Task =
                        last is null || last.Task.IsCompleted ? Begin(next, read) : BeginAfter(last.Task, next, read);
                    last = next;
                }

                return last.Task.WaitAsync(cancellationToken);
            }
        }

        private async Task<StoredCase?> BeginAfter(Task earlier, Read next, Func<Task<StoredCase?>> read)
        {
            await earlier.ContinueWith(_ => { }, TaskScheduler.Default);
            return await Begin(next, read);
        }

        private Task<StoredCase?> Begin(Read next, Func<Task<StoredCase?>> read)
        {
            lock (reads)
            {
                (next.Began, next.Serves) = (true, asked);
            }

            return read();
        }

        public void Dispose() => owner.Leave(this);
    }
}
