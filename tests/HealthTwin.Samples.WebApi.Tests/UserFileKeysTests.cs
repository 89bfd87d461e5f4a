using HealthTwin.Agents.Storage;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class UserFileKeysTests
{
    [Theory]
    [InlineData("reports/x.json", "reports", "x.json")]
    [InlineData("users/alice/reports/x.json", "reports", "x.json")]
    [InlineData("photos/meals/lunch.jpg", "photos/meals", "lunch.jpg")]
    [InlineData("users/alice/photos/sleep-environment/room.png", "photos/sleep-environment", "room.png")]
    [InlineData("training-logs/week 1.json", "training-logs", "week 1.json")]
    public void TryParseFile_OwnKey_ReturnsCategoryAndFile(string key, string category, string fileName)
    {
        UserFileKeys.TryParseFile("alice", key, out UserFileCategory parsedCategory, out string parsedName).Should().BeTrue();

        parsedCategory.Path.Should().Be(category);
        parsedName.Should().Be(fileName);
    }

    [Theory]
    [InlineData("users/bob/reports/x.json")]
    [InlineData("users/alice/../bob/reports/x.json")]
    [InlineData("../bob/reports/x.json")]
    [InlineData("/users/alice/reports/x.json")]
    [InlineData("users/alice/reports/")]
    [InlineData("users/alice/metrics/2025-03-14.json")]
    [InlineData("metrics/2025-03-14.json")]
    [InlineData("reports/..")]
    [InlineData("reports/%2e%2e")]
    [InlineData("reports\\x.json")]
    [InlineData("x.json")]
    [InlineData("")]
    [InlineData("users/alice")]
    [InlineData("users/alicex/reports/x.json")]
    public void TryParseFile_ForeignOrMalformedKey_ReturnsFalse(string key) =>
        UserFileKeys.TryParseFile("alice", key, out _, out _).Should().BeFalse();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("/", null)]
    [InlineData("users/alice", null)]
    [InlineData("users/alice/", null)]
    [InlineData("reports", "reports")]
    [InlineData("reports/", "reports")]
    [InlineData("users/alice/photos/meals/", "photos/meals")]
    public void TryParseFolder_OwnFolder_ReturnsCategoryOrAll(string? prefix, string? category)
    {
        UserFileKeys.TryParseFolder("alice", prefix, out UserFileCategory? parsed).Should().BeTrue();

        parsed?.Path.Should().Be(category);
        (parsed is null).Should().Be(category is null);
    }

    [Theory]
    [InlineData("users/bob")]
    [InlineData("users/bob/reports")]
    [InlineData("users")]
    [InlineData("users/alicex")]
    [InlineData("../bob")]
    [InlineData("metrics")]
    [InlineData("reports//")]
    public void TryParseFolder_ForeignOrMalformedPrefix_ReturnsFalse(string prefix) =>
        UserFileKeys.TryParseFolder("alice", prefix, out _).Should().BeFalse();

    [Theory]
    [InlineData("users")]
    [InlineData("users/bob")]
    [InlineData("metrics")]
    public void TryParseCategory_ReservedFolder_ReturnsFalse(string path) =>
        UserFileKeys.TryParseCategory(path, out _).Should().BeFalse();
}
