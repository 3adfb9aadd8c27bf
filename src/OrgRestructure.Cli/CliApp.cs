using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OrgRestructure.Cli;

/// <summary>Builds the command tree from the discovered commands and lets System.CommandLine run the one named.</summary>
internal static class CliApp
{
    /// <summary>Exit code of a bad option, a missing argument or an unknown command.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// How long a command may take to stop after Ctrl+C or SIGTERM (its token is cancelled at once):
    /// long enough for a bench to stop the PostgreSQL server or the server process it started.
    /// </summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["bench"] = "Benchmarks: the event store, and the server end to end over HTTP",
        ["campaign"] = "Campaigns: import a national plan as cases",
        ["messages"] = "Messages that failed all retries (RabbitMQ _error queues)",
        ["projections"] = "Read models (case lists, inboxes): status and rebuild",
        ["users"] = "Accounts in the store every node reads",
        ["workflows"] = "Workflow definition files: check and draw them",
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var context = new CliContext(output, error, configuration);
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Action is not ParseErrorAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = CancelGrace });
        }

        await error.WriteLineAsync("Tham số không hợp lệ / Invalid arguments:");
        foreach (var problem in parsed.Errors)
        {
            await error.WriteLineAsync("  " + problem.Message);
        }

        // The same generated help as "COMMAND --help", on stderr.
        await error.WriteLineAsync();
        var path = parsed.CommandResult.Command.Parents.OfType<Command>().Where(c => c is not RootCommand).Reverse()
            .Append(parsed.CommandResult.Command).Where(c => c is not RootCommand).Select(c => c.Name);
        await root.Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
        return BadInput;
    }

    internal static IReadOnlyList<ICliCommand> Discover() =>
        typeof(CliApp).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The root command with every discovered command under its group.</summary>
    internal static RootCommand Build(CliContext context)
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Named as installed, also when run as a library (tests) or through "dotnet orgrestructure.dll".
        var root = new RootCommand($"orgrestructure {version} — operations for the OrgRestructure workflow engine") { HelpName = "orgrestructure" };
        var details = new Dictionary<Command, string>
        {
            [root] = """
                Configuration (environment): ConnectionStrings__EventStore (PostgreSQL; unset = SQLite),
                ConnectionStrings__RabbitMq (amqp://; unset = in-memory), ORGRESTRUCTURE_DATA_DIR (default ./data).
                """,
        };
        foreach (var definition in Discover())
        {
            var words = definition.Name.Split(' ');
            var parent = words[..^1].Aggregate((Command)root, GroupOf);
            var command = definition.Create(context);
            if (command.Name != words[^1])
            {
                throw new InvalidOperationException($"{definition.GetType().Name} creates '{command.Name}', not '{words[^1]}'.");
            }

            // The first line is what the group lists; the rest is shown under the command's own help.
            var lines = (command.Description ?? "").Split('\n', 2);
            command.Description = lines[0].Trim();
            if (lines.Length > 1 && lines[1].Trim() is { Length: > 0 } more)
            {
                details[command] = more;
            }

            parent.Add(command);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithDetails((HelpAction)help.Action!, details);
        return root;
    }

    private static Command GroupOf(Command parent, string word)
    {
        if (parent.Subcommands.FirstOrDefault(c => c.Name == word) is { } existing)
        {
            return existing;
        }

        var group = new Command(word, Groups.GetValueOrDefault(word, word));
        parent.Add(group);
        return group;
    }

    /// <summary>The generated help, then what a command says about itself beyond its options (exit codes, what it touches).</summary>
    private sealed class HelpWithDetails(HelpAction generated, IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            generated.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Details:");
                foreach (var line in text.Split('\n'))
                {
                    output.WriteLine("  " + line.TrimEnd('\r'));
                }

                output.WriteLine();
            }

            return 0;
        }
    }
}
