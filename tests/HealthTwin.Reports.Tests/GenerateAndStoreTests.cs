using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Reports.Tests;

public sealed class GenerateAndStoreTests
{
    private static async Task<List<StoredFileInfo>> ListAsync(IUserFileStore files, string userId)
    {
        var list = new List<StoredFileInfo>();
        await foreach (StoredFileInfo file in files.ListAsync(userId, UserFileCategory.Reports))
        {
            list.Add(file);
        }

        return list;
    }

    [Fact]
    public async Task GenerateAsync_Monthly_StoresUnderReportsWithPdfContentTypeAndReturnsTheKey()
    {
        await using var host = new ReportTestHost();
        await ReportSamples.JanuaryWithGapsAsync(host, "u1");

        StoredHealthReport stored = await host.Generator.GenerateAsync("u1", ReportPeriod.Month(2025, 1));

        stored.Key.Should().Be("users/u1/reports/monthly-2025-01.pdf");
        stored.FileName.Should().Be("monthly-2025-01.pdf");
        stored.DownloadUrl.Should().BeNull("the in-memory store has no pre-signed URLs");
        await using UserFileDownload? download = await host.Files.DownloadAsync("u1", UserFileCategory.Reports, "monthly-2025-01.pdf");
        download!.Info.ContentType.Should().Be("application/pdf");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        copy.ToArray().Should().Equal(HealthReportGenerator.RenderPdf(await host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1))));
        stored.Size.Should().Be(copy.Length);
    }

    [Fact]
    public async Task GenerateAsync_Annual_StoresAnnualYyyyPdf()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.WellRecovered, new DateOnly(2024, 12, 31), 120);

        StoredHealthReport stored = await host.Generator.GenerateAsync("u1", ReportPeriod.Year(2024));

        stored.Key.Should().Be("users/u1/reports/annual-2024.pdf");
    }

    [Fact]
    public async Task GenerateAsync_Twice_ReplacesTheEarlierReport()
    {
        await using var host = new ReportTestHost();
        await ReportSamples.JanuaryWithGapsAsync(host, "u1");
        StoredHealthReport first = await host.Generator.GenerateAsync("u1", ReportPeriod.Month(2025, 1));
        host.Clock.Advance(TimeSpan.FromDays(2));

        StoredHealthReport second = await host.Generator.GenerateAsync("u1", ReportPeriod.Month(2025, 1));

        second.Key.Should().Be(first.Key);
        List<StoredFileInfo> files = await ListAsync(host.Files, "u1");
        files.Should().ContainSingle().Which.LastModified.Should().Be(ReportTestHost.Now.AddDays(2));
    }

    [Fact]
    public async Task GenerateAsync_Html_StoresSelfContainedPage()
    {
        await using var host = new ReportTestHost();
        await ReportSamples.JanuaryWithGapsAsync(host, "u1");

        StoredHealthReport stored = await host.Generator.GenerateAsync("u1", ReportPeriod.Month(2025, 1), format: ReportFormat.Html);

        stored.Key.Should().Be("users/u1/reports/monthly-2025-01.html");
        await using UserFileDownload? download = await host.Files.DownloadAsync("u1", UserFileCategory.Reports, stored.FileName);
        download!.Info.ContentType.Should().StartWith("text/html");
    }

    [Fact]
    public async Task GenerateAsync_InvalidUserId_ThrowsArgumentException()
    {
        await using var host = new ReportTestHost();

        Func<Task> generate = () => host.Generator.GenerateAsync("../other", ReportPeriod.Month(2025, 1));

        await generate.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_ThrowsAndStoresNothing()
    {
        await using var host = new ReportTestHost();
        await ReportSamples.JanuaryWithGapsAsync(host, "u1");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        Func<Task> generate = () => host.Generator.GenerateAsync("u1", ReportPeriod.Month(2025, 1), cancellationToken: cancel.Token);

        await generate.Should().ThrowAsync<OperationCanceledException>();
        (await ListAsync(host.Files, "u1")).Should().BeEmpty();
    }

    [Fact]
    public async Task GenerateMonthlyBatchAsync_ManyUsers_StoresEachAndReportsUsersWithoutData()
    {
        await using var host = new ReportTestHost(configure: o => o.MaxDegreeOfParallelism = 2);
        string[] users = ["a", "b", "c", "d", "empty"];
        foreach (string user in users[..4])
        {
            await host.SeedAsync(user, SyntheticScenario.OverreachingAthlete, ReportSamples.JanuaryEnd, 60);
        }

        IReadOnlyList<ReportBatchResult> results = await host.Generator.GenerateMonthlyBatchAsync(users, 2025, 1, (_, _) => ValueTask.FromResult<UserProfile?>(new UserProfile { SleepNeedHours = 8 }));

        results.Select(r => r.UserId).Should().Equal(users);
        results.Take(4).Should().AllSatisfy(r => r.Stored!.Key.Should().Be($"users/{r.UserId}/reports/monthly-2025-01.pdf"));
        results[4].Succeeded.Should().BeFalse();
        results[4].Error.Should().Contain("No metrics are stored for user 'empty'");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task GenerateMonthlyBatchAsync_NeverRunsMoreThanTheConfiguredParallelism(int parallelism)
    {
        var files = new ConcurrencyCountingFileStore();
        await using var host = new ReportTestHost(configure: o => o.MaxDegreeOfParallelism = parallelism, files: files);
        string[] users = [.. Enumerable.Range(0, 6).Select(i => $"user-{i}")];
        foreach (string user in users)
        {
            await host.SeedAsync(user, SyntheticScenario.WellRecovered, ReportSamples.JanuaryEnd, 31);
        }

        IReadOnlyList<ReportBatchResult> results = await host.Generator.GenerateMonthlyBatchAsync(users, 2025, 1);

        results.Should().OnlyContain(r => r.Succeeded);
        files.MaxConcurrent.Should().BeInRange(1, parallelism);
        files.Uploads.Should().Be(6);
    }
}
