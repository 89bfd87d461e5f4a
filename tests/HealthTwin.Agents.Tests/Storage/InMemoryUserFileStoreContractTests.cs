using HealthTwin.Agents.Storage;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>The user file store contract against <see cref="InMemoryUserFileStore"/>.</summary>
public sealed class InMemoryUserFileStoreContractTests : UserFileStoreContractTests
{
    protected override Task<IUserFileStore> CreateStoreAsync(TimeProvider timeProvider) => Task.FromResult<IUserFileStore>(new InMemoryUserFileStore(timeProvider));
}
