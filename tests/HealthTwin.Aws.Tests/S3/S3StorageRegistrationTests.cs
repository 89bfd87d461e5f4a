using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.S3;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.S3;

/// <summary><c>UseS3Storage</c>: options binding and validation, the S3 client, and the store registrations.</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3StorageRegistrationTests(S3ServerFixture server)
{
    private static readonly AWSOptions DummyAws = new() { Credentials = new BasicAWSCredentials("healthtwin-test", "healthtwin-test-secret") };

    [Fact]
    public void UseS3Storage_ReplacesTheFileSystemStores()
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(DummyAws);

        services.AddHealthTwin().UseS3Storage(o => (o.BucketName, o.Region) = ("healthtwin-data", "eu-west-1"));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMetricsStore>().Should().BeOfType<S3MetricsStore>()
            .And.BeSameAs(provider.GetRequiredService<S3MetricsStore>());
        provider.GetRequiredService<IUserFileStore>().Should().BeOfType<S3UserFileStore>()
            .And.BeSameAs(provider.GetRequiredService<S3UserFileStore>());
        services.Count(d => d.ServiceType == typeof(IMetricsStore)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IUserFileStore)).Should().Be(1);
    }

    [Fact]
    public void UseS3Storage_BindsHealthTwinS3FromTheHostConfiguration_CodeWins()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthTwin:S3:BucketName"] = "from-config",
            ["HealthTwin:S3:KeyPrefixRoot"] = "tenant-a",
            ["HealthTwin:S3:Region"] = "eu-central-1",
            ["HealthTwin:S3:ServerSideEncryption"] = "aws:kms",
            ["HealthTwin:S3:KmsKeyId"] = "alias/healthtwin",
            ["HealthTwin:S3:MultipartThresholdBytes"] = "33554432",
            ["HealthTwin:S3:MaxParallelism"] = "4",
            ["HealthTwin:S3:ForcePathStyle"] = "true",
            ["HealthTwin:S3:ServiceUrl"] = "http://127.0.0.1:9000",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);

        services.AddHealthTwin().UseS3Storage(o => o.MaxParallelism = 16);
        using ServiceProvider provider = services.BuildServiceProvider();
        S3StorageOptions options = provider.GetRequiredService<IOptions<S3StorageOptions>>().Value;

        options.BucketName.Should().Be("from-config");
        options.KeyPrefixRoot.Should().Be("tenant-a");
        options.Region.Should().Be("eu-central-1");
        options.ServerSideEncryption.Should().Be("aws:kms");
        options.KmsKeyId.Should().Be("alias/healthtwin");
        options.MultipartThresholdBytes.Should().Be(32 * 1024 * 1024);
        options.MaxParallelism.Should().Be(16);
        options.ForcePathStyle.Should().BeTrue();
        options.ServiceUrl.Should().Be(new Uri("http://127.0.0.1:9000"));
    }

    [Fact]
    public void UseS3Storage_WithASection_BindsThatSectionOnly()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthTwin:S3:BucketName"] = "default-section",
            ["Storage:Backup:BucketName"] = "backup-bucket",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);

        services.AddHealthTwin().UseS3Storage(configuration.GetSection("Storage:Backup"));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<S3StorageOptions>>().Value.BucketName.Should().Be("backup-bucket");
    }

    [Fact]
    public void UseS3Storage_InvalidOptions_FailOnStartNamingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().UseS3Storage(o => (o.BucketName, o.MaxParallelism) = ("Bad_Bucket", 100));
        using ServiceProvider provider = services.BuildServiceProvider();

        Action start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(2)
            .And.Contain(f => f.Contains("HealthTwin:S3:BucketName = 'Bad_Bucket'", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("HealthTwin:S3:MaxParallelism = '100'", StringComparison.Ordinal));
    }

    [Fact]
    public void UseS3Storage_CreatesTheClientFromTheAwsOptionsAndTheS3Options()
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(DummyAws);
        services.AddHealthTwin().UseS3Storage(o => (o.BucketName, o.ServiceUrl, o.ForcePathStyle) = ("healthtwin-data", new Uri("http://127.0.0.1:9000"), true));
        using ServiceProvider provider = services.BuildServiceProvider();

        IAmazonS3 client = provider.GetRequiredService<IAmazonS3>();

        var config = (AmazonS3Config)client.Config;
        config.ServiceURL.Should().StartWith("http://127.0.0.1:9000");
        config.ForcePathStyle.Should().BeTrue();
        config.AuthenticationRegion.Should().Be("us-east-1");
    }

    [Fact]
    public void UseS3Storage_Region_SetsTheRegionEndpoint()
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(DummyAws);
        services.AddHealthTwin().UseS3Storage(o => (o.BucketName, o.Region) = ("healthtwin-data", "eu-central-1"));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IAmazonS3>().Config.RegionEndpoint.SystemName.Should().Be("eu-central-1");
    }

    [Fact]
    public void UseS3Storage_AHostClient_IsKept()
    {
        using IAmazonS3 own = server.CreateClient();
        var services = new ServiceCollection();
        services.AddSingleton(own);

        services.AddHealthTwin().UseS3Storage(o => o.BucketName = "healthtwin-data");
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IAmazonS3>().Should().BeSameAs(own);
    }

    [Fact]
    public async Task UseS3Storage_EndToEnd_SavesAndLoadsThroughTheRegisteredStores()
    {
        using IAmazonS3 admin = server.CreateClient();
        string bucket = await S3ServerFixture.CreateBucketAsync(admin, "di");
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(DummyAws);
        services.AddHealthTwin().UseS3Storage(o => (o.BucketName, o.ServiceUrl, o.ForcePathStyle) = (bucket, server.ServiceUrl, true));
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var days = S3MetricsStoreTests.Year(new DateOnly(2025, 1, 1), 10);

        await provider.GetRequiredService<IMetricsStore>().SaveAsync("alice", days);
        await provider.GetRequiredService<IUserFileStore>().UploadAsync("alice", UserFileCategory.Reports, "r.txt", new MemoryStream([42]), "text/plain");

        (await provider.GetRequiredService<IMetricsStore>().LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().Equal(days);
        (await admin.GetObjectMetadataAsync(bucket, "users/alice/reports/r.txt")).ContentLength.Should().Be(1);
    }
}
