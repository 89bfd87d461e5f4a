using HealthTwin.Aws.AI;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>Validates <see cref="BedrockOptions"/> on start; each failure names the option, the value and the allowed range.</summary>
internal sealed class BedrockOptionsValidator : IValidateOptions<BedrockOptions>
{
    public ValidateOptionsResult Validate(string? name, BedrockOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(static e => e.ToString()));
    }
}
