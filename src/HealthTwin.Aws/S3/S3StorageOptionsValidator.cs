using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>Validates <see cref="S3StorageOptions"/> on start; each failure names the option, the value and the allowed range.</summary>
internal sealed partial class S3StorageOptionsValidator : IValidateOptions<S3StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(options.BucketName))
        {
            errors.Add(Error(nameof(options.BucketName), options.BucketName, $"required: set {S3StorageOptions.SectionName}:{nameof(options.BucketName)} or the {S3StorageOptions.BucketNameVariable} environment variable"));
        }
        else if (!IsValidBucketName(options.BucketName))
        {
            errors.Add(Error(nameof(options.BucketName), options.BucketName, "3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit, without '..'"));
        }

        if (!string.IsNullOrEmpty(options.KeyPrefixRoot) && !IsValidKeyPrefixRoot(options.KeyPrefixRoot))
        {
            errors.Add(Error(nameof(options.KeyPrefixRoot), options.KeyPrefixRoot, $"at most {S3StorageOptions.MaxKeyPrefixRootLength} characters: segments of A-Z, a-z, 0-9, '-', '_', '.' separated by '/', no empty, '.' or '..' segment"));
        }

        if (!string.IsNullOrEmpty(options.Region) && !RegionPattern().IsMatch(options.Region))
        {
            errors.Add(Error(nameof(options.Region), options.Region, "an AWS region name such as 'eu-central-1' (lower-case letters, digits and '-', at most 32 characters)"));
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add(Error(nameof(options.ServiceUrl), url.OriginalString, "an absolute http:// or https:// URL"));
        }

        bool kms = string.Equals(options.ServerSideEncryption, S3StorageOptions.EncryptionKms, StringComparison.OrdinalIgnoreCase);
        if (!kms
            && !string.Equals(options.ServerSideEncryption, S3StorageOptions.EncryptionAes256, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.ServerSideEncryption, S3StorageOptions.EncryptionNone, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error(nameof(options.ServerSideEncryption), options.ServerSideEncryption, $"one of '{S3StorageOptions.EncryptionAes256}', '{S3StorageOptions.EncryptionKms}', '{S3StorageOptions.EncryptionNone}'"));
        }

        if (!string.IsNullOrEmpty(options.KmsKeyId) && !kms)
        {
            errors.Add(Error(nameof(options.KmsKeyId), options.KmsKeyId, $"empty unless {nameof(options.ServerSideEncryption)} is '{S3StorageOptions.EncryptionKms}'"));
        }
        else if (options.KmsKeyId is { Length: > 2048 })
        {
            errors.Add(Error(nameof(options.KmsKeyId), $"{options.KmsKeyId.Length} characters", "at most 2048 characters"));
        }

        if (options.MultipartThresholdBytes is < S3StorageOptions.MinMultipartThresholdBytes or > S3StorageOptions.MaxMultipartThresholdBytes)
        {
            errors.Add(Error(nameof(options.MultipartThresholdBytes), options.MultipartThresholdBytes.ToString(CultureInfo.InvariantCulture), $"{S3StorageOptions.MinMultipartThresholdBytes}-{S3StorageOptions.MaxMultipartThresholdBytes} bytes (5 MiB - 5 GiB)"));
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add(Error(nameof(options.Timeout), options.Timeout.ToString("c", CultureInfo.InvariantCulture), "00:00:01-00:10:00"));
        }

        if (options.MaxParallelism is < 1 or > S3StorageOptions.MaxMaxParallelism)
        {
            errors.Add(Error(nameof(options.MaxParallelism), options.MaxParallelism.ToString(CultureInfo.InvariantCulture), $"1-{S3StorageOptions.MaxMaxParallelism}"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// S3's bucket naming rules, checked without a regular expression (a regex match timeout on a busy machine must not
    /// turn a valid name into a start failure): 3–63 characters of a-z, 0-9, '.', '-', a letter or digit at both
    /// ends, no "..", not shaped like an IPv4 address.
    /// </summary>
    internal static bool IsValidBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && IsLowerAlphanumeric(name[0])
        && IsLowerAlphanumeric(name[^1])
        && name.All(static c => IsLowerAlphanumeric(c) || c is '.' or '-')
        && !name.Contains("..", StringComparison.Ordinal)
        && !IsIpv4Shaped(name);

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);

    private static bool IsIpv4Shaped(string name)
    {
        string[] parts = name.Split('.');
        return parts.Length == 4 && parts.All(static p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit));
    }

    internal static bool IsValidKeyPrefixRoot(string root)
    {
        string trimmed = root.Trim('/');
        if (root.Length > S3StorageOptions.MaxKeyPrefixRootLength || trimmed.Length == 0)
        {
            return false;
        }

        foreach (string segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || !SegmentPattern().IsMatch(segment))
            {
                return false;
            }
        }

        return true;
    }

    private static string Error(string option, string? value, string allowed) =>
        $"{S3StorageOptions.SectionName}:{option} = '{Printable(value)}' is not allowed: {allowed}.";

    /// <summary>Escapes control and non-ASCII characters of a configured value and shortens it to ~80 characters.</summary>
    internal static string Printable(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new System.Text.StringBuilder();
        foreach (char c in value)
        {
            if (builder.Length >= 80)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return builder.ToString();
    }


    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("^(?=.{4,32}$)[a-z]{2,}(-[a-z0-9]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RegionPattern();
}
