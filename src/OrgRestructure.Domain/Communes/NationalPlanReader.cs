using System.Globalization;
using System.Text.Json;
using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Communes;

/// <summary>
/// Reads the national plan file (shared/data/vietnam-2025-communes.json) as it is and refuses a bad
/// one with every problem named by what it is about: a unit formed from nothing, an old committee
/// used twice, a unit id used twice, a province missing or unknown, totals that differ from the
/// published ones.
/// </summary>
public static class NationalPlanReader
{
    public static DomainResult<NationalPlan> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return DomainResult.Failure<NationalPlan>([new Problem(
                "invalid-json", "",
                $"tệp kế hoạch không phải JSON hợp lệ (dòng {ex.LineNumber + 1}): {ex.Message}",
                $"the plan file is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}")]);
        }

        using (document)
        {
            var problems = new List<Problem>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("provinces", out var provinces) || provinces.ValueKind != JsonValueKind.Array)
            {
                return DomainResult.Failure<NationalPlan>([new Problem("invalid-structure", "", "tệp kế hoạch phải là một đối tượng có mảng \"provinces\"", "the plan must be an object with a \"provinces\" array")]);
            }

            var list = new List<ProvincePlan>();
            var units = new Dictionary<string, string>(StringComparer.Ordinal);
            var olds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var province in provinces.EnumerateArray())
            {
                if (ReadProvince(province, list.Count + 1, units, olds, problems) is { } read)
                {
                    list.Add(read);
                }
            }

            CheckProvinces(list, problems);
            var published = ReadPublished(root);
            if (published is not null && problems.Count == 0 && list.Count > 1)
            {
                CheckTotals(published, list, problems);
            }

            var plan = new NationalPlan(Text(root, "campaign") ?? "", ReadSchedule(root, problems), published, list);
            return problems.Count > 0 ? DomainResult.Failure<NationalPlan>(problems) : DomainResult.Success(plan);
        }
    }

    private static ProvincePlan? ReadProvince(JsonElement p, int index, Dictionary<string, string> units, Dictionary<string, string> olds, List<Problem> problems)
    {
        var name = Text(p, "province");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new("missing-province-name", $"#{index}", $"tỉnh thứ {index}: thiếu tên tỉnh", $"province #{index}: the name is missing"));
            return null;
        }

        if (!VietnamProvinces.IsKnown(name))
        {
            problems.Add(new("unknown-province", name, $"“{name}” không phải một trong 34 tỉnh, thành phố từ 1/7/2025", $"“{name}” is not one of the 34 provinces and cities from 1 July 2025"));
        }

        var read = new List<NewUnit>();
        foreach (var u in p.TryGetProperty("units", out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            var id = Text(u, "id");
            var where = id ?? $"{name} #{read.Count + 1}";
            var unitName = Text(u, "name");
            var kind = UnitKinds.FromCode(Text(u, "kind"));
            if (id is null || unitName is null)
            {
                problems.Add(new("missing-unit-field", where, $"{where}: đơn vị mới thiếu mã hoặc tên", $"{where}: the new unit has no id or no name"));
                continue;
            }

            if (!units.TryAdd(id, name))
            {
                problems.Add(new("unit-used-twice", id, $"mã đơn vị {id} xuất hiện hai lần ({units[id]}, {name})", $"unit id {id} appears twice ({units[id]}, {name})"));
            }

            if (kind is null)
            {
                problems.Add(new("unknown-unit-kind", id, $"{id}: loại đơn vị “{Text(u, "kind")}” không phải xa, phuong hoặc dac-khu", $"{id}: unit kind “{Text(u, "kind")}” is not xa, phuong or dac-khu"));
            }

            var formedFrom = ReadOld(u, id, olds, problems);
            if (formedFrom.Count == 0)
            {
                problems.Add(new("formed-from-nothing", id, $"{id}: đơn vị mới không được hình thành từ đảng bộ cũ nào", $"{id}: the new unit is formed from no old committee"));
            }

            read.Add(new NewUnit(id, unitName, kind ?? UnitKind.Commune, formedFrom));
        }

        if (read.Count == 0)
        {
            problems.Add(new("province-without-units", name, $"{name}: không có đơn vị hành chính mới nào", $"{name}: no new unit is planned"));
        }

        return new ProvincePlan(name, Text(p, "kind") ?? "", read);
    }

    private static List<OldCommittee> ReadOld(JsonElement unit, string unitId, Dictionary<string, string> olds, List<Problem> problems)
    {
        var result = new List<OldCommittee>();
        if (!unit.TryGetProperty("formedFrom", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var o in array.EnumerateArray())
        {
            var id = Text(o, "id");
            var name = Text(o, "name");
            var members = o.TryGetProperty("members", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var n) ? n : (int?)null;
            if (id is null || name is null || members is null or < 0)
            {
                problems.Add(new("invalid-old-committee", id ?? unitId, $"{unitId}: đảng bộ cũ {id} thiếu mã, tên hoặc số đảng viên (số không âm)", $"{unitId}: old committee {id} needs an id, a name and a member count (not negative)"));
                continue;
            }

            if (!olds.TryAdd(id, unitId))
            {
                problems.Add(new("old-committee-used-twice", id, $"đảng bộ cũ {id} được dùng cho hai đơn vị mới ({olds[id]}, {unitId})", $"old committee {id} is used for two new units ({olds[id]}, {unitId})"));
                continue;
            }

            result.Add(new OldCommittee(id, name, Text(o, "kind") ?? "", members.Value));
        }

        return result;
    }

    /// <summary>A national file names every province; a province file (one entry) is accepted as it is.</summary>
    private static void CheckProvinces(List<ProvincePlan> provinces, List<Problem> problems)
    {
        foreach (var twice in provinces.GroupBy(p => p.Province).Where(g => g.Count() > 1))
        {
            problems.Add(new("province-twice", twice.Key, $"{twice.Key} xuất hiện {twice.Count()} lần", $"{twice.Key} appears {twice.Count()} times"));
        }

        if (provinces.Count > 1)
        {
            foreach (var missing in VietnamProvinces.All.Where(n => provinces.All(p => p.Province != n)))
            {
                problems.Add(new("province-missing", missing, $"thiếu {missing}: kế hoạch toàn quốc phải có đủ 34 tỉnh, thành phố", $"{missing} is missing: a national plan names all 34 provinces and cities"));
            }
        }
    }

    private static void CheckTotals(NationalTotals published, List<ProvincePlan> provinces, List<Problem> problems)
    {
        var units = provinces.SelectMany(p => p.Units).ToList();
        var pairs = new (string Code, int Published, int Counted, string Vi, string En)[]
        {
            ("provinces", published.Provinces, provinces.Count, "số tỉnh", "provinces"),
            ("unitsBefore", published.UnitsBefore, units.Sum(u => u.FormedFrom.Count), "số đơn vị cấp xã trước sắp xếp", "commune-level units before"),
            ("unitsAfter", published.UnitsAfter, units.Count, "số đơn vị cấp xã mới", "new commune-level units"),
            ("communes", published.Communes, units.Count(u => u.Kind == UnitKind.Commune), "số xã", "communes"),
            ("wards", published.Wards, units.Count(u => u.Kind == UnitKind.Ward), "số phường", "wards"),
            ("specialZones", published.SpecialZones, units.Count(u => u.Kind == UnitKind.SpecialZone), "số đặc khu", "special zones"),
        };
        foreach (var (code, expected, counted, vi, en) in pairs.Where(p => p.Published != p.Counted))
        {
            problems.Add(new("totals-differ", "publishedTotals." + code, $"{vi}: tệp có {counted}, số công bố là {expected}", $"{en}: the file holds {counted}, the published figure is {expected}"));
        }
    }

    private static NationalTotals? ReadPublished(JsonElement root) =>
        root.TryGetProperty("publishedTotals", out var t) && t.ValueKind == JsonValueKind.Object
            ? new NationalTotals(Int(t, "provinces"), Int(t, "unitsBefore"), Int(t, "unitsAfter"), Int(t, "communes"), Int(t, "wards"), Int(t, "specialZones"))
            : null;

    private static PlanSchedule ReadSchedule(JsonElement root, List<Problem> problems)
    {
        if (!root.TryGetProperty("schedule", out var s) || s.ValueKind != JsonValueKind.Object)
        {
            return PlanSchedule.Guidance31;
        }

        DateOnly Date(string key, DateOnly fallback)
        {
            var text = Text(s, key);
            if (text is null)
            {
                return fallback;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            problems.Add(new("invalid-date", "schedule." + key, $"schedule.{key}: “{text}” không phải ngày (yyyy-MM-dd)", $"schedule.{key}: “{text}” is not a date (yyyy-MM-dd)"));
            return fallback;
        }

        var g = PlanSchedule.Guidance31;
        var schedule = new PlanSchedule(Date("plansDue", g.PlansDue), Date("implementationFrom", g.From), Date("implementationUntil", g.Until), Text(s, "term") ?? g.Term);
        if (schedule.From > schedule.Until)
        {
            problems.Add(new("schedule-out-of-order", "schedule", "ngày bắt đầu thực hiện sau ngày kết thúc", "implementation starts after it ends"));
        }

        return schedule;
    }

    private static string? Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static int Int(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
}
