using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>How case events are written as JSON text in the event store.</summary>
public static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
