using Azure.Data.Tables;
using EscalationBot.Cases;
using EscalationBot.Storage;
using EscalationBot.Tests.Cases;
using EscalationBot.Tests.Infrastructure;

namespace EscalationBot.Tests.Storage;

/// <summary>A fresh table on Azurite for each test, with the case store on it and a way to file a Sev1 case at <see cref="T0"/>.</summary>
public abstract class CaseTableTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    protected static readonly Actor Sam = new(new Person("sam", "Sam"), Role.Specialist);

    protected TableClient Table { get; private set; } = null!;

    /// <summary>For a client of the same table with options of its own.</summary>
    protected string ConnectionString => azurite.ConnectionString;

    protected TableCaseStore Cases { get; private set; } = null!;

    /// <summary>Counts what a store made by <see cref="CountedStore"/> asks of the table.</summary>
    protected CountingPolicy Counted { get; } = new();

    /// <summary>Another case store on the same table (as another instance would be), its requests counted.</summary>
    protected TableCaseStore CountedStore()
    {
        var options = new TableClientOptions();
        options.AddPolicy(Counted, Azure.Core.HttpPipelinePosition.PerRetry);
        return new TableCaseStore(new TableClient(ConnectionString, Table.Name, options));
    }

    public async Task InitializeAsync()
    {
        Table = new TableServiceClient(azurite.ConnectionString).GetTableClient(
            "t" + Guid.NewGuid().ToString("N")[..12]
        );
        Cases = new TableCaseStore(Table);
        await Cases.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<Case> FileAsync() =>
        await Cases.CreateAsync(
            n =>
                (
                    CaseRulesTests.NewCase() with
                    {
                        Number = n,
                    },
                    new AuditEntry(n, T0, Sam.Person, AuditAction.Filed, null, CaseState.New)
                ),
            CancellationToken.None
        );
}
