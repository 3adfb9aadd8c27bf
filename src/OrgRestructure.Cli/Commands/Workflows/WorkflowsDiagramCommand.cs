using System.CommandLine;
using System.Text.Json;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Workflows;

/// <summary>Prints a definition — optionally with a case's position on it — as SVG.</summary>
internal sealed class WorkflowsDiagramCommand : ICliCommand
{
    public string Name => "workflows diagram";

    public Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "A definition id, e.g. party-committee-formation (latest version unless --version)" };
        var version = CliOptions.Integer("--version", 0, 1, int.MaxValue, "That version of the definition (default: the latest)");
        var directory = new Option<string?>("--dir") { Description = "Definitions directory (default: the shipped workflows/ folder)", HelpName = "DIR" };
        var statePath = new Option<string?>("--case-state")
        {
            Description = "A case's state as JSON (what `orgrestructure replay` prints for a case stream): completed steps are marked ✓, the steps it waits at are highlighted",
            HelpName = "FILE",
        };
        version.DefaultValueFactory = null;
        var command = new Command("diagram", """
            Render a workflow definition (and a case's position) as SVG

            Usage: orgrestructure workflows diagram ID [options] > file.svg
            Exit codes: 0 ok, 2 bad input (unknown id, unreadable state, invalid definitions).
            """) { id, version, directory, statePath };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            parsed.GetRequiredValue(id),
            parsed.GetResult(version) is null ? null : parsed.GetValue(version),
            parsed.GetValue(directory),
            parsed.GetValue(statePath),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string id, int? version, string? directory, string? statePath, CancellationToken cancellationToken)
    {
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
