using System.Globalization;
using System.Text.Json;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Workflows;

/// <summary>Prints a definition — optionally with a case's position on it — as SVG.</summary>
internal sealed class WorkflowsDiagramCommand : ICliCommand
{
    public string Name => "workflows diagram";

    public string Summary => "Render a workflow definition (and a case's position) as SVG";

    public string Usage => """
        Usage: orgrestructure workflows diagram ID [--version N] [--dir DIR] [--case-state FILE] > file.svg

        ID            a definition id, e.g. party-committee-formation (latest version unless --version)
        --dir         definitions directory (default: the shipped workflows/ folder)
        --case-state  a case's state as JSON (what `orgrestructure replay` prints for a case stream):
                      completed steps are marked ✓, the steps it waits at are highlighted
        Exit codes: 0 ok, 2 bad input (unknown id, unreadable state, invalid definitions).
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string? id = null, directory = null, statePath = null;
        int? version = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--dir" when i + 1 < args.Count:
                    directory = args[++i];
                    break;
                case "--case-state" when i + 1 < args.Count:
                    statePath = args[++i];
                    break;
                case "--version" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v):
                    version = v;
                    i++;
                    break;
                case var a when !a.StartsWith('-') && id is null:
                    id = a;
                    break;
                default:
                    await context.Error.WriteLineAsync($"Tham số không hợp lệ / unexpected argument: {args[i]}{Environment.NewLine}{Usage}");
                    return 2;
            }
        }

        if (id is null)
        {
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }

        var (registry, errors) = WorkflowDefinitionRegistry.ValidateDirectory(directory ?? WorkflowDefinitionRegistry.LocateDefaultDirectory());
        foreach (var error in errors)
        {
            await context.Error.WriteLineAsync($"{error.File}: {error.Path}: {error.Message}");
        }

        WorkflowDefinition definition;
        try
        {
            definition = registry.Get(id, version);
        }
        catch (WorkflowNotFound ex)
        {
            await context.Error.WriteLineAsync($"{ex.MessageVi} / {ex.MessageEn}");
            return 2;
        }

        DiagramState? state = null;
        if (statePath is not null)
        {
            try
            {
                state = DiagramState.FromJson(await File.ReadAllTextAsync(statePath, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or JsonException or FormatException or InvalidOperationException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"Không đọc được trạng thái hồ sơ / cannot read the case state {statePath}: {ex.Message}");
                return 2;
            }
        }

        await context.Output.WriteLineAsync(SvgDiagram.Render(definition, state));
        return 0;
    }
}
