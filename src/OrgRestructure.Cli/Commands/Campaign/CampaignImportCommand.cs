using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.Domain.Communes;
using OrgRestructure.Workflows.Campaigns;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Campaign;

/// <summary>orgrestructure campaign import --national FILE [--province NAME] [--check]: the 2025 national plan as cases.</summary>
internal sealed class CampaignImportCommand : ICliCommand
{
    /// <summary>Who the cases say launched them: the operator at the central organization board's console.</summary>
    public static readonly Actor Operator = new("orgrestructure-cli", "admin");

    public string Name => "campaign import";

    public Command Create(CliContext context)
    {
        var national = new Option<string>("--national")
        {
            Description = "The national plan, e.g. ../shared/data/vietnam-2025-communes.json",
            HelpName = "FILE",
            Required = true,
        };
        var province = new Option<string?>("--province") { Description = "Only that province's units", HelpName = "NAME" };
        var check = new Option<bool>("--check") { Description = "Read and check the file, print its figures, start nothing" };
        var command = new Command("import", """
            Import the national 2025 commune-level plan: one case per new unit (idempotent, resumable)

            Reads the national plan (provinces, their new communes, wards and special zones, the old
            committees each is formed from) and starts one case per new unit on the procedure current for
            the 2025 national plan, with the file's schedule. A bad file is refused with every problem
            named (exit 2) and nothing is started. Run it again, or after an interruption: units already
            started are counted, not started again.
            """) { national, province, check };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context, parsed.GetRequiredValue(national), parsed.GetValue(province), parsed.GetValue(check), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string file, string? province, bool check, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await context.Error.WriteLineAsync($"No file {file}. / Không có tệp {file}.");
            return 2;
        }

        var read = NationalPlanReader.Read(await File.ReadAllTextAsync(file, cancellationToken));
        if (!read.IsSuccess)
        {
            await context.Error.WriteLineAsync($"The plan is refused: {read.Problems.Count} problem(s). / Kế hoạch không hợp lệ: {read.Problems.Count} lỗi.");
            foreach (var p in read.Problems)
            {
                await context.Error.WriteLineAsync($"  {p.Subject}: {p.En} / {p.Vi}");
            }

            return 2;
        }

        var plan = read.Value;
        if (province is not null)
        {
            if (plan.Provinces.All(p => p.Province != province))
            {
                await context.Error.WriteLineAsync($"The plan has no province '{province}' (it has: {string.Join(", ", plan.Provinces.Select(p => p.Province))}). / Kế hoạch không có tỉnh '{province}'.");
                return 2;
            }

            plan = plan.For(province);
        }

        await WriteFiguresAsync(context.Output, plan);
        if (check)
        {
            await context.Output.WriteLineAsync("Checked: the plan is valid; nothing started (--check). / Đã kiểm tra: kế hoạch hợp lệ; chưa khởi động hồ sơ nào.");
            return 0;
        }

        return await LaunchAsync(context, plan, cancellationToken);
    }

    private static async Task<int> LaunchAsync(CliContext context, NationalPlan plan, CancellationToken cancellationToken)
    {
        var store = StoreCommandSupport.Open(context);
        try
        {
            await store.MigrateAsync(cancellationToken);
            var engine = new WorkflowEngine(store, WorkflowDefinitionRegistry.LoadFromDirectory(WorkflowDefinitionRegistry.LocateDefaultDirectory()));
            var memory = Process.GetCurrentProcess();
            var result = await CliProgress.RunAsync(context.Output, "Starting cases", plan.UnitsAfter, progress =>
                new NationalCampaignLauncher(engine).LaunchAsync(plan, Operator, new ProgressLines(progress), cancellationToken));
            memory.Refresh();
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Launched {result.DefinitionId} v{result.DefinitionVersion}: {result.Units} units in {result.Provinces.Count} province(s) — {result.Created} case(s) started, {result.AlreadyStarted} already started; {result.Elapsed.TotalSeconds:F1} s, peak working set {memory.PeakWorkingSet64 / (1024 * 1024)} MiB on {store.Description}."));
            await context.Output.WriteLineAsync($"Đã khởi động {result.Created} hồ sơ; {result.AlreadyStarted} đơn vị đã có hồ sơ từ trước.");
            return 0;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or WorkflowException)
        {
            return ex is WorkflowException w
                ? await FailAsync(context, $"{w.MessageEn} / {w.MessageVi}")
                : await StoreCommandSupport.FailAsync(context, store, ex);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static async Task<int> FailAsync(CliContext context, string message)
    {
        await context.Error.WriteLineAsync(message);
        return 1;
    }

    private static async Task WriteFiguresAsync(TextWriter output, NationalPlan plan)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Plan: {plan.Provinces.Count} province(s), {plan.UnitsBefore:N0} old commune-level committees → {plan.UnitsAfter:N0} new units ({plan.Count(UnitKind.Commune):N0} communes, {plan.Count(UnitKind.Ward):N0} wards, {plan.Count(UnitKind.SpecialZone):N0} special zones), {plan.Members:N0} members."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Schedule: plans by {plan.Schedule.PlansDue:yyyy-MM-dd}, decisions {plan.Schedule.From:yyyy-MM-dd} – {plan.Schedule.Until:yyyy-MM-dd}, term {plan.Schedule.Term}."));
    }

    /// <summary>
    /// One line per report, written on the launching thread so the lines come out in order and before
    /// the summary; the bar counts the units of the provinces reported so far.
    /// </summary>
    private sealed class ProgressLines(CliProgress progress) : IProgress<LaunchProgress>
    {
        private readonly Dictionary<string, int> _done = new(StringComparer.Ordinal);

        public void Report(LaunchProgress value)
        {
            _done[value.Province] = value.Done;
            progress.Set(_done.Values.Sum());
            progress.Log.WriteLine($"  {value.Province}: {value.Done}/{value.Total} units, {value.Created} case(s) started so far");
        }
    }
}
