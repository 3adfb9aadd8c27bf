using System.Globalization;
using System.Text.Json.Nodes;

namespace OrgRestructure.Workflows.Runtime;

internal static class JsonNodeExtensions
{
    /// <summary>A number whether the node was parsed from text or built from a CLR value (GetValue&lt;double&gt; fails on a boxed int).</summary>
    public static double AsDouble(this JsonNode node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>A parsed copy, so caller-built objects behave exactly like ones read back from the store.</summary>
    public static JsonObject Normalized(this JsonObject node) => JsonNode.Parse(node.ToJsonString())!.AsObject();
}
