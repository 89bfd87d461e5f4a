using System.Diagnostics;
using System.Text;

namespace HealthTwin.Aws.Tests.Infrastructure;

public sealed partial class S3ServerFixture
{
    /// <summary>
    /// One fauxqs process started through <c>eng/s3/serve.mjs</c> with the pinned Node 22. It listens on 127.0.0.1
    /// only and exits when its stdin pipe closes, so a test run that dies leaves no server behind.
    /// </summary>
    public sealed class Server : IAsyncDisposable
    {
        private static readonly SemaphoreSlim InstallLock = new(1, 1);
        private static (string Node, string Serve)? _located;
        private readonly StringBuilder _stderr = new();
        private Process? _process;

        private Server(string? dataDirectory) => DataDirectory = dataDirectory;

        /// <summary>The port (fixed after the first start, so a restart keeps the URL).</summary>
        public int Port { get; private set; }

        /// <summary>The directory where the server keeps objects, or <see langword="null"/> for memory.</summary>
        public string? DataDirectory { get; }

        /// <summary>The endpoint, for example <c>http://127.0.0.1:40123/</c>.</summary>
        public Uri ServiceUrl => new($"http://127.0.0.1:{Port}/");

        /// <summary>Starts a server on a free port (or <paramref name="port"/>), in memory or in <paramref name="dataDirectory"/>.</summary>
        public static async Task<Server> StartAsync(int port = 0, string? dataDirectory = null)
        {
            var server = new Server(dataDirectory) { Port = port };
            await server.StartProcessAsync();
            return server;
        }

        /// <summary>Kills the server at once (no graceful shutdown), as a crash would.</summary>
        public void Kill()
        {
            Process? process = _process;
            _process = null;
            if (process is null)
            {
                return;
            }

            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
            finally
            {
                process.Dispose();
            }
        }

        /// <summary>How many torn objects the last <see cref="RestartAsync"/> dropped.</summary>
        public int TornObjectsDropped { get; private set; }

        /// <summary>
        /// Starts the server again on the same port and data directory. fauxqs writes each object's metadata file in
        /// place, so a kill can leave the one being written torn, and fauxqs then refuses to start. S3 never exposes
        /// a half-done PUT, so such an object is dropped first, as if that PUT had never arrived.
        /// </summary>
        public async Task RestartAsync()
        {
            Kill();
            TornObjectsDropped = DropTornObjects();
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await StartProcessAsync();
                    return;
                }
                catch (InvalidOperationException) when (attempt < 5)
                {
                    await Task.Delay(200 * attempt); // the port may take a moment to be free again
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Process? process = _process;
            if (process is null)
            {
                return;
            }

            try
            {
                process.StandardInput.Close(); // serve.mjs exits when stdin ends
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await process.WaitForExitAsync(wait.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // fall through to Kill
            }

            Kill();
        }

        private int DropTornObjects()
        {
            if (DataDirectory is null || !Directory.Exists(DataDirectory))
            {
                return 0;
            }

            int dropped = 0;
            foreach (string metaPath in Directory.EnumerateFiles(DataDirectory, "*.meta.json", SearchOption.AllDirectories))
            {
                try
                {
                    using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(metaPath));
                }
                catch (System.Text.Json.JsonException)
                {
                    File.Delete(metaPath);
                    File.Delete(metaPath[..^".meta.json".Length] + ".data");
                    dropped++;
                }
            }

            return dropped;
        }

        private async Task StartProcessAsync()
        {
            (string node, string serve) = await LocateAsync();
            var info = new ProcessStartInfo(node)
            {
                ArgumentList = { serve },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(serve)!,
            };
            info.Environment["S3_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (DataDirectory is not null)
            {
                info.Environment["S3_DATA_DIR"] = DataDirectory;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {node} {serve}.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_stderr)
                    {
                        _stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                line = null;
            }

            const string Ready = "listening on http://127.0.0.1:";
            if (line is null || !line.StartsWith(Ready, StringComparison.Ordinal) || !int.TryParse(line.AsSpan(Ready.Length), out int port))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                process.WaitForExit(5000);
                string errors;
                lock (_stderr)
                {
                    errors = _stderr.ToString();
                }

                process.Dispose();
                throw new InvalidOperationException($"fauxqs did not start (port {Port}): stdout '{line}', stderr: {errors}");
            }

            Port = port;
            _process = process;
        }

        /// <summary>
        /// The Node 22 binary and serve.mjs: from HEALTHTWIN_S3_NODE / HEALTHTWIN_S3_SERVE (set by eng/test.sh), else
        /// by running eng/s3/install.sh of the repository this test assembly was built from (so tests run from an IDE).
        /// </summary>
        private static async Task<(string Node, string Serve)> LocateAsync()
        {
            await InstallLock.WaitAsync();
            try
            {
                if (_located is { } known)
                {
                    return known;
                }

                string? node = Environment.GetEnvironmentVariable("HEALTHTWIN_S3_NODE");
                string? serve = Environment.GetEnvironmentVariable("HEALTHTWIN_S3_SERVE");
                if (!File.Exists(node) || !File.Exists(serve))
                {
                    string root = FindRepositoryRoot();
                    serve = Path.Combine(root, "eng", "s3", "serve.mjs");
                    node = await RunInstallAsync(Path.Combine(root, "eng", "s3", "install.sh"));
                }

                _located = (node!, serve!);
                return _located.Value;
            }
            finally
            {
                InstallLock.Release();
            }
        }

        private static string FindRepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HealthTwin.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"HealthTwin.sln not found above {AppContext.BaseDirectory}; set HEALTHTWIN_S3_NODE and HEALTHTWIN_S3_SERVE.");
        }

        private static async Task<string> RunInstallAsync(string script)
        {
            var info = new ProcessStartInfo("bash")
            {
                ArgumentList = { script },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not run bash.");
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            string node = stdout.Trim().Split('\n')[^1].Trim();
            if (process.ExitCode != 0 || !File.Exists(node))
            {
                throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await stderr}");
            }

            return node;
        }
    }
}
