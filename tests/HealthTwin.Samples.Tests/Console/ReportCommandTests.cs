using HealthTwin.Samples.Console;

namespace HealthTwin.Samples.Tests.Console;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "healthtwin-report-cmd-" + Guid.NewGuid().ToString("N"));

    public ReportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await ConsoleApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string UniqueUser() => "report-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Report_Month_StoresUnderReportsAndWritesAPdf()
    {
        string user = UniqueUser();
        string file = Path.Combine(_folder, "report.pdf");

        (int exit, string output, string error) = await Run("report", "--month", "2025-01", "--out", file, "--user", user);

        exit.Should().Be(0, error);
        output.Should().Contain($"Stored users/{user}/reports/monthly-2025-01.pdf").And.Contain($"Wrote {file}");
        byte[] pdf = await File.ReadAllBytesAsync(file);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_YearHtml_WritesAnHtmlPage()
    {
        string file = Path.Combine(_folder, "report.html");

        (int exit, string output, string error) = await Run("report", "--year", "2024", "--html", "--out", file, "--scenario", "overreaching-athlete", "--user", UniqueUser());

        exit.Should().Be(0, error);
        output.Should().Contain("reports/annual-2024.html");
        (await File.ReadAllTextAsync(file)).Should().StartWith("<!DOCTYPE html>").And.Contain("Annual health report: 2024");
    }

    [Theory]
    [InlineData("--month", "2025-13", "--month '2025-13' is not a month")]
    [InlineData("--month", "2025", "--month '2025' is not a month")]
    [InlineData("--year", "2025-01", "--year '2025-01' is not a year")]
    [InlineData("--out", "", "--out needs a file name")]
    [InlineData("--scenario", "unknown", "--scenario 'unknown' is unknown")]
    [InlineData("--user", "../x", "report needs --month YYYY-MM or --year YYYY")]
    public async Task Report_BadArguments_ExitTwoWithOneSentence(string option, string value, string message)
    {
        (int exit, _, string error) = await Run("report", option, value);

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain(message).And.Contain("Usage:").And.NotContain("   at ");
    }

    [Fact]
    public async Task Report_FuturePeriod_SaysItHasNotStarted()
    {
        (int exit, _, string error) = await Run("report", "--month", "2999-01", "--user", UniqueUser());

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain("January 2999 has not started yet");
    }
}
