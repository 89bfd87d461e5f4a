using System.Text.Json;

namespace HealthTwin.Samples.WebApi.Tests.AppClient;

/// <summary>Starts the host on loopback (file-system storage, Supabase-style audience and issuer) and runs app-client.mjs once.</summary>
public sealed class SupabaseClientFixture : IAsyncLifetime, IDisposable
{
    public static readonly Guid UserId = Guid.Parse("8a6e0804-2bd0-4672-b79d-d97027f9071a");

    private WebApiFactory? _host;

    public JsonElement Results { get; private set; }

    public async Task InitializeAsync()
    {
        var host = new WebApiFactory
        {
            Settings =
            {
                ["Auth:Audience"] = SupabaseTokens.Audience,
                ["Auth:Issuer"] = SupabaseTokens.Issuer,
            },
        };
        _host = host;
        Uri url = host.StartOnLoopback();
        Results = await SupabaseAppClient.RunAsync(url, SupabaseTokens.User(UserId), SupabaseTokens.AnonKey());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _host?.Dispose();
}
