using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>The metrics store contract against <see cref="FileSystemMetricsStore"/> in a temporary folder.</summary>
public sealed class FileSystemMetricsStoreContractTests : MetricsStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "healthtwin-contract-" + Guid.NewGuid().ToString("N"));

    protected override Task<IMetricsStore> CreateStoreAsync() =>
        Task.FromResult<IMetricsStore>(new FileSystemMetricsStore(Options.Create(new FileSystemStorageOptions { RootPath = _root })));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
