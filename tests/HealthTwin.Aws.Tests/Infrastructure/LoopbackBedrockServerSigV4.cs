using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HealthTwin.Aws.Tests.Infrastructure;

/// <summary>
/// Verifies a SigV4-signed request the way AWS does: recomputes the Authorization header with the known secret
/// (AWSSDK.Core's signer over the raw request target, the signed headers as received, the body and X-Amz-Date)
/// and compares the whole string in constant time. Also checks the body hash, the service and the clock skew.
/// </summary>
internal static partial class LoopbackBedrockServerSigV4
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>Returns <see langword="null"/> when the signature is valid, else why not.</summary>
    public static string? Verify(HttpContext context, byte[] body, string accessKey, string secretKey, string service)
    {
        HttpRequest request = context.Request;
        Match match = AuthorizationPattern().Match(request.Headers.Authorization.ToString());
        if (!match.Success)
        {
            return "missing or malformed Authorization header";
        }

        if (!DateTime.TryParseExact(request.Headers["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime signedAt))
        {
            return "missing or malformed X-Amz-Date";
        }

        if (signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture) != match.Groups["date"].Value)
        {
            return "credential scope date does not match X-Amz-Date";
        }

        if ((DateTime.UtcNow - signedAt).Duration() > MaxSkew)
        {
            return "request time too skewed";
        }

        if (match.Groups["key"].Value != accessKey)
        {
            return "unknown access key";
        }

        if (match.Groups["service"].Value != service)
        {
            return $"signed for service '{match.Groups["service"].Value}', expected '{service}'";
        }

        string contentHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (contentHash.Length > 0 && contentHash != Convert.ToHexStringLower(SHA256.HashData(body)))
        {
            return "body hash mismatch";
        }

        string rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget; // percent-encoding as sent
        var signing = new AWSSigningRequest
        {
            HttpMethod = new HttpMethod(request.Method),
            RequestUri = new Uri($"{request.Scheme}://{request.Host}{rawTarget}"),
            Content = body,
        };
        foreach (string header in match.Groups["headers"].Value.Split(';'))
        {
            if (header is not ("x-amz-date" or "x-amz-content-sha256" or "x-amz-security-token"))
            {
                signing.Headers[header] = request.Headers[header].ToString();
            }
        }

        string token = request.Headers["x-amz-security-token"].ToString();
        AWSCredentials credentials = token.Length > 0
            ? new SessionAWSCredentials(accessKey, secretKey, token)
            : new BasicAWSCredentials(accessKey, secretKey);
        string expected = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(match.Groups["region"].Value),
            Service = match.Groups["service"].Value,
            SignedAt = signedAt,
        }).Headers["Authorization"];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers.Authorization.ToString()))
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request,\s*SignedHeaders=(?<headers>[a-z0-9;\-]+),\s*Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
