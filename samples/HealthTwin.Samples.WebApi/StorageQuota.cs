using System.ComponentModel.DataAnnotations;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Per-user storage quota (the <c>Quotas</c> section): total bytes and number of files a user may keep. Checked on
/// every upload against the user's current listing, counting the replaced file once.
/// </summary>
internal sealed class StorageQuota(IUserFileStore files, IOptions<StorageQuota.Settings> settings)
{
    /// <summary>Why an upload does not fit, or <see langword="null"/> when it does.</summary>
    public async Task<string?> CheckAsync(string userId, string replacedKey, long newBytes, CancellationToken cancellationToken)
    {
        Settings limits = settings.Value;
        long bytes = newBytes;
        int count = 1;
        await foreach (StoredFileInfo file in files.ListAsync(userId, category: null, cancellationToken))
        {
            if (file.Key != replacedKey)
            {
                bytes += file.Size;
                count++;
            }
        }

        return bytes > limits.MaxBytesPerUser ? $"would use {bytes} bytes; your quota is {limits.MaxBytesPerUser} bytes."
            : count > limits.MaxFilesPerUser ? $"would be file {count}; your quota is {limits.MaxFilesPerUser} files."
            : null;
    }

    /// <summary>The <c>Quotas</c> section.</summary>
    internal sealed class Settings
    {
        /// <summary>Bytes of files per user. Default 1 GiB; allowed 1 KiB – 1 TiB.</summary>
        [Range(1024L, 1L << 40)]
        public long MaxBytesPerUser { get; set; } = 1L << 30;

        /// <summary>Files per user. Default 10000; allowed 1 – 10 million.</summary>
        [Range(1, 10_000_000)]
        public int MaxFilesPerUser { get; set; } = 10_000;
    }
}
