using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>Where the nightly sleep need behind a <see cref="SleepDebt"/> came from. Serialized in camel case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SleepNeedSource>))]
public enum SleepNeedSource
{
    /// <summary>No need could be set (the original app's preset without a profile need or a sleep baseline).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    /// <summary>The profile's <see cref="UserProfile.SleepNeedHours"/>.</summary>
    [JsonStringEnumMemberName("profile")]
    Profile = 1,

    /// <summary>The host's <c>HealthTwin:Rules:Sleep:NeedHours</c>.</summary>
    [JsonStringEnumMemberName("options")]
    Options = 2,

    /// <summary>The lower bound of the recommended band for the profile's age (NSF 2015; AASM/SRS 2015 for adults).</summary>
    [JsonStringEnumMemberName("ageBand")]
    AgeBand = 3,

    /// <summary>The profile has no age: the adult floor of 7 h (AASM/SRS 2015) was assumed.</summary>
    [JsonStringEnumMemberName("adultFloorAgeUnknown")]
    AdultFloorAgeUnknown = 4,

    /// <summary>The baseline (14-day mean) sleep: the original app's rule, which hides chronic short sleep.</summary>
    [JsonStringEnumMemberName("baseline")]
    Baseline = 5,
}
