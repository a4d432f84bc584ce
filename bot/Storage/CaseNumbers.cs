using Azure;
using Azure.Data.Tables;

namespace EscalationBot.Storage;

/// <summary>
/// Hands out case numbers from blocks this instance reserves on the counter row (<see cref="CaseKeys.Counter"/>): one
/// conditional write per block rather than per case, so filers do not queue on one hot row. Numbers stay short and
/// unique; across instances they are only roughly in filing order, and a crash loses the rest of a block (a gap).
/// On a clean stop the unused tail of the last block goes back to the counter, if nobody reserved after it.
/// </summary>
public sealed class CaseNumbers(TableClient table, int blockSize)
{
    public const int DefaultBlock = 10;

    private readonly SemaphoreSlim reserving = new(1, 1);
    private readonly SortedSet<int> free = [];

    /// <summary>The last number of the newest block this instance reserved (0: none yet).</summary>
    private int reservedUpTo;

    public async Task<int> NextAsync(CancellationToken cancellationToken)
    {
        if (TryTake(out var number))
        {
            return number;
        }

        await reserving.WaitAsync(cancellationToken);
        try
        {
            // Another filer may have reserved a block while this one waited.
            while (!TryTake(out number))
            {
                await ReserveAsync(cancellationToken);
            }

            return number;
        }
        finally
        {
            reserving.Release();
        }
    }

    /// <summary>A number taken but not used (its case was not written): the next filing takes it.</summary>
    public void GiveBack(int number)
    {
        lock (free)
        {
            free.Add(number);
        }
    }

    /// <summary>Returns the unused tail of the newest block to the counter, if the counter still ends there.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        int firstUnused;
        lock (free)
        {
            if (reservedUpTo == 0 || !free.Contains(reservedUpTo))
            {
                return;
            }

            firstUnused = reservedUpTo;
            while (free.Contains(firstUnused - 1))
            {
                firstUnused--;
            }

            free.RemoveWhere(n => n >= firstUnused);
        }

        var counter = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseKeys.Partition,
            CaseKeys.Counter,
            cancellationToken: cancellationToken
        );
        if (counter.HasValue && counter.Value!.GetInt32("Last") == reservedUpTo)
        {
            try
            {
                await table.UpdateEntityAsync(
                    new TableEntity(CaseKeys.Partition, CaseKeys.Counter) { ["Last"] = firstUnused - 1 },
                    counter.Value.ETag,
                    TableUpdateMode.Replace,
                    cancellationToken
                );
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another instance reserved a block meanwhile: the tail stays a gap.
            }
        }
    }

    private bool TryTake(out int number)
    {
        lock (free)
        {
            number = free.Count > 0 ? free.Min : 0;
            return free.Remove(number);
        }
    }

    /// <summary>Moves the counter on by a block, conditional on its ETag; another instance's block first means another try.</summary>
    private async Task ReserveAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counter = await table.GetEntityIfExistsAsync<TableEntity>(
                CaseKeys.Partition,
                CaseKeys.Counter,
                cancellationToken: cancellationToken
            );
            var last = counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : 0;
            var block = new TableEntity(CaseKeys.Partition, CaseKeys.Counter) { ["Last"] = last + blockSize };
            try
            {
                if (counter.HasValue)
                {
                    await table.UpdateEntityAsync(
                        block,
                        counter.Value!.ETag,
                        TableUpdateMode.Replace,
                        cancellationToken
                    );
                }
                else
                {
                    await table.AddEntityAsync(block, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + (attempt * 5)), cancellationToken);
                continue;
            }

            lock (free)
            {
                for (var n = last + 1; n <= last + blockSize; n++)
                {
                    free.Add(n);
                }

                reservedUpTo = last + blockSize;
            }

            return;
        }
    }
}
