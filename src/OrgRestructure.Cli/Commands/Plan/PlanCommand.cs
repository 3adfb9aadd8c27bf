using System.Globalization;
using System.Text.Json;
using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Domain.Surveys;

namespace OrgRestructure.Cli.Commands.Plan;

/// <summary>Reads a district survey and prints the grassroots committees the planner proposes.</summary>
internal sealed class PlanCommand : ICliCommand
{
    public string Name => "plan";

    public string Summary => "Plan grassroots committees from a district survey (JSON or CSV)";

    public string Usage => """
        Usage: orgrestructure plan --survey FILE [--json] [--threshold N] [--min-members N]
          --survey FILE      survey in the JSON format of shared/data/quang-nam-2014-survey.json, or CSV
                             with columns district,bloc,id,name,kind,members[,districtKind] (UTF-8)
          --json             print the plan as JSON (totals, committees[], flags[]) instead of a table
          --threshold N      members needed for a grassroots committee (default 30)
          --min-members N    members an organization needs (default 3)
        Exit codes: 0 plan printed (flags, if any, are part of the plan); 2 bad arguments or bad survey,
        with every problem listed.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = PlanOptions.Parse(args, out var argumentError);
        if (options is null)
        {
            await context.Error.WriteLineAsync(argumentError);
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }

        string content;
        try
        {
            content = await File.ReadAllTextAsync(options.SurveyFile, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"Không đọc được tệp khảo sát '{options.SurveyFile}': {ex.Message} / Cannot read the survey file '{options.SurveyFile}': {ex.Message}");
            return 2;
        }

        var format = SurveyImport.DetectFormat(options.SurveyFile, content);
        var survey = SurveyImport.Parse(content, format, options.Parameters);
        if (!survey.IsSuccess)
        {
            await WriteProblemsAsync(context, options, survey.Problems);
            return 2;
        }

        var plan = RestructuringPlanner.Plan(survey.Value, options.Parameters);
        if (options.Json)
        {
            await context.Output.WriteLineAsync(PlanJson.Serialize(plan, survey.Value.PublishedTotals));
        }
        else
        {
            await PlanTable.WriteAsync(context.Output, plan, survey.Value.PublishedTotals);
        }

        return 0;
    }

    private static async Task WriteProblemsAsync(CliContext context, PlanOptions options, IReadOnlyList<Problem> problems)
    {
        await context.Error.WriteLineAsync(
            $"Khảo sát không hợp lệ: {problems.Count} lỗi trong '{options.SurveyFile}' / Invalid survey: {problems.Count} problem(s) in '{options.SurveyFile}'");
        foreach (var problem in problems)
        {
            var subject = string.IsNullOrEmpty(problem.Subject) ? "" : problem.Subject + ": ";
            await context.Error.WriteLineAsync($"  - {subject}{problem.Vi} / {problem.En}");
        }

        if (options.Json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(
                new { problems = problems.Select(p => new { code = p.Code, subject = p.Subject, vi = p.Vi, en = p.En }) },
                PlanJson.Options));
        }
    }
}

/// <summary>The plan command's arguments.</summary>
internal sealed record PlanOptions(string SurveyFile, bool Json, RuleParameters Parameters)
{
    public static PlanOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        string? survey = null;
        var json = false;
        var parameters = RuleParameters.Default;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--survey" when i + 1 < args.Count:
                    survey = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                case "--threshold" when i + 1 < args.Count && PositiveInt(args[i + 1]) is { } threshold:
                    parameters = parameters with { GrassrootsCommitteeThreshold = threshold };
                    i++;
                    break;
                case "--min-members" when i + 1 < args.Count && PositiveInt(args[i + 1]) is { } minimum:
                    parameters = parameters with { MinimumFullMembers = minimum };
                    i++;
                    break;
                default:
                    error = $"Tham số không hợp lệ: '{args[i]}' / Invalid argument: '{args[i]}'";
                    return null;
            }
        }

        if (string.IsNullOrWhiteSpace(survey))
        {
            error = "Thiếu --survey FILE / Missing --survey FILE";
            return null;
        }

        error = "";
        return new PlanOptions(survey, json, parameters);
    }

    private static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
