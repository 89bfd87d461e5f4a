using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Resolves the credentials and the region of the Bedrock client lazily, once, and caches them: explicit
/// credentials, else <see cref="AWSOptions"/> (profile, role), else AWSSDK.Core's default chain. A failed resolution
/// is remembered for <see cref="FailureCacheDuration"/> so a host without credentials does not pay the chain's cost
/// (up to seconds with an unreachable instance metadata service) on every request. Keys are never logged.
/// </summary>
internal sealed class BedrockCredentialResolver : IDisposable
{
    /// <summary>How long a failed credential resolution is remembered.</summary>
    public static readonly TimeSpan FailureCacheDuration = TimeSpan.FromSeconds(30);

    private readonly BedrockChatClientOptions _options;
    private readonly AWSOptions? _awsOptions;
    private readonly TimeProvider _timeProvider;
    private readonly Func<CancellationToken, Task<AWSCredentials>> _defaultChain;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AWSCredentials? _credentials;
    private RegionEndpoint? _region;
    private BedrockConfigurationException? _failure;
    private long _failureUntil;

    /// <summary>Creates the resolver.</summary>
    /// <param name="options">The client options (explicit credentials and region).</param>
    /// <param name="awsOptions">The host's <see cref="AWSOptions"/>, when registered.</param>
    /// <param name="timeProvider">The clock of the failure cache.</param>
    /// <param name="defaultChain">The default credential chain (a seam for tests; defaults to AWSSDK.Core's).</param>
    public BedrockCredentialResolver(BedrockChatClientOptions options, AWSOptions? awsOptions, TimeProvider timeProvider, Func<CancellationToken, Task<AWSCredentials>>? defaultChain = null)
    {
        _options = options;
        _awsOptions = awsOptions;
        _timeProvider = timeProvider;
        _defaultChain = defaultChain ?? ResolveDefaultChainAsync;
        SigningCredentials = new DeferredCredentials(this);
    }

    /// <summary>
    /// The credentials handed to the signing handler: they delegate to the resolved credentials (so refreshing
    /// credentials such as roles keep refreshing) and never resolve on the signing path.
    /// </summary>
    public AWSCredentials SigningCredentials { get; }

    /// <summary>Resolves the credentials (once; cached).</summary>
    /// <param name="cancellationToken">Cancels waiting for a concurrent resolution.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="BedrockConfigurationException">No credentials could be resolved.</exception>
    public async ValueTask<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_credentials is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credentials is { } resolved)
            {
                return resolved;
            }

            if (_failure is { } failure && _timeProvider.GetTimestamp() < _failureUntil)
            {
                throw failure;
            }

            try
            {
                AWSOptions? awsOptions = _awsOptions;
                AWSCredentials credentials = _options.Credentials
                    ?? awsOptions?.Credentials
                    ?? await (awsOptions is not null
                        ? Task.Run(awsOptions.GetCredentials, cancellationToken) // profile / role / default chain, synchronous inside
                        : _defaultChain(cancellationToken)).ConfigureAwait(false)
                    ?? throw new AmazonClientException("The default credential chain returned no credentials.");
                _credentials = credentials;
                _failure = null;
                return credentials;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var missing = new BedrockConfigurationException(
                    BedrockConfigurationException.CredentialsSetting,
                    "No AWS credentials for Amazon Bedrock were found (explicit credentials, AWSOptions, environment, profile, SSO, container or instance role). " + FirstLine(ex.Message),
                    ex);
                _failure = missing;
                _failureUntil = _timeProvider.GetTimestamp() + (long)(FailureCacheDuration.TotalSeconds * _timeProvider.TimestampFrequency);
                throw missing;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Resolves the signing region (once; cached), never through the instance metadata service.</summary>
    /// <returns>The region.</returns>
    /// <exception cref="BedrockConfigurationException">No region is configured and there is no <see cref="BedrockChatClientOptions.ServiceUrl"/>.</exception>
    public RegionEndpoint GetRegion() => TryGetRegion() ?? throw new BedrockConfigurationException(
        BedrockConfigurationException.RegionSetting,
        "No AWS region for Amazon Bedrock is configured: set HealthTwin:Bedrock:Region, the AWS:Region section, AWS_REGION or a profile region.");

    /// <summary>Resolves the signing region, or <see langword="null"/> when none is configured.</summary>
    /// <returns>The region.</returns>
    public RegionEndpoint? TryGetRegion()
    {
        if (Volatile.Read(ref _region) is { } region)
        {
            return region;
        }

        region = !string.IsNullOrWhiteSpace(_options.Region) ? RegionEndpoint.GetBySystemName(_options.Region)
            : _awsOptions?.Region
            ?? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)
            ?? (_options.ServiceUrl is not null ? RegionEndpoint.USEast1 : null);
        if (region is not null)
        {
            Volatile.Write(ref _region, region);
        }

        return region;
    }

    /// <summary>Releases the resolution gate.</summary>
    public void Dispose() => _gate.Dispose();

    private static Task<AWSCredentials> ResolveDefaultChainAsync(CancellationToken cancellationToken) =>

        // The chain runs synchronously (including instance-metadata calls): keep it off the caller's thread.
        Task.Run(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(), cancellationToken);

    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end].TrimEnd();
    }

    /// <summary>Credentials that delegate to the resolved ones; resolution happens before sending, not while signing.</summary>
    private sealed class DeferredCredentials(BedrockCredentialResolver owner) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => Resolved().GetCredentials();

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Resolved().GetCredentialsAsync();

        private AWSCredentials Resolved() => owner._credentials ?? throw new BedrockConfigurationException(
            BedrockConfigurationException.CredentialsSetting,
            "AWS credentials were requested for signing before they were resolved.");
    }
}
