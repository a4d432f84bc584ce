using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EscalationBot.Tests.Deployment;

/// <summary>
/// The bot's own start checks (every option registered with ValidateOnStart, and their validators) run on the
/// configuration a deployed bot would read: the published bot/appsettings.json, then the app settings as App Service
/// passes them (environment variables, "__" for ":"), in Production. Nothing is started and nothing is reached.
/// </summary>
internal static class ProductionStart
{
    /// <summary>Program.cs's builder.AddX() calls: every public WebApplicationBuilder extension in the bot.</summary>
    public static readonly IReadOnlyList<MethodInfo> Registrations = typeof(Program)
        .Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m =>
            m.ReturnType == typeof(WebApplicationBuilder)
            && m.GetParameters() is [var only]
            && only.ParameterType == typeof(WebApplicationBuilder)
        )
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Null when every check passes; the start failure otherwise.</summary>
    public static Exception? Check(IReadOnlyDictionary<string, string> appSettings)
    {
        var bot = Path.Combine(RepoPaths.Root, "bot");
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = bot }
        );
        // Only what App Service would give the bot: not this test process's environment.
        builder.Configuration.Sources.Clear();
        builder
            .Configuration.AddJsonFile(Path.Combine(bot, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(bot, $"appsettings.{Environments.Production}.json"), optional: true)
            .AddInMemoryCollection(
                appSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value))
            );
        foreach (var registration in Registrations)
        {
            registration.Invoke(null, [builder]);
        }

        using var app = builder.Build();
        return Record.Exception(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
    }
}
