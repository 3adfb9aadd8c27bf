using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Domain;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>One line of what a task shows from earlier steps; <paramref name="Verdict"/> is "pass" or "fail" when the line is a rule's outcome.</summary>
public sealed record ContextLine(string Text, string? Verdict = null);

/// <summary>One entry of a task's context, labelled for a reader.</summary>
public sealed record ContextEntry(string Path, string Label, IReadOnlyList<ContextLine> Lines);

/// <summary>
/// A task's context (data paths the definition hands to the step) as a reviewer reads it: labels
/// instead of paths, the clerk-checkable explanation of each vote outcome instead of its JSON,
/// survey codes in words. Vetting is done from this page, so it must read like a dossier.
/// </summary>
public static class StepContextView
{
    public static IReadOnlyList<ContextEntry> Describe(JsonObject context, WorkflowDefinition? definition, bool english) =>
        [.. context.Where(p => !ForTheEngine.Contains(p.Key)).Select(p => new ContextEntry(p.Key, Label(p.Key, definition, english), Lines(p.Value, english, InputField(p.Key, definition))))];

    /// <summary>Context the engine keeps for itself (the elected body's code: the step's title already says which body).</summary>
    private static readonly HashSet<string> ForTheEngine = new(StringComparer.Ordinal) { "body" };

    public static string Label(string path, WorkflowDefinition? definition, bool english)
    {
        string L(string vi, string en) => english ? en : vi;
        if (InputField(path, definition) is { } input)
        {
            return L(input.Label.Vi, input.Label.En);
        }

        var parts = path.Split('.');
        return parts switch
        {
            ["item", var field] => field switch
            {
                "name" => L("Tên tổ chức", "Name"),
                "members" => L("Số đảng viên", "Party members"),
                "organizations" => L("Tổ chức cơ sở đảng hiện có (trở thành chi bộ trực thuộc)", "Existing grassroots organizations (become subordinate cells)"),
                "blocs" => L("Khối", "Blocs"),
                "district" => L("Huyện", "District"),
                "id" => L("Mã", "Id"),
                _ => field,
            },
            ["steps", var step, var field] => $"{StepTitle(step, definition, english)} — {field switch
            {
                "results" => L("kết quả từng người", "result per candidate"),
                "passed" => L("người đạt", "passed"),
                "failed" => L("người không đạt", "failed"),
                "nominated" => L("người được giới thiệu thêm", "nominated from the floor"),
                "approved" => L("người qua thẩm định", "approved"),
                "appointees" => L("nhân sự được chỉ định", "appointees"),
                "number" => L("số quyết định", "decision number"),
                "elected" => L("người trúng cử", "elected"),
                "chair" => L("chủ nhiệm", "chair"),
                _ => field,
            }}",
            ["candidates"] => L("Danh sách nhân sự", "Candidates"),
            ["vetted"] => L("Nhân sự đã qua thẩm định", "Vetted candidates"),
            ["outcomes"] => L("Kết quả từng người ở các bước trước", "Each candidate's results at earlier steps"),
            ["failed"] => L("Nhân sự không đạt ở bước trước", "Candidates who failed an earlier step"),
            ["returned"] => L("Bước này bị trả về để sửa lại", "This step was returned for revision"),
            ["quorum"] => L("Hội nghị hợp lệ khi số người có mặt đạt ít nhất (so với số được triệu tập)", "The conference is valid with at least this share of those summoned present"),
            ["passThreshold"] => L("Đạt khi số phiếu tín nhiệm vượt (so với số được triệu tập); đúng bằng thì người đứng đầu quyết định", "Passes with confidence votes above this share of those summoned; exactly at it the head decides"),
            ["surplus"] => L("Số ứng cử viên dư tối đa so với số cần bầu", "At most this many candidates beyond the seats"),
            ["summonedAtMost"] => L("Số đảng viên của các tổ chức hợp thành", "Members of the organizations forming the committee"),
            _ => path,
        };
    }

    /// <summary>The case input field behind an <c>input.NAME</c> path, as its definition labels it (and its rows' fields).</summary>
    private static FormField? InputField(string path, WorkflowDefinition? definition) =>
        path.Split('.') is ["input", var name] ? definition?.Input.FirstOrDefault(f => f.Name == name) : null;

    private static string StepTitle(string stepId, WorkflowDefinition? definition, bool english) =>
        definition?.AllSteps.GetValueOrDefault(stepId)?.Title is LocalizedText title ? (english ? title.En : title.Vi) : stepId;

    private static List<ContextLine> Lines(JsonNode? node, bool english, FormField? field) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => Line(item, english, field))],
        _ => [Line(node, english, field)],
    };

    private static ContextLine Line(JsonNode? node, bool english, FormField? field)
    {
        if (node is JsonObject obj)
        {
            // A rule's outcome carries its own sentence in both languages: show that, not the figures it came from.
            if (obj["explanation"] is JsonObject explanation && explanation[english ? "en" : "vi"] is JsonValue sentence)
            {
                var verdict = obj["passed"] is JsonValue passed && passed.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? (passed.GetValue<bool>() ? "pass" : "fail")
                    : null;
                return new ContextLine(sentence.ToString(), verdict);
            }

            return new ContextLine(string.Join(" · ", obj.Where(p => p.Value is JsonValue).Select(p =>
                $"{(field?.Fields?.FirstOrDefault(f => f.Name == p.Key)?.Label is { } label ? (english ? label.En : label.Vi) : p.Key)}: {Scalar(p.Value, english)}")));
        }

        return new ContextLine(node is JsonValue v && v.TryGetValue<string>(out var code) && field?.OptionLabels?.GetValueOrDefault(code) is { } option
            ? (english ? option.En : option.Vi)
            : Scalar(node, english));
    }

    private static string Scalar(JsonNode? node, bool english)
    {
        if (node is not JsonValue value)
        {
            return node?.ToJsonString() ?? string.Empty;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => english ? "yes" : "có",
            JsonValueKind.False => english ? "no" : "không",
            JsonValueKind.String when Labels.TryParseBloc(value.GetValue<string>(), out var bloc) => english ? Labels.Of(bloc).En : Labels.Of(bloc).Vi,
            _ => value.ToString(),
        };
    }
}
