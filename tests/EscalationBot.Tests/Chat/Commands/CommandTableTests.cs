using System.Reflection;
using EscalationBot.Cards;
using EscalationBot.Cards.Cases;
using EscalationBot.Cases;
using EscalationBot.Chat.Commands;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Chat.Commands;

public sealed class CommandTableTests
{
    /// <summary>The buttons each state showed when they were written by hand, before they came from the rules' table.</summary>
    [Theory]
    [InlineData(
        CaseState.New,
        CaseButtons.Claim | CaseButtons.Note | CaseButtons.HandoverNote | CaseButtons.MarkSensitive | CaseButtons.Reveal
    )]
    [InlineData(
        CaseState.WaitingOnReporter,
        CaseButtons.Triage
            | CaseButtons.Resolve
            | CaseButtons.Release
            | CaseButtons.Reassign
            | CaseButtons.Note
            | CaseButtons.HandoverNote
            | CaseButtons.MarkSensitive
            | CaseButtons.Reveal
    )]
    [InlineData(
        CaseState.Claimed,
        CaseButtons.AskReporter
            | CaseButtons.Triage
            | CaseButtons.Resolve
            | CaseButtons.Consult
            | CaseButtons.Release
            | CaseButtons.Reassign
            | CaseButtons.Note
            | CaseButtons.HandoverNote
            | CaseButtons.MarkSensitive
            | CaseButtons.Reveal
    )]
    [InlineData(
        CaseState.Reopened,
        CaseButtons.AskReporter
            | CaseButtons.Triage
            | CaseButtons.Resolve
            | CaseButtons.Consult
            | CaseButtons.Release
            | CaseButtons.Reassign
            | CaseButtons.Note
            | CaseButtons.HandoverNote
            | CaseButtons.MarkSensitive
            | CaseButtons.Reveal
    )]
    [InlineData(
        CaseState.Consulting,
        CaseButtons.Triage
            | CaseButtons.RecordAnswer
            | CaseButtons.Resolve
            | CaseButtons.Release
            | CaseButtons.Reassign
            | CaseButtons.Note
            | CaseButtons.HandoverNote
            | CaseButtons.MarkSensitive
            | CaseButtons.Reveal
    )]
    [InlineData(
        CaseState.Resolved,
        CaseButtons.Reopen | CaseButtons.Note | CaseButtons.MarkSensitive | CaseButtons.Reveal
    )]
    [InlineData(CaseState.Closed, CaseButtons.Reveal)]
    public void A_state_shows_the_buttons_of_the_actions_it_allows_staff(CaseState state, CaseButtons expected) =>
        Assert.Equal(expected, CommandTable.ButtonsFor(state));

    [Fact]
    public void Every_button_a_case_card_can_show_has_one_row_that_asks_the_rules_for_its_action()
    {
        var rows = CommandTable.Rows.Where(r => r.Button != CaseButtons.None).ToList();
        Assert.All(rows, r => Assert.NotNull(r.Action));
        var flags = Enum.GetValues<CaseButtons>().Where(b => b != CaseButtons.None);
        Assert.All(flags, flag => Assert.Single(rows, r => r.Button == flag));
    }

    [Fact]
    public void Every_verb_a_card_can_send_has_exactly_one_row()
    {
        var verbs = typeof(Verbs)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(Verbs.SubmitVerbKey) or nameof(Verbs.CaseIdKey)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(verbs);
        Assert.All(verbs, verb => Assert.Single(CommandTable.Rows, r => r.CardVerb == verb));
    }

    /// <summary>What "Try: …" suggests must itself be understood.</summary>
    [Fact]
    public void The_example_of_every_typed_command_parses_to_that_command()
    {
        var typed = CommandTable.Rows.Where(r => r.Typed is not null).ToList();
        Assert.True(typed.Count > 20);
        Assert.All(typed, r => Assert.IsType(r.CommandType, CommandParser.FromText(r.Usage)));
    }

    [Fact]
    public void A_button_for_a_case_that_names_no_case_is_told_so()
    {
        var rows = CommandTable.Rows.Where(r => r.NeedsCase).ToList();
        Assert.True(rows.Count > 15);
        Assert.All(
            rows,
            r =>
                Assert.Equal(
                    new ChatCommand.Unreadable("That button does not say which case it is for."),
                    CommandParser.FromCard(r.CardVerb, new JObject())
                )
        );
    }

    [Fact]
    public void Every_role_s_help_lists_each_of_its_commands_once_and_every_typed_command_is_someone_s()
    {
        var typed = CommandTable.Rows.Where(r => r.Typed is not null).ToList();
        Assert.All(typed, r => Assert.NotEqual(Audience.None, r.ShownTo));
        var all = new HashSet<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var help = CommandTable.HelpFor(role);
            var lines = help.Everyday.Concat(help.More).Select(l => l.Command).ToList();
            Assert.Equal(lines.Distinct().Count(), lines.Count);
            all.UnionWith(lines);
        }

        Assert.Equal(typed.Count, all.Count);
    }

    /// <summary>A case action's help line goes to the roles the rules let ask for it, no more and no fewer.</summary>
    [Fact]
    public void A_case_command_is_shown_to_the_roles_that_may_ask_for_its_action()
    {
        var rows = CommandTable.Rows.Where(r => r is { Typed: not null, Action: not null }).ToList();
        Assert.True(rows.Count > 10);
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.All(
                rows,
                r => Assert.Equal(CaseActions.AllowedTo(role, r.Action!.Value), r.ShownTo.HasFlag(Audiences.Of(role)))
            );
        }
    }

    [Fact]
    public void Staff_see_their_everyday_commands_first_and_the_rest_under_more()
    {
        var specialist = CommandTable.HelpFor(Role.Specialist);
        var everyday = specialist.Everyday.Select(l => l.Command).ToList();
        Assert.InRange(everyday.Count, 5, 12);
        Assert.Contains("claim ESC-n", everyday);
        Assert.Contains("who", everyday);
        Assert.Contains("triage ESC-n sev1 [policy-area] reason", specialist.More.Select(l => l.Command));
        Assert.DoesNotContain(specialist.Everyday.Concat(specialist.More), l => l.Command.StartsWith("setup"));

        var lead = CommandTable.HelpFor(Role.Lead);
        Assert.Contains("handover", lead.Everyday.Select(l => l.Command));
        Assert.Contains("setup queue", lead.More.Select(l => l.Command));
        Assert.Empty(CommandTable.HelpFor(Role.Reporter).More);
    }

    [Fact]
    public void The_start_is_stopped_while_a_command_has_no_handler()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CommandDispatcher.CheckHandlers(new ServiceCollection())
        );
        Assert.Contains(nameof(ChatCommand.Claim), error.Message);
    }
}
