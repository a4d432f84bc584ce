using EscalationBot.Testing;

namespace EscalationBot.Tests.Infrastructure;

/// <summary>One real PostgreSQL server for every test class in the collection; each test creates its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresProcess Postgres { get; } = new();

    public Task<string> CreateDatabaseAsync() => Postgres.CreateDatabaseAsync();

    public Task InitializeAsync() => Postgres.StartAsync();

    public Task DisposeAsync() => Postgres.DisposeAsync().AsTask();
}

/// <summary>Tests that run bot hosts on a shared Hangfire store: PostgreSQL, plus an Azurite of their own for the tables.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Postgres";
}
