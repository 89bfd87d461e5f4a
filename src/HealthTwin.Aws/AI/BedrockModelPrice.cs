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

    private string _model = string.Empty;
    private double _inputPer1K;
    private double _outputPer1K;

    /// <summary>The model id or alias.</summary>
    /// <exception cref="InvalidOperationException">Set on a read-only price (<see cref="BedrockModelCatalog.DefaultPrices"/>).</exception>
    public string Model { get => _model; set => _model = Writable(value); }

    /// <summary>USD per 1,000 input tokens, 0 or more.</summary>
    /// <exception cref="InvalidOperationException">Set on a read-only price (<see cref="BedrockModelCatalog.DefaultPrices"/>).</exception>
    public double InputPer1K { get => _inputPer1K; set => _inputPer1K = Writable(value); }

    /// <summary>USD per 1,000 output tokens, 0 or more.</summary>
    /// <exception cref="InvalidOperationException">Set on a read-only price (<see cref="BedrockModelCatalog.DefaultPrices"/>).</exception>
    public double OutputPer1K { get => _outputPer1K; set => _outputPer1K = Writable(value); }

    /// <summary>
    /// Whether the price is read-only (the built-in <see cref="BedrockModelCatalog.DefaultPrices"/>, shared by every
    /// host in the process); override one through <c>HealthTwin:Bedrock:Prices</c> instead.
    /// </summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>A read-only price.</summary>
    internal static BedrockModelPrice ReadOnly(string model, double inputPer1K, double outputPer1K) =>
        new(model, inputPer1K, outputPer1K) { IsReadOnly = true };

    /// <summary>The estimated cost of a call in USD.</summary>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>The cost.</returns>
    public double Estimate(long inputTokens, long outputTokens) =>
        (Math.Max(0, inputTokens) * InputPer1K / 1000d) + (Math.Max(0, outputTokens) * OutputPer1K / 1000d);

    private T Writable<T>(T value) =>
        IsReadOnly ? throw new InvalidOperationException("The built-in Bedrock prices are read-only; configure HealthTwin:Bedrock:Prices to override one.") : value;
}
