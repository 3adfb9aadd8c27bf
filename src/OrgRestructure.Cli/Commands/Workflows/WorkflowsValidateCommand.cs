using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Cli.Commands.Workflows;

/// <summary>Checks every definition file in a directory the way the server does at start-up.</summary>
internal sealed class WorkflowsValidateCommand : ICliCommand
{
    public string Name => "workflows validate";

    public string Summary => "Check workflow definition files (structure, references, activity config)";

    public string Usage => """
        Usage: orgrestructure workflows validate [DIR]

        Reads every *.json in DIR (default: the shipped workflows/ folder; ORGRESTRUCTURE_WORKFLOWS_DIR
        overrides) except schema.json, and checks it: required properties, step ids unique,
        transitions and data paths to existing steps, parameter references typed, activity kinds
        known, each activity's config valid for its kind.
        Exit codes: 0 all valid, 2 a file is invalid (each problem printed as FILE: JSON-PATH: reason).
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count > 1 || args.Any(a => a.StartsWith('-')))
        {
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }

        var directory = args.Count == 1 ? args[0] : WorkflowDefinitionRegistry.LocateDefaultDirectory();
        var (registry, errors) = WorkflowDefinitionRegistry.ValidateDirectory(directory);
        foreach (var definition in registry.All)
        {
            await context.Output.WriteLineAsync($"ok  {Path.GetFileName(definition.SourceFile)}: {definition.Id} v{definition.Version} — {definition.Title.Vi} / {definition.Title.En} ({definition.AllSteps.Count} bước / steps)");
        }

        foreach (var error in errors)
        {
            await context.Error.WriteLineAsync($"{error.File}: {error.Path}: {error.Message}");
        }

        if (errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"{errors.Count} lỗi / problems in {errors.Select(e => e.File).Distinct().Count()} tệp / file(s).");
            return 2;
        }

        if (registry.All.Count == 0)
        {
            await context.Error.WriteLineAsync($"Không có định nghĩa quy trình nào trong / no workflow definitions in {directory}");
            return 2;
        }

        return 0;
    }
}
