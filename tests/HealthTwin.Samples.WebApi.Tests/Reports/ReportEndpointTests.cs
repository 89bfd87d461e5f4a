using System.Net;
using System.Text.Json;

namespace HealthTwin.Samples.WebApi.Tests.Reports;

/// <summary><c>POST /api/reports</c> on the real host (file-system store, signed links), without Bedrock.</summary>
public sealed class ReportEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public async Task Report_MonthWithStoredMetrics_StoresThePdfAndItsUrlDownloadsItWithoutAToken()
    {
        HttpClient client = factory.ClientFor("rhea");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"month","month":"2025-02"}""");

        status.Should().Be(HttpStatusCode.OK, raw);
        body.GetProperty("key").GetString().Should().Be("users/rhea/reports/monthly-2025-02.pdf");
        body.GetProperty("period").GetString().Should().Be("2025-02");
        body.GetProperty("document").GetString().Should().Be("report");
        body.GetProperty("format").GetString().Should().Be("pdf");
        body.GetProperty("contentType").GetString().Should().Be("application/pdf");
        string url = body.GetProperty("url").GetString()!;
        url.Should().StartWith("http://127.0.0.1/functions/v1/s3-file?key=users%2Frhea%2Freports%2Fmonthly-2025-02.pdf&expires=");

        byte[] pdf = await ReportTestData.DownloadPdfAsync(factory.CreateClient(), url);

        pdf.LongLength.Should().Be(body.GetProperty("size").GetInt64());
        File.ReadAllBytes(Path.Combine(factory.StorageRoot, "users", "rhea", "reports", "monthly-2025-02.pdf")).Should().Equal(pdf);
        string text = ReportTestData.PdfText(pdf);
        text.Should().Contain("Monthly health report: February 2025").And.Contain("28 of 28 days with data");
        text.Should().Contain("No AI provider is configured", "without Bedrock the AI section says so");
    }

    [Fact]
    public async Task Report_Year_StoresAnnualYyyyPdf()
    {
        HttpClient client = factory.ClientFor("sami");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"year","year":2024}""");

        status.Should().Be(HttpStatusCode.OK, raw);
        body.GetProperty("key").GetString().Should().Be("users/sami/reports/annual-2024.pdf");
        string text = ReportTestData.PdfText(await ReportTestData.DownloadPdfAsync(factory.CreateClient(), body.GetProperty("url").GetString()!));
        text.Should().Contain("Annual health report: 2024").And.Contain("17 of 366 days with data");
    }

    [Fact]
    public async Task Report_Html_StoresASelfContainedPageListedUnderReports()
    {
        HttpClient client = factory.ClientFor("tara");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"month","month":"2025-01","format":"html"}""");
        HttpResponseMessage page = await factory.CreateClient().GetAsync(body.GetProperty("url").GetString());
        JsonElement list = await (await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "reports" })).JsonAsync();

        status.Should().Be(HttpStatusCode.OK, raw);
        body.GetProperty("key").GetString().Should().Be("users/tara/reports/monthly-2025-01.html");
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().StartWith("<!DOCTYPE html>").And.Contain("Monthly health report: January 2025").And.NotContain("<script");
        list.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Should().Equal("users/tara/reports/monthly-2025-01.html");
    }

    [Fact]
    public async Task Report_SameMonthTwice_ReplacesTheStoredFile()
    {
        HttpClient client = factory.ClientFor("umar");
        await client.BackUpMetricsAsync();

        (HttpStatusCode first, _, _) = await client.PostReportAsync("""{"period":"month","month":"2025-03"}""");
        (HttpStatusCode second, _, _) = await client.PostReportAsync("""{"period":"month","month":"2025-03"}""");
        JsonElement list = await (await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "reports" })).JsonAsync();

        first.Should().Be(HttpStatusCode.OK);
        second.Should().Be(HttpStatusCode.OK);
        list.GetProperty("files").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Report_OtherUsersMetrics_AreNeverUsed()
    {
        await factory.ClientFor("vera").BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, _) = await factory.ClientFor("walt").PostReportAsync("""{"period":"month","month":"2025-02"}""");

        status.Should().Be((HttpStatusCode)422, "walt has stored nothing; vera's days are hers");
        body.GetProperty("detail").GetString().Should().NotContain("vera");
    }

    [Fact]
    public async Task Report_PeriodWithoutData_Returns422NamingThePeriodWithoutInternals()
    {
        HttpClient client = factory.ClientFor("xena");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"month","month":"2024-06"}""");

        status.Should().Be((HttpStatusCode)422);
        body.GetProperty("title").GetString().Should().Be("No data in this period.");
        body.GetProperty("detail").GetString().Should().Be("No metrics are stored for you in June 2024 (2024-06-01 to 2024-06-30); a report needs at least one day. Back the days up first (s3-upload with path 'metrics').");
        body.GetProperty("period").GetString().Should().Be("2024-06");
        raw.Should().NotContain("HealthReportException").And.NotContain(" at HealthTwin.");
    }

    [Theory]
    [InlineData("{}", "period", "is required: \"month\" (with month \"YYYY-MM\") or \"year\" (with year YYYY).")]
    [InlineData("""{"period":"week"}""", "period", "period = 'week' is not allowed; use \"month\" or \"year\".")]
    [InlineData("""{"period":"Month","month":"2025-01"}""", "period", "period = 'Month' is not allowed; use \"month\" or \"year\".")]
    [InlineData("""{"period":"month"}""", "month", "is required with period \"month\": \"YYYY-MM\" from 1970-01 to ")]
    [InlineData("""{"period":"month","month":"2025-13"}""", "month", "month = '2025-13' is not a month; use \"YYYY-MM\" from 1970-01 to ")]
    [InlineData("""{"period":"month","month":"2025-1"}""", "month", "month = '2025-1' is not a month; use \"YYYY-MM\" from 1970-01 to ")]
    [InlineData("""{"period":"month","month":"January"}""", "month", "month = 'January' is not a month")]
    [InlineData("""{"period":"month","month":"1969-12"}""", "month", "month = '1969-12' is outside the allowed range 1970-01 – ")]
    [InlineData("""{"period":"month","month":"2999-01"}""", "month", "month = '2999-01' is outside the allowed range 1970-01 – ")]
    [InlineData("""{"period":"month","month":"2025-01","year":2025}""", "year", "must not be sent with period \"month\"; the month names its year.")]
    [InlineData("""{"period":"year"}""", "year", "is required with period \"year\": a number from 1970 to ")]
    [InlineData("""{"period":"year","year":1969}""", "year", "year = 1969 is outside the allowed range 1970 – ")]
    [InlineData("""{"period":"year","year":2999}""", "year", "year = 2999 is outside the allowed range 1970 – ")]
    [InlineData("""{"period":"year","year":"2024"}""", "year", "is not valid JSON or has the wrong type")]
    [InlineData("""{"period":"year","year":99999999999}""", "year", "is not valid JSON or has the wrong type")]
    [InlineData("""{"period":"year","year":2024,"month":"2024-01"}""", "month", "must not be sent with period \"year\".")]
    [InlineData("""{"period":"month","month":"2025-01","format":"docx"}""", "format", "format = 'docx' is not allowed; use \"pdf\" or \"html\" (default \"pdf\").")]
    [InlineData("""{"period":"month","month":"2025-01","document":"summary"}""", "document", "document = 'summary' is not allowed; use \"report\" or \"insights\" (default \"report\").")]
    [InlineData("""{"period":"month","month":"2025-01","profile":{"age":5}}""", "profile.age", "profile.age = 5 is outside the allowed range 10–120 years.")]
    [InlineData("""{"period":"month","month":"2025-01","profile":{"sleepNeedHours":20}}""", "profile.sleepNeedHours", "profile.sleepNeedHours = 20 is outside the allowed range 3–14 h.")]
    public async Task Report_BadValue_Returns400NamingTheFieldValueAndRange(string json, string field, string message)
    {
        HttpClient client = factory.ClientFor("yuri");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync(json);

        status.Should().Be(HttpStatusCode.BadRequest, raw);
        string[] messages = [.. body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!)];
        messages.Should().ContainSingle().Which.Should().StartWith(message);
        raw.Should().NotContain("Exception").And.NotContain(" at HealthTwin.");
    }

    [Fact]
    public async Task Report_LongValue_IsShortenedInTheError()
    {
        (HttpStatusCode status, JsonElement body, _) = await factory.ClientFor("zoe").PostReportAsync($$"""{"period":"{{new string('w', 5000)}}"}""");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errors").GetProperty("period")[0].GetString()!.Length.Should().BeLessThan(120);
    }

    [Theory]
    [InlineData("""{"period":"year","year":1970}""")]
    [InlineData("""{"period":"month","month":"1970-01"}""")]
    public async Task Report_EarliestPeriod_IsAcceptedAndAnswers422WithoutData(string json)
    {
        (HttpStatusCode status, _, string raw) = await factory.ClientFor("abe").PostReportAsync(json);

        status.Should().Be((HttpStatusCode)422, raw);
    }

    [Fact]
    public async Task Report_CurrentMonth_IsAccepted()
    {
        string month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        (HttpStatusCode status, _, string raw) = await factory.ClientFor("bea").PostReportAsync($$"""{"period":"month","month":"{{month}}"}""");

        status.Should().Be((HttpStatusCode)422, raw); // accepted as a period; bea has no data
    }

    [Fact]
    public async Task Report_NoBody_Returns400()
    {
        HttpResponseMessage response = await factory.ClientFor("cal").PostAsync(ReportTestData.Path, content: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Report_WithoutToken_Returns401()
    {
        HttpResponseMessage response = await factory.CreateClient().PostRawAsync(ReportTestData.Path, """{"period":"month","month":"2025-01"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Insights_BedrockOff_Returns501SayingAiIsNotEnabledAndStoresNothing()
    {
        HttpClient client = factory.ClientFor("dora");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"month","month":"2025-02","document":"insights"}""");

        status.Should().Be(HttpStatusCode.NotImplemented, raw);
        body.GetProperty("title").GetString().Should().Be("AI insights are not enabled on this host.");
        body.GetProperty("detail").GetString().Should().Contain("no AI provider configured").And.Contain("February 2025").And.Contain("\"document\": \"report\"");
        Directory.Exists(Path.Combine(factory.StorageRoot, "users", "dora", "reports")).Should().BeFalse();
    }
}
