using System.Globalization;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>Reads typed fields from a submitted form, collecting bilingual errors instead of throwing.</summary>
internal sealed class FormReader(IReadOnlyDictionary<string, string> input)
{
    private readonly Dictionary<string, string> _kept = new(StringComparer.Ordinal);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Kept => _kept;

    public void Error(string field, string vi, string en) => Errors[field] = [$"{vi} / {en}"];

    public string? Text(string field, bool required = false)
    {
        var value = input.GetValueOrDefault(field)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Error(field, "Bắt buộc nhập", "required");
            }

            return null;
        }

        if (value.Length > 4000)
        {
            Error(field, "Quá dài (tối đa 4000 ký tự)", "too long (4000 characters at most)");
            return null;
        }

        _kept[field] = value;
        return value;
    }

    public int? Int(string field, int min, int max)
    {
        var text = Text(field, required: true);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Error(field, "Phải là số nguyên", "must be a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Error(field, $"Phải từ {min} đến {max}", $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public DateOnly? Date(string field)
    {
        var text = Text(field, required: true);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(field, "Ngày theo dạng yyyy-MM-dd", "a date as yyyy-MM-dd");
            return null;
        }

        return date;
    }

    public string? Choice(string field, params string[] allowed)
    {
        var text = Text(field, required: true);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Error(field, "Chọn một trong: " + string.Join(", ", allowed), "one of: " + string.Join(", ", allowed));
            return null;
        }

        return text;
    }

    public IReadOnlyList<string> Names(string field, bool required = true)
    {
        var names = Cases.CaseState.SplitLines(Text(field, required)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Any(n => n.Length > 120))
        {
            Error(field, "Tên quá dài", "a name is too long");
        }

        return names;
    }
}
