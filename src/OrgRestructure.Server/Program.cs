using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Health;
using OrgRestructure.Hosting.Logging;
using OrgRestructure.Server;

var builder = WebApplication.CreateBuilder(args);
var settings = OrgRestructureSettings.From(builder.Configuration);
builder.Logging.AddOrgRestructureSerilog(builder.Configuration, settings);
builder.Services.AddOrgRestructureHealthChecks(settings);
builder.AddOrgRestructureServer();
var app = builder.Build();
app.UseOrgRestructureServer();
app.MapOrgRestructureHealth();
app.Run();
