using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Calendar;

/// <summary>
/// Reads holiday files: <c>{ "year", "source", "assumptions": [..], "daysOff": [{date, vi, en}],
/// "workingWeekendDays": [{date, vi, en}] }</c>, named after their year. Every problem is reported
/// with file and JSON path, so one start-up names them all.
/// </summary>
internal static class HolidayCalendarReader
{
    public static (HolidayCalendar Calendar, IReadOnlyList<DefinitionError> Errors) ReadDirectory(string directory)
    {
        var errors = new List<DefinitionError>();
        var years = new List<int>();
        var daysOff = new List<CalendarDay>();
        var worked = new List<CalendarDay>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var year = ReadFile(file, File.ReadAllText(file), daysOff, worked, errors);
            if (year is { } y)
            {
                years.Add(y);
            }
        }

        return (new HolidayCalendar(years, daysOff, worked), errors);
    }

    private static int? ReadFile(string file, string text, List<CalendarDay> daysOff, List<CalendarDay> worked, List<DefinitionError> errors)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(file, "$", $"is not a JSON object ({ex.Message})"));
            return null;
        }

        var named = int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        if (root["year"] is not JsonValue y || !y.TryGetValue<int>(out var year))
        {
            errors.Add(new DefinitionError(file, "$.year", "is required (a number, e.g. 2025)"));
            return null;
        }

        if (named != year)
        {
            errors.Add(new DefinitionError(file, "$.year", $"{year} does not match the file name (expected {year}.json)"));
        }

        var seen = new HashSet<DateOnly>();
        Days(file, root, "daysOff", year, seen, errors, daysOff, _ => null);
        Days(file, root, "workingWeekendDays", year, seen, errors, worked, d =>
            d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : $"{Iso(d)} is a {d.DayOfWeek}, not a weekend day: only a Saturday or Sunday can be worked in exchange");
        return year;
    }

    private static void Days(string file, JsonObject root, string key, int year, HashSet<DateOnly> seen, List<DefinitionError> errors, List<CalendarDay> into, Func<DateOnly, string?> check)
    {
        if (root[key] is null)
        {
            return;
        }

        if (root[key] is not JsonArray array)
        {
            errors.Add(new DefinitionError(file, "$." + key, "must be a list"));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.{key}[{i}]";
            var raw = (array[i] as JsonObject)?["date"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new DefinitionError(file, path + ".date", $"\"{raw}\" is not a date (yyyy-MM-dd) / không phải một ngày hợp lệ"));
                continue;
            }

            var problem = date.Year != year ? $"{raw} is not in {year}" : !seen.Add(date) ? $"{raw} is listed twice" : check(date);
            if (problem is not null)
            {
                errors.Add(new DefinitionError(file, path + ".date", problem));
                continue;
            }

            var vi = Text(array[i]!["vi"]);
            var en = Text(array[i]!["en"]);
            if (vi is null || en is null)
            {
                errors.Add(new DefinitionError(file, path, $"{raw} needs its name in Vietnamese (vi) and English (en)"));
                continue;
            }

            into.Add(new CalendarDay(date, vi, en));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
