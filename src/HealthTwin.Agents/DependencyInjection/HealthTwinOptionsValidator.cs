using HealthTwin.Agents;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>Validates <see cref="HealthTwinOptions"/> on start; each failure names the option, the value and the allowed range.</summary>
internal sealed class HealthTwinOptionsValidator : IValidateOptions<HealthTwinOptions>, IValidateOptions<FileSystemStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthTwinOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(static e => e.ToString()));
    }

    public ValidateOptionsResult Validate(string? name, FileSystemStorageOptions options) =>
        string.IsNullOrWhiteSpace(options.RootPath) || options.RootPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            ? ValidateOptionsResult.Fail($"{FileSystemStorageOptions.SectionName}:RootPath = '{options.RootPath}' is not a usable folder path.")
            : ValidateOptionsResult.Success;
}
