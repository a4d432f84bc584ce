using System.Net;
using EscalationBot.Outbox;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace EscalationBot.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly OutboxOptions Settings = new()
    {
        FirstBackoff = TimeSpan.FromSeconds(5),
        MaxBackoff = TimeSpan.FromMinutes(30),
    };

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 10)]
    [InlineData(3, 40)]
    [InlineData(9, 1800)]
    [InlineData(500, 1800)]
    public void The_wait_doubles_with_each_failure_up_to_the_maximum(int failuresBefore, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(failuresBefore, Settings));

    [Fact]
    public void A_throttled_send_waits_as_long_as_Teams_asks() =>
        Assert.Equal(
            TimeSpan.FromSeconds(7),
            OutboxDispatcher.RetryAfter(Refusal(HttpStatusCode.TooManyRequests, "7"))
        );

    [Fact]
    public void A_throttled_send_with_no_usable_Retry_After_waits_a_second() =>
        Assert.Equal(
            TimeSpan.FromSeconds(1),
            OutboxDispatcher.RetryAfter(Refusal(HttpStatusCode.TooManyRequests, "soon"))
        );

    [Fact]
    public void Other_failures_take_the_backoff() =>
        Assert.Null(OutboxDispatcher.RetryAfter(Refusal(HttpStatusCode.BadGateway, "7")));

    private static ErrorResponseException Refusal(HttpStatusCode status, string retryAfter)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return new ErrorResponseException("refused") { Response = new HttpResponseMessageWrapper(response, "") };
    }
}
