using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Verification;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Cases.Dossier;
using OrgRestructure.Server.Features.Localization;
using OrgRestructure.Workflows.Runtime;

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

    /// <summary>The case's record as of its last event read: the dossier's lines, a blank line, then the events (one row each).</summary>
    public static string ToCsv(CaseView state, IReadOnlyList<StoredEvent> events, CaseDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var sb = new StringBuilder("committee,step,round,redone,person,item_vi,value_vi,item_en,value_en\n");
        foreach (var l in DossierLines.Of(dossier))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Csv(l.Committee)},{Csv(l.Step.Vi)},{l.Round},{(l.Superseded ? "yes" : "no")},{Csv(l.Person)},{Csv(l.Item.Vi)},{Csv(l.Value.Vi)},{Csv(l.Item.En)},{Csv(l.Value.En)}\n");
        }

        sb.Append("\nversion,timestamp,actor,role,type,summary_vi,summary_en,hash\n");
        foreach (var (e, t) in events.Zip(state.Timeline))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.StreamVersion},{e.Timestamp:O},{Csv(e.Actor)},{Csv(e.ActorRole)},{e.Type},{Csv(t.SummaryVi)},{Csv(t.SummaryEn)},{e.Hash}\n");
        }

        return sb.ToString();
    }

    /// <summary>The printable report in the reader's language: as of which event, when printed, the integrity verdict, the dossier per committee, the events.</summary>
    public static string ToHtml(CaseView state, IReadOnlyList<StoredEvent> events, IntegrityVerdict verdict, CaseDossier dossier, DateTimeOffset printedAt, Text t)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(t);
        static string H(string s) => Encoder.Encode(s);
        string L(LocalizedText x) => H(t.L(x.Vi, x.En));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><title>{H(t.L("Báo cáo kiểm toán", "Audit report"))} {H(state.Name)}</title>")
          .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;font-size:.85rem;margin-bottom:1rem}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}.ok{color:#11643a}.bad{color:#a01515}.redone{color:#777}code{font-size:.7rem;word-break:break-all}@media print{body{margin:0}}</style></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{H(t.L("Báo cáo kiểm toán hồ sơ", "Audit report of the case"))}: {H(t.L(state.TitleVi, state.TitleEn))} — {H(state.Name)}, {H(state.Province)}</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p id=\"as-of\">{H(t.L($"Tính đến sự kiện #{dossier.Version} ({dossier.AsOf:dd/MM/yyyy HH:mm:ss} UTC)", $"As of event #{dossier.Version} ({dossier.AsOf:dd/MM/yyyy HH:mm:ss} UTC)"))} · {H(t.L("Trạng thái", "Status"))}: {H(t.Status(state.Status))} · {H(t.L("In lúc", "Printed"))} {printedAt:dd/MM/yyyy HH:mm} UTC</p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"{(verdict.Intact ? "ok" : "bad")}\"><strong>{H(t.L(verdict.VerdictVi, verdict.VerdictEn))}</strong></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{H(t.L("Hồ sơ nhân sự", "Personnel dossier"))}</h2>");
        foreach (var committee in DossierLines.Of(dossier).GroupBy(l => l.Committee))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h3>{H(committee.Key)}</h3><table class=\"dossier\"><thead><tr><th>{H(t.L("Bước", "Step"))}</th><th>{H(t.L("Người", "Person"))}</th><th>{H(t.L("Nội dung", "Item"))}</th><th>{H(t.L("Chi tiết", "Detail"))}</th></tr></thead><tbody>");
            foreach (var l in committee)
            {
                var round = l.Round > 1 ? t.L($" (lần {l.Round})", $" (round {l.Round})") : string.Empty;
                var redone = l.Superseded ? t.L(" — đã làm lại", " — redone later") : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(l.Superseded ? "redone" : string.Empty)}\"><td>{L(l.Step)}{H(round + redone)}</td><td>{H(l.Person)}</td><td>{L(l.Item)}</td><td>{L(l.Value)}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2>{H(t.L("Các sự kiện đã ghi", "Recorded events"))}</h2><table id=\"events\"><thead><tr><th>#</th><th>{H(t.L("Thời điểm (UTC)", "Time (UTC)"))}</th><th>{H(t.L("Người thực hiện", "Actor"))}</th><th>{H(t.L("Vai trò", "Role"))}</th><th>{H(t.L("Nội dung", "What happened"))}</th><th>{H(t.L("Băm", "Hash"))}</th></tr></thead><tbody>");
        foreach (var (e, line) in events.Zip(state.Timeline))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.StreamVersion}</td><td>{e.Timestamp:yyyy-MM-dd HH:mm:ss}</td><td>{H(e.Actor)}</td><td>{H(Roles.Label(e.ActorRole, t.English))}</td><td>{H(t.L(line.SummaryVi, line.SummaryEn))}</td><td><code>{H(e.Hash)}</code></td></tr>");
        }

        sb.Append("</tbody></table></body></html>");
        return sb.ToString();
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
