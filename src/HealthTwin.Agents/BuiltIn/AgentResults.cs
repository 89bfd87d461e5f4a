using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// Collects the few recommendations of one agent run without a list: up to four are held inline and the result is
/// one exactly sized array (or the shared empty array).
/// </summary>
internal struct AgentResults
{
    private AgentRecommendation? _first;
    private AgentRecommendation? _second;
    private AgentRecommendation? _third;
    private AgentRecommendation? _fourth;
    private List<AgentRecommendation>? _more;
    private int _count;

    /// <summary>Adds a recommendation.</summary>
    public void Add(AgentRecommendation recommendation)
    {
        switch (_count)
        {
            case 0:
                _first = recommendation;
                break;
            case 1:
                _second = recommendation;
                break;
            case 2:
                _third = recommendation;
                break;
            case 3:
                _fourth = recommendation;
                break;
            default:
                (_more ??= []).Add(recommendation);
                break;
        }

        _count++;
    }

    /// <summary>Completes the analysis with the recommendations in the order they were added.</summary>
    public readonly ValueTask<IReadOnlyList<AgentRecommendation>> ToResult()
    {
        if (_count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(Array.Empty<AgentRecommendation>());
        }

        var result = new AgentRecommendation[_count];
        result[0] = _first!;
        if (_count > 1)
        {
            result[1] = _second!;
        }

        if (_count > 2)
        {
            result[2] = _third!;
        }

        if (_count > 3)
        {
            result[3] = _fourth!;
        }

        _more?.CopyTo(result, 4);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(result);
    }
}
