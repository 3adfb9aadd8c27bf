using System.Globalization;
using System.Text.Json.Serialization;

namespace OrgRestructure.Domain.Rules;

/// <summary>
/// A threshold as a fraction, compared with integer arithmetic so that "exactly 2/3" is exact
/// (30 of 45 meets 2/3; a floating-point share of 0.6666… might not).
/// </summary>
[JsonConverter(typeof(RatioJsonConverter))]
public readonly record struct Ratio
{
    public Ratio(int numerator, int denominator)
    {
        if (denominator <= 0 || numerator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), $"A ratio must lie between 0 and 1: {numerator}/{denominator}.");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }

    public int Denominator { get; }

    public static Ratio Half { get; } = new(1, 2);

    public static Ratio TwoThirds { get; } = new(2, 3);

    /// <summary>part ≥ ratio × whole.</summary>
    public bool IsMetBy(int part, int whole) => (long)part * Denominator >= (long)whole * Numerator;

    /// <summary>part &gt; ratio × whole.</summary>
    public bool IsExceededBy(int part, int whole) => (long)part * Denominator > (long)whole * Numerator;

    /// <summary>part = ratio × whole exactly.</summary>
    public bool IsExactlyAt(int part, int whole) => (long)part * Denominator == (long)whole * Numerator;

    /// <summary>The smallest part that meets the ratio of whole (ceiling).</summary>
    public int MinimumToMeet(int whole) => (int)(((long)whole * Numerator + Denominator - 1) / Denominator);

    /// <summary>The smallest part that exceeds the ratio of whole.</summary>
    public int MinimumToExceed(int whole) => (int)((long)whole * Numerator / Denominator) + 1;

    /// <summary>Parses "2/3", "50%" or "0.5".</summary>
    public static Ratio Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%'))
        {
            return new Ratio(int.Parse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture), 100);
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return new Ratio(
                int.Parse(trimmed[..slash], NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture));
        }

        var value = decimal.Parse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var denominator = 1;
        while (value * denominator != decimal.Truncate(value * denominator) && denominator < 1_000_000)
        {
            denominator *= 10;
        }

        return new Ratio((int)(value * denominator), denominator);
    }

    /// <summary>Like <see cref="Parse"/>, without exceptions for text that is not a ratio between 0 and 1.</summary>
    public static bool TryParse(string? text, out Ratio ratio)
    {
        ratio = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            ratio = Parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>"2/3" or, when the ratio is a whole percentage with denominator 100, "50%".</summary>
    public override string ToString() =>
        Denominator == 100
            ? Numerator.ToString(CultureInfo.InvariantCulture) + "%"
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
