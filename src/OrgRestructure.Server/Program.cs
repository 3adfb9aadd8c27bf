using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Health;
using OrgRestructure.Hosting.Logging;
using OrgRestructure.Hosting.Telemetry;
using OrgRestructure.Server;
using OrgRestructure.Server.Features.Auth;

var builder = WebApplication.CreateBuilder(args);
var settings = OrgRestructureSettings.From(builder.Configuration);
builder.Services.AddOrgRestructureSerilog(builder.Configuration, settings);
builder.Services.AddOrgRestructureHealthChecks(settings);
builder.Services.AddOrgRestructureTelemetry(builder.Configuration, "orgrestructure-server");
builder.AddOrgRestructureServer();
var app = builder.Build();
app.UseOrgRestructureServer();
app.MapOrgRestructureHealth();
app.MapOrgRestructureMetrics(Policies.ScrapesMetrics);
app.Run();
