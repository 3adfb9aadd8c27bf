using System.Globalization;

namespace OrgRestructure.Bench.Marten.Peers;

/// <summary>The benchmark's event, typed for Marten; the same fields as bench store's JSON payload.</summary>
public sealed record StepRecorded(
    Guid CaseId, int Step, string Activity, string Candidate, string Decision, string Reason, string Reviewer, string Comment)
{
    public static StepRecorded For(int step) => new(
        Guid.NewGuid(), step, "vetting", "Nguyễn Văn An", "approved", "Đủ tiêu chuẩn theo quy định", "ubkt.tamky", "Hồ sơ đầy đủ, đã thẩm tra lý lịch");

    /// <summary>The same event as JSON text (what our store and the raw table keep).</summary>
    public static string Json(int step) => Cli.Commands.Bench.StoreBenchmark.Payload(step);

    public override string ToString() => Step.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Marten's folded stream: a self-aggregating snapshot, also the projection rebuilt.</summary>
public sealed class BenchStream
{
    public string Id { get; set; } = string.Empty;

    public long Version { get; set; }

    public long Steps { get; set; }

    public void Apply(StepRecorded e)
    {
        Steps += e.Step;
        Version++;
    }
}
