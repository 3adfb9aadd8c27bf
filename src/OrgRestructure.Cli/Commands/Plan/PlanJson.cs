using System.Text.Encodings.Web;
using System.Text.Json;
using OrgRestructure.Domain;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;

namespace OrgRestructure.Cli.Commands.Plan;

/// <summary>The plan as JSON for scripts: totals, districts, committees[] and flags[].</summary>
internal static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Vietnamese names stay readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RestructuringPlan plan, PublishedTotals? published)
    {
        var document = new
        {
            province = plan.Province,
            totals = plan.Totals,
            districts = plan.Districts.Select(d => new
            {
                district = d.District,
                kind = Labels.Code(d.Kind),
                organizationsBefore = d.OrganizationsBefore,
                committeesAfter = d.CommitteesAfter,
                members = d.Members,
                explanations = d.Explanations,
            }),
            committees = plan.Committees.Select(c => new
            {
                id = c.Id,
                district = c.District,
                blocs = c.Blocs.Select(Labels.Code),
                sourceOrganizationIds = c.SourceOrganizationIds,
                members = c.Members,
                name = c.Name,
                nameEn = c.NameEn,
                rules = c.Rules.Select(r => r.ToString()),
            }),
            flags = plan.Flags.Select(f => new { district = f.District, reason = f.Reason.Vi, reasonEn = f.Reason.En }),
            published = published is null ? null : new
            {
                totals = published,
                differences = plan.CompareWith(published),
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }
}
