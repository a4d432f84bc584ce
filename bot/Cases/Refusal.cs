namespace EscalationBot.Cases;

/// <summary>Why the rules refused a change, for a program to act on; the sentence beside it is for the person.</summary>
public enum Refusal
{
    /// <summary>Only specialists and leads may do this.</summary>
    NotStaff,

    /// <summary>Only certain people may do this to this case (the reporter, the owner, a lead).</summary>
    NotPermitted,

    /// <summary>Only the person who reported the case may do this.</summary>
    NotReporter,

    /// <summary>Someone else holds the case; only they or a lead may do this.</summary>
    NotOwner,

    /// <summary>Only the case's owner or a lead may have this (its report).</summary>
    NotOwnerOrLead,

    /// <summary>A sensitive case's report goes only to a 1:1 chat, and this conversation is shared.</summary>
    NotPersonalChat,

    /// <summary>The case's state does not allow it now.</summary>
    WrongState,

    /// <summary>Nobody has claimed the case yet.</summary>
    NotClaimed,

    /// <summary>Someone else holds the case already.</summary>
    AlreadyClaimed,

    /// <summary>The person who would get the case holds it already.</summary>
    AlreadyOwner,

    AlreadyResolved,

    /// <summary>Kept over this handover already.</summary>
    AlreadyKept,

    AlreadySensitive,

    /// <summary>The reopen window has passed.</summary>
    Closed,

    /// <summary>The case can be handed only to a specialist or lead.</summary>
    AssigneeNotStaff,

    OutcomeMissing,
    UnknownTeam,

    /// <summary>A severity below the triage checklist's suggestion needs a reason.</summary>
    ReasonMissing,

    /// <summary>Lowering a case's severity needs a reason, whatever the checklist suggests.</summary>
    LoweringReasonMissing,

    /// <summary>Text the change needs is empty.</summary>
    TextMissing,

    TextTooLong,

    /// <summary>Answered as if the case did not exist, so that a guessed id learns nothing.</summary>
    NoSuchCase,

    /// <summary>A job's change no longer applies: the case is not held by the owner it was meant for.</summary>
    NotHeld,

    /// <summary>A job's change no longer applies: the case was kept or worked on since.</summary>
    StillActive,

    /// <summary>The case's own job is done already (its queue card was posted).</summary>
    AlreadyDone,

    /// <summary>The case changed too often to commit the change; trying again may work.</summary>
    TooBusy,
}
