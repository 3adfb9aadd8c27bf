using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Logging;

namespace OrgRestructure.Server.Tests.Logging;

public sealed class SerilogLoggingTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "orgrestructure-logging-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void lines_written_inside_a_case_scope_carry_case_step_actor_and_correlation_in_the_clef_file()
    {
        var lines = Log(logger =>
        {
            using (logger.BeginCaseScope("QN-DAILOC-2014", "vetting", "ubkt.nguyen", "corr-7f3a"))
            {
                logger.LogInformation("Candidate {Candidate} approved", "Trần Văn B");
            }

            logger.LogInformation("Outside any case");
        });

        var properties = lines.Single(l => l.GetProperty("@mt").GetString() == "Candidate {Candidate} approved");
        Assert.Equal("QN-DAILOC-2014", properties.GetProperty("CaseId").GetString());
        Assert.Equal("vetting", properties.GetProperty("Step").GetString());
        Assert.Equal("ubkt.nguyen", properties.GetProperty("Actor").GetString());
        Assert.Equal("corr-7f3a", properties.GetProperty("CorrelationId").GetString());
        Assert.Equal("Trần Văn B", properties.GetProperty("Candidate").GetString());
        Assert.Equal("cli-test", properties.GetProperty("Application").GetString());

        var outside = lines.Single(l => l.GetProperty("@mt").GetString() == "Outside any case");
        Assert.False(outside.TryGetProperty("CaseId", out _));
        Assert.True(outside.TryGetProperty("@t", out _));
    }

    [Fact]
    public void a_case_scope_leaves_out_what_is_not_known()
    {
        var lines = Log(logger =>
        {
            using (logger.BeginCaseScope("QN-TAMKY-2014"))
            {
                logger.LogWarning("Deadline near");
            }
        });

        var properties = Assert.Single(lines);
        Assert.Equal("Warning", properties.GetProperty("@l").GetString());
        Assert.Equal("QN-TAMKY-2014", properties.GetProperty("CaseId").GetString());
        Assert.False(properties.TryGetProperty("Step", out _));
        Assert.False(properties.TryGetProperty("Actor", out _));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private List<JsonElement> Log(Action<ILogger> write)
    {
        var settings = new OrgRestructureSettings(null, null, _dataDirectory);
        var options = new OrgRestructureLogOptions { ApplicationName = "cli-test", ConsoleMinimumLevel = Serilog.Events.LogEventLevel.Fatal };
        using (var factory = LoggerFactory.Create(b => b.AddOrgRestructureSerilog(new ConfigurationBuilder().Build(), settings, options)))
        {
            write(factory.CreateLogger("OrgRestructure.Tests"));
        }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dataDirectory, "logs"), "cli-test-*.clef"));
        return [.. File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
