using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>The user file store contract against <see cref="FileSystemUserFileStore"/> in a temporary folder.</summary>
public sealed class FileSystemUserFileStoreContractTests : UserFileStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "healthtwin-contract-" + Guid.NewGuid().ToString("N"));

    protected override Task<IUserFileStore> CreateStoreAsync(TimeProvider timeProvider) =>
        Task.FromResult<IUserFileStore>(new FileSystemUserFileStore(Options.Create(new FileSystemStorageOptions { RootPath = _root }), timeProvider));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
