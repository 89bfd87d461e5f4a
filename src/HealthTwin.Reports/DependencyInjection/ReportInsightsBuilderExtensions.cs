using HealthTwin.Reports;
using HealthTwin.Reports.Insights;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>Adds the AI insights of health reports, written by a Microsoft.Extensions.AI chat client.</summary>
public static class ReportInsightsBuilderExtensions
{
    /// <summary>
    /// Registers health reports (<c>AddHealthReports()</c>) with an <see cref="IReportInsightsProvider"/> that asks the
    /// <see cref="IChatClient"/> registered under <paramref name="chatClientKey"/> (the unkeyed client when
    /// <see langword="null"/>) for the period's narrative. With the AWS add-on pass its key,
    /// <c>BedrockChatClient.ServiceKey</c>, so reports use the same Amazon Bedrock pipeline (credentials, region, model,
    /// telemetry) as the Bedrock agents. The client is resolved with the report generator; a missing one fails there
    /// with the key named. Reports then get the narrative, labelled as AI-generated, and
    /// <see cref="HealthReportGenerator.GenerateInsightsAsync"/> can make the stand-alone insights document. An
    /// <see cref="IReportInsightsProvider"/> registered earlier wins.
    /// </summary>
    /// <param name="builder">The builder from <c>AddHealthTwin()</c>.</param>
    /// <param name="chatClientKey">The service key of the chat client, or <see langword="null"/> for the unkeyed one.</param>
    /// <param name="configure">Optional code configuration of <see cref="ReportInsightsOptions"/> (after <c>HealthTwin:Reports:Insights</c>, when bound).</param>
    /// <returns>The builder.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The configuration overload takes a required section; the code overload's configure callback is optional, so AddReportInsights(key) reads naturally and no call is ambiguous.")]
    public static IHealthTwinBuilder AddReportInsights(this IHealthTwinBuilder builder, object? chatClientKey, Action<ReportInsightsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHealthReports();
        IServiceCollection services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportInsightsOptions>, ReportInsightsOptionsValidator>());
        OptionsBuilder<ReportInsightsOptions> options = services.AddOptions<ReportInsightsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportInsightsProvider>(sp => new ChatClientInsightsProvider(
            ResolveClient(sp, chatClientKey),
            sp.GetRequiredService<IOptions<ReportInsightsOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ChatClientInsightsProvider>>()));
        return builder;
    }

    /// <summary>Like <see cref="AddReportInsights(IHealthTwinBuilder, object?, Action{ReportInsightsOptions}?)"/>, binding the options from a section (usually <c>HealthTwin:Reports:Insights</c>).</summary>
    /// <param name="builder">The builder from <c>AddHealthTwin()</c>.</param>
    /// <param name="chatClientKey">The service key of the chat client, or <see langword="null"/> for the unkeyed one.</param>
    /// <param name="section">The <c>HealthTwin:Reports:Insights</c> section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddReportInsights(this IHealthTwinBuilder builder, object? chatClientKey, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddReportInsights(chatClientKey);
        builder.Services.Configure<ReportInsightsOptions>(section);
        return builder;
    }

    private static IChatClient ResolveClient(IServiceProvider services, object? key)
    {
        IChatClient? client = key is null ? services.GetService<IChatClient>() : services.GetKeyedService<IChatClient>(key);
        return client ?? throw new InvalidOperationException(key is null
            ? "AddReportInsights(null) needs an IChatClient in the services; register one (for example with AddChatClient) or pass the key of a keyed client."
            : $"AddReportInsights needs the keyed IChatClient '{key}'; register it (with the AWS add-on: AddBedrockAgents, key BedrockChatClient.ServiceKey) or pass another key.");
    }
}
