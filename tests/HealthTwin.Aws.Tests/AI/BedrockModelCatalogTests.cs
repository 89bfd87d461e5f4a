using HealthTwin.Aws.AI;

namespace HealthTwin.Aws.Tests.AI;

public sealed class BedrockModelCatalogTests
{
    [Theory]
    [InlineData("claude-3-5-sonnet", "anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData(" CLAUDE-3-5-SONNET ", "anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("llama-3-3-70b", "meta.llama3-3-70b-instruct-v1:0")]
    [InlineData("titan-text-premier", "amazon.titan-text-premier-v1:0")]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20241022-v2:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123", "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123")]
    public void Resolve_AliasOrId_ReturnsTheModelId(string input, string expected)
    {
        BedrockModelCatalog.Resolve(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_Empty_Throws(string input)
    {
        FluentActions.Invoking(() => BedrockModelCatalog.Resolve(input)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("sleep", "claude-3-5-sonnet")]
    [InlineData("fitness-coach", "claude-3-5-sonnet")]
    [InlineData("burnout-guardian", "claude-3-5-sonnet")]
    [InlineData("predictive-analytics", "claude-3-5-sonnet")]
    [InlineData("breathing-coach", "llama-3-3-70b")]
    public void DefaultModelFor_Agent_FollowsTheGuide(string agentId, string alias)
    {
        BedrockModelCatalog.DefaultModelFor(agentId).Should().Be(alias);
        new BedrockOptions().ModelFor(agentId).Should().Be(BedrockModelCatalog.Resolve(alias));
    }

    [Fact]
    public void ModelFor_ConfiguredModel_WinsOverTheDefault()
    {
        var options = new BedrockOptions();
        options.Models["SLEEP"] = "titan-text-premier";

        options.ModelFor("sleep").Should().Be(BedrockModelCatalog.TitanTextPremier);
    }

    [Theory]
    [InlineData("anthropic.claude-3-5-sonnet-20241022-v2:0", true, true)]
    [InlineData("us.anthropic.claude-3-7-sonnet-20250219-v1:0", true, true)]
    [InlineData("amazon.nova-pro-v1:0", true, true)]
    [InlineData("anthropic.claude-v2:1", false, true)]
    [InlineData("meta.llama3-3-70b-instruct-v1:0", false, true)]
    [InlineData("amazon.titan-text-premier-v1:0", false, false)]
    public void Capabilities_ByFamily(string modelId, bool forcedTool, bool systemPrompt)
    {
        BedrockModelCatalog.SupportsForcedTool(modelId).Should().Be(forcedTool);
        BedrockModelCatalog.SupportsSystemPrompt(modelId).Should().Be(systemPrompt);
    }

    [Fact]
    public void FindPrice_ExactSuffixConfiguredAndUnknown()
    {
        BedrockModelPrice configured = new("claude-3-5-sonnet", 0.006, 0.03);

        BedrockModelCatalog.FindPrice(BedrockModelCatalog.ClaudeSonnet35)!.InputPer1K.Should().Be(0.003);
        BedrockModelCatalog.FindPrice("us." + BedrockModelCatalog.ClaudeSonnet35)!.OutputPer1K.Should().Be(0.015);
        BedrockModelCatalog.FindPrice(BedrockModelCatalog.ClaudeSonnet35, [configured]).Should().BeSameAs(configured);
        BedrockModelCatalog.FindPrice("xanthropic.claude-3-5-sonnet-20241022-v2:0").Should().BeNull("a suffix must start at a '.' or '/'");
        BedrockModelCatalog.FindPrice("mistral.mistral-large-2402-v1:0").Should().BeNull();
    }

    [Fact]
    public void Estimate_UsesPricePerThousandTokens()
    {
        new BedrockModelPrice("m", 0.003, 0.015).Estimate(1200, 300).Should().BeApproximately(0.0081, 1e-12);
        new BedrockModelPrice("m", 0.003, 0.015).Estimate(-5, 0).Should().Be(0);
    }

    [Fact]
    public void DefaultPrices_AreReadOnly_ListAndEntries()
    {
        BedrockModelPrice sonnet = BedrockModelCatalog.DefaultPrices[0];

        sonnet.IsReadOnly.Should().BeTrue();
        Action setPrice = () => sonnet.InputPer1K = 0;
        setPrice.Should().Throw<InvalidOperationException>().WithMessage("*HealthTwin:Bedrock:Prices*");
        Action add = () => ((IList<BedrockModelPrice>)BedrockModelCatalog.DefaultPrices).Add(new BedrockModelPrice("m", 1, 1));
        add.Should().Throw<NotSupportedException>();
        Action alias = () => ((IDictionary<string, string>)BedrockModelCatalog.Aliases)["x"] = "y";
        alias.Should().Throw<NotSupportedException>();
        BedrockModelCatalog.FindPrice(BedrockModelCatalog.ClaudeSonnet35)!.InputPer1K.Should().Be(0.003);
        new BedrockModelPrice("m", 1, 2) { InputPer1K = 3 }.IsReadOnly.Should().BeFalse("configured prices stay writable for binding");
    }
}
