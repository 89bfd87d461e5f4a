namespace HealthTwin.Agents.Model;

/// <summary>Current weather at the user's location, as reported by a host-supplied provider.</summary>
/// <param name="TemperatureCelsius">Air temperature in °C (−90 to 60).</param>
/// <param name="Condition">The sky condition.</param>
public sealed record Weather(double TemperatureCelsius, WeatherCondition Condition)
{
    /// <summary>Whether it is raining, snowing or stormy (outdoor training is unattractive).</summary>
    public bool IsWet => Condition is WeatherCondition.Rain or WeatherCondition.Snow or WeatherCondition.Storm;
}
