using OrgRestructure.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrgRestructureServer();
var app = builder.Build();
app.UseOrgRestructureServer();
app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
app.Run();
