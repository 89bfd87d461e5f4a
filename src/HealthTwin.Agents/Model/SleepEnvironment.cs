namespace HealthTwin.Agents.Model;

/// <summary>Bedroom readings from a smart-home sensor or entered by the user. Every reading is optional.</summary>
public sealed record SleepEnvironment
{
    /// <summary>The recommended bedroom temperature range in °C.</summary>
    internal const double IdealTemperatureMin = 16, IdealTemperatureMax = 19;

    /// <summary>The recommended relative humidity range in percent.</summary>
    internal const double IdealHumidityMin = 40, IdealHumidityMax = 60;

    /// <summary>The highest recommended night-time noise level in dB(A).</summary>
    internal const double MaxNoiseDb = 35;

    /// <summary>The highest recommended light level during sleep in lux.</summary>
    internal const double MaxLightLux = 5;

    /// <summary>The highest recommended CO₂ concentration in ppm.</summary>
    internal const double MaxCo2Ppm = 1000;

    /// <summary>Bedroom temperature in °C (ideal 16–19).</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>Relative humidity in percent (ideal 40–60).</summary>
    public double? HumidityPercent { get; init; }

    /// <summary>Noise level in dB(A) (ideal at most 35).</summary>
    public double? NoiseDb { get; init; }

    /// <summary>Light level in lux (ideal at most 5).</summary>
    public double? LightLux { get; init; }

    /// <summary>Air quality as CO₂ concentration in ppm (ideal at most 1000).</summary>
    public double? Co2Ppm { get; init; }
}
