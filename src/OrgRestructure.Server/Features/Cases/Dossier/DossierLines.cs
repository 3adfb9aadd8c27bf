using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>One line of the dossier as the exports print it: about whom, what, and its value in both languages.</summary>
public sealed record DossierLine(string Committee, LocalizedText Step, int Round, bool Superseded, string Person, LocalizedText Item, LocalizedText Value);

/// <summary>The dossier flattened to lines (the CSV's rows, the printed report's tables): every fact of every step, the person it is about first.</summary>
public static class DossierLines
{
    public static IEnumerable<DossierLine> Of(CaseDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var general = new LocalizedText("Toàn hồ sơ", "The case as a whole");
        foreach (var step in dossier.CaseSteps)
        {
            foreach (var line in Of(general.Vi, step))
            {
                yield return line;
            }
        }

        foreach (var committee in dossier.Committees)
        {
            yield return new DossierLine(committee.Name, new("Đảng bộ", "Committee"), 1, false, string.Empty, new("Hình thành từ", "Formed from"),
                new($"{committee.Members} đảng viên; {string.Join(", ", committee.Organizations)}", $"{committee.Members} members; {string.Join(", ", committee.Organizations)}"));
            foreach (var line in committee.Steps.SelectMany(s => Of(committee.Name, s)))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<DossierLine> Of(string committee, StepRecord s)
    {
        DossierLine Line(string person, LocalizedText item, LocalizedText value) => new(committee, s.Title, s.Round, s.Superseded, person, item, value);
        var typed = s.Conference is not null || s.Decision is not null || s.Election is not null || s.Verdicts.Count > 0;
        if (s.ByName is not null)
        {
            yield return Line(string.Empty, new("Người ghi", "Recorded by"), new($"{s.ByName}, {s.At:dd/MM/yyyy HH:mm}", $"{s.ByName}, {s.At:dd/MM/yyyy HH:mm}"));
        }

        if (s.Outcome is { } outcome)
        {
            yield return Line(string.Empty, new("Kết quả", "Outcome"), outcome);
        }

        foreach (var f in s.Fields)
        {
            if (f.Rows is { } rows)
            {
                if (typed)
                {
                    continue;
                }

                foreach (var row in rows)
                {
                    var rest = row.Skip(1).Zip(f.Columns!.Skip(1), (v, c) => (v, c)).Where(p => p.v.Vi.Length > 0).ToList();
                    yield return Line(row.Count > 0 ? row[0].Vi : string.Empty, f.Label,
                        new(string.Join("; ", rest.Select(p => $"{p.c.Vi}: {p.v.Vi}")), string.Join("; ", rest.Select(p => $"{p.c.En}: {p.v.En}"))));
                }
            }
            else if (!Repeats(s, f))
            {
                yield return Line(string.Empty, f.Label, f.Value!);
            }
        }

        if (s.Conference is { } c)
        {
            yield return Line(string.Empty, new("Hội nghị", "Conference"), new(
                $"{DossierFields.Date(c.Date)}: {c.Present}/{c.Summoned} có mặt, phát ra {c.BallotsIssued}, thu vào {c.BallotsReturned} — {c.Validity.Vi}",
                $"{DossierFields.Date(c.Date)}: {c.Present}/{c.Summoned} present, {c.BallotsIssued} ballots issued, {c.BallotsReturned} returned — {c.Validity.En}"));
            if (c.Nominations.Count > 0)
            {
                yield return Line(string.Empty, new("Giới thiệu thêm tại hội nghị", "Nominated from the floor"), new(string.Join(", ", c.Nominations), string.Join(", ", c.Nominations)));
            }

            foreach (var t in c.Tallies)
            {
                yield return Line(t.Candidate, new("Kết quả lấy phiếu", "Tally"), new(
                    $"{t.Sentence.Vi} (cao {t.High}, tín nhiệm {t.Normal}, thấp {t.Low}, không hợp lệ {t.Invalid})",
                    $"{t.Sentence.En} (high {t.High}, normal {t.Normal}, low {t.Low}, invalid {t.Invalid})"));
            }
        }

        foreach (var v in s.Verdicts)
        {
            yield return Line(v.Candidate ?? string.Empty, new("Thẩm định", "Vetting"), new(
                $"{(v.Approved ? "đạt" : "không đạt")}{Reason(v.Reason)} ({v.ByName})", $"{(v.Approved ? "approved" : "rejected")}{Reason(v.Reason)} ({v.ByName})"));
        }

        foreach (var o in s.Overrides)
        {
            yield return Line(o.Candidate, new("Chỉ định dù không đạt ở bước trước", "Appointed despite a failed earlier step"), new(
                $"{string.Join("; ", o.Failures.Select(f => f.Vi))}. Người quyết định: {o.DecidedBy}. Lý do: {o.Reason}",
                $"{string.Join("; ", o.Failures.Select(f => f.En))}. Decided by: {o.DecidedBy}. Reason: {o.Reason}"));
        }

        if (s.Decision is { } d)
        {
            yield return Line(string.Empty, new("Quyết định", "Decision"), new(
                $"Số {d.Number} ngày {DossierFields.Date(d.Date)}, người ký: {d.Signatory}", $"{d.Number} of {DossierFields.Date(d.Date)}, signed by {d.Signatory}"));
            foreach (var a in d.Appointees)
            {
                yield return Line(a.Name, new("Được chỉ định", "Appointed"), a.PositionLabel);
            }
        }

        if (s.Election is { } e)
        {
            yield return Line(string.Empty, new("Bầu cử", "Election"), e.Explanation);
            foreach (var r in e.Results)
            {
                yield return Line(r.Candidate, new("Kết quả bầu", "Election result"), r.Sentence);
            }

            if (e.Chair is { } chair)
            {
                yield return Line(chair, new("Chủ nhiệm được bầu", "Elected chair"), new("Chủ nhiệm", "Chair"));
            }
        }

        if (s.Returned is { } ret)
        {
            var about = ret.Candidates.Count > 0 ? $" ({string.Join(", ", ret.Candidates)})" : string.Empty;
            yield return Line(string.Empty, new("Trả về", "Returned to"), new($"{ret.ToStep.Vi}: {ret.Reason}{about}", $"{ret.ToStep.En}: {ret.Reason}{about}"));
        }
    }

    /// <summary>Whether a submitted field only repeats what the step's record says (the conference's figures, the decision's number and date).</summary>
    public static bool Repeats(StepRecord step, FieldRecord field)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(field);
        return (step.Decision is not null && field.Name is "number" or "date" or "signatory")
            || (step.Conference is not null && field.Name is "conferenceDate" or "summoned" or "present" or "ballotsIssued" or "ballotsReturned" or "nominations");
    }

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : " — " + reason;
}
