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

        foreach ((var group, List<WearableSource> sources) in options.Precedence ?? [])
        {
            if (sources.Distinct().Count() != sources.Count)
            {
                failures.Add($"HealthTwin:Import:Precedence:{group} lists a source more than once.");
            }

            if (sources.Any(s => !Enum.IsDefined(s)))
            {
                failures.Add($"HealthTwin:Import:Precedence:{group} holds an unknown source (allowed: {string.Join(", ", Enum.GetNames<WearableSource>())}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
