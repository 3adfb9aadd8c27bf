using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// What the _FormFields partial renders: the fields, their values (posted or prefilled) and each
/// field's refusal. <paramref name="ComputedRows"/> names lists whose rows the form derives (a
/// vote's head decisions, one per candidate at the threshold): shown as given, never added or removed by hand.
/// </summary>
public sealed record FormFieldsView(IReadOnlyList<FormField> Fields, JsonObject Values, IReadOnlyDictionary<string, string[]> Errors, IReadOnlySet<string>? ComputedRows = null);
