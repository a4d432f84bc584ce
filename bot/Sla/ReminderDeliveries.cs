using EscalationBot.Cases;
using EscalationBot.Deliveries;

namespace EscalationBot.Sla;

/// <summary>An SLA reminder as the shared delivery records know it: its chase is the kind.</summary>
public static class ReminderDeliveries
{
    public static Deliverable Deliverable(this Reminder r) =>
        new(r.Number, r.Chase.ToString(), r.Step, r.Round, r.DueAt);
}
