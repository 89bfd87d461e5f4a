using Amazon.Runtime;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.Console;

/// <summary>The <c>--bedrock</c> and <c>--s3</c> switches, and the one-sentence messages for their configuration problems.</summary>
internal static class AwsSwitches
{
    public static void Apply(ConsoleArguments arguments, IHealthTwinBuilder healthTwin, IConfiguration configuration)
    {
        if (arguments.Bedrock)
        {
            healthTwin.AddBedrockAgents(o => o.Enabled = true);
        }

        if (arguments.S3)
        {
            healthTwin.UseS3Storage(configuration.GetSection(S3StorageOptions.SectionName));
        }
    }

    /// <summary>One sentence for a configuration problem of the AWS switches, or <see langword="null"/> for any other failure.</summary>
    public static string? DescribeConfigurationProblem(Exception exception) => exception switch
    {
        OptionsValidationException options => $"Configuration is invalid: {string.Join(" ", options.Failures)}",
        AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
            "No AWS credentials were found (environment variables, profile, SSO or instance role); configure them or run without --s3.",
        S3StorageException s3 => $"Amazon S3 could not be used: {s3.Message}",
        _ => null,
    };

    /// <summary>A sentence about Bedrock agents that fell back because of configuration, or <see langword="null"/>.</summary>
    public static string? DescribeFallback(AgentAnalysis analysis)
    {
        foreach (AgentRunReport report in analysis.Agents)
        {
            if (report.FallbackReason is { } reason && (reason.StartsWith("missing-credentials", StringComparison.Ordinal) || reason.StartsWith("missing-region", StringComparison.Ordinal)))
            {
                return $"Amazon Bedrock is not configured ({reason}); the local agents answered instead.";
            }
        }

        return null;
    }
}
