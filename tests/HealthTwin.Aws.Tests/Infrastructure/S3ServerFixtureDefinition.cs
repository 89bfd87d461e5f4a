namespace HealthTwin.Aws.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="S3ServerFixture"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class S3ServerFixtureDefinition : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "S3 server";
}
