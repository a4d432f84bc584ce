using EscalationBot.Testing;

namespace EscalationBot.Tests.Infrastructure;

/// <summary>One real Azurite for every integration test class in the collection; each host uses its own tables.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public string ConnectionString => Azurite.ConnectionString;

    public Task InitializeAsync() => Azurite.StartAsync();

    public Task DisposeAsync() => Azurite.DisposeAsync().AsTask();

    public static implicit operator AzuriteProcess(AzuriteFixture fixture) => fixture.Azurite;
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
