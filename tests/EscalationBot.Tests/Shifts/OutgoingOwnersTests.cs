using EscalationBot.Cases;
using EscalationBot.Shifts;
using EscalationBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace EscalationBot.Tests.Shifts;

/// <summary>
/// The outgoing owners' choices at a handover: the reminder before the shift ends, keep / hand to / release from it
/// and from the digest, forged presses refused, and the release of the cases nobody chose for, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutgoingOwnersTests(AzuriteFixture azurite) : FixedRotaTest(azurite)
{
    [Fact]
    public async Task Outgoing_owners_choose_keep_hand_to_or_release_and_cases_nobody_chose_for_go_back_to_the_queue_once()
    {
        var host = Start();
        var sam = Activities.Personal(People.Specialist);
        await host.SendAsync(Activities.Message(People.Lead, "setup queue", Activities.QueueChannel));
        await host.SendAsync(Activities.Message(People.Lead, "setup leads", Activities.LeadsChannel));
        await SayAsync(host, People.Specialist2, "help", Activities.Personal(People.Specialist2), "");
        await SayAsync(host, People.Specialist, "shift start", sam, "You are on the Day shift");
        for (var i = 1; i <= 4; i++)
        {
            await host.SendAsync(
                Activities.Invoke(
                    People.Reporter,
                    "submitIntake",
                    Activities.IntakeForm("Sev3"),
                    Activities.Personal(People.Reporter)
                )
            );
            await SayAsync(host, People.Specialist, $"claim ESC-{i}", sam, $"You have claimed ESC-{i}.");
        }

        // Half an hour before the end of Day, Sam is asked about the four cases, once.
        clock.SetUtcNow(Day.AddHours(14).AddMinutes(30));
        var job = host.Services.GetRequiredService<OutgoingJob>();
        Assert.Equal(
            "asking 1 owner(s)",
            await job.AskAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None)
        );
        Assert.Equal(
            "asked already",
            await job.AskAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None)
        );
        await host.WaitForJobsAsync(60, includeScheduled: false);
        var ask = Assert.Single(
            Connector.Calls,
            c =>
                c.IsPost
                && c.ConversationId == sam
                && c.AllText.StartsWith("Your Day shift ends at", StringComparison.Ordinal)
        );
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains($"**ESC-{i}** · Sev3 normal", ask.AllText);
        }

        var handTo = ask.Card!.Descendants().OfType<JObject>().Single(o => o.Value<string>("id") == "handTo");
        Assert.Contains(handTo["choices"]!, c => c.Value<string>("value") == People.Specialist2.Id);
        Assert.DoesNotContain(handTo["choices"]!, c => c.Value<string>("value") == People.Specialist.Id);
        JObject Button(ConnectorCall post, string caseId, string title) =>
            (JObject)
                SentCards
                    .Actions(post.Card!)
                    .Single(a => a.Value<string>("title") == title && a["data"]!.Value<string>("caseId") == caseId)[
                    "data"
                ]!;

        // Sky comes in early for the Night shift; Sam keeps ESC-1 and hands ESC-2 to Sky from the reminder.
        clock.SetUtcNow(Day.AddHours(14).AddMinutes(50));
        await SayAsync(
            host,
            People.Specialist2,
            "shift start",
            Activities.Personal(People.Specialist2),
            "You are on the Night shift"
        );
        var kept = await host.SendAsync(
            Activities.Invoke(People.Specialist, "handoverChoice", Button(ask, "ESC-1", "Keep"), sam, ask.MessageId)
        );
        var keptText = SentCards.Texts(kept!["value"]!);
        Assert.Contains("ESC-1 stays with Sam Specialist over the handover.", keptText);
        Assert.Contains("✅ kept by Sam Specialist", keptText);
        var handed = await host.SendAsync(
            Activities.Invoke(
                People.Specialist,
                "handoverChoice",
                new JObject(Button(ask, "ESC-2", "Hand to")) { ["handTo"] = People.Specialist2.Id },
                sam
            )
        );
        Assert.Contains("ESC-2 is now with Sky Specialist.", SentCards.Texts(handed!["value"]!));

        // Forged presses change nothing: someone else's case, a reporter, a made-up boundary, an unknown case.
        var release3 = Button(ask, "ESC-3", "Release");
        var notYours = await host.SendAsync(
            Activities.Invoke(People.Specialist2, "handoverChoice", release3, Activities.Personal(People.Specialist2))
        );
        Assert.Contains(
            "ESC-3 is held by Sam Specialist; only they or a lead can release it.",
            SentCards.Texts(notYours!["value"]!)
        );
        var reporter = await host.SendAsync(
            Activities.Invoke(People.Reporter, "handoverChoice", release3, Activities.Personal(People.Reporter))
        );
        Assert.Equal("Only specialists and leads can release cases.", reporter!.Value<string>("value")); // and no card: it would name the team
        foreach (
            var boundary in new[]
            {
                "12",
                "253402300799",
                DayStart.AddDays(1).AddHours(8).ToUnixTimeSeconds().ToString(),
            }
        )
        {
            var madeUp = await host.SendAsync(
                Activities.Invoke(
                    People.Specialist,
                    "handoverChoice",
                    new JObject(release3) { ["boundary"] = boundary },
                    sam
                )
            );
            Assert.Equal("That button does not say which handover it is for.", madeUp!.Value<string>("value"));
        }
        var unknown = await host.SendAsync(
            Activities.Invoke(People.Specialist, "handoverChoice", new JObject(release3) { ["caseId"] = "ESC-99" }, sam)
        );
        Assert.Contains("There is no case ESC-99.", SentCards.Texts(unknown!["value"]!));

        // At the boundary the digest shows what the outgoing shift still holds, with the same choices.
        clock.SetUtcNow(NightStart.AddMinutes(2));
        await host
            .Services.GetRequiredService<HandoverJob>()
            .PostAsync(1, NightStart.ToUnixTimeSeconds(), null, CancellationToken.None);
        var digest = Connector.Calls.Last(c =>
            c.IsPost
            && c.ConversationId == Activities.LeadsChannel
            && c.AllText.StartsWith("Handover: Day → Night", StringComparison.Ordinal)
        );
        Assert.Contains("Held by the outgoing Day shift · 3", digest.AllText);
        var handToList = digest.Card!.Descendants().OfType<JObject>().Single(e => e.Value<string>("id") == "handTo");
        Assert.Equal("Someone on the incoming shift, for Hand to", handToList.Value<string>("label"));
        Assert.Contains("✅ kept by Sam Specialist", digest.AllText);
        Assert.DoesNotContain("**ESC-2**", digest.AllText.Split("Held by the outgoing Day shift")[1]);
        var peek = await host.SendAsync(
            Activities.Invoke(
                People.Reporter,
                "handoverChoice",
                Button(digest, "ESC-4", "Keep"),
                Activities.Personal(People.Reporter)
            )
        );
        Assert.Equal("Only specialists and leads decide at a handover.", peek!.Value<string>("value"));

        // A press acts only on the digest it was pressed on: this digest's choice, pressed on another stored digest's
        // post (the morning's, posted late here), or with no message at all, changes and redraws nothing.
        await host
            .Services.GetRequiredService<HandoverJob>()
            .PostAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None);
        var morning = Connector.Calls.Last(c =>
            c.IsPost
            && c.ConversationId == Activities.LeadsChannel
            && c.AllText.StartsWith("Handover: Night → Day", StringComparison.Ordinal)
        );
        await host.WaitForJobsAsync(60, includeScheduled: false);
        var handovers = host.Services.GetRequiredService<IHandoverStore>();
        var stored = await handovers.GetAsync(1, NightStart, CancellationToken.None);
        var calls = Connector.Calls.Count;
        var release4 = Button(digest, "ESC-4", "Release");
        var onMorning = await host.SendAsync(
            Activities.Invoke(People.Lead, "handoverChoice", release4, Activities.LeadsChannel, morning.MessageId)
        );
        Assert.Equal(
            "That button is not on a handover digest whose choices are open.",
            onMorning!.Value<string>("value")
        );
        var noMessage = Activities.Invoke(People.Lead, "handoverChoice", release4, Activities.LeadsChannel);
        noMessage.Remove("replyToId");
        Assert.Equal(
            "That button is not on a handover digest whose choices are open.",
            (await host.SendAsync(noMessage))!.Value<string>("value")
        );
        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Empty(Connector.Calls.Skip(calls));
        Assert.Equal(
            (CaseState.Claimed, People.Specialist.Id),
            await StateAsync(host.Services.GetRequiredService<ICaseStore>(), 4)
        );
        Assert.Equal(stored!.ETag, (await handovers.GetAsync(1, NightStart, CancellationToken.None))!.ETag);

        var released = await host.SendAsync(
            Activities.Invoke(People.Lead, "handoverChoice", release4, Activities.LeadsChannel, digest.MessageId)
        );
        var releasedText = SentCards.Texts(released!["value"]!);
        Assert.Contains("ESC-4 is back in the queue.", releasedText);
        Assert.Contains("Held by the outgoing Day shift · 2", releasedText);
        await Connector.WaitForAsync(
            c =>
                c.IsUpdate
                && c.ConversationId == Activities.QueueChannel
                && c.AllText.Contains("Held by the outgoing Day shift · 2", StringComparison.Ordinal),
            "the queue's digest redrawn in place"
        );

        // Once the choices close, ESC-3 (no choice) goes back to the queue with a note; the kept ESC-1 stays. Once.
        clock.SetUtcNow(NightStart.AddMinutes(20));
        Assert.Equal(
            "released 1",
            await job.ReleaseUnchosenAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None)
        );
        Assert.Equal(
            "released already",
            await job.ReleaseUnchosenAsync(0, DayStart.ToUnixTimeSeconds(), null, CancellationToken.None)
        );
        var store = host.Services.GetRequiredService<ICaseStore>();
        Assert.Equal((CaseState.New, null), await StateAsync(store, 3));
        Assert.Equal((CaseState.Claimed, People.Specialist.Id), await StateAsync(store, 1));
        Assert.Equal((CaseState.Claimed, People.Specialist2.Id), await StateAsync(store, 2));
        var note = Assert.Single(
            await store.HistoryAsync(3, CancellationToken.None),
            e => e.Action == AuditAction.ReleasedAtHandover
        );
        Assert.Equal("Sam Specialist made no choice for it before the Day shift ended; back in the queue.", note.Text);
        await host.WaitForJobsAsync(60, includeScheduled: false);
        Assert.Single(
            Connector.Calls,
            c =>
                c.IsPost
                && c.ConversationId == Activities.QueueChannel
                && c.Text
                    == "Back in the queue after the Day shift's handover, with no choice made by their owners: ESC-3."
        );

        var late = await host.SendAsync(
            Activities.Invoke(People.Specialist, "handoverChoice", Button(ask, "ESC-1", "Keep"), sam)
        );
        Assert.StartsWith("The choices for the end of the Day shift have closed.", late!.Value<string>("value"));
        await host.DisposeAsync();
    }
}
