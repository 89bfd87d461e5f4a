using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HealthTwin.Benchmarks;

/// <summary>
/// A bounded load run of the sample web host scaled out: a real redis-server and two host processes on 127.0.0.1
/// sharing it (<c>ConnectionStrings:Redis</c>), requests alternating between them, fixed concurrency and a fixed
/// number of requests per endpoint; prints req/s and latency percentiles. Stops everything it started.
/// <c>dotnet run -c Release --project benchmarks/HealthTwin.Benchmarks -- webapi-load [requests] [concurrency]</c>
/// (build samples/HealthTwin.Samples.WebApi in Release first).
/// </summary>
internal static class WebApiLoadHarness
{
    private const string SigningKey = "benchmark-only-healthtwin-signing-key-0123456789abcdef";

    public static async Task<int> RunAsync(TextWriter output, int requests, int concurrency)
    {
        string root = FindRoot();
        string hostDll = Path.Combine(root, "samples", "HealthTwin.Samples.WebApi", "bin", "Release", "net10.0", "HealthTwin.Samples.WebApi.dll");
        if (!File.Exists(hostDll))
        {
            output.WriteLine($"build the web host first: dotnet build samples/HealthTwin.Samples.WebApi -c Release ({hostDll} missing)");
            return 2;
        }

        string storage = Directory.CreateTempSubdirectory("healthtwin-load-").FullName;
        int redisPort = FreePort();
        var started = new List<Process>();
        try
        {
            started.Add(Start("redis-server", ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], []));
            int[] ports = [FreePort(), FreePort()];
            Dictionary<string, string> env = new()
            {
                ["Auth__SigningKey"] = SigningKey,
                ["ConnectionStrings__Redis"] = $"127.0.0.1:{redisPort}",
                ["HealthTwin__Storage__RootPath"] = storage,
                ["RateLimiting__StoragePermitsPerMinute"] = "100000",
                ["RateLimiting__AnalyzePermitsPerMinute"] = "100000",
                ["RateLimiting__AiPermitsPerMinute"] = "10000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (int port in ports)
            {
                started.Add(Start("dotnet", [hostDll], new(env) { ["Urls"] = $"http://127.0.0.1:{port}", ["PublicLinks__BaseUrl"] = $"http://127.0.0.1:{port}/" }));
            }

            string token = (await RunToCompletionAsync("dotnet", [hostDll, "mint-token", "load-user", "120"], env)).Trim();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Uri[] bases = [.. ports.Select(p => new Uri($"http://127.0.0.1:{p}/"))];
            foreach (Uri b in bases)
            {
                await WaitReadyAsync(http, b);
            }

            string days = string.Join(",", Enumerable.Range(0, 30).Select(i =>
                $$"""{"date":"{{new DateOnly(2025, 2, 13).AddDays(i):yyyy-MM-dd}}","sleepHours":{{(7 + (i % 3) * 0.3).ToString(CultureInfo.InvariantCulture)}},"sleepEfficiency":88,"hrv":{{60 + i % 7}},"restingHr":58,"steps":8000,"workoutMinutes":30,"trainingLoad":45,"stressScore":40,"moodScore":4,"energyScore":4}"""));
            await PostAsync(http, new Uri(bases[0], "functions/v1/s3-upload"), """{"data":{"month":"2025-03"},"path":"reports","filename":"load.json"}""");
            (string Name, string Path, string Body)[] endpoints =
            [
                ("/api/analyze (30 days sent)", "api/analyze", $$"""{"profile":{"timeZone":"Europe/Berlin"},"metrics":[{{days}}]}"""),
                ("s3-upload (small JSON)", "functions/v1/s3-upload", """{"data":{"a":1},"path":"reports","filename":"r.json"}"""),
                ("s3-download", "functions/v1/s3-download", """{"key":"reports/load.json"}"""),
                ("s3-list", "functions/v1/s3-list", """{"prefix":"reports"}"""),
            ];
            output.WriteLine($"two host instances + redis-server on 127.0.0.1, {requests} requests per endpoint, concurrency {concurrency}, alternating instances");
            output.WriteLine("| endpoint | req/s | p50 ms | p99 ms | max ms | errors |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach ((string name, string path, string body) in endpoints)
            {
                await LoadAsync(http, bases, path, body, Math.Min(50, requests), concurrency); // warm-up
                (double rps, double[] ms, int errors) = await LoadAsync(http, bases, path, body, requests, concurrency);
                Array.Sort(ms);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {rps:0} | {ms[ms.Length / 2]:0.0} | {ms[(int)Math.Ceiling(ms.Length * 0.99) - 1]:0.0} | {ms[^1]:0.0} | {errors} |"));
            }

            return 0;
        }
        finally
        {
            foreach (Process process in started)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }

            Directory.Delete(storage, recursive: true);
        }
    }

    private static async Task<(double Rps, double[] Ms, int Errors)> LoadAsync(HttpClient http, Uri[] bases, string path, string body, int requests, int concurrency)
    {
        var latencies = new double[requests];
        int next = -1, errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                long start = Stopwatch.GetTimestamp();
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await http.PostAsync(new Uri(bases[i % bases.Length], path), content);
                await response.Content.LoadIntoBufferAsync();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (requests / clock.Elapsed.TotalSeconds, latencies, errors);
    }

    private static async Task PostAsync(HttpClient http, Uri url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitReadyAsync(HttpClient http, Uri host)
    {
        for (int i = 0; i < 200; i++)
        {
            try
            {
                using HttpResponseMessage response = await http.PostAsync(new Uri(host, "functions/v1/s3-list"), new StringContent("{}", Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{host} did not start");
    }

    private static Process Start(string file, string[] args, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string k, string v) in env)
        {
            info.Environment[k] = v;
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> RunToCompletionAsync(string file, string[] args, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach ((string k, string v) in env)
        {
            info.Environment[k] = v;
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return stdout;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthTwin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HealthTwin.sln not found");
    }
}
