using System.Reflection;
using HealthTwin.Agents;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Aws.Tests.DependencyInjection;

/// <summary>
/// The reviewed public surface of the core and the AWS add-on (the full lists are the PublicAPI.*.txt files, enforced
/// by the build): implementation details stay internal, and registration methods are where hosts look for them.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Core = typeof(AgentContext).Assembly;
    private static readonly Assembly Aws = typeof(BedrockOptions).Assembly;

    [Theory]
    [InlineData("HealthTwin.Agents.Serialization.HealthTwinJsonContext")]
    [InlineData("HealthTwin.Agents.Storage.StorageArguments")]
    [InlineData("HealthTwin.Agents.Storage.UserFileMetadata")]
    [InlineData("HealthTwin.Agents.Storage.BlobMetricsStore")]
    [InlineData("HealthTwin.Agents.Storage.BlobUserFileStore")]
    public void CoreImplementationDetail_IsInternal(string typeName) =>
        Core.GetType(typeName, throwOnError: true)!.IsPublic.Should().BeFalse();

    [Fact]
    public void AwsAddOnType_IsGone_AndSigningNameAndFocusTextsAreNotPublic()
    {
        Aws.GetType("HealthTwin.Aws.AwsAddOn").Should().BeNull("it only held a prefix nobody used");
        typeof(HealthTwin.Aws.Bedrock.BedrockChatClient).GetField("SigningService", BindingFlags.Public | BindingFlags.Static).Should().BeNull();
        typeof(BedrockSleepAgent).GetField("FocusText", BindingFlags.Public | BindingFlags.Static).Should().BeNull();
        typeof(HealthTwin.Aws.S3.S3StorageOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.Name)
            .Should().BeEquivalentTo(["SectionName", "BucketNameVariable", "RegionVariable", "EncryptionAes256", "EncryptionKms", "EncryptionNone"], "bounds and defaults are documented on the options, not compiled into callers");
    }

    [Fact]
    public void RegistrationExtensions_AreInTheDependencyInjectionNamespace()
    {
        Type[] extensions = [.. Core.GetExportedTypes().Concat(Aws.GetExportedTypes()).Where(t => t.Name.EndsWith("Extensions", StringComparison.Ordinal))];

        extensions.Should().NotBeEmpty().And.OnlyContain(t => t.Namespace == "Microsoft.Extensions.DependencyInjection");
        typeof(IHealthTwinBuilder).Namespace.Should().Be("Microsoft.Extensions.DependencyInjection");
        extensions.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)).Select(m => m.Name)
            .Should().OnlyContain(n => n.StartsWith("Add", StringComparison.Ordinal) || n.StartsWith("Use", StringComparison.Ordinal) || n.StartsWith("Configure", StringComparison.Ordinal) || n.StartsWith("Remove", StringComparison.Ordinal));
    }
}
