namespace HealthTwin.Import;

/// <summary>Where a day's values came from: the vendor or standard, used for per-metric precedence when merging.</summary>
public enum WearableSource
{
    /// <summary>Apple Health (iPhone, Apple Watch and apps writing to HealthKit).</summary>
    AppleHealth,

    /// <summary>Oura ring.</summary>
    Oura,

    /// <summary>WHOOP strap.</summary>
    Whoop,

    /// <summary>Garmin Connect.</summary>
    Garmin,

    /// <summary>Fitbit.</summary>
    Fitbit,

    /// <summary>Open mHealth data points (any device that produced them).</summary>
    OpenMHealth,

    /// <summary>HL7 FHIR R4 Observations (any device or record system).</summary>
    Fhir,
}
