using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgRestructure.Domain.Rules;

/// <summary>
/// Lets workflow definitions write thresholds the way the rules are stated: "2/3", "50%", 0.5,
/// or {"numerator": 2, "denominator": 3}. Written back as text ("2/3", "50%").
/// </summary>
public sealed class RatioJsonConverter : JsonConverter<Ratio>
{
    public override Ratio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return Ratio.Parse(reader.GetString()!);
                case JsonTokenType.Number:
                    return Ratio.Parse(reader.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));
                case JsonTokenType.StartObject:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        int Get(string name) => document.RootElement.EnumerateObject()
                            .First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetInt32();
                        return new Ratio(Get("numerator"), Get("denominator"));
                    }

                default:
                    throw new JsonException($"A ratio is written as \"2/3\", \"50%\", 0.5 or {{\"numerator\":2,\"denominator\":3}}, not {reader.TokenType}.");
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            throw new JsonException($"Invalid ratio: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, Ratio value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
