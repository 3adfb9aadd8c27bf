using System.Globalization;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// An exact ratio such as 2/3, so that "at least 2/3 of 45" is 30 and not a float near it.
/// Written in definitions as "2/3" (or a decimal like "0.5").
/// </summary>
public readonly record struct Fraction(int Numerator, int Denominator)
{
    public static bool TryParse(string? text, out Fraction value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && d > 0 && n <= d)
        {
            value = new Fraction(n, d);
            return true;
        }

        if (parts.Length == 1 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec) && dec is >= 0 and <= 1)
        {
            var scale = 10000;
            value = new Fraction((int)(dec * scale), scale);
            return true;
        }

        return false;
    }

    public static Fraction Parse(string text) =>
        TryParse(text, out var f) ? f : throw new FormatException($"'{text}' is not a fraction like 2/3.");

    /// <summary>part ≥ this × whole, exactly.</summary>
    public bool IsReachedBy(long part, long whole) => part * Denominator >= whole * Numerator;

    /// <summary>part &gt; this × whole, exactly.</summary>
    public bool IsExceededBy(long part, long whole) => part * Denominator > whole * Numerator;

    /// <summary>part = this × whole, exactly.</summary>
    public bool IsMetExactlyBy(long part, long whole) => part * Denominator == whole * Numerator;

    /// <summary>The smallest whole count that reaches this share of <paramref name="whole"/>.</summary>
    public long MinimumReaching(long whole) => ((whole * Numerator) + Denominator - 1) / Denominator;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
