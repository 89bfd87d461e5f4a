namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// The AWS credentials or region for Amazon Bedrock could not be resolved (no explicit credentials, no
/// <c>AWSOptions</c>, and nothing in the default chain: environment, profile, SSO, container or instance role).
/// No request was sent. The message never contains key material.
/// </summary>
public sealed class BedrockConfigurationException : Exception
{
    /// <summary>The <see cref="Setting"/> value when credentials are missing.</summary>
    public const string CredentialsSetting = "credentials";

    /// <summary>The <see cref="Setting"/> value when the region is missing.</summary>
    public const string RegionSetting = "region";

    /// <summary>Creates the exception.</summary>
    /// <param name="setting">What is missing: <see cref="CredentialsSetting"/> or <see cref="RegionSetting"/>.</param>
    /// <param name="message">The message (no secrets).</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public BedrockConfigurationException(string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
    }

    /// <summary>Creates the exception for missing credentials.</summary>
    /// <param name="message">The message.</param>
    public BedrockConfigurationException(string message)
        : this(CredentialsSetting, message)
    {
    }

    /// <summary>Creates the exception for missing credentials with a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockConfigurationException(string message, Exception innerException)
        : this(CredentialsSetting, message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public BedrockConfigurationException()
        : this("The AWS credentials for Amazon Bedrock could not be resolved.")
    {
    }

    /// <summary>What is missing: <c>"credentials"</c> or <c>"region"</c>.</summary>
    public string Setting { get; }
}
