namespace HealthTwin.Aws.S3;

/// <summary>
/// Options of the S3 stores, bound from the <c>HealthTwin:S3</c> configuration section (with the environment
/// variables <c>AWS_S3_BUCKET_NAME</c> and <c>AWS_REGION</c> as fallbacks) and validated on start.
/// </summary>
public sealed class S3StorageOptions
{
    /// <summary>The configuration section name: <c>HealthTwin:S3</c>.</summary>
    public const string SectionName = "HealthTwin:S3";

    /// <summary>The environment variable read when <see cref="BucketName"/> is not configured: <c>AWS_S3_BUCKET_NAME</c>.</summary>
    public const string BucketNameVariable = "AWS_S3_BUCKET_NAME";

    /// <summary>The environment variable read when <see cref="Region"/> is not configured: <c>AWS_REGION</c>.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>Server-side encryption with S3-managed keys (SSE-S3): <c>AES256</c>.</summary>
    public const string EncryptionAes256 = "AES256";

    /// <summary>Server-side encryption with AWS KMS keys (SSE-KMS): <c>aws:kms</c>.</summary>
    public const string EncryptionKms = "aws:kms";

    /// <summary>No encryption header is sent (the bucket's default encryption still applies): <c>none</c>.</summary>
    public const string EncryptionNone = "none";

    /// <summary>The default <see cref="MultipartThresholdBytes"/>: 16 MiB.</summary>
    internal const long DefaultMultipartThresholdBytes = 16L * 1024 * 1024;

    /// <summary>The smallest <see cref="MultipartThresholdBytes"/>: 5 MiB, the S3 minimum part size.</summary>
    internal const long MinMultipartThresholdBytes = 5L * 1024 * 1024;

    /// <summary>The largest <see cref="MultipartThresholdBytes"/>: 5 GiB, the S3 maximum single PUT.</summary>
    internal const long MaxMultipartThresholdBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>The default <see cref="MaxParallelism"/>: 8.</summary>
    internal const int DefaultMaxParallelism = 8;

    /// <summary>The largest <see cref="MaxParallelism"/>: 64.</summary>
    internal const int MaxMaxParallelism = 64;

    /// <summary>The longest <see cref="KeyPrefixRoot"/>: 256 characters.</summary>
    internal const int MaxKeyPrefixRootLength = 256;

    /// <summary>
    /// The bucket. Required: from <c>HealthTwin:S3:BucketName</c>, else <c>AWS_S3_BUCKET_NAME</c>. 3–63 characters
    /// of <c>a–z</c>, <c>0–9</c>, <c>.</c> and <c>-</c>, starting and ending with a letter or digit.
    /// </summary>
    public string? BucketName { get; set; }

    /// <summary>
    /// An optional folder in front of every key, for example <c>tenant-a</c> or <c>prod/healthtwin</c>: objects are
    /// then stored at <c>{KeyPrefixRoot}/users/{userId}/…</c>. One or more segments of <c>A–Z</c>, <c>a–z</c>,
    /// <c>0–9</c>, <c>-</c>, <c>_</c> and <c>.</c> separated by <c>/</c> (no empty, <c>.</c> or <c>..</c> segment), at
    /// most 256 characters; leading and trailing <c>/</c> are ignored. Default: none (keys start with <c>users/</c>).
    /// </summary>
    public string? KeyPrefixRoot { get; set; }

    /// <summary>
    /// The AWS region system name, for example <c>eu-central-1</c>. Optional: from <c>HealthTwin:S3:Region</c>, else
    /// <c>AWS_REGION</c>, else the AWS SDK's own resolution (the <c>AWS</c> configuration section, profile, …). With
    /// <see cref="ServiceUrl"/> it is the signing region (default <c>us-east-1</c>).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An absolute <c>http</c> or <c>https</c> endpoint that replaces the regional AWS endpoint, for an
    /// S3-compatible server (MinIO, LocalStack, a test server). Default: none (AWS).
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Use path-style URLs (<c>https://host/bucket/key</c>) instead of virtual-hosted ones. Default <see langword="false"/>; S3-compatible servers usually need <see langword="true"/>.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>
    /// The server-side encryption of every object written: <see cref="EncryptionAes256"/> (the default),
    /// <see cref="EncryptionKms"/> (with <see cref="KmsKeyId"/>, or the account's AWS-managed key when empty) or
    /// <see cref="EncryptionNone"/>. Case-insensitive.
    /// </summary>
    public string ServerSideEncryption { get; set; } = EncryptionAes256;

    /// <summary>The KMS key id or ARN for <see cref="EncryptionKms"/>; must be empty for the other modes. Default: none.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>
    /// Uploads of at least this many bytes go through multipart upload (<c>TransferUtility</c>); smaller ones are a
    /// single PUT. Default 16 MiB; allowed 5 MiB – 5 GiB.
    /// </summary>
    public long MultipartThresholdBytes { get; set; } = DefaultMultipartThresholdBytes;

    /// <summary>
    /// The longest one S3 request (with the SDK's retries) or one read of a downloaded body may take before it fails
    /// with <see cref="S3StorageException"/>; a multipart upload gets it once per part. Default 30 seconds; allowed
    /// 1 second – 10 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The default <see cref="Timeout"/>: 30 seconds.</summary>
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How many requests one store operation (saving or loading many days, multipart parts) runs at once. Default 8; allowed 1–64.</summary>
    public int MaxParallelism { get; set; } = DefaultMaxParallelism;

    /// <summary>
    /// The key root as stored in front of every key: <see cref="KeyPrefixRoot"/> trimmed of <c>/</c> plus one
    /// <c>/</c>, or the empty string.
    /// </summary>
    internal string NormalizedKeyRoot =>
        KeyPrefixRoot?.Trim('/') is { Length: > 0 } root ? root + "/" : string.Empty;
}
