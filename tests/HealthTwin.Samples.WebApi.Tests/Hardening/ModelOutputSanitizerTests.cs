using HealthTwin.Agents.Model;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi.Tests.Hardening;

public sealed class ModelOutputSanitizerTests
{
    private readonly ModelOutputSanitizer _sanitizer = new(Options.Create(new ModelOutputSanitizer.Settings { AllowedLinkHosts = ["sleepfoundation.org"] }));

    [Theory]
    [InlineData("<script>alert(1)</script>Sleep **earlier**", "alert(1) Sleep earlier")]
    [InlineData("# Go to bed\n> now", "Go to bed now")]
    [InlineData("Use `4-7-8` breathing", "Use 4-7-8 breathing")]
    [InlineData("See [this](https://evil.example/x) now", "See this now")]
    [InlineData("See [guide](https://www.sleepfoundation.org/sleep-hygiene)", "See guide (https://www.sleepfoundation.org/sleep-hygiene)")]
    [InlineData("Visit https://evil.example/phish today", "Visit today")]
    [InlineData("Visit (https://evil.example/phish) today", "Visit ( ) today")]
    [InlineData("Visit http://sleepfoundation.org/x today", "Visit today")]
    [InlineData("Visit https://sleepfoundation.org.evil.example/x", "Visit")]
    [InlineData("Read https://sleepfoundation.org/a", "Read https://sleepfoundation.org/a")]
    [InlineData("![pixel](https://evil.example/p.png)Rest", "Rest")]
    [InlineData("click javascript:alert(1)", "click")]
    [InlineData("hidden\u200B\u202Etext\U000E0041", "hiddentext")]
    public void Text_ModelMarkupAndLinks_AreRemovedUnlessAllowed(string model, string expected) =>
        _sanitizer.Text(model).Should().Be(expected);

    [Fact]
    public void Clean_LocalRecommendation_PassesUnchanged()
    {
        AgentRecommendation local = Recommendation("**bold** https://x.example", AgentRecommendation.LocalSource);

        _sanitizer.Clean(local).Should().BeSameAs(local);
    }

    [Fact]
    public void Clean_ModelRecommendation_CleansTitleRationaleAndActions()
    {
        AgentRecommendation cleaned = _sanitizer.Clean(Recommendation("<b></b>", "claude") with
        {
            Actions = [new RecommendationAction("[Open](https://evil.example)", RecommendationActionKind.Accept)],
        });

        cleaned.Title.Should().Be("Recommendation", "an empty title gets a neutral one");
        cleaned.Rationale.Should().Be("bold");
        cleaned.Actions.Should().ContainSingle().Which.Label.Should().Be("Open");
    }

    private static AgentRecommendation Recommendation(string title, string source) => new()
    {
        Id = "x",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Agent = "bedrock-analysis",
        Type = RecommendationType.Sleep,
        Title = title,
        Rationale = "**bold** https://x.example",
        Priority = RecommendationPriority.High,
        Source = source,
    };
}
