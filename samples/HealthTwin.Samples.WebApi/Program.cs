using System.Text.Json.Serialization;
using HealthTwin.Samples.WebApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The original app's edge functions (aws-bedrock-chat, s3-upload, s3-download, s3-list) plus /api/analyze,
// /api/reports and /api/import, behind
// JWT bearer auth. Every storage key is scoped to the token's subject.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
if (DevTokenCommand.TryRun(args, builder.Configuration))
{
    return; // `dotnet run -- mint-token <user-id>` prints a development token and exits
}

builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue("Limits:MaxRequestBodyBytes", 10L * 1024 * 1024));

builder.Services.AddHealthTwin(builder.Configuration.GetSection("HealthTwin")) // local agents, file-system store, unless:
    .AddAwsFromConfiguration(builder.Configuration)                            // HealthTwin:Bedrock:Enabled (also AI report insights), HealthTwin:S3:BucketName
    .AddHealthReports(builder.Configuration.GetSection("HealthTwin:Reports"))  // PDF/HTML reports under users/{id}/reports/
    .AddWearableImport(builder.Configuration.GetSection("HealthTwin:Import"))  // POST /api/import: time zone, source precedence
    .AddFhirImport();
builder.Services.TryAddSingleton<IFocusAnalyzer, LocalFocusAnalyzer>();         // unless Bedrock registered its analyzer

builder.Services.AddJwtAuthentication();   // Auth:SigningKey (HS256) and/or Auth:Authority (JWKS)
builder.Services.AddUserRateLimiting();    // RateLimiting:{Ai,Storage,Analyze}PermitsPerMinute per user
builder.Services.AddRedisScaleOut(builder.Configuration); // ConnectionStrings:Redis: shared AI cache and per-user limits
builder.Services.AddOptions<StorageQuota.Settings>().BindConfiguration("Quotas").ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<StorageQuota>();
builder.Services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<PublicLinkSettings>().BindConfiguration(PublicLinkSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<SignedLinks>();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddOptions<ModelOutputSanitizer.Settings>().BindConfiguration("Ai");
builder.Services.AddSingleton<ModelOutputSanitizer>();
builder.Services.AddConfiguredCors();      // Cors:AllowedOrigins
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // malformed bodies reach ApiExceptionHandler
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    o.SerializerOptions.Converters.Add(new AppChronotypeConverter()); // the app's early | normal | night
});
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());

WebApplication app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi(); // /openapi/v1.json
RouteGroupBuilder api = app.MapGroup(string.Empty).RequireAuthorization(CallerIdentity.PolicyName);
api.MapChatEndpoint();
api.MapStorageEndpoints();
api.MapAnalyzeEndpoint();
api.MapReportEndpoint();
api.MapImportEndpoint();
app.MapSignedLinkEndpoint(); // expiring signed download links: no token

await app.RunAsync();

/// <summary>The web host's entry point (public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
