using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>The metrics store contract against <see cref="FileSystemMetricsStore"/> in a temporary folder.</summary>
public sealed class FileSystemMetricsStoreContractTests : MetricsStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "healthtwin-contract-" + Guid.NewGuid().ToString("N"));

    protected override Task<IMetricsStore> CreateStoreAsync() =>
        Task.FromResult<IMetricsStore>(new FileSystemMetricsStore(Options.Create(new FileSystemStorageOptions { RootPath = _root })));

    [Fact]
    public async Task SaveAsync_PartialDay_WritesOnlyTheMetricsPresent()
    {
        IMetricsStore store = await CreateStoreAsync();

        await store.SaveAsync("alice", [PhoneDay]);

        string json = await File.ReadAllTextAsync(Path.Combine(_root, "users", "alice", "metrics", "2025-01-02.json"));
        json.Should().Contain("\"steps\":10432").And.Contain("\"workoutMinutes\":25")
            .And.NotContain("null").And.NotContain("\"hrv\":").And.NotContain("sleepHours").And.NotContain("moodScore");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
