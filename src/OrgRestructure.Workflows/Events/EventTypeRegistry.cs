using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgRestructure.Workflows.Events;

/// <summary>Maps stable event names ("case-started") to CLR types and (de)serializes event data.</summary>
public static class EventTypeRegistry
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese stays readable in stored events and replays; the data is never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly Dictionary<string, Type> ByName = typeof(ICaseEvent).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null)
        .ToDictionary(t => t.GetCustomAttribute<EventTypeAttribute>()!.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static IReadOnlyDictionary<string, Type> All => ByName;

    public static string NameOf(Type type) =>
        ByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.Name} is not a case event.", nameof(type));

    public static string NameOf(ICaseEvent e) => NameOf(e.GetType());

    public static bool TryGetType(string name, out Type type) => ByName.TryGetValue(name, out type!);

    public static string Serialize(ICaseEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    /// <summary>Null for an event name this engine does not know (e.g. another feature's events).</summary>
    public static ICaseEvent? Deserialize(string name, string data) =>
        ByName.TryGetValue(name, out var type) ? (ICaseEvent?)JsonSerializer.Deserialize(data, type, Json) : null;
}
