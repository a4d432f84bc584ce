using System.Net;
using EscalationBot.Jobs;
using EscalationBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Jobs;

/// <summary>
/// GET /hangfire on the hosted bot. Each request is built on the server side, so that the test decides the
/// remote address and the headers App Service would add.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardTests(AzuriteFixture azurite) : BotTest(azurite)
{
    private const string Local = "127.0.0.1";
    private const string Remote = "203.0.113.9";

    [Fact]
    public async Task A_local_request_gets_the_dashboard()
    {
        var response = await GetAsync(Host, "/hangfire", Local);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("EscalationBot jobs", await BodyAsync(response));
    }

    [Fact]
    public async Task A_remote_request_is_refused()
    {
        var response = await GetAsync(Host, "/hangfire", Remote);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.DoesNotContain("EscalationBot jobs", await BodyAsync(response));
    }

    [Fact]
    public async Task A_local_proxy_forwarding_a_remote_client_is_refused()
    {
        var response = await GetAsync(Host, "/hangfire", Local, ("X-Forwarded-For", Remote));
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_App_Service_authentication_the_principal_header_is_not_believed()
    {
        var response = await GetAsync(
            Host,
            "/hangfire",
            Remote,
            (AppServiceAuthenticationHandler.PrincipalIdHeader, People.Lead.Id)
        );
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_App_Service_authentication_a_lead_gets_the_dashboard()
    {
        await using var host = AppServiceHost();

        var response = await GetAsync(
            host,
            "/hangfire",
            Remote,
            (AppServiceAuthenticationHandler.PrincipalIdHeader, People.Lead.Id)
        );

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("EscalationBot jobs", await BodyAsync(response));
    }

    [Fact]
    public async Task With_App_Service_authentication_a_signed_in_specialist_gets_403()
    {
        await using var host = AppServiceHost();
        var response = await GetAsync(
            host,
            "/hangfire",
            Remote,
            (AppServiceAuthenticationHandler.PrincipalIdHeader, People.Specialist.Id)
        );
        Assert.Equal(StatusCodes.Status403Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Remote)]
    [InlineData(Local)]
    public async Task With_App_Service_authentication_nobody_signed_in_gets_401(string remote)
    {
        await using var host = AppServiceHost();
        var response = await GetAsync(host, "/hangfire", remote);
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_lead_signed_in_through_App_Service_sees_jobs_but_cannot_change_them()
    {
        await using var host = AppServiceHost();
        var job = host
            .Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule(() => JobProbe.Record("never"), TimeSpan.FromHours(1));
        var lead = (AppServiceAuthenticationHandler.PrincipalIdHeader, People.Lead.Id);

        var page = await GetAsync(host, $"/hangfire/jobs/details/{job}", Remote, lead);
        var delete = await SendAsync(host, "POST", $"/hangfire/jobs/actions/delete/{job}", Remote, lead);

        Assert.Equal(StatusCodes.Status200OK, page.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, delete.StatusCode);
        Assert.Equal(ScheduledState.StateName, State(host, job));
    }

    [Fact]
    public async Task A_local_request_may_change_jobs()
    {
        var job = Host
            .Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule(() => JobProbe.Record("never"), TimeSpan.FromHours(1));

        var delete = await SendAsync(Host, "POST", $"/hangfire/jobs/actions/delete/{job}", Local);

        Assert.Equal(StatusCodes.Status204NoContent, delete.StatusCode);
        Assert.Equal(DeletedState.StateName, State(Host, job));
    }

    private BotHost AppServiceHost() =>
        new(
            Azurite,
            Connector,
            extra: new Dictionary<string, string?>
            {
                ["Hangfire:Dashboard:Authentication"] = "AppServiceAuthentication",
            }
        );

    private static string? State(BotHost host, string job)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobData(job)?.State;
    }

    private static Task<HttpResponse> GetAsync(
        BotHost host,
        string path,
        string remote,
        params (string Name, string Value)[] headers
    ) => SendAsync(host, "GET", path, remote, headers);

    private static async Task<HttpResponse> SendAsync(
        BotHost host,
        string method,
        string path,
        string remote,
        params (string Name, string Value)[] headers
    )
    {
        var context = await host.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            foreach (var (name, value) in headers)
            {
                http.Request.Headers[name] = value;
            }
        });
        return context.Response;
    }

    private static async Task<string> BodyAsync(HttpResponse response)
    {
        using var reader = new StreamReader(response.Body);
        return await reader.ReadToEndAsync();
    }
}
