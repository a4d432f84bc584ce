using System.Reflection;
using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Insight;
using EscalationBot.Jobs;
using EscalationBot.Outbox;
using EscalationBot.Roster;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Wellbeing;
using Microsoft.Extensions.Configuration;

namespace EscalationBot.Tests.Settings;

/// <summary>appsettings.template.json documents every setting the service binds, and .NET can read it.</summary>
public sealed class SettingsTemplateTests
{
    private static readonly IConfigurationRoot Template = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.template.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> OptionSections =>
        new()
        {
            { StorageOptions.Section, typeof(StorageOptions) },
            { TeamOptions.Section, typeof(TeamOptions) },
            { RosterOptions.Section, typeof(RosterOptions) },
            { SlaOptions.Section, typeof(SlaOptions) },
            { BotOptions.Section, typeof(BotOptions) },
            { JobsOptions.Section, typeof(JobsOptions) },
            { CasesOptions.Section, typeof(CasesOptions) },
            { ShiftsOptions.Section, typeof(ShiftsOptions) },
            { OutboxOptions.Section, typeof(OutboxOptions) },
            { InsightOptions.Section, typeof(InsightOptions) },
            { WellbeingOptions.Section, typeof(WellbeingOptions) },
        };

    [Theory]
    [MemberData(nameof(OptionSections))]
    public void Every_option_property_appears_in_the_template(string section, Type options)
    {
        foreach (
            var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
        )
        {
            Assert.True(
                Template.GetSection($"{section}:{property.Name}").Exists(),
                $"{section}:{property.Name} is not in appsettings.template.json"
            );
        }
    }

    [Theory]
    [InlineData("MicrosoftAppType")]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("ConnectionStrings:Tables")]
    [InlineData("Urls")]
    public void The_framework_settings_appear_in_the_template(string key) =>
        Assert.True(Template.GetSection(key).Exists(), $"{key} is not in appsettings.template.json");

    [Fact]
    public void The_template_defaults_match_the_code_defaults()
    {
        var sla = Template.GetSection(SlaOptions.Section).Get<SlaOptions>()!;
        var defaults = new SlaOptions();
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Assert.Equal(defaults.For(severity), sla.For(severity));
        }

        Assert.Equal(new TeamOptions().TimeZone, Template["Team:TimeZone"]);
        Assert.Equal(new CasesOptions().ReopenWindow, TimeSpan.Parse(Template["Cases:ReopenWindow"]!));
        Assert.Equal(CasePolicy.DefaultTeams, Template.GetSection("Cases:ConsultTeams").Get<List<string>>());
        Assert.Equal(new BotOptions().MaxRequestBytes.ToString(), Template["Bot:MaxRequestBytes"]);
    }
}

/// <summary>Configured lists replace the defaults: .NET's binder adds to a list it finds, so list defaults live outside the options.</summary>
public sealed class ListSettingsTests
{
    private static T Bind<T>(string section, Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(section).Get<T>()!;

    [Fact]
    public void Configured_lists_replace_the_defaults_rather_than_adding_to_them()
    {
        var sla = Bind<SlaOptions>("Sla", new() { ["Sla:BusinessHours:Days:0"] = "Saturday" });
        Assert.Equal([DayOfWeek.Saturday], sla.BusinessHours.Days);
        Assert.Equal(
            TimeSpan.FromHours(1),
            sla.BusinessHours.Calendar()
                .Between(new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero), new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero))
        );

        var cases = Bind<CasesOptions>("Cases", new() { ["Cases:ConsultTeams:0"] = "Trust Partnerships" });
        Assert.Equal(["Trust Partnerships"], cases.ConsultTeams);

        var shifts = Bind<ShiftsOptions>(
            "Shifts",
            new()
            {
                ["Shifts:Definitions:0:Name"] = "Day",
                ["Shifts:Definitions:0:Start"] = "08:00",
                ["Shifts:Definitions:0:End"] = "20:00",
            }
        );
        Assert.Equal(["Day"], shifts.Rota.Select(d => d.Name));
        Assert.Equal(["Morning", "Evening", "Night"], new ShiftsOptions().Rota.Select(d => d.Name));
    }
}
