using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace OrgRestructure.Cli;

/// <summary>Finds the command named by the leading arguments and runs it.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var commands = Discover();
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var context = new CliContext(output, error, configuration);

        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            await WriteHelpAsync(output, commands);
            return args.Count == 0 ? 2 : 0;
        }

        var match = commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Count && c.Words.Select((w, i) => string.Equals(w, args[i], StringComparison.Ordinal)).All(x => x))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Command is null)
        {
            await error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. Run 'orgrestructure --help' for the list.");
            return 2;
        }

        var rest = args.Skip(match.Words.Length).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            await output.WriteLineAsync(match.Command.Usage);
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await match.Command.RunAsync(context, rest, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static IReadOnlyList<ICliCommand> Discover() =>
        typeof(CliApp).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    private static async Task WriteHelpAsync(TextWriter output, IReadOnlyList<ICliCommand> commands)
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        await output.WriteLineAsync($"orgrestructure {version} — operations for the OrgRestructure workflow engine");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Usage: orgrestructure COMMAND [options]   (orgrestructure COMMAND --help for its options)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Commands:");
        var width = commands.Max(c => c.Name.Length) + 2;
        foreach (var command in commands)
        {
            await output.WriteLineAsync($"  {command.Name.PadRight(width)}{command.Summary}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Configuration (environment): ConnectionStrings__EventStore (PostgreSQL; unset = SQLite),");
        await output.WriteLineAsync("  ConnectionStrings__RabbitMq (amqp://; unset = in-memory), ORGRESTRUCTURE_DATA_DIR (default ./data).");
    }
}
