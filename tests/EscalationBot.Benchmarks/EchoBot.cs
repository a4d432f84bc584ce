using EscalationBot.Chat;
using EscalationBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BotAdapter = EscalationBot.Chat.BotAdapter;

namespace EscalationBot.Benchmarks;

/// <summary>The baseline for issue 13's goal 7: a bot that answers a message with its text, nothing else.</summary>
internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(
        ITurnContext<IMessageActivity> turnContext,
        CancellationToken cancellationToken
    ) => turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
}

/// <summary>
/// <see cref="EchoBot"/> on the stack our bot runs on, minus our handler: a minimal ASP.NET Core app on its own port
/// (127.0.0.1), the same <see cref="BotFrameworkAuthentication"/> as <see cref="BotRegistration.AddBot"/> builds
/// with an empty MicrosoftAppId, our own adapter (<see cref="BotAdapter"/>, a CloudAdapter), and an /api/messages
/// that hands the request to it.
/// </summary>
internal sealed class EchoHost(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public static async Task<EchoHost> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory }
        );
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["Logging:LogLevel:Default"] = "Error" }
        );
        builder.Services.AddHttpClient();
        // As BotRegistration.AddBot registers it for local mode (no app id).
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            credentialsFactory: new PasswordServiceClientCredentialFactory(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()
        ));
        builder.Services.AddSingleton<BotAdapter>();
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost(
            "/api/messages",
            (HttpContext http, BotAdapter adapter, IBot bot) =>
                adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted)
        );
        await app.StartAsync();
        var address = new Uri($"http://127.0.0.1:{port}");
        Loopback.Require("echo bot", address);
        return new EchoHost(app, address);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
