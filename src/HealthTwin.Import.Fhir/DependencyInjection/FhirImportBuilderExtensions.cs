using HealthTwin.Import;
using HealthTwin.Import.Fhir;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds HL7 FHIR R4 import to the wearable importers.</summary>
public static class FhirImportBuilderExtensions
{
    /// <summary>
    /// Adds the FHIR R4 importer (Observations and Bundles) to <c>AddWearableImport()</c>, so FHIR files are
    /// detected and read like any other format. Calls <c>AddWearableImport()</c> if it was not called.
    /// </summary>
    /// <param name="builder">The HealthTwin builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddFhirImport(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddWearableImport();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, FhirImporter>());
        return builder;
    }
}
