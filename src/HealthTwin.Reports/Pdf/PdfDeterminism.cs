using System.Security.Cryptography;
using System.Text;

namespace HealthTwin.Reports.Pdf;

/// <summary>
/// Makes PDFsharp's output byte-identical for the same report. PDFsharp tags each embedded font subset with six
/// random capitals (<c>ABCDEF+DejaVu Sans</c>, PDF 32000 §9.6.4) and writes random UUIDs into the XMP metadata
/// (<c>xmpMM:DocumentID</c>, <c>xmpMM:InstanceID</c>). Both are replaced in place with values derived from the
/// document id: the same length, so the cross-reference offsets stay valid.
/// </summary>
internal static class PdfDeterminism
{
    private static readonly byte[][] UuidKeys = [Encoding.ASCII.GetBytes("<xmpMM:DocumentID>uuid:"), Encoding.ASCII.GetBytes("<xmpMM:InstanceID>uuid:")];

    private static readonly byte[][] Keys = [Encoding.ASCII.GetBytes("/FontName/"), Encoding.ASCII.GetBytes("/BaseFont/")];

    public static void Stabilize(byte[] pdf, string documentId)
    {
        StabilizeSubsetTags(pdf, documentId);
        byte[] uuid = Encoding.ASCII.GetBytes(new Guid(Convert.FromHexString(documentId)).ToString("D"));
        foreach (byte[] key in UuidKeys)
        {
            int at = pdf.AsSpan().IndexOf(key);
            if (at >= 0 && at + key.Length + uuid.Length <= pdf.Length)
            {
                uuid.CopyTo(pdf.AsSpan(at + key.Length, uuid.Length));
            }
        }
    }

    private static void StabilizeSubsetTags(byte[] pdf, string documentId)
    {
        var replacements = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (byte[] key in Keys)
        {
            int from = 0;
            while ((from = pdf.AsSpan(from).IndexOf(key) is var i and >= 0 ? from + i : -1) >= 0)
            {
                int tag = from + key.Length;
                from = tag;
                if (tag + 7 > pdf.Length || pdf[tag + 6] != (byte)'+' || !IsTag(pdf.AsSpan(tag, 6)))
                {
                    continue;
                }

                int end = tag + 7;
                while (end < pdf.Length && pdf[end] is not ((byte)'/' or (byte)'>' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)']'))
                {
                    end++;
                }

                string oldTag = Encoding.ASCII.GetString(pdf, tag, 6);
                string fontName = Encoding.ASCII.GetString(pdf, tag + 7, end - tag - 7);
                if (!replacements.TryGetValue(oldTag, out byte[]? replacement))
                {
                    replacement = NewTag(documentId, fontName, replacements.Count);
                    replacements.Add(oldTag, replacement);
                }

                replacement.CopyTo(pdf.AsSpan(tag, 6));
            }
        }
    }

    private static bool IsTag(ReadOnlySpan<byte> span)
    {
        foreach (byte b in span)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] NewTag(string documentId, string fontName, int index)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(documentId, "|", fontName, "|", index.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var tag = new byte[6];
        for (int i = 0; i < tag.Length; i++)
        {
            tag[i] = (byte)('A' + (hash[i] % 26));
        }

        return tag;
    }
}
