using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Shifts;
using Microsoft.Extensions.Options;

namespace EscalationBot.Wellbeing;

/// <summary>
/// The period exposure is counted over: the shift run in progress (<see cref="Run"/>), or outside any shift the last
/// <see cref="ExposureLedger.WithoutShift"/>.
/// </summary>
public sealed record ExposurePeriod(DateTimeOffset From, DateTimeOffset Now, ShiftRun? Run);

/// <summary>One person's exposure this period, and whether they are on a break now.</summary>
public sealed record PersonExposure(string PersonId, ExposureTally Tally, bool Away);

/// <summary>
/// Reads each person's exposure to sensitive cases this shift run from the ledger rows the case changes wrote
/// (<see cref="Exposure"/>), with the sensitive cases they hold now and the end of their last break, and says
/// when someone has reached a limit of <see cref="WellbeingOptions"/>. Private: nothing read here is for a channel.
/// </summary>
public sealed class ExposureLedger(
    ICaseStore store,
    IConversationStore people,
    ShiftSchedule shifts,
    IOptionsMonitor<WellbeingOptions> options,
    TimeProvider clock
)
{
    /// <summary>What is counted outside any shift: about a shift's length.</summary>
    public static readonly TimeSpan WithoutShift = TimeSpan.FromHours(8);

    public ExposurePeriod Period()
    {
        var now = clock.GetUtcNow();
        var run = shifts.Current(now);
        return new ExposurePeriod(run?.Start ?? now - WithoutShift, now, run);
    }

    /// <summary>The exposure of each of <paramref name="ids"/> over <paramref name="period"/>, in their order.</summary>
    public async Task<IReadOnlyList<PersonExposure>> OfAsync(
        IReadOnlyCollection<string> ids,
        ExposurePeriod period,
        CancellationToken cancellationToken
    )
    {
        var held = Exposure.HeldBy(await store.ListOpenForDigestAsync(CaseFilter.None, cancellationToken));
        var known = (await people.GetPeopleAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        var tallies = ids.Select(async id =>
        {
            var awayUntil = known.GetValueOrDefault(id)?.AwayUntil;
            var tally = ExposureTally.Of(
                await store.ExposureAsync(id, period.From, period.Now, cancellationToken),
                held[id].ToHashSet(),
                period.From,
                period.Now,
                awayUntil
            );
            return new PersonExposure(id, tally, awayUntil > period.Now);
        });
        return await Task.WhenAll(tallies);
    }

    public async Task<PersonExposure> OfAsync(string id, ExposurePeriod period, CancellationToken cancellationToken) =>
        (await OfAsync([id], period, cancellationToken))[0];

    /// <summary>Has taken as many sensitive cases this period as <see cref="WellbeingOptions.SensitivePerShift"/>.</summary>
    public bool AtCaseLimit(ExposureTally tally) => tally.SensitiveTaken >= options.CurrentValue.SensitivePerShift;

    /// <summary>Has held an open sensitive case without a break for <see cref="WellbeingOptions.ContinuousMinutes"/>.</summary>
    public bool AtTimeLimit(ExposureTally tally) => tally.Continuous >= options.CurrentValue.Continuous;

    /// <summary>The limits <paramref name="tally"/> has reached.</summary>
    public IEnumerable<ExposureLimit> Reached(ExposureTally tally)
    {
        if (AtCaseLimit(tally))
        {
            yield return ExposureLimit.Cases;
        }

        if (AtTimeLimit(tally))
        {
            yield return ExposureLimit.Time;
        }
    }
}
