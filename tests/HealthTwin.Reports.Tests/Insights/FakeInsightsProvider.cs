using HealthTwin.Reports.Insights;

namespace HealthTwin.Reports.Tests.Insights;

/// <summary>An insights provider that answers with fixed text, throws, or waits for cancellation; it records the facts it got.</summary>
internal sealed class FakeInsightsProvider(Func<ReportInsightFacts, CancellationToken, Task<IReadOnlyList<string>>> answer) : IReportInsightsProvider
{
    public string Name => "Fake model";

    public ReportInsightFacts? Facts { get; private set; }

    public static FakeInsightsProvider Answering(params string[] paragraphs) => new((_, _) => Task.FromResult<IReadOnlyList<string>>(paragraphs));

    public Task<IReadOnlyList<string>> WriteNarrativeAsync(ReportInsightFacts facts, CancellationToken cancellationToken)
    {
        Facts = facts;
        return answer(facts, cancellationToken);
    }
}
