using System.Globalization;
using System.Text;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Agents.Tests.Scenarios;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// Everything a user reads from each built-in agent — title, rationale, actions, every evidence value and note, and the
/// reason of every rule that could not be judged — for every rule's firing and partial-day cases and every synthetic
/// scenario, under both presets, compared with the approved text in <c>BuiltIn/Approved/&lt;agent&gt;.txt</c>.
/// </summary>
/// <remarks>
/// The rule tests check each threshold from both sides; this test checks the words and numbers around them, so that a
/// changed text, a wrong evidence value or a lost skip reason shows up as a reviewed diff. When an output changes on
/// purpose, the test writes the new text beside the test binary (<c>Approved/&lt;agent&gt;.received.txt</c>) and names it:
/// read the diff, then copy it over the approved file.
/// </remarks>
public sealed class AgentTextsTests
{
    private static readonly Baseline EvidenceBaseline = RoundBaseline with { HrvLnSd = 0.1, RestingHrSd = 2 };

    private static readonly string[] AgentIds = BuiltInAgentsTests.All().Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();

    private static readonly (string Name, Weather Weather)[] Weathers =
    [
        ("cold 4.9 °C clear", new Weather(4.9, WeatherCondition.Clear)),
        ("hot 28.1 °C clear", new Weather(28.1, WeatherCondition.Clear)),
        ("mild 12 °C snow", new Weather(12, WeatherCondition.Snow)),
        ("hot 30 °C storm", new Weather(30, WeatherCondition.Storm)),
    ];

    private static readonly (string Name, SleepEnvironment Environment)[] Bedrooms =
    [
        ("everything out of range", new SleepEnvironment { TemperatureCelsius = 22.5, HumidityPercent = 72, NoiseDb = 45, LightLux = 20, Co2Ppm = 1400 }),
        ("only too cold", new SleepEnvironment { TemperatureCelsius = 14.5 }),
        ("just past each limit, dry", new SleepEnvironment { TemperatureCelsius = 19.1, HumidityPercent = 39.9, NoiseDb = 35.1, LightLux = 5.1, Co2Ppm = 1000.1 }),
        ("at each limit", new SleepEnvironment { TemperatureCelsius = 16, HumidityPercent = 60, NoiseDb = 35, LightLux = 5, Co2Ppm = 1000 }),
        ("all in range", new SleepEnvironment { TemperatureCelsius = 18, HumidityPercent = 50, NoiseDb = 25, LightLux = 0, Co2Ppm = 700 }),
    ];

    public static TheoryData<string> Agents => new(AgentIds);

    [Theory]
    [MemberData(nameof(Agents))]
    public async Task Texts_EveryRuleCaseAndScenario_MatchTheApprovedText(string agentId)
    {
        string received = await RenderAsync(agentId);

        string approvedPath = Path.Combine(AppContext.BaseDirectory, "BuiltIn", "Approved", agentId + ".txt");
        string approved = File.Exists(approvedPath) ? (await File.ReadAllTextAsync(approvedPath)).ReplaceLineEndings("\n") : "";
        if (approved != received)
        {
            string receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            await File.WriteAllTextAsync(receivedPath, received);
            string[] a = approved.Split('\n');
            string[] r = received.Split('\n');
            int line = Enumerable.Range(0, Math.Max(a.Length, r.Length)).First(i => i >= a.Length || i >= r.Length || a[i] != r[i]);
            Assert.Fail(
                $"The texts of {agentId} differ from tests/HealthTwin.Agents.Tests/BuiltIn/Approved/{agentId}.txt at line {line + 1}:\n" +
                $"  approved: {(line < a.Length ? a[line] : "(end)")}\n  received: {(line < r.Length ? r[line] : "(end)")}\n" +
                $"The whole received text is in {receivedPath}; if the change is meant, review it and copy it over the approved file.");
        }
    }

    [Fact]
    public void Agents_EveryBuiltInAgent_HasItsApprovedText()
    {
        AgentIds.Should().Contain(PartialDayRuleCase.All.Values.Select(c => c.Agent.Id).Distinct());
        AgentIds.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        foreach (string id in AgentIds)
        {
            File.Exists(Path.Combine(AppContext.BaseDirectory, "BuiltIn", "Approved", id + ".txt")).Should().BeTrue(id);
        }
    }

    private static async Task<string> RenderAsync(string agentId)
    {
        var agent = (IOutcomeReportingAgent)BuiltInAgentsTests.All().Single(a => a.Id == agentId);
        var text = new StringBuilder();
        foreach ((string name, PartialDayRuleCase rule) in PartialDayRuleCase.All.Where(c => c.Value.Agent.Id == agentId).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach ((string preset, RuleOptions rules, Baseline baseline) in Presets())
            {
                Write(text, $"{name} | {preset} | input recorded", Outcome(rule, rules, rule.History(withInput: true), baseline));
                Write(text, $"{name} | {preset} | input missing", Outcome(rule, rules, rule.History(withInput: false), baseline));
                if (BaselineCalibration.Metrics.Contains(rule.Missing))
                {
                    Write(text, $"{name} | {preset} | no baseline for it", Outcome(rule, rules, rule.History(withInput: true), baseline.Without(rule.Missing)));
                }
            }
        }

        foreach ((string name, Weather weather) in Weathers.Where(_ => agentId == "context-awareness"))
        {
            foreach ((string preset, RuleOptions rules, Baseline baseline) in Presets())
            {
                AgentContext context = Week(d => d, baseline: baseline, rules: rules, contextData: new ContextData { Weather = weather });
                Write(text, $"weather {name} | {preset}", PartialDayRuleCase.Outcome(agent, context));
            }
        }

        foreach ((string name, SleepEnvironment environment) in Bedrooms.Where(_ => agentId == "sleep-environment"))
        {
            foreach ((string preset, RuleOptions rules, Baseline baseline) in Presets())
            {
                foreach (int hour in new[] { 12, 21 })
                {
                    AgentContext context = Create(TestData.History(7, (d, _) => d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 70, StressScore = 40 }), baseline: baseline, now: At(hour, 30), sleepEnvironment: environment, rules: rules);
                    Write(text, FormattableString.Invariant($"bedroom {name}, a week of poor sleep | {preset} | {hour:00}:30"), PartialDayRuleCase.Outcome(agent, context));
                }
            }
        }

        foreach ((string name, List<DailyMetrics> history) in LoadHistories())
        {
            foreach ((string preset, RuleOptions rules, _) in Presets())
            {
                Baseline baseline = TestData.Baseline() with { HrvMethod = history[^1].HrvMethod };
                Write(text, $"training load {name} | {preset}", PartialDayRuleCase.Outcome(agent, Create(history, baseline: baseline, rules: rules)));
            }
        }

        foreach (SyntheticScenario scenario in Enum.GetValues<SyntheticScenario>())
        {
            foreach ((string preset, RuleOptions rules, _) in Presets())
            {
                foreach (int hour in new[] { 7, 12, 21 })
                {
                    (AgentAnalysis analysis, _) = await ScenarioRunner.RunAsync(scenario, now: At(hour), rules: rules);
                    AgentRunReport run = analysis.Agents.Single(a => a.AgentId == agentId);
                    Write(
                        text,
                        FormattableString.Invariant($"scenario {scenario} | {preset} | {hour:00}:00"),
                        new AgentOutcome(analysis.Recommendations.Where(r => r.Agent == agentId).ToArray()) { SkippedRules = run.SkippedRules });
                }
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(string Name, List<DailyMetrics> History)> LoadHistories()
    {
        yield return ("steady 40 for 60 days", TestData.History(60, (d, _) => d with { TrainingLoad = 40 }));
        yield return ("5 for 53 days then 58 for 7 (spike, form far below fitness)", TestData.History(60, (d, i) => d with { TrainingLoad = i >= 53 ? 58 : 5 }));
        yield return ("30 for 55 days then 59 for 5", TestData.History(60, (d, i) => d with { TrainingLoad = i >= 55 ? 59 : 30 }));
        yield return ("40 for only 4 days", TestData.History(4, (d, _) => d with { TrainingLoad = 40 }));
        yield return ("40 for 10 days", TestData.History(10, (d, _) => d with { TrainingLoad = 40 }));
        yield return ("0 every day", TestData.History(60, (d, _) => d with { TrainingLoad = 0 }));
        yield return ("0 every day, workout minutes 30 then 45 in the last week", TestData.History(60, (d, i) => d with { TrainingLoad = 0, WorkoutMinutes = i >= 53 ? 45 : 30 }));
        yield return ("1 on the first of 27 days then 0, workout minutes 30 then 45 (acute load rounds to 0, chronic does not)", TestData.History(27, (d, i) => d with { TrainingLoad = i == 0 ? 1 : 0, WorkoutMinutes = i >= 20 ? 45 : 30 }));
        yield return ("0 for 26 days then 0.003, workout minutes 30 then 45 (chronic load rounds to 0, acute does not)", TestData.History(27, (d, i) => d with { TrainingLoad = i == 26 ? 0.003 : 0, WorkoutMinutes = i >= 20 ? 45 : 30 }));
        yield return ("40 for 53 days then 0 for 7", TestData.History(60, (d, i) => d with { TrainingLoad = i >= 53 ? 0 : 40 }));
        yield return ("40, rMSSD 58/62 for 53 days then 45 for 7 (7-day mean below its normal range)", TestData.History(60, (d, i) => d with { Hrv = i >= 53 ? 45 : i % 2 == 0 ? 58 : 62 }));
        yield return ("40, SDNN 58/62 for 53 days then 45 for 7, no stress, mood or energy recorded (burnout not judged)", TestData.History(60, (d, i) => (d with { Hrv = i >= 53 ? 45 : i % 2 == 0 ? 58 : 62, HrvMethod = HrvMethod.Sdnn }).Without(HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore)));
        yield return ("never recorded, workouts of 30 min", TestData.History(60, (d, _) => d with { TrainingLoad = null, WorkoutMinutes = 30 }));
        yield return ("40 with no HRV recorded", TestData.History(60, (d, _) => d with { TrainingLoad = 40, Hrv = null }));
        yield return ("40 with no recovery marker recorded", TestData.History(60, (d, _) => (d with { TrainingLoad = 40 }).Without(HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepHours, HealthMetric.SleepEfficiency)));
        yield return ("never recorded and no recovery marker", TestData.History(60, (d, _) => d.Without(HealthMetric.TrainingLoad, HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepHours, HealthMetric.SleepEfficiency)));
    }

    private static IEnumerable<(string Name, RuleOptions Rules, Baseline Baseline)> Presets()
    {
        yield return ("original app", RuleOptions.OriginalApp(), RoundBaseline);
        yield return ("evidence", new RuleOptions(), EvidenceBaseline);
    }

    private static AgentOutcome Outcome(PartialDayRuleCase rule, RuleOptions rules, List<DailyMetrics> history, Baseline baseline) =>
        PartialDayRuleCase.Outcome(rule.Agent, Create(history, baseline: baseline, now: rule.Now, contextData: rule.Data, rules: rules));

    private static void Write(StringBuilder text, string heading, AgentOutcome outcome)
    {
        text.Append("## ").Append(heading).Append('\n');
        foreach (AgentRecommendation r in outcome.Recommendations)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {r.Id} | {r.Type} | {r.Priority} | {r.Title}\n");
            text.Append("  rationale: ").Append(r.Rationale).Append('\n');
            text.Append("  actions: ").AppendJoin(" / ", r.Actions.Select(a => $"{a.Label} ({a.Kind})")).Append('\n');
            foreach (Evidence e in r.Evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"  evidence: {e.Metric} value {N(e.Value)} baseline {N(e.Baseline)} delta {N(e.DeltaPercent)} % threshold {N(e.Threshold)}; {e.Note}\n");
            }
        }

        foreach (SkippedRule skipped in outcome.SkippedRules)
        {
            text.Append(CultureInfo.InvariantCulture, $"- skipped {skipped.Rule} [{string.Join(", ", skipped.MissingMetrics)}]: {skipped.Reason}\n");
        }

        if (outcome.Recommendations.Count == 0 && outcome.SkippedRules.Count == 0)
        {
            text.Append("- nothing\n");
        }
    }

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "-";
}
