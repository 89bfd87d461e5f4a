using Microsoft.Extensions.Options;

namespace HealthTwin.Reports;

/// <summary>Validates <see cref="HealthReportOptions"/> on start; each error names the option, its value and the allowed range.</summary>
internal sealed class HealthReportOptionsValidator : IValidateOptions<HealthReportOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxDegreeOfParallelism is < 1 or > 64)
        {
            errors.Add($"HealthTwin:Reports:MaxDegreeOfParallelism is {options.MaxDegreeOfParallelism}; allowed 1–64.");
        }

        if (options.DownloadUrlLifetime < TimeSpan.FromSeconds(1) || options.DownloadUrlLifetime > TimeSpan.FromDays(7))
        {
            errors.Add($"HealthTwin:Reports:DownloadUrlLifetime is {options.DownloadUrlLifetime}; allowed 00:00:01–7.00:00:00.");
        }

        if (options.InsightsTimeout < TimeSpan.FromSeconds(1) || options.InsightsTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"HealthTwin:Reports:InsightsTimeout is {options.InsightsTimeout}; allowed 00:00:01–00:05:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
