using System.Globalization;
using Microsoft.Extensions.Options;

namespace HealthTwin.Reports.Insights;

/// <summary>Validates <see cref="ReportInsightsOptions"/> on start; each error names the option, its value and the allowed range.</summary>
internal sealed class ReportInsightsOptionsValidator : IValidateOptions<ReportInsightsOptions>
{
    private const string Prefix = "HealthTwin:Reports:Insights:";

    public ValidateOptionsResult Validate(string? name, ReportInsightsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Name is { } display && (string.IsNullOrWhiteSpace(display) || display.Length > 80))
        {
            errors.Add($"{Prefix}Name is '{display}'; allowed 1–80 characters, not blank.");
        }

        if (options.ModelId is { } model && (string.IsNullOrWhiteSpace(model) || model.Length > 200))
        {
            errors.Add($"{Prefix}ModelId is '{model}'; allowed 1–200 characters, not blank (or unset for the client's default model).");
        }

        if (options.MaxOutputTokens is < 200 or > 4000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}MaxOutputTokens is {options.MaxOutputTokens}; allowed 200–4000."));
        }

        if (!double.IsFinite(options.Temperature) || options.Temperature is < 0 or > 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}Temperature is {options.Temperature}; allowed 0–1."));
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}Timeout is {options.Timeout}; allowed 00:00:01–00:05:00."));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
