using System.CommandLine;
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

    public Command Create(CliContext context)
    {
        var survey = new Option<string>("--survey")
        {
            Description = "Survey in the JSON format of shared/data/quang-nam-2014-survey.json, or CSV with columns district,bloc,id,name,kind,members[,districtKind] (UTF-8)",
            HelpName = "FILE",
            Required = true,
        };
        var json = CliOptions.Json("Print the plan as JSON (totals, committees[], flags[]) instead of a table");
        var threshold = CliOptions.Integer("--threshold", RuleParameters.Default.GrassrootsCommitteeThreshold, 1, int.MaxValue, "Members needed for a grassroots committee");
        var minimum = CliOptions.Integer("--min-members", RuleParameters.Default.MinimumFullMembers, 1, int.MaxValue, "Members an organization needs");
        var command = new Command("plan", """
            Plan grassroots committees from a district survey (JSON or CSV)

            Exit codes: 0 plan printed (flags, if any, are part of the plan); 2 bad arguments or bad survey,
            with every problem listed.
            """) { survey, json, threshold, minimum };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            new PlanOptions(
                parsed.GetRequiredValue(survey),
                parsed.GetValue(json),
                RuleParameters.Default with { GrassrootsCommitteeThreshold = parsed.GetValue(threshold), MinimumFullMembers = parsed.GetValue(minimum) }),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PlanOptions options, CancellationToken cancellationToken)
    {
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
internal sealed record PlanOptions(string SurveyFile, bool Json, RuleParameters Parameters);
