using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Health;
using OrgRestructure.Hosting.Logging;

var builder = WebApplication.CreateBuilder(args);
var settings = OrgRestructureSettings.From(builder.Configuration);
builder.Logging.AddOrgRestructureSerilog(builder.Configuration, settings);
builder.Services.AddOrgRestructureHealthChecks(settings);
var app = builder.Build();
app.MapOrgRestructureHealth();
app.Run();
