using HealthTwin.Aws.S3;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.S3;

public sealed class S3StorageOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<S3StorageOptions> change)
    {
        var options = new S3StorageOptions { BucketName = "healthtwin-data" };
        change(options);
        return new S3StorageOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Validate_Defaults_WithABucket_Succeed()
    {
        var options = new S3StorageOptions { BucketName = "healthtwin-data" };

        new S3StorageOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.ServerSideEncryption.Should().Be("AES256");
        options.MultipartThresholdBytes.Should().Be(16 * 1024 * 1024);
        options.MaxParallelism.Should().Be(8);
        options.ForcePathStyle.Should().BeFalse();
        options.NormalizedKeyRoot.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoBucket_FailsNamingOptionAndEnvironmentVariable(string? bucket)
    {
        ValidateOptionsResult result = Validate(o => o.BucketName = bucket);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("HealthTwin:S3:BucketName").And.Contain("AWS_S3_BUCKET_NAME");
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123", true)]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", false)]
    [InlineData("my.bucket-1", true)]
    [InlineData("My-Bucket", false)]
    [InlineData("-bucket", false)]
    [InlineData("bucket-", false)]
    [InlineData("my..bucket", false)]
    [InlineData("my_bucket", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("bucket/../other", false)]
    public void Validate_BucketName_FollowsS3NamingRules(string bucket, bool valid)
    {
        ValidateOptionsResult result = Validate(o => o.BucketName = bucket);

        result.Succeeded.Should().Be(valid);
        if (!valid)
        {
            result.FailureMessage.Should().Contain($"HealthTwin:S3:BucketName = '{bucket}'").And.Contain("3-63 characters");
        }
    }

    [Theory]
    [InlineData(5 * 1024 * 1024 - 1, false)]
    [InlineData(5 * 1024 * 1024, true)]
    [InlineData(5L * 1024 * 1024 * 1024, true)]
    [InlineData(5L * 1024 * 1024 * 1024 + 1, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void Validate_MultipartThreshold_Allows5MiBTo5GiB(long bytes, bool valid)
    {
        ValidateOptionsResult result = Validate(o => o.MultipartThresholdBytes = bytes);

        result.Succeeded.Should().Be(valid);
        if (!valid)
        {
            result.FailureMessage.Should().Contain($"HealthTwin:S3:MultipartThresholdBytes = '{bytes}'").And.Contain("5242880-5368709120");
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Validate_MaxParallelism_Allows1To64(int parallelism, bool valid)
    {
        ValidateOptionsResult result = Validate(o => o.MaxParallelism = parallelism);

        result.Succeeded.Should().Be(valid);
        if (!valid)
        {
            result.FailureMessage.Should().Contain($"HealthTwin:S3:MaxParallelism = '{parallelism}'").And.Contain("1-64");
        }
    }

    [Theory]
    [InlineData("AES256", null, true)]
    [InlineData("aes256", null, true)]
    [InlineData("aws:kms", null, true)]
    [InlineData("aws:kms", "arn:aws:kms:eu-central-1:111122223333:key/abc", true)]
    [InlineData("none", null, true)]
    [InlineData("NONE", null, true)]
    [InlineData("AES256", "alias/x", false)]
    [InlineData("none", "alias/x", false)]
    [InlineData("aws:kms:dsse", null, false)]
    [InlineData("", null, false)]
    public void Validate_Encryption_AllowsAes256KmsOrNone_AndAKeyIdOnlyWithKms(string mode, string? keyId, bool valid)
    {
        ValidateOptionsResult result = Validate(o => (o.ServerSideEncryption, o.KmsKeyId) = (mode, keyId));

        result.Succeeded.Should().Be(valid);
    }

    [Theory]
    [InlineData("tenant-a", true, "tenant-a/")]
    [InlineData("/tenant-a/prod/", true, "tenant-a/prod/")]
    [InlineData("Tenant_A.v2", true, "Tenant_A.v2/")]
    [InlineData("../other", false, null)]
    [InlineData("a/../b", false, null)]
    [InlineData("a//b", false, null)]
    [InlineData("a/./b", false, null)]
    [InlineData("/", false, null)]
    [InlineData("a b", false, null)]
    [InlineData("a%2Fb", false, null)]
    [InlineData("a\\b", false, null)]
    [InlineData("ünicode", false, null)]
    public void Validate_KeyPrefixRoot_AllowsSafeSegmentsOnly(string root, bool valid, string? normalized)
    {
        ValidateOptionsResult result = Validate(o => o.KeyPrefixRoot = root);

        result.Succeeded.Should().Be(valid);
        if (valid)
        {
            new S3StorageOptions { KeyPrefixRoot = root }.NormalizedKeyRoot.Should().Be(normalized);
        }
        else
        {
            result.FailureMessage.Should().Contain("HealthTwin:S3:KeyPrefixRoot");
        }
    }

    [Fact]
    public void Validate_KeyPrefixRoot_LongerThan256_Fails()
    {
        Validate(o => o.KeyPrefixRoot = new string('a', 256)).Succeeded.Should().BeTrue();
        Validate(o => o.KeyPrefixRoot = new string('a', 257)).Succeeded.Should().BeFalse();
    }

    [Theory]
    [InlineData("eu-central-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("EU-CENTRAL-1", false)]
    [InlineData("eu central 1", false)]
    [InlineData("x", false)]
    public void Validate_Region_MustLookLikeAnAwsRegion(string region, bool valid) =>
        Validate(o => o.Region = region).Succeeded.Should().Be(valid);

    [Theory]
    [InlineData("http://127.0.0.1:9000", true)]
    [InlineData("https://s3.example.com", true)]
    [InlineData("ftp://example.com", false)]
    [InlineData("/relative", false)]
    public void Validate_ServiceUrl_MustBeAbsoluteHttpOrHttps(string url, bool valid) =>
        Validate(o => o.ServiceUrl = new Uri(url, UriKind.RelativeOrAbsolute)).Succeeded.Should().Be(valid);

    [Fact]
    public void Validate_SeveralErrors_ReportsEveryOne()
    {
        ValidateOptionsResult result = Validate(o => (o.BucketName, o.MaxParallelism, o.ServerSideEncryption) = ("X", 0, "rot13"));

        result.Failures.Should().HaveCount(3);
    }

    [Fact]
    public void Validate_ControlCharactersInAValue_AreEscapedInTheMessage()
    {
        ValidateOptionsResult result = Validate(o => o.BucketName = "bad\nname");

        result.FailureMessage.Should().Contain("bad\\u000aname").And.NotContain("\n");
    }

    [Fact]
    public void Fallback_EmptyBucketAndRegion_ReadTheEnvironmentVariables()
    {
        var variables = new Dictionary<string, string?> { ["AWS_S3_BUCKET_NAME"] = " env-bucket ", ["AWS_REGION"] = "eu-west-1" };
        var options = new S3StorageOptions();

        new S3StorageOptionsFallback(name => variables.GetValueOrDefault(name)).PostConfigure(null, options);

        options.BucketName.Should().Be("env-bucket");
        options.Region.Should().Be("eu-west-1");
    }

    [Fact]
    public void Fallback_ConfiguredValues_WinOverTheEnvironment()
    {
        var options = new S3StorageOptions { BucketName = "configured", Region = "us-east-2" };

        new S3StorageOptionsFallback(_ => "from-env").PostConfigure(null, options);

        options.BucketName.Should().Be("configured");
        options.Region.Should().Be("us-east-2");
    }
}
