using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// What a notice says happened, in both languages, from what the engine attached to its event: a
/// notice's data (the definition's "data" paths: the committee, the decision's number, the
/// appointees, the slate) or a task's context (its committee; for a returned step, the return's
/// own sentence). A notice then reads on its own, without opening the case.
/// </summary>
public static class NoticeSubstance
{
    public static (string? Vi, string? En) Of(NotificationRequested notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var lines = (notice.Data ?? []).Select(p => Line(Key(p.Key), p.Value)).OfType<(string Vi, string En)>().ToList();
        return (Join(notice.Subject?.Vi, lines.Select(l => l.Vi)), Join(notice.Subject?.En, lines.Select(l => l.En)));
    }

    public static (string? Vi, string? En) Of(TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new List<(string Vi, string En)>();
        if (context.Committee is { } committee)
        {
            lines.Add(($"Đảng bộ: {committee}", $"Committee: {committee}"));
        }

        if (context.Returned is { } returned)
        {
            lines.Add((returned.ExplanationVi, returned.ExplanationEn));
        }

        return lines.Count == 0 ? (null, null) : (string.Join('\n', lines.Select(l => l.Vi)), string.Join('\n', lines.Select(l => l.En)));
    }

    private static (string Vi, string En)? Line(string key, JsonNode? value) => key switch
    {
        "name" when Scalar(value) is { } name => ($"Đảng bộ: {name}", $"Committee: {name}"),
        "district" when Scalar(value) is { } district => ($"Huyện: {district}", $"District: {district}"),
        "number" when Scalar(value) is { } number => ($"Quyết định số {number}", $"Decision {number}"),
        "unitName" when Scalar(value) is { } unit => ($"Đơn vị: {unit}", $"Unit: {unit}"),
        "receivingOrganization" when Scalar(value) is { } receiving => ($"Tổ chức tiếp nhận: {receiving}", $"Receiving organization: {receiving}"),
        "date" when Scalar(value) is { } date => ($"Ngày quyết định: {Date(date)}", $"Dated: {Date(date)}"),
        "ceremonyDate" when Scalar(value) is { } date => ($"Ngày công bố: {Date(date)}", $"Announced on: {Date(date)}"),
        "appointees" when Names(value) is { Length: > 0 } names => ($"Nhân sự được chỉ định: {names}", $"Appointed: {names}"),
        "candidates" when Names(value) is { Length: > 0 } names => ($"Danh sách nhân sự: {names}", $"Candidates: {names}"),
        "branches" when Names(value) is { Length: > 0 } names => ($"Các đảng bộ: {names}", $"Committees: {names}"),
        _ => null,
    };

    /// <summary>"steps.decision.number" → "number".</summary>
    private static string Key(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string? Scalar(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : JsonNodes.StringOf(value);

    /// <summary>The names in a list of people (objects with a name or label) or of plain names.</summary>
    private static string Names(JsonNode? value) => value is not JsonArray items ? string.Empty : string.Join(", ", items.Select(item => item switch
    {
        JsonObject person => JsonNodes.StringOf(person["name"]) ?? JsonNodes.StringOf(person["label"]),
        _ => JsonNodes.StringOf(item),
    }).OfType<string>());

    private static string Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : text;

    private static string? Join(string? subject, IEnumerable<string> lines)
    {
        var all = new[] { subject }.Concat(lines).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        return all.Count == 0 ? null : string.Join('\n', all);
    }
}
