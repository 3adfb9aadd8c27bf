using System.Globalization;

namespace OrgRestructure.Domain.Common;

/// <summary>
/// Number formatting for explanations: Vietnamese uses a comma for decimals and a dot for
/// thousands, English the invariant form. Done by hand so it does not depend on ICU data.
/// </summary>
public static class NumberText
{
    /// <summary>part/whole as a percentage with one decimal, e.g. 68,9% (vi) or 68.9% (en).</summary>
    public static BilingualText Percent(int part, int whole)
    {
        var value = whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
        return new BilingualText(Vi(value, 1) + "%", En(value, 1) + "%");
    }

    public static string Vi(decimal value, int decimals = 0) => Swap(En(value, decimals));

    public static string En(decimal value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Swap(string invariant) =>
        string.Create(invariant.Length, invariant, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
            }
        });
}
