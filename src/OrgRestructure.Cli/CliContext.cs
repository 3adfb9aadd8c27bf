using Microsoft.Extensions.Configuration;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Cli;

/// <summary>What every command gets: its output streams and the same configuration keys as the server.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IConfiguration Configuration { get; } = configuration;

    public OrgRestructureSettings Settings { get; } = OrgRestructureSettings.From(configuration);
}
