namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>Tests that need no other test running beside them because activity listeners are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideListenersGroup
{
    public const string Name = "Process-wide activity listeners";
}
