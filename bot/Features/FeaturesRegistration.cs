using EscalationBot.Chat.Commands;
using EscalationBot.Features.CaseActions;
using EscalationBot.Features.Handover;
using EscalationBot.Features.Help;
using EscalationBot.Features.Insight;
using EscalationBot.Features.Intake;
using EscalationBot.Features.Queue;
using EscalationBot.Features.Roster;
using EscalationBot.Features.Wellbeing;

namespace EscalationBot.Features;

public static class FeaturesRegistration
{
    /// <summary>The handlers of the commands in the <see cref="CommandTable"/>, one per command family.</summary>
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<CaseChanges>();
        AddHandler<HelpHandler>(services);
        AddHandler<IntakeHandler>(services);
        AddHandler<CaseWorkHandler>(services);
        AddHandler<QuestionsHandler>(services);
        AddHandler<TriageHandler>(services);
        AddHandler<ReassignHandler>(services);
        AddHandler<RevealHandler>(services);
        AddHandler<QueueHandler>(services);
        AddHandler<SetupHandler>(services);
        AddHandler<HandoverHandler>(services);
        AddHandler<HandoverChoiceHandler>(services);
        AddHandler<ShiftHandler>(services);
        AddHandler<WellbeingHandler>(services);
        AddHandler<BreakHandler>(services);
        AddHandler<StatsHandler>(services);
        AddHandler<ExportHandler>(services);
        AddHandler<WeeklyReportHandler>(services);
        AddHandler<CaseReportHandler>(services);
        CommandDispatcher.CheckHandlers(services);
        return builder;
    }

    /// <summary>Registers <typeparamref name="T"/> itself and as the handler of every command it implements <see cref="ICommandHandler{T}"/> for.</summary>
    private static void AddHandler<T>(IServiceCollection services)
        where T : class
    {
        services.AddTransient<T>();
        foreach (
            var handled in typeof(T)
                .GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<>))
        )
        {
            services.AddTransient(handled, sp => sp.GetRequiredService<T>());
        }
    }
}
