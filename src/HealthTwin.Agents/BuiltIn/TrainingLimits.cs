namespace HealthTwin.Agents.BuiltIn;

/// <summary>What limited today's training intensity (see <see cref="TrainingDecision"/>).</summary>
[Flags]
internal enum TrainingLimits
{
    /// <summary>Nothing: a hard session.</summary>
    None = 0,

    /// <summary>Burnout red: rest.</summary>
    BurnoutRed = 1 << 0,

    /// <summary>Readiness below 40: rest.</summary>
    LowReadiness = 1 << 1,

    /// <summary>Burnout yellow: light.</summary>
    BurnoutYellow = 1 << 2,

    /// <summary>Readiness below 60: light.</summary>
    ReadinessBelowLight = 1 << 3,

    /// <summary>Exam phase: light.</summary>
    ExamPhase = 1 << 4,

    /// <summary>7-day ln(rMSSD) below the normal range: light (evidence-based preset).</summary>
    HrvBelowRange = 1 << 5,

    /// <summary>Readiness not judged: moderate by default.</summary>
    ReadinessUnknown = 1 << 7,

    /// <summary>Readiness below 80: moderate.</summary>
    ReadinessBelowHard = 1 << 8,

    /// <summary>Today's load not recorded: no hard session.</summary>
    LoadUnknown = 1 << 9,

    /// <summary>Today's load 60 or more: no hard session.</summary>
    LoadHighToday = 1 << 10,

    /// <summary>Acute:chronic load ratio above 1.5: no hard session (evidence-based preset).</summary>
    LoadSpike = 1 << 11,

    /// <summary>Form below −30 % of fitness: no hard session (evidence-based preset).</summary>
    NegativeForm = 1 << 12,
}
