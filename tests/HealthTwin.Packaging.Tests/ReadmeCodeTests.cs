namespace HealthTwin.Packaging.Tests;

/// <summary>Every C# block of README.md and the package READMEs builds against the packed packages; the runnable ones run.</summary>
[Collection(PackagingTestGroup.Name)]
public sealed class ReadmeCodeTests(PackedPackagesFixture packages)
{
    private static readonly string[] Readmes = ["README.md", "src/HealthTwin.Agents/README.md", "src/HealthTwin.Aws/README.md"];

    [Fact]
    public void Extract_EveryReadme_HasCSharpBlocks()
    {
        foreach (string readme in Readmes)
        {
            ReadmeBlocks.Extract(Path.Combine(packages.RepositoryRoot, readme), readme).Should().NotBeEmpty(readme);
        }
    }

    [Fact]
    public async Task ReadmeBlocks_BuildFromThePackedPackagesAndTheQuickstartRuns()
    {
        List<ReadmeBlocks.Block> blocks = [.. Readmes.SelectMany(r => ReadmeBlocks.Extract(Path.Combine(packages.RepositoryRoot, r), r))];
        Dictionary<string, string> files = blocks.ToDictionary(b => b.Name + ".cs", ReadmeBlocks.ToFile);
        files["Program.cs"] = string.Concat(blocks.Where(b => b.Run).Select(b => $"await ReadmeBlocks.{b.Name}.Block.RunAsync(args);\n"));
        string folder = packages.CreateConsumer("readme", "Readme", files);

        CliResult build = await PackedPackagesFixture.DotnetAsync(folder, "build", "-c", "Release", "-nologo");
        build.ExitCode.Should().Be(0, "every README block must compile:\n" + build.Output);

        CliResult run = await PackedPackagesFixture.DotnetAsync(folder, "run", "-c", "Release", "--no-build");
        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("[High]").And.NotContain("Exception");
        blocks.Should().Contain(b => b.Run);
    }
}
