using HealthTwin.Import;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>Validates <see cref="WearableImportOptions"/> on start.</summary>
internal sealed class WearableImportOptionsValidator : IValidateOptions<WearableImportOptions>
{
    public ValidateOptionsResult Validate(string? name, WearableImportOptions options)
    {
        List<string> failures = [];
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"HealthTwin:Import:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA id such as 'Europe/Amsterdam').");
        }

        if (options.MaxFileBytes <= 0)
        {
            failures.Add($"HealthTwin:Import:MaxFileBytes must be greater than 0 (was {options.MaxFileBytes}).");
        }

        foreach ((string group, List<string> sources) in options.Precedence ?? [])
        {
            if (!Enum.TryParse(group, ignoreCase: true, out Import.Merging.MetricGroup g) || !Enum.IsDefined(g))
            {
                failures.Add($"HealthTwin:Import:Precedence:{group} is not a metric group (allowed: {string.Join(", ", Enum.GetNames<Import.Merging.MetricGroup>())}).");
            }

            foreach (string source in sources)
            {
                if (!Enum.TryParse(source, ignoreCase: true, out WearableSource w) || !Enum.IsDefined(w))
                {
                    failures.Add($"HealthTwin:Import:Precedence:{group} holds '{source}', which is not a source (allowed: {string.Join(", ", Enum.GetNames<WearableSource>())}).");
                }
            }

            if (sources.Distinct(StringComparer.OrdinalIgnoreCase).Count() != sources.Count)
            {
                failures.Add($"HealthTwin:Import:Precedence:{group} lists a source more than once.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
