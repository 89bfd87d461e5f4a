using HealthTwin.Agents.Storage;

namespace HealthTwin.Agents.Tests.Storage;

public class StorageKeysTests
{
    [Fact]
    public void Keys_FollowTheBucketLayout()
    {
        StorageKeys.MetricsKey("user-1", new DateOnly(2025, 1, 2)).Should().Be("users/user-1/metrics/2025-01-02.json");
        StorageKeys.FileKey("user-1", UserFileCategory.WearableExports, "garmin-2025-01.zip").Should().Be("users/user-1/wearable-exports/garmin-2025-01.zip");
        StorageKeys.FileKey("user-1", UserFileCategory.SleepEnvironmentPhotos, "bed.jpg").Should().Be("users/user-1/photos/sleep-environment/bed.jpg");
        StorageKeys.FileKey("user-1", UserFileCategory.MealPhotos, "lunch.jpg").Should().Be("users/user-1/photos/meals/lunch.jpg");
        StorageKeys.FileKey("user-1", UserFileCategory.Reports, "monthly-2025-01.pdf").Should().Be("users/user-1/reports/monthly-2025-01.pdf");
        StorageKeys.FileKey("user-1", UserFileCategory.Custom("training-logs"), "week 1.csv").Should().Be("users/user-1/training-logs/week 1.csv");
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("%2e%2e")]
    [InlineData("a%2Fb")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("．．")]
    [InlineData("a∕b")]
    [InlineData("ü")]
    [InlineData(".hidden")]
    [InlineData("a..b")]
    [InlineData(" ")]
    public void ValidateUserId_Malicious_Throws(string userId)
    {
        Action act = () => StorageKeys.ValidateUserId(userId);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(userId)).WithMessage("*not allowed*");
    }

    [Fact]
    public void ValidateUserId_Invalid_MessageIsTheRuleWithoutTheParameterSuffix()
    {
        Action act = () => StorageKeys.ValidateUserId("a/b");

        ArgumentException error = act.Should().Throw<ArgumentException>().Which;
        error.ParamName.Should().Be("userId");
        error.Message.Should().Be("userId 'a/b' is not allowed: use 1-128 characters of A-Z, a-z, 0-9, '-', '_', '.', '@', not starting with '.' and without '..'.");
    }

    [Fact]
    public void ValidateUserId_TooLong_Throws()
    {
        Action act = () => StorageKeys.ValidateUserId(new string('a', 129));

        act.Should().Throw<ArgumentException>();
        StorageKeys.IsValidUserId(new string('a', 128)).Should().BeTrue();
    }

    [Theory]
    [InlineData("0b6f4a9e-3c1d-4e5f-8a7b-9c0d1e2f3a4b")]
    [InlineData("auth0|abc")]
    public void IsValidUserId_TypicalIds(string userId)
    {
        // A UUID is fine; '|' (Auth0 style) is not in the allowed set, hosts map such subjects first.
        StorageKeys.IsValidUserId(userId).Should().Be(!userId.Contains('|', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b.txt")]
    [InlineData("..")]
    [InlineData(".env")]
    [InlineData("file.")]
    [InlineData("file ")]
    [InlineData("%2e%2e%2fx")]
    [InlineData("a\u0001.txt")]
    [InlineData("ｆｉｌｅ.txt")]
    public void ValidateFileName_Malicious_Throws(string fileName)
    {
        Action act = () => StorageKeys.ValidateFileName(fileName);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(fileName));
    }

    [Fact]
    public void ValidateFileName_ErrorMessage_EscapesControlCharacters()
    {
        Action act = () => StorageKeys.ValidateFileName("bad\u0007name");

        act.Should().Throw<ArgumentException>().WithMessage("*bad\\u0007name*");
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("Reports")]
    [InlineData("a/b/c")]
    [InlineData("../x")]
    [InlineData("")]
    public void CustomCategory_NotAllowed_Throws(string path)
    {
        Action act = () => UserFileCategory.Custom(path);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void TryParseMetricsKey_OnlyAcceptsTheUsersOwnMetricsKeys()
    {
        StorageKeys.TryParseMetricsKey("u1", "users/u1/metrics/2025-01-02.json", out DateOnly date).Should().BeTrue();
        date.Should().Be(new DateOnly(2025, 1, 2));
        StorageKeys.TryParseMetricsKey("u1", "users/u2/metrics/2025-01-02.json", out _).Should().BeFalse();
        StorageKeys.TryParseMetricsKey("u1", "users/u1/metrics/2025-13-02.json", out _).Should().BeFalse();
        StorageKeys.TryParseMetricsKey("u1", "users/u1/metrics/backup.json", out _).Should().BeFalse();
    }
}
