namespace HealthTwin.Packaging.Tests;

/// <summary>The tests that share one pack of both packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingTestGroup : ICollectionFixture<PackedPackagesFixture>
{
    public const string Name = "packed packages";
}
