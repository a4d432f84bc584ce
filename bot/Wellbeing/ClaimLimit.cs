using EscalationBot.Cards;
using EscalationBot.Cards.Wellbeing;
using EscalationBot.Cases;
using EscalationBot.Chat;

namespace EscalationBot.Wellbeing;

/// <summary>
/// Asks first, privately, when someone who has taken <see cref="WellbeingOptions.SensitivePerShift"/> sensitive
/// cases this shift claims another (issue 17): they keep the choice ("Claim anyway" claims it, with every check
/// made again). The question goes to their own 1:1 chat, never to a shared conversation; without a 1:1 chat there
/// is nowhere private to ask, and the claim goes ahead.
/// </summary>
public sealed class ClaimLimit(
    ICaseStore store,
    ExposureLedger ledger,
    IConversationStore people,
    ChatSender sender,
    CasePolicy policy,
    TimeProvider clock
)
{
    /// <summary>The answer where the claim was pressed: seen by the presser alone (Teams' answer to a press).</summary>
    public const string AskedInPrivate = "I've asked you something in our 1:1 chat.";

    /// <summary>The answer to a claim of <paramref name="caseRef"/> asked about first; null: claim it now.</summary>
    public async Task<Reply?> AskFirstAsync(string caseRef, ChatTurn turn, CancellationToken cancellationToken)
    {
        // Only a claim the rules would accept is asked about: any other gets its refusal as always.
        var now = clock.GetUtcNow();
        if (
            !turn.Actor.IsStaff
            || !CaseId.TryParse(caseRef, out var number)
            || await store.GetAsync(number, cancellationToken) is not { Case: { IsSensitive: true } c }
            || CaseRules.Claim(c, turn.Actor, now, policy) is not Decision.Accepted
        )
        {
            return null;
        }

        var period = ledger.Period();
        var taken = (await ledger.OfAsync(turn.Actor.Person.Id, period, cancellationToken)).Tally;
        if (!ledger.AtCaseLimit(taken))
        {
            return null;
        }

        var personal = turn.IsPersonal
            ? null
            : (await people.GetPersonAsync(turn.Actor.Person.Id, cancellationToken))?.PersonalAddress;
        if (!turn.IsPersonal && personal is null)
        {
            return null;
        }

        // An answer to a card press in Teams is shown to the presser alone; a message in a channel, to everyone.
        var pressed = turn.FromCard && turn.Buttons.Mode == ButtonMode.Execute;
        var answer = !turn.IsPersonal && pressed ? AskedInPrivate : null;
        var view = new ClaimLimitView(
            c.Id,
            taken.SensitiveTaken,
            period.Run is null ? $"in the last {DurationText.Format(ExposureLedger.WithoutShift)}" : "this shift"
        );

        // Recorded before it is asked: a retry of the activity is not asked again (a card press's answer, lost with
        // the first attempt, is given again: it replaces the card, it is no new message).
        var first =
            turn.Record(answer) is not { } record
            || await store.TryRecordTurnAsync(record with { Number = number }, now, cancellationToken);
        if (turn.IsPersonal)
        {
            return first || pressed
                ? new Reply(Card: ClaimLimitCard.Build(view, turn.Buttons), ReplacesCard: turn.FromCard)
                : new Reply();
        }

        if (first)
        {
            var buttons = ChatSender.ButtonsFor(ConversationAddress.Parse(personal!).ChannelId);
            await sender.PostCardAsync(personal!, ClaimLimitCard.Build(view, buttons), null, cancellationToken);
        }

        return new Reply(answer);
    }
}
