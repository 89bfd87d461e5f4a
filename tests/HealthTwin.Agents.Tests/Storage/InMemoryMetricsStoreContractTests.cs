using HealthTwin.Agents.Storage;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>The metrics store contract against <see cref="InMemoryMetricsStore"/>.</summary>
public sealed class InMemoryMetricsStoreContractTests : MetricsStoreContractTests
{
    protected override Task<IMetricsStore> CreateStoreAsync() => Task.FromResult<IMetricsStore>(new InMemoryMetricsStore());
}
