using EscalationBot.Cases;
using EscalationBot.Chat;
using EscalationBot.Deliveries;
using EscalationBot.Features;
using EscalationBot.Health;
using EscalationBot.Insight;
using EscalationBot.Jobs;
using EscalationBot.Outbox;
using EscalationBot.Roster;
using EscalationBot.Shifts;
using EscalationBot.Sla;
using EscalationBot.Storage;
using EscalationBot.Telemetry;
using EscalationBot.Wellbeing;

var builder = WebApplication.CreateBuilder(args);

// Port 3978 is the Bot Framework convention; --urls and ASPNETCORE_URLS still win.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:3978");
}

builder.AddTelemetry();
builder.AddCases();
builder.AddRoster();
builder.AddCaseStorage();
builder.AddJobs();
builder.AddDeliveries();
builder.AddBot();
builder.AddFeatures();
builder.AddOutbox();
builder.AddSla();
builder.AddShifts();
builder.AddWellbeing();
builder.AddHealth();
builder.AddInsight();

var app = builder.Build();
app.MapBot();
app.MapJobsDashboard();
app.MapHealth();
app.MapInsight();
app.Run();

public partial class Program;
