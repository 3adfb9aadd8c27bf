using System.CommandLine;
using OrgRestructure.Workflows.Calendar;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Cli.Commands.Workflows;

/// <summary>Checks every definition file in a directory, and its holidays/ files, the way the server does at start-up.</summary>
internal sealed class WorkflowsValidateCommand : ICliCommand
{
    public string Name => "workflows validate";

    public Command Create(CliContext context)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Definitions directory (default: the shipped workflows/ folder; ORGRESTRUCTURE_WORKFLOWS_DIR overrides)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", """
            Check workflow definition files (structure, references, activity config)

            Reads every *.json in DIR except schema.json, and checks it: required properties, step ids
            unique, transitions and data paths to existing steps, parameter references typed, activity
            kinds known, each activity's config valid for its kind. Then every holidays/YYYY.json: year
            matching the file name, each date a real yyyy-MM-dd of that year listed once, named in
            Vietnamese and English, a worked day a Saturday or Sunday.
            Exit codes: 0 all valid, 2 a file is invalid (each problem printed as FILE: JSON-PATH: reason).
            """) { directory };
        command.SetAction(parsed => Run(context, parsed.GetValue(directory) ?? WorkflowDefinitionRegistry.LocateDefaultDirectory()));
        return command;
    }

    private static int Run(CliContext context, string directory)
    {
        var (registry, definitionErrors) = WorkflowDefinitionRegistry.ValidateDirectory(directory);
        foreach (var definition in registry.All)
        {
            context.Output.WriteLine($"ok  {Path.GetFileName(definition.SourceFile)}: {definition.Id} v{definition.Version} — {definition.Title.Vi} / {definition.Title.En} ({definition.AllSteps.Count} bước / steps)");
        }

        var errors = definitionErrors.Concat(ValidateHolidays(context, directory)).ToList();

        foreach (var error in errors)
        {
            context.Error.WriteLine($"{error.File}: {error.Path}: {error.Message}");
        }

        if (errors.Count > 0)
        {
            context.Error.WriteLine($"{errors.Count} lỗi / problems in {errors.Select(e => e.File).Distinct().Count()} tệp / file(s).");
            return CliApp.BadInput;
        }

        if (registry.All.Count == 0)
        {
            context.Error.WriteLine($"Không có định nghĩa quy trình nào trong / no workflow definitions in {directory}");
            return CliApp.BadInput;
        }

        return 0;
    }

    /// <summary>The holiday files the server would load for these definitions (none here: it uses the shipped calendar).</summary>
    private static IReadOnlyList<DefinitionError> ValidateHolidays(CliContext context, string directory)
    {
        var holidays = Path.Combine(directory, HolidayCalendar.DirectoryName);
        if (!Directory.Exists(holidays))
        {
            return [];
        }

        var (calendar, errors) = HolidayCalendar.ValidateDirectory(holidays);
        if (errors.Count == 0)
        {
            context.Output.WriteLine($"lịch ngày nghỉ / holiday calendar: {string.Join(", ", calendar.Years)} — {calendar.DaysOff.Count()} ngày nghỉ / days off");
        }

        return errors;
    }
}
