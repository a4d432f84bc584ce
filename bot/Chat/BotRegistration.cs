using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EscalationBot.Chat;

public static class BotRegistration
{
    /// <summary>The Bot Framework edge: authentication from MicrosoftApp* settings, the adapter, the bot.</summary>
    public static WebApplicationBuilder AddBot(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<BotOptions>()
            .Bind(builder.Configuration.GetSection(BotOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>, BotIdentityValidator>();
        builder.Services.AddSingleton<TenantGate>();
        builder.Services.AddHostedService<BotStartWarnings>();

        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var configured = new ConfigurationBotFrameworkAuthentication(
                configuration,
                // Local mode (no app id) is the same whatever MicrosoftAppType says; the SDK would refuse a
                // SingleTenant type without an id, and the template's default type is SingleTenant.
                credentialsFactory: string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
                    ? new PasswordServiceClientCredentialFactory()
                    : null,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()
            );
            return new SharedContractsAuthentication(configured);
        });
        builder.Services.AddSingleton<TurnTelemetry>();
        builder.Services.AddSingleton<BotAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        builder.Services.AddTransient<IBot, EscalationActivityHandler>();
        builder.Services.AddTransient<Commands.CommandDispatcher>();
        builder.Services.AddTransient<ChatSender>();
        builder.Services.AddTransient<QueueCardSync>();
        builder.Services.AddTransient<ReporterNotifier>();
        builder.Services.AddTransient<OwnerNotifier>();
        builder.Services.AddTransient<ReminderSender>();
        builder.Services.AddTransient<CaseMessenger>();
        builder.Services.AddTransient<CaseCards>();
        // The wellbeing feature replaces it with its rotation suggestions.
        builder.Services.TryAddSingleton(ICaseSuggestions.None);
        builder.Services.AddSingleton<PeopleDirectory>();
        return builder;
    }

    /// <summary>
    /// POST /api/messages: refuses oversized and malformed bodies itself, and answers an activity from a tenant not
    /// in Bot:AllowedTenants with 200 and nothing else (the channel does not retry it, and the caller learns
    /// nothing); the rest goes to the adapter, which authenticates it.
    /// </summary>
    public static WebApplication MapBot(this WebApplication app)
    {
        app.MapPost(
            "/api/messages",
            async (
                HttpContext http,
                IBotFrameworkHttpAdapter adapter,
                IBot bot,
                IOptions<BotOptions> options,
                TenantGate tenants
            ) =>
            {
                var limit = options.Value.MaxRequestBytes;
                if (http.Request.ContentLength > limit)
                {
                    return Results.Problem(
                        $"Request body over {limit} bytes.",
                        statusCode: StatusCodes.Status413PayloadTooLarge
                    );
                }

                // Read at most limit + 1 bytes: enough to know the body is too large without buffering all of it.
                var body = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
                {
                    body.Write(buffer, 0, read);
                    if (body.Length > limit)
                    {
                        return Results.Problem(
                            $"Request body over {limit} bytes.",
                            statusCode: StatusCodes.Status413PayloadTooLarge
                        );
                    }
                }

                if (ActivityEnvelope.Read(body.GetBuffer().AsMemory(0, (int)body.Length)) is not { } envelope)
                {
                    return Results.Problem(
                        "The body is not a Bot Framework activity: a JSON object with a \"type\".",
                        statusCode: StatusCodes.Status400BadRequest
                    );
                }

                if (envelope.LongId is { } name)
                {
                    return Results.Problem(
                        $"The activity's {name} is over {ActivityEnvelope.MaxIdLength} characters.",
                        statusCode: StatusCodes.Status400BadRequest
                    );
                }

                // A foreign tenant's activity still goes through the adapter's authentication, then to a bot that answers
                // nothing and touches no storage.
                body.Position = 0;
                http.Request.Body = body;
                var serving = tenants.Admits(envelope.Tenants) ? bot : tenants.Refusal(envelope.Tenants);
                await adapter.ProcessAsync(http.Request, http.Response, serving, http.RequestAborted);
                return Results.Empty;
            }
        );

        return app;
    }
}
