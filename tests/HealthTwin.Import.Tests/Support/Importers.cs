using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Import.Tests.Support;

/// <summary>Builds the importer through the real DI registration.</summary>
internal static class Importers
{
    public static ServiceProvider Provider(Action<WearableImportOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        IHealthTwinBuilder builder = services.AddHealthTwin();
        if (settings is not null)
        {
            IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            builder.AddWearableImport(configuration.GetSection("HealthTwin:Import"));
        }
        else if (configure is not null)
        {
            builder.AddWearableImport(configure);
        }

        builder.AddFhirImport();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static WearableImporter Create(Action<WearableImportOptions>? configure = null) =>
        Provider(configure).GetRequiredService<WearableImporter>();
}
