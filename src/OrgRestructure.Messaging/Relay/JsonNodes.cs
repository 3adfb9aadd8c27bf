using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrgRestructure.Messaging.Relay;

/// <summary>Reads the free-form parts of engine events (a case's input, a task's context, a notice's data).</summary>
internal static class JsonNodes
{
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
