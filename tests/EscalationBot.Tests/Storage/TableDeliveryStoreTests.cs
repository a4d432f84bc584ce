using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Deliveries;
using EscalationBot.Jobs;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>Delivery records with their leases, beside the cases on Azurite (here an SLA breach's).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDeliveryStoreTests(AzuriteFixture azurite) : CaseTableTest(azurite)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private TableDeliveryStore Deliveries => new(Table);

    [Fact]
    public async Task A_delivery_is_reserved_for_one_sender_until_its_lease_runs_out()
    {
        var c = await FileAsync();
        var breach = SlaSchedule.Of(c, CasePolicy.Default).First(r => r.IsBreach);

        var first = await Deliveries.TryClaimAsync(breach.Deliverable(), "job-1", T0, Lease, CancellationToken.None);
        Assert.NotNull(first.Claim);
        var held = await Deliveries.TryClaimAsync(
            breach.Deliverable(),
            "job-2",
            T0.AddMinutes(1),
            Lease,
            CancellationToken.None
        );
        Assert.Equal((null, false, T0 + Lease), (held.Claim, held.AlreadyDone, held.HeldUntil));

        // A retry of the same job may carry on; after the lease, another sender takes over.
        var retry = await Deliveries.TryClaimAsync(
            breach.Deliverable(),
            "job-1",
            T0.AddMinutes(1),
            Lease,
            CancellationToken.None
        );
        Assert.NotNull(retry.Claim);
        var takeover = await Deliveries.TryClaimAsync(
            breach.Deliverable(),
            "job-2",
            T0.AddMinutes(4),
            Lease,
            CancellationToken.None
        );
        Assert.NotNull(takeover.Claim);

        // The sender that lost its reservation cannot record the outcome; the one holding it can, once.
        Assert.False(
            await Deliveries.CompleteAsync(retry.Claim!, "sent", "leads", T0.AddMinutes(4), CancellationToken.None)
        );
        Assert.True(
            await Deliveries.CompleteAsync(takeover.Claim!, "sent", "leads", T0.AddMinutes(4), CancellationToken.None)
        );
        // Written again with the same claim (an earlier write whose answer was lost): it is there, so it is done.
        Assert.True(
            await Deliveries.CompleteAsync(takeover.Claim!, "sent", "leads", T0.AddMinutes(4), CancellationToken.None)
        );
        Assert.Same(
            ClaimResult.Done,
            await Deliveries.TryClaimAsync(breach.Deliverable(), "job-3", T0.AddHours(1), Lease, CancellationToken.None)
        );

        var delivery = Assert.Single(await Deliveries.DeliveriesAsync(c.Number, CancellationToken.None));
        Assert.Equal(("sent", "leads", breach.DueAt), (delivery.State, delivery.SentTo, delivery.DueAt));
    }

    [Fact]
    public async Task Two_instances_running_jobs_with_the_same_id_cannot_both_hold_a_delivery()
    {
        var c = await FileAsync();
        var breach = SlaSchedule.Of(c, CasePolicy.Default).First(r => r.IsBreach);
        // Hangfire.InMemory numbers jobs from 1 in every process: an instance and its replacement both run a job "1".
        var (old, replacement) = (new InstanceId(), new InstanceId());

        Assert.NotNull(
            (
                await Deliveries.TryClaimAsync(
                    breach.Deliverable(),
                    old.Claimant("1"),
                    T0,
                    Lease,
                    CancellationToken.None
                )
            ).Claim
        );
        var second = await Deliveries.TryClaimAsync(
            breach.Deliverable(),
            replacement.Claimant("1"),
            T0.AddSeconds(30),
            Lease,
            CancellationToken.None
        );

        Assert.Null(second.Claim);
        Assert.Equal(T0 + Lease, second.HeldUntil);
        // A retry of the same job on the same instance still carries on.
        Assert.NotNull(
            (
                await Deliveries.TryClaimAsync(
                    breach.Deliverable(),
                    old.Claimant("1"),
                    T0.AddSeconds(40),
                    Lease,
                    CancellationToken.None
                )
            ).Claim
        );
    }
}
