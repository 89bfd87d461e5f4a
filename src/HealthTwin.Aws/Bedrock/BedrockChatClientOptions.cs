using Amazon.Runtime;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Options of <see cref="BedrockChatClient"/>. With <c>AddBedrockAgents</c> they are filled from
/// <c>HealthTwin:Bedrock</c> (<c>Region</c>, <c>ServiceUrl</c>, <c>DefaultModel</c>).
/// </summary>
public sealed class BedrockChatClientOptions
{
    /// <summary>
    /// The model used when a request names none: today <see cref="AI.BedrockModelCatalog.ClaudeSonnet35"/>. A property,
    /// not a constant, so that a newer package can move to a newer model without recompiling its callers.
    /// </summary>
    public static string DefaultModel => AI.BedrockModelCatalog.ClaudeSonnet35;

    /// <summary>
    /// The AWS region (for example <c>us-east-1</c>). When <see langword="null"/>: the registered <c>AWSOptions</c>'
    /// region, else <c>AWS_REGION</c> / the profile's region (never the instance metadata service), else
    /// <c>us-east-1</c> when <see cref="ServiceUrl"/> is set; otherwise requests fail with
    /// <see cref="BedrockConfigurationException"/>.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An endpoint that replaces <c>https://bedrock-runtime.{region}.amazonaws.com</c>, for a VPC interface endpoint or
    /// a test server. Requests are still signed for <see cref="Region"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The model used when <c>ChatOptions.ModelId</c> is not set. Default <see cref="DefaultModel"/>.</summary>
    public string DefaultModelId { get; set; } = DefaultModel;

    /// <summary>
    /// Explicit credentials (not bound from configuration). When <see langword="null"/>: the registered
    /// <c>AWSOptions</c> (<c>AWS</c> section: profile, role), else AWSSDK.Core's default chain. Resolved on first use and
    /// cached; never logged.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }
}
