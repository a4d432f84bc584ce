using EscalationBot.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>Exposure rows go in the batch of the change that makes them, read back by person, and age out.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExposureRowsTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    [Fact]
    public async Task A_sensitive_claim_and_its_release_are_read_back_for_the_person_and_forgotten_when_old()
    {
        var filed = await FileAsync();
        var claimed = filed with { State = CaseState.Claimed, Owner = Sam.Person, MarkedSensitive = true };
        Assert.True(await Cases.TryReplaceAsync(await StoredAsync(), claimed, Audit(AuditAction.Claimed, 0), None));
        var released = claimed with { State = CaseState.New, Owner = null };
        Assert.True(await Cases.TryReplaceAsync(await StoredAsync(), released, Audit(AuditAction.Released, 60), None));

        var events = await Cases.ExposureAsync(Sam.Person.Id, T0, T0.AddHours(2), CancellationToken.None);

        Assert.Equal(
            [
                new ExposureEvent(Sam.Person.Id, ExposureKind.Took, filed.Number, T0),
                new ExposureEvent(Sam.Person.Id, ExposureKind.LetGo, filed.Number, T0.AddMinutes(60)),
            ],
            events
        );
        Assert.Empty(await Cases.ExposureAsync("someone-else", T0, T0.AddHours(2), CancellationToken.None));
        Assert.Equal(1, await Cases.ForgetExposureAsync(T0.AddMinutes(30), CancellationToken.None));
        Assert.Equal(
            [new ExposureEvent(Sam.Person.Id, ExposureKind.LetGo, filed.Number, T0.AddMinutes(60))],
            await Cases.ExposureAsync(Sam.Person.Id, T0, T0.AddHours(2), CancellationToken.None)
        );
    }

    private static CancellationToken None => CancellationToken.None;

    private async Task<StoredCase> StoredAsync() => (await Cases.GetAsync(1, None))!;

    private static AuditEntry Audit(AuditAction action, int minutes) =>
        new(1, T0.AddMinutes(minutes), Sam.Person, action, null, CaseState.Claimed);
}
