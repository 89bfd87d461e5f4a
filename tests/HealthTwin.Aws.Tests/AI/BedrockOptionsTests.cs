using HealthTwin.Aws.AI;

namespace HealthTwin.Aws.Tests.AI;

public sealed class BedrockOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        new BedrockOptions().Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData("temperature", -0.01, false)]
    [InlineData("temperature", 0, true)]
    [InlineData("temperature", 1, true)]
    [InlineData("temperature", 1.01, false)]
    [InlineData("temperature", double.NaN, false)]
    [InlineData("maxTokens", 63, false)]
    [InlineData("maxTokens", 64, true)]
    [InlineData("maxTokens", 8192, true)]
    [InlineData("maxTokens", 8193, false)]
    [InlineData("maxAttempts", 0, false)]
    [InlineData("maxAttempts", 1, true)]
    [InlineData("maxAttempts", 10, true)]
    [InlineData("maxAttempts", 11, false)]
    [InlineData("maxNotesLength", -1, false)]
    [InlineData("maxNotesLength", 0, true)]
    [InlineData("maxNotesLength", 2000, true)]
    [InlineData("maxNotesLength", 2001, false)]
    [InlineData("rateLimitPermits", 0, false)]
    [InlineData("rateLimitPermits", 1, true)]
    [InlineData("timeoutMs", 99, false)]
    [InlineData("timeoutMs", 100, true)]
    [InlineData("timeoutMs", 300000, true)]
    [InlineData("timeoutMs", 300001, false)]
    [InlineData("cacheDurationMs", -1, false)]
    [InlineData("cacheDurationMs", 0, true)]
    [InlineData("maxFocusLength", 0, false)]
    [InlineData("maxFocusLength", 1, true)]
    [InlineData("maxFocusLength", 2000, true)]
    [InlineData("maxFocusLength", 2001, false)]
    public void Validate_Boundaries_BelowAtAbove(string option, double value, bool valid)
    {
        var options = new BedrockOptions();
        switch (option)
        {
            case "temperature": options.Temperature = value; break;
            case "maxTokens": options.MaxTokens = (int)value; break;
            case "maxAttempts": options.MaxAttempts = (int)value; break;
            case "maxNotesLength": options.MaxNotesLength = (int)value; break;
            case "rateLimitPermits": options.RateLimitPermits = (int)value; break;
            case "timeoutMs": options.Timeout = TimeSpan.FromMilliseconds(value); break;
            case "cacheDurationMs": options.CacheDuration = TimeSpan.FromMilliseconds(value); break;
            case "maxFocusLength": options.MaxFocusLength = (int)value; break;
        }

        var errors = options.Validate();

        if (valid)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            string key = option.Replace("Ms", string.Empty, StringComparison.Ordinal);
            errors.Should().ContainSingle().Which.Field.Should().Be("HealthTwin:Bedrock:" + char.ToUpperInvariant(key[0]) + key[1..], "options are named by their configuration key");
        }
    }

    [Fact]
    public void Validate_BadValues_NameFieldValueAndRange()
    {
        var options = new BedrockOptions
        {
            Region = "Not A Region",
            ServiceUrl = new Uri("ftp://example.com"),
            RetryBaseDelay = TimeSpan.FromSeconds(2),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        };
        options.Models["sleep"] = " ";
        options.Prices.Add(new BedrockModelPrice("claude-3-5-sonnet", -1, double.PositiveInfinity));

        string[] messages = [.. options.Validate().Select(e => e.ToString())];

        messages.Should().BeEquivalentTo(
            "HealthTwin:Bedrock:Region = Not A Region is outside the allowed range an AWS region name such as us-east-1.",
            "HealthTwin:Bedrock:ServiceUrl = ftp://example.com is outside the allowed range an absolute http(s) URL.",
            "HealthTwin:Bedrock:Models:sleep = empty is outside the allowed range a model id or alias.",
            "HealthTwin:Bedrock:RetryMaxDelay = 00:00:01 is outside the allowed range 00:00:02 (RetryBaseDelay)–00:02:00.",
            "HealthTwin:Bedrock:Prices:0:InputPer1K = -1 is outside the allowed range 0 or more USD per 1,000 tokens.",
            "HealthTwin:Bedrock:Prices:0:OutputPer1K = Infinity is outside the allowed range 0 or more USD per 1,000 tokens.");
    }
}
