namespace HealthTwin.Aws;

/// <summary>Facts about the AWS add-on package.</summary>
public static class AwsAddOn
{
    /// <summary>The prefix of every meter and activity source of the add-on: <c>HealthTwin.</c>.</summary>
    public const string TelemetryPrefix = "HealthTwin.";
}
