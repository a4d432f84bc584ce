using EscalationBot.Cases;

namespace EscalationBot.Chat.Commands;

/// <summary>Who a command's help line is shown to: the roles that can use it.</summary>
[Flags]
public enum Audience
{
    None = 0,

    /// <summary>Partner managers, and anyone else not on the team.</summary>
    Reporters = 1,
    Specialists = 2,
    Leads = 4,
    Staff = Specialists | Leads,
    Everyone = Reporters | Staff,
}

public static class Audiences
{
    public static Audience Of(Role role) =>
        role switch
        {
            Role.Specialist => Audience.Specialists,
            Role.Lead => Audience.Leads,
            _ => Audience.Reporters,
        };
}
