using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.S3;
using HealthTwin.Reports.Insights;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Turns the AWS add-on on from configuration alone. With neither switch set, the host keeps the local agents and
/// the file-system store.
/// <list type="bullet">
/// <item><c>HealthTwin:Bedrock:Enabled = true</c>: the Bedrock agents (options from <c>HealthTwin:Bedrock</c>; they
/// join <c>/api/analyze</c> as <c>Mode</c> says), <see cref="BedrockFocusAnalyzer"/> behind <c>aws-bedrock-chat</c>, and the
/// AI insights of <c>/api/reports</c> through the same keyed Bedrock chat client (options from <c>HealthTwin:Reports:Insights</c>).</item>
/// <item><c>HealthTwin:S3:BucketName</c> or <c>AWS_S3_BUCKET_NAME</c> set: the S3 stores (options from
/// <c>HealthTwin:S3</c>) behind every storage endpoint; upload URLs are then S3 pre-signed URLs.</item>
/// </list>
/// Credentials and region follow the standard AWS configuration: the <c>AWS</c> section (<c>Profile</c>,
/// <c>Region</c>), else environment variables, profile, SSO or role.
/// </summary>
internal static class AwsSwitches
{
    public static IHealthTwinBuilder AddAwsFromConfiguration(this IHealthTwinBuilder healthTwin, IConfiguration configuration)
    {
        bool bedrock = configuration.GetValue<bool>(BedrockOptions.SectionName + ":Enabled");
        string? bucket = NullIfBlank(configuration[S3StorageOptions.SectionName + ":BucketName"]) ?? NullIfBlank(configuration[S3StorageOptions.BucketNameVariable]);
        if (bedrock || bucket is not null)
        {
            healthTwin.Services.TryAddDefaultAWSOptions(configuration.GetAWSOptions()); // the AWS section, shared by both clients
        }

        if (bedrock)
        {
            healthTwin.AddBedrockAgents(configuration.GetSection(BedrockOptions.SectionName));
            healthTwin.Services.AddSingleton<IFocusAnalyzer, BedrockFocusAnalyzer>();
            healthTwin.AddReportInsights(BedrockChatClient.ServiceKey, o => o.Name ??= "Amazon Bedrock");
            healthTwin.Services.Configure<ReportInsightsOptions>(configuration.GetSection("HealthTwin:Reports:" + ReportInsightsOptions.SectionName));
        }

        if (bucket is not null)
        {
            healthTwin.UseS3Storage(configuration.GetSection(S3StorageOptions.SectionName));
            healthTwin.Services.Configure<S3StorageOptions>(o => o.BucketName = NullIfBlank(o.BucketName) ?? bucket); // AWS_S3_BUCKET_NAME from any configuration source
        }

        return healthTwin;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
