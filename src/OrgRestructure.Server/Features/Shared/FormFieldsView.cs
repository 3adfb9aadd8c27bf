using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>What the _FormFields partial renders: the fields, their values (posted or prefilled) and each field's refusal.</summary>
public sealed record FormFieldsView(IReadOnlyList<FormField> Fields, JsonObject Values, IReadOnlyDictionary<string, string[]> Errors);
