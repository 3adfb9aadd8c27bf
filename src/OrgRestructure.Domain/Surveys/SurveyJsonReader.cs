using System.Globalization;
using System.Text.Json;
using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Surveys;

/// <summary>Reads the survey JSON format of shared/data/quang-nam-2014-survey.json.</summary>
internal static class SurveyJsonReader
{
    public static DomainResult<Survey> Read(string json, RuleParameters parameters)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return DomainResult.Failure<Survey>([new Problem(
                "invalid-json", "",
                $"tệp khảo sát không phải JSON hợp lệ (dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1}): {ex.Message}",
                $"the survey file is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}")]);
        }

        using (document)
        {
            var builder = new SurveyBuilder(parameters);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("districts", out var districts) || districts.ValueKind != JsonValueKind.Array)
            {
                builder.AddProblem("invalid-structure", "", "tệp khảo sát phải là một đối tượng có mảng \"districts\"", "the survey must be an object with a \"districts\" array");
                return builder.Build("", null, [], null);
            }

            var index = 0;
            foreach (var district in districts.EnumerateArray())
            {
                index++;
                ReadDistrict(builder, district, index);
            }

            var pilots = root.TryGetProperty("pilotDistricts", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return builder.Build(String(root, "province") ?? "", Int(root, "surveyYear"), pilots, ReadPublished(root));
        }
    }

    private static void ReadDistrict(SurveyBuilder builder, JsonElement district, int index)
    {
        var name = String(district, "district");
        var where = (Vi: $"huyện thứ {index}", En: $"district #{index}");
        if (string.IsNullOrWhiteSpace(name))
        {
            builder.AddProblem("missing-district", where.En, $"{where.Vi}: thiếu tên huyện", $"{where.En}: the district name is missing");
            return;
        }

        if (builder.HasDistrict(name))
        {
            builder.AddProblem("duplicate-district", SurveyBuilder.Normalize(name)!, "huyện xuất hiện hai lần trong khảo sát", "the district appears twice in the survey");
        }

        builder.AddDistrict(name, String(district, "kind"), (name, name));
        if (!district.TryGetProperty("blocs", out var blocs) || blocs.ValueKind != JsonValueKind.Array)
        {
            builder.AddProblem("invalid-structure", name, "thiếu mảng \"blocs\"", "the \"blocs\" array is missing");
            return;
        }

        foreach (var bloc in blocs.EnumerateArray())
        {
            var blocCode = String(bloc, "bloc");
            if (!bloc.TryGetProperty("organizations", out var organizations) || organizations.ValueKind != JsonValueKind.Array)
            {
                builder.AddProblem("invalid-structure", $"{name} › {blocCode}", "thiếu mảng \"organizations\"", "the \"organizations\" array is missing");
                continue;
            }

            var position = 0;
            foreach (var organization in organizations.EnumerateArray())
            {
                position++;
                var location = $"{name} › {blocCode} › #{position}";
                var members = organization.TryGetProperty("members", out var m) ? m : default;
                builder.AddRow(new SurveyRow(
                    (location, location),
                    name,
                    null,
                    blocCode,
                    String(organization, "id"),
                    String(organization, "name"),
                    String(organization, "kind"),
                    members.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : members.GetRawText().Trim('"'),
                    members.ValueKind is JsonValueKind.Number or JsonValueKind.Undefined or JsonValueKind.Null));
            }
        }
    }

    private static PublishedTotals? ReadPublished(JsonElement root)
    {
        if (!root.TryGetProperty("publishedTotals", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new PublishedTotals(
            Int(t, "grassrootsOrganizationsBefore") ?? 0,
            Int(t, "dangBoCoSoAfter") ?? 0,
            Int(t, "districtsWithSeparatePartyAndFrontCommittees") ?? 0,
            Int(t, "districtsCombiningPartyAndFront") ?? 0,
            Int(t, "districtsWithGovernmentBlocCommittee") ?? 0);
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            }
            : null;

    private static int? Int(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.TryGetInt32(out var number)
            ? number
            : int.TryParse(String(element, property), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
