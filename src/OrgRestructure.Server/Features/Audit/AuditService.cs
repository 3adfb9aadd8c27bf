using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Verification;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;

namespace OrgRestructure.Server.Features.Audit;

public sealed record IntegrityVerdict(string CaseId, bool Intact, int EventsChecked, long? FirstBrokenVersion, string VerdictVi, string VerdictEn);

/// <summary>An auditor's view of a case: the history, the hash-chain check and the exported report.</summary>
public sealed class AuditService(CaseService cases, IStoreVerifier verifier)
{
    /// <summary>Escapes markup only: Vietnamese letters stay letters, not &amp;#x…; entities.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The event store's chain verifier on this case's stream, as a verdict an auditor can read.</summary>
    public async Task<IntegrityVerdict> VerifyAsync(Caller caller, string caseId, CancellationToken ct)
    {
        await cases.GetStateAsync(caller, caseId, null, null, ct);
        var report = await verifier.VerifyStreamAsync(caseId, ct);
        var checkedCount = (int)report.EventsChecked;
        if (report.Failures.Count > 0)
        {
            var first = report.Failures.MinBy(f => f.StreamVersion)!;
            return new IntegrityVerdict(caseId, false, checkedCount, first.StreamVersion,
                $"PHÁT HIỆN SAI LỆCH: sự kiện #{first.StreamVersion} không khớp chuỗi băm ({first.Problem}) — lịch sử đã bị thay đổi.",
                $"TAMPERING DETECTED: event #{first.StreamVersion} breaks the hash chain ({first.Problem}) — the history was altered.");
        }

        return new IntegrityVerdict(caseId, true, checkedCount, null,
            $"Toàn vẹn: {checkedCount} sự kiện, chuỗi băm SHA-256 khớp từ đầu đến cuối; lịch sử chưa bị thay đổi.",
            $"Intact: {checkedCount} events, the SHA-256 hash chain matches end to end; the history was not altered.");
    }

    public static string ToCsv(CaseView state, IReadOnlyList<StoredEvent> events)
    {
        var sb = new StringBuilder("version,timestamp,actor,role,type,summary_vi,summary_en,hash\n");
        foreach (var (e, t) in events.Zip(state.Timeline))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.StreamVersion},{e.Timestamp:O},{Csv(e.Actor)},{Csv(e.ActorRole)},{e.Type},{Csv(t.SummaryVi)},{Csv(t.SummaryEn)},{e.Hash}\n");
        }

        return sb.ToString();
    }

    public static string ToHtml(CaseView state, IReadOnlyList<StoredEvent> events, IntegrityVerdict verdict)
    {
        static string H(string s) => Encoder.Encode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo kiểm toán ")
          .Append(H(state.CaseId))
          .Append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}.ok{color:#11643a}.bad{color:#a01515}code{font-size:.7rem;word-break:break-all}@media print{body{margin:0}}</style></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Báo cáo kiểm toán hồ sơ {H(state.CaseId)}</h1><p>{H(state.District)}, {H(state.Province)} — quy trình {H(state.DefinitionId)} v{state.DefinitionVersion} — trạng thái {state.Status}</p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"{(verdict.Intact ? "ok" : "bad")}\"><strong>{H(verdict.VerdictVi)}</strong><br>{H(verdict.VerdictEn)}</p>");
        sb.Append("<table><thead><tr><th>#</th><th>Thời điểm (UTC)</th><th>Người thực hiện</th><th>Vai trò</th><th>Sự kiện</th><th>Nội dung</th><th>Băm</th></tr></thead><tbody>");
        foreach (var (e, t) in events.Zip(state.Timeline))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.StreamVersion}</td><td>{e.Timestamp:yyyy-MM-dd HH:mm:ss}</td><td>{H(e.Actor)}</td><td>{H(e.ActorRole)}</td><td>{H(e.Type)}</td><td>{H(t.SummaryVi)}</td><td><code>{H(e.Hash)}</code></td></tr>");
        }

        sb.Append("</tbody></table></body></html>");
        return sb.ToString();
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
