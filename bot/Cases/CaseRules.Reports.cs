namespace EscalationBot.Cases;

/// <summary>The narrative report of a case: who may have it, and where.</summary>
public static partial class CaseRules
{
    /// <summary>
    /// Only staff have reports: asked before the case is read, so that a partner manager learns nothing about it,
    /// not even whether it exists. Null: they may ask.
    /// </summary>
    public static Decision.Refused? ReportRefused(Actor actor) =>
        actor.IsStaff
            ? null
            : new Decision.Refused(
                Refusal.NotStaff,
                "A case's report is for its owner and the leads. To follow your own case, type: status ESC-n"
            );

    /// <summary>
    /// The owner of a case or a lead may have its report; a sensitive case's only in a personal (1:1) conversation,
    /// where nobody else reads it. Null: they may have it here.
    /// </summary>
    public static Decision.Refused? ReportRefused(Case current, Actor actor, bool personal)
    {
        if (ReportRefused(actor) is { } notStaff)
        {
            return notStaff;
        }

        if (current.Owner?.Id != actor.Person.Id && actor.Role != Role.Lead)
        {
            var held = current.Owner is { } owner
                ? $"{current.Id} is held by {owner.Name}"
                : $"{current.Id} is unclaimed";
            return new Decision.Refused(
                Refusal.NotOwnerOrLead,
                $"{held}: only its owner or a lead can have its report."
            );
        }

        return current.IsSensitive && !personal
            ? new Decision.Refused(
                Refusal.NotPersonalChat,
                $"{current.Id} is sensitive: its report goes only to a 1:1 chat. Type 'report {current.Id}' in your "
                    + "1:1 chat with me."
            )
            : null;
    }
}
