using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The <see cref="ScoreCoverage"/> objects of one score, one per combination of missing inputs, created on first use
/// and shared (a full day always gets the same instance, so coverage costs nothing on the common path).
/// </summary>
/// <param name="scoreName">The score in words, for the summary ("readiness").</param>
/// <param name="inputs">The metrics the score uses, in the order they are named; bit i of a mask is input i.</param>
internal sealed class CoverageTable(string scoreName, params HealthMetric[] inputs)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ScoreCoverage> _byMask = new();
    private ScoreCoverage? _complete;

    /// <summary>The bit of an input in a mask.</summary>
    public int Bit(HealthMetric metric) => 1 << Array.IndexOf(inputs, metric);

    /// <summary>The coverage for the inputs not recorded and the inputs recorded but without a baseline.</summary>
    /// <param name="notRecorded">Bits of the inputs not recorded.</param>
    /// <param name="noBaseline">Bits of the inputs recorded whose baseline (or weekly mean) has too few days with a value to be compared.</param>
    /// <param name="unused">Bits of recorded inputs that could not be used (their rule also needs a missing input).</param>
    public ScoreCoverage Get(int notRecorded, int noBaseline, int unused = 0)
    {
        noBaseline &= ~notRecorded;
        unused &= ~(notRecorded | noBaseline);
        int key = notRecorded | (noBaseline << inputs.Length) | (unused << (inputs.Length * 2));
        if (key == 0)
        {
            // A full day, the common case, without the dictionary look-up (about 15 ns per score).
            return _complete ??= _byMask.GetOrAdd(0, Create(0, 0, 0));
        }

        return _byMask.TryGetValue(key, out ScoreCoverage? coverage) ? coverage : _byMask.GetOrAdd(key, Create(notRecorded, noBaseline, unused));
    }

    /// <summary>The bits of all inputs.</summary>
    public int All => (1 << inputs.Length) - 1;

    private ScoreCoverage Create(int notRecorded, int noBaseline, int unused)
    {
        List<HealthMetric> used = [], missing = [], absent = [], uncalibrated = [];
        for (int i = 0; i < inputs.Length; i++)
        {
            int bit = 1 << i;
            if ((notRecorded & bit) != 0)
            {
                missing.Add(inputs[i]);
                absent.Add(inputs[i]);
            }
            else if ((noBaseline & bit) != 0)
            {
                missing.Add(inputs[i]);
                uncalibrated.Add(inputs[i]);
            }
            else if ((unused & bit) == 0)
            {
                used.Add(inputs[i]);
            }
        }

        string summary;
        if (missing.Count == 0)
        {
            summary = $"The {scoreName} was judged from all its inputs.";
        }
        else if (used.Count == 0)
        {
            summary = $"The {scoreName} could not be judged: {Reasons(absent, uncalibrated)}.";
        }
        else
        {
            summary = $"The {scoreName} was judged from {MetricText.Join(used)} only: {Reasons(absent, uncalibrated)}.";
        }

        return new ScoreCoverage(used.AsReadOnly(), missing.AsReadOnly(), summary);
    }

    private static string Reasons(List<HealthMetric> absent, List<HealthMetric> uncalibrated)
    {
        string a = absent.Count == 0 ? string.Empty : MetricText.NotRecorded(absent);
        string u = uncalibrated.Count == 0 ? string.Empty : $"{MetricText.Join(uncalibrated)} {(uncalibrated.Count == 1 ? "has" : "have")} no baseline yet (too few days with a value yet)";
        return a.Length > 0 && u.Length > 0 ? a + "; " + u : a + u;
    }
}
