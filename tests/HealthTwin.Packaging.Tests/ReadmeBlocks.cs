using System.Text;
using System.Text.RegularExpressions;

namespace HealthTwin.Packaging.Tests;

/// <summary>
/// Turns the C# blocks of a README into compilable files: the block's <c>using</c> directives stay at the top, its
/// statements become the body of <c>RunAsync(string[] args)</c>, its type declarations follow in the block's own
/// namespace. A block preceded by <c>&lt;!-- readme-test: run --&gt;</c> is also run.
/// </summary>
internal static partial class ReadmeBlocks
{
    public sealed record Block(string Source, int Line, string Code, bool Run)
    {
        public string Name => "Block_" + Regex.Replace(Path.GetFileNameWithoutExtension(Source) + "_" + Source.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "_" + Line, "[^A-Za-z0-9_]", "_");
    }

    public static IReadOnlyList<Block> Extract(string path, string displayName)
    {
        string[] lines = File.ReadAllLines(path);
        List<Block> blocks = [];
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            bool run = i > 0 && lines[i - 1].Contains("readme-test: run", StringComparison.Ordinal);
            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            blocks.Add(new Block(displayName, start + 1, string.Join('\n', lines[start..end]), run));
            i = end;
        }

        return blocks;
    }

    public static string ToFile(Block block)
    {
        string[] lines = block.Code.Split('\n');
        int firstStatement = 0;
        while (firstStatement < lines.Length && (lines[firstStatement].StartsWith("using ", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(lines[firstStatement])))
        {
            firstStatement++;
        }

        int firstType = Array.FindIndex(lines, firstStatement, l => TypeDeclaration().IsMatch(l));
        if (firstType < 0)
        {
            firstType = lines.Length;
        }

        var file = new StringBuilder();
        file.Append("// ").Append(block.Source).Append(", line ").Append(block.Line).AppendLine();
        foreach (string line in lines[..firstStatement])
        {
            file.AppendLine(line);
        }

        file.Append("namespace ReadmeBlocks.").Append(block.Name).AppendLine(";");
        file.AppendLine("internal static class Block");
        file.AppendLine("{");
        file.AppendLine("    public static async Task RunAsync(string[] args)");
        file.AppendLine("    {");
        file.AppendLine("        _ = args;");
        foreach (string line in lines[firstStatement..firstType])
        {
            file.AppendLine("        " + line);
        }

        file.AppendLine("        await Task.CompletedTask;");
        file.AppendLine("    }");
        file.AppendLine("}");
        foreach (string line in lines[firstType..])
        {
            file.AppendLine(line);
        }

        return file.ToString();
    }

    [GeneratedRegex(@"^(public |internal )?(sealed |static |abstract )*(partial )?(class|record|struct|interface) ")]
    private static partial Regex TypeDeclaration();
}
