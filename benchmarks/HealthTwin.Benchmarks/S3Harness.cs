using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Aws.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- s3</c>: target 4 against the loopback S3 server. Saving and loading a 365-day history for one user with
/// <see cref="S3StorageOptions.MaxParallelism"/> 1 and 8 (seconds and requests, median of several runs), on raw loopback
/// and with an emulated 20 ms round trip per request; then listing 1,000 and 10,000 keys page by page, with the bytes
/// allocated and the largest live heap seen while enumerating.
/// </summary>
public static class S3Harness
{
    private static readonly DateOnly End = AnalysisFixture.Today;

    public static async Task RunAsync(TextWriter output, int runs = 3)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        await using LoopbackS3Server server = await LoopbackS3Server.StartAsync();
        DailyMetrics[] year = [.. SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End, 365)];

        output.WriteLine("| operation | round trip added | MaxParallelism | requests | median s | runs (s) | speed-up vs 1 | client CPU µs/request | fauxqs CPU µs/request |");
        output.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (TimeSpan roundTrip in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(20) })
        {
            var sequential = new Dictionary<string, double>();
            foreach (int parallelism in new[] { 1, 8 })
            {
                using var http = new CountingHttpClientFactory(roundTrip);
                using AmazonS3Client client = Client(server.ServiceUrl, http);
                string bucket = await CreateBucketAsync(client);
                var store = new S3MetricsStore(client, Options(bucket, parallelism), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);
                await store.SaveAsync("warm-up", year.AsSpan(0, 16).ToArray()); // connections, JIT
                await store.LoadAsync("warm-up", DateOnly.MinValue, DateOnly.MaxValue);

                var save = new List<double>();
                var load = new List<double>();
                int saveRequests = 0, loadRequests = 0;
                TimeSpan saveClientCpu = TimeSpan.Zero, saveServerCpu = TimeSpan.Zero, loadClientCpu = TimeSpan.Zero, loadServerCpu = TimeSpan.Zero;
                for (int run = 0; run < runs; run++)
                {
                    string user = "user-" + run.ToString(CultureInfo.InvariantCulture);
                    int before = http.Requests;
                    (TimeSpan client, TimeSpan server) cpu = Cpu(server);
                    long start = Stopwatch.GetTimestamp();
                    await store.SaveAsync(user, year);
                    save.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                    saveRequests = http.Requests - before;
                    (TimeSpan client, TimeSpan server) after = Cpu(server);
                    saveClientCpu += after.client - cpu.client;
                    saveServerCpu += after.server - cpu.server;

                    before = http.Requests;
                    cpu = after;
                    start = Stopwatch.GetTimestamp();
                    IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync(user, DateOnly.MinValue, DateOnly.MaxValue);
                    load.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                    loadRequests = http.Requests - before;
                    after = Cpu(server);
                    loadClientCpu += after.client - cpu.client;
                    loadServerCpu += after.server - cpu.server;
                    if (loaded.Count != year.Length)
                    {
                        throw new InvalidOperationException($"loaded {loaded.Count} of {year.Length} days");
                    }
                }

                Row(output, "save 365 days", roundTrip, parallelism, saveRequests, save, sequential, saveClientCpu / (runs * saveRequests), saveServerCpu / (runs * saveRequests));
                Row(output, "load 365 days", roundTrip, parallelism, loadRequests, load, sequential, loadClientCpu / (runs * loadRequests), loadServerCpu / (runs * loadRequests));
            }
        }

        output.WriteLine();
        await ListingAsync(output, server);
    }

    private static async Task ListingAsync(TextWriter output, LoopbackS3Server server)
    {
        using var http = new CountingHttpClientFactory(TimeSpan.Zero);
        using AmazonS3Client client = Client(server.ServiceUrl, http);
        string bucket = await CreateBucketAsync(client);
        var store = new S3MetricsStore(client, Options(bucket, 8), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);
        DailyMetrics[] tenThousand = [.. SyntheticHistory.Generate(SyntheticScenario.WellRecovered, End, 3650)];
        // 10,000 keys under one user: 10,000 consecutive days (27 years of synthetic values, repeated every ten years).
        DailyMetrics[] days = [.. Enumerable.Range(0, 10_000).Select(i => tenThousand[i % tenThousand.Length] with { Date = End.AddDays(i - 9_999) })];
        await store.SaveAsync("keys-10000", days);
        await store.SaveAsync("keys-1000", days.AsSpan(9_000).ToArray());
        await ListOnceAsync(store, "keys-1000", http, null); // warm-up

        output.WriteLine("| listing | keys | list requests | allocated bytes (all threads) | bytes per key | live heap before (full GC) | largest live heap while enumerating (full GC every 250 keys) | seconds |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string user in new[] { "keys-1000", "keys-10000" })
        {
            await ListOnceAsync(store, user, http, output);
        }
    }

    private static async Task ListOnceAsync(S3MetricsStore store, string user, CountingHttpClientFactory http, TextWriter? output)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long maxLive = baseline;
        int before = http.Requests;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        int count = 0;
        TimeSpan gcTime = TimeSpan.Zero;
        await foreach (DateOnly date in store.ListDatesAsync(user))
        {
            if (++count % 250 == 0)
            {
                long gcStart = Stopwatch.GetTimestamp();
                maxLive = Math.Max(maxLive, GC.GetTotalMemory(forceFullCollection: true));
                gcTime += Stopwatch.GetElapsedTime(gcStart);
            }
        }

        double seconds = (Stopwatch.GetElapsedTime(start) - gcTime).TotalSeconds;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ListDatesAsync | {count:N0} | {http.Requests - before} | {bytes:N0} | {bytes / Math.Max(count, 1):N0} | {baseline:N0} | {maxLive:N0} | {seconds:0.000} |"));
    }

    private static (TimeSpan Client, TimeSpan Server) Cpu(LoopbackS3Server server)
    {
        using var self = Process.GetCurrentProcess();
        server.Process.Refresh();
        return (self.TotalProcessorTime, server.Process.TotalProcessorTime);
    }

    private static void Row(TextWriter output, string operation, TimeSpan roundTrip, int parallelism, int requests, List<double> seconds, Dictionary<string, double> sequential, TimeSpan clientCpu, TimeSpan serverCpu)
    {
        seconds.Sort();
        double median = seconds[seconds.Count / 2];
        string key = operation;
        string speedUp = parallelism == 1 ? "1.0 ×" : string.Create(CultureInfo.InvariantCulture, $"{sequential[key] / median:0.0} ×");
        if (parallelism == 1)
        {
            sequential[key] = median;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {operation} | {roundTrip.TotalMilliseconds:0} ms | {parallelism} | {requests} | {median:0.000} | {string.Join(", ", seconds.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture)))} | {speedUp} | {clientCpu.TotalMicroseconds:0} | {serverCpu.TotalMicroseconds:0} |"));
    }

    private static AmazonS3Client Client(Uri serviceUrl, CountingHttpClientFactory http) =>
        new AmazonS3Client(new BasicAWSCredentials("healthtwin-bench", "healthtwin-bench-secret"), new AmazonS3Config
        {
            ServiceURL = serviceUrl.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = http,
            Timeout = TimeSpan.FromSeconds(60),
        });

    private static IOptions<S3StorageOptions> Options(string bucket, int parallelism) =>
        Microsoft.Extensions.Options.Options.Create(new S3StorageOptions { BucketName = bucket, MaxParallelism = parallelism });

    private static async Task<string> CreateBucketAsync(AmazonS3Client client)
    {
        string name = "ht-bench-" + Guid.NewGuid().ToString("N");
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }
}
