using System.Net;
using System.Text.Json;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>Alice tries every path trick on Bob's files: she can neither read, list nor overwrite them.</summary>
public sealed class IsolationTests : IClassFixture<WebApiFactory>, IAsyncLifetime
{
    private const string BobsSecret = "bob-secret-content";
    private readonly WebApiFactory _factory;
    private readonly HttpClient _alice;
    private readonly HttpClient _bob;

    public IsolationTests(WebApiFactory factory)
    {
        _factory = factory;
        _alice = factory.ClientFor("alice");
        _bob = factory.ClientFor("bob");
    }

    public static TheoryData<string> KeysOfBob => new()
    {
        "users/bob/reports/secret.json",
        "/users/bob/reports/secret.json",
        "../bob/reports/secret.json",
        "../../users/bob/reports/secret.json",
        "reports/../../bob/reports/secret.json",
        "users/alice/../bob/reports/secret.json",
        "users/alice/reports/../../bob/reports/secret.json",
        "users/bob/reports/./secret.json",
        "users//bob/reports/secret.json",
        "USERS/bob/reports/secret.json",
        "users%2Fbob%2Freports%2Fsecret.json",
        "reports/..%2F..%2Fbob%2Freports%2Fsecret.json",
        "%2e%2e/bob/reports/secret.json",
        "..%5Cbob%5Creports%5Csecret.json",
        "users\\bob\\reports\\secret.json",
        "reports\\..\\..\\bob\\reports\\secret.json",
        "C:\\users\\bob\\reports\\secret.json",
        "file:///users/bob/reports/secret.json",
        "reports/secret.json\0../../bob",
        "users/bob",
        "bob/reports/secret.json",
    };

    public async Task InitializeAsync()
    {
        await _bob.UploadAsync("reports", "secret.json", new { secret = BobsSecret });
        await _alice.UploadAsync("reports", "mine.json", new { mine = true });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(KeysOfBob))]
    public async Task Download_AnotherUsersKeyByAnyPath_Returns404LikeAMissingFile(string key)
    {
        HttpResponseMessage missing = await _alice.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/does-not-exist.json" });
        HttpResponseMessage response = await _alice.PostJsonAsync("/functions/v1/s3-download", new { key });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("detail").GetString().Should().Be((await missing.JsonAsync()).GetProperty("detail").GetString());
        (await response.Content.ReadAsStringAsync()).Should().NotContain(BobsSecret).And.NotContain("bob/reports");
    }

    [Theory]
    [MemberData(nameof(KeysOfBob))]
    public async Task DownloadUrl_AnotherUsersKeyByAnyPath_Returns404(string key)
    {
        HttpResponseMessage response = await _alice.GetAsync("/functions/v1/s3-download?key=" + Uri.EscapeDataString(key));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(BobsSecret);
    }

    [Fact]
    public async Task DownloadUrl_SignedLinkRetargetedToAnotherUsersFile_Returns403()
    {
        HttpResponseMessage upload = await _alice.PostJsonAsync("/functions/v1/s3-upload", new { data = "mine", path = "reports", filename = "link.txt" });
        string url = (await upload.JsonAsync()).GetProperty("url").GetString()!;
        string retargeted = url.Replace("users%2Falice%2Freports%2Flink.txt", "users%2Fbob%2Freports%2Fsecret.json", StringComparison.Ordinal);
        using HttpClient anonymous = _factory.CreateClient(); // no token: the signature is the only authority

        retargeted.Should().NotBe(url);
        HttpResponseMessage forged = await anonymous.GetAsync(retargeted);
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await forged.Content.ReadAsStringAsync()).Should().NotContain(BobsSecret);
        (await anonymous.GetStringAsync(url)).Should().Be("mine");
    }

    [Theory]
    [InlineData("users/bob")]
    [InlineData("users/bob/")]
    [InlineData("users/bob/reports")]
    [InlineData("/users/bob/reports")]
    [InlineData("../bob/reports")]
    [InlineData("reports/../../bob/reports")]
    [InlineData("users/alice/../bob/reports")]
    [InlineData("users%2Fbob")]
    [InlineData("..\\bob\\reports")]
    [InlineData("users")]
    public async Task List_AnotherUsersPrefixByAnyPath_Returns404AndNoFileOfBob(string prefix)
    {
        HttpResponseMessage response = await _alice.PostJsonAsync("/functions/v1/s3-list", new { prefix });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("secret.json");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("users/alice")]
    [InlineData("users/alice/")]
    public async Task List_AllOfOwnFolder_ReturnsOnlyOwnFiles(string? prefix)
    {
        HttpResponseMessage response = await _alice.PostJsonAsync("/functions/v1/s3-list", new { prefix });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string[] keys = [.. (await response.JsonAsync()).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString()!)];
        keys.Should().Contain("users/alice/reports/mine.json").And.OnlyContain(k => k.StartsWith("users/alice/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../bob/reports", "secret.json")]
    [InlineData("users/bob/reports", "secret.json")]
    [InlineData("/users/bob/reports", "secret.json")]
    [InlineData("reports/../../bob/reports", "secret.json")]
    [InlineData("..%2Fbob%2Freports", "secret.json")]
    [InlineData("..\\bob\\reports", "secret.json")]
    [InlineData("users/bob", "secret.json")]
    [InlineData("reports", "../../bob/reports/secret.json")]
    [InlineData("reports", "..\\..\\bob\\reports\\secret.json")]
    [InlineData("reports", "..%2F..%2Fbob%2Freports%2Fsecret.json")]
    [InlineData("reports", "/users/bob/reports/secret.json")]
    [InlineData("reports", "..")]
    [InlineData("", "secret.json")]
    public async Task Upload_PathTrickTowardsAnotherUser_Returns400AndLeavesTheirFileUnchanged(string path, string filename)
    {
        HttpResponseMessage response = await _alice.PostJsonAsync("/functions/v1/s3-upload", new { data = new { secret = "overwritten" }, path, filename });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().ContainSingle().Which.Should().BeOneOf("path", "filename");
        JsonElement bobs = await (await _bob.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/secret.json" })).JsonAsync();
        bobs.GetProperty("data").GetString().Should().Contain(BobsSecret);
        AllStoredKeys().Should().OnlyContain(k => k.StartsWith("users/alice/", StringComparison.Ordinal) || k.StartsWith("users/bob/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_SameKeyAsAnotherUser_WritesOnlyIntoOwnFolder()
    {
        string key = await _alice.UploadAsync("reports", "secret.json", new { secret = "alice's" });

        key.Should().Be("users/alice/reports/secret.json");
        JsonElement bobs = await (await _bob.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/secret.json" })).JsonAsync();
        bobs.GetProperty("data").GetString().Should().Contain(BobsSecret);
    }

    [Fact]
    public async Task Analyze_WithoutMetrics_UsesOnlyOwnBackup()
    {
        (await _bob.PostJsonAsync("/functions/v1/s3-upload", new { data = TestData.History(3), path = "metrics", filename = "b.json" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        HttpClient carol = _factory.ClientFor("carol");

        HttpResponseMessage response = await carol.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Equal("metrics");
    }

    private List<string> AllStoredKeys()
    {
        string root = _factory.StorageRoot;
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(k => !k.StartsWith(".meta/", StringComparison.Ordinal))];
    }
}
