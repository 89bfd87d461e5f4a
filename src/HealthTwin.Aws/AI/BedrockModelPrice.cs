namespace HealthTwin.Aws.AI;

/// <summary>The on-demand price of one model, used for cost estimates (<c>HealthTwin:Bedrock:Prices</c>).</summary>
public sealed class BedrockModelPrice
{
    /// <summary>Creates an empty price (for configuration binding).</summary>
    public BedrockModelPrice()
    {
    }

    /// <summary>Creates a price.</summary>
    /// <param name="model">The model id (or alias); an inference-profile id such as <c>us.{model}</c> matches it too.</param>
    /// <param name="inputPer1K">USD per 1,000 input tokens.</param>
    /// <param name="outputPer1K">USD per 1,000 output tokens.</param>
    public BedrockModelPrice(string model, double inputPer1K, double outputPer1K)
    {
        Model = model;
        InputPer1K = inputPer1K;
        OutputPer1K = outputPer1K;
    }

    /// <summary>The model id or alias.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>USD per 1,000 input tokens, 0 or more.</summary>
    public double InputPer1K { get; set; }

    /// <summary>USD per 1,000 output tokens, 0 or more.</summary>
    public double OutputPer1K { get; set; }

    /// <summary>The estimated cost of a call in USD.</summary>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>The cost.</returns>
    public double Estimate(long inputTokens, long outputTokens) =>
        (Math.Max(0, inputTokens) * InputPer1K / 1000d) + (Math.Max(0, outputTokens) * OutputPer1K / 1000d);
}
