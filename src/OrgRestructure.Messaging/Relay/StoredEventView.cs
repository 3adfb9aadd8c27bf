using System.Globalization;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// A stored event with its JSON payload opened, plus the case facts the relay already knows
/// (district, title) for events that do not repeat them. Field look-ups accept the few spellings
/// the engine might use, so the mapping table stays one line per event type.
/// </summary>
public sealed class StoredEventView
{
    private readonly JsonElement _data;

    internal StoredEventView(StoredEvent stored, JsonElement data, CaseFacts facts)
    {
        Stored = stored;
        _data = data;
        Facts = facts;
    }

    public StoredEvent Stored { get; }

    public CaseFacts Facts { get; }

    public string CaseId => Text("caseId") ?? Facts.CaseId;

    public string District => Text("district", "districtName", "districtId") ?? Facts.District;

    public int? Step => Number("step", "stepNumber", "stepIndex") ?? StepNumberFrom(Text("step", "stepId"));

    public string? StepName => Text("stepName", "stepTitle", "stepId", "activityId") ?? (Property("step") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null);

    public string? Text(params string[] names)
    {
        var p = Property(names);
        return p?.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Number => p.Value.GetRawText(),
            _ => null,
        };
    }

    public int? Number(params string[] names)
    {
        var p = Property(names);
        if (p is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var value))
        {
            return value;
        }

        return p is { ValueKind: JsonValueKind.String } s && int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public DateTimeOffset? Time(params string[] names) =>
        Property(names) is { ValueKind: JsonValueKind.String } s && s.TryGetDateTimeOffset(out var t) ? t : null;

    /// <summary>A string or array of strings (or array of objects with an id) as a list.</summary>
    public IReadOnlyList<string> List(params string[] names)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (Property(name) is not { } p)
            {
                continue;
            }

            if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } one)
            {
                result.Add(one);
            }
            else if (p.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in p.EnumerateArray())
                {
                    var id = item.ValueKind switch
                    {
                        JsonValueKind.String => item.GetString(),
                        JsonValueKind.Object => TextOf(item, "userId") ?? TextOf(item, "id") ?? TextOf(item, "memberId"),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(id))
                    {
                        result.Add(id);
                    }
                }
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    private JsonElement? Property(params string[] names)
    {
        if (_data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            foreach (var p in _data.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
                {
                    return p.Value;
                }
            }
        }

        return null;
    }

    private static string? TextOf(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // Step ids like "step-2-members-vote" or "2" still say which of the seven steps it is.
    private static int? StepNumberFrom(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var digits = new string(id.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99 ? n : null;
    }
}

/// <summary>What the relay remembers about a case from its first event.</summary>
public sealed record CaseFacts(string CaseId, string District, string? Title);
