using System.Net;
using System.Security.Claims;
using EscalationBot.Jobs;
using EscalationBot.Roster;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationBot.Tests.Jobs;

/// <summary>Who the dashboard lets in, decided on a plain HttpContext.</summary>
public sealed class DashboardAccessFilterTests
{
    private const string LeadObjectId = "6f1c2a9e-0000-4000-8000-00000000000a";
    private const string LeadWebChatId = "webchat:lead-1";
    private const string SpecialistObjectId = "6f1c2a9e-0000-4000-8000-00000000000b";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void LocalOnly_lets_in_a_loopback_request(string remote) =>
        Assert.True(Allows(DashboardAuthentication.LocalOnly, Request(remote)));

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.0.0.4")]
    [InlineData("2001:db8::1")]
    public void LocalOnly_refuses_a_remote_request(string remote) =>
        Assert.False(Allows(DashboardAuthentication.LocalOnly, Request(remote)));

    [Fact]
    public void LocalOnly_refuses_a_request_whose_origin_is_unknown() =>
        Assert.False(Allows(DashboardAuthentication.LocalOnly, Request(null)));

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("X-Forwarded-For", "203.0.113.9:54321")]
    [InlineData("X-Forwarded-For", "127.0.0.1, 203.0.113.9")]
    [InlineData("X-Forwarded-For", "unknown")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9;proto=https")]
    [InlineData("Forwarded", "for=\"[2001:db8::1]:4711\"")]
    [InlineData("Forwarded", "for=127.0.0.1, for=203.0.113.9")]
    public void LocalOnly_refuses_a_loopback_request_forwarded_for_someone_else(string header, string value)
    {
        var http = Request("127.0.0.1");
        http.Request.Headers[header] = value;
        Assert.False(Allows(DashboardAuthentication.LocalOnly, http));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-For", "127.0.0.1:50000, ::1")]
    [InlineData("Forwarded", "for=\"[::1]:4711\";proto=http")]
    [InlineData("Forwarded", "proto=https")]
    public void LocalOnly_lets_in_a_loopback_request_forwarded_from_this_machine(string header, string value)
    {
        var http = Request("127.0.0.1");
        http.Request.Headers[header] = value;
        Assert.True(Allows(DashboardAuthentication.LocalOnly, http));
    }

    [Fact]
    public void LocalOnly_does_not_let_in_a_remote_lead() =>
        Assert.False(Allows(DashboardAuthentication.LocalOnly, Request("203.0.113.9", SignedIn(LeadObjectId))));

    [Fact]
    public void AppServiceAuthentication_lets_in_a_lead_by_object_id_from_anywhere() =>
        Assert.True(
            Allows(DashboardAuthentication.AppServiceAuthentication, Request("203.0.113.9", SignedIn(LeadObjectId)))
        );

    [Fact]
    public void AppServiceAuthentication_refuses_a_specialist() =>
        Assert.False(
            Allows(
                DashboardAuthentication.AppServiceAuthentication,
                Request("203.0.113.9", SignedIn(SpecialistObjectId))
            )
        );

    [Fact]
    public void AppServiceAuthentication_refuses_someone_not_in_the_roster() =>
        Assert.False(
            Allows(DashboardAuthentication.AppServiceAuthentication, Request("203.0.113.9", SignedIn("someone-else")))
        );

    [Fact]
    public void AppServiceAuthentication_matches_object_ids_only_not_another_channels_roster_entry() =>
        Assert.False(
            Allows(DashboardAuthentication.AppServiceAuthentication, Request("203.0.113.9", SignedIn(LeadWebChatId)))
        );

    [Fact]
    public void AppServiceAuthentication_refuses_nobody_signed_in_even_locally() =>
        Assert.False(Allows(DashboardAuthentication.AppServiceAuthentication, Request("127.0.0.1")));

    [Fact]
    public void AppServiceAuthentication_refuses_an_identity_that_is_not_authenticated()
    {
        var unauthenticated = new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(AppServiceAuthenticationHandler.ObjectIdClaim, LeadObjectId)])
        );
        Assert.False(Allows(DashboardAuthentication.AppServiceAuthentication, Request("203.0.113.9", unauthenticated)));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("203.0.113.9", true)]
    public void Only_a_local_request_may_change_jobs(string remote, bool readOnly) =>
        Assert.Equal(readOnly, DashboardAccessFilter.IsReadOnly(Context(Request(remote))));

    private static bool Allows(string authentication, HttpContext http)
    {
        using var services = new ServiceCollection()
            .Configure<JobsOptions>(o => o.Dashboard.Authentication = authentication)
            .Configure<RosterOptions>(o =>
            {
                o.Leads = ["aad:" + LeadObjectId, LeadWebChatId];
                o.Specialists = ["aad:" + SpecialistObjectId];
            })
            .AddSingleton<TeamRoster>()
            .AddSingleton<DashboardAccessFilter>()
            .BuildServiceProvider();
        return services.GetRequiredService<DashboardAccessFilter>().Authorize(Context(http));
    }

    private static DashboardContext Context(HttpContext http)
    {
        http.RequestServices ??= new ServiceCollection().BuildServiceProvider();
        return new AspNetCoreDashboardContext(new UnusedStorage(), new Hangfire.DashboardOptions(), http);
    }

    /// <summary>The dashboard context wants a store; deciding who gets in never touches it.</summary>
    private sealed class UnusedStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() =>
            throw new InvalidOperationException("The filter read the store.");

        public override IStorageConnection GetConnection() =>
            throw new InvalidOperationException("The filter read the store.");
    }

    private static DefaultHttpContext Request(string? remote, ClaimsPrincipal? user = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        if (user is not null)
        {
            http.User = user;
        }

        return http;
    }

    private static ClaimsPrincipal SignedIn(string objectId) =>
        new(
            new ClaimsIdentity(
                [new Claim(AppServiceAuthenticationHandler.ObjectIdClaim, objectId)],
                AppServiceAuthenticationHandler.SchemeName
            )
        );
}
