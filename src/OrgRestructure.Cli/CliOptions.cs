using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OrgRestructure.Cli;

/// <summary>Typed options several commands share, parsed the same way whatever the machine's culture.</summary>
internal static class CliOptions
{
    public static Option<bool> Json(string description = "Print the results as JSON on stdout (progress on stderr)") => new("--json") { Description = description };

    /// <summary>--seconds N: a duration in seconds, 0 &lt; N ≤ 600, with a dot as the decimal separator.</summary>
    public static Option<double> Seconds(double byDefault, string description) => new("--seconds")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => byDefault,
        CustomParser = result => Checked(
            result,
            double.TryParse(Single(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 600,
            value,
            "--seconds must be a number between 0 and 600. / Giá trị --seconds không hợp lệ."),
    };

    /// <summary>An integer option within [min, max], named in the message when it is not.</summary>
    public static Option<int> Integer(string name, int byDefault, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => byDefault,
        CustomParser = result => Checked(
            result,
            int.TryParse(Single(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max,
            value,
            max == int.MaxValue
                ? $"{name} must be a whole number of at least {min}. / Giá trị {name} không hợp lệ."
                : $"{name} must be between {min} and {max}. / Giá trị {name} không hợp lệ."),
    };

    /// <summary>A text option that takes only the given words.</summary>
    public static Option<string> OneOf(string name, string byDefault, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => byDefault };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>
    /// An option's value in a command's validator, or default when it was named without a value:
    /// the parser has already reported that, and reading the value would throw instead.
    /// </summary>
    public static T? GivenValue<T>(this CommandResult result, Option<T> option) =>
        result.GetResult(option) is { Implicit: false, Tokens.Count: 0 } && option.Arity.MinimumNumberOfValues > 0 ? default : result.GetValue(option);

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static T Checked<T>(ArgumentResult result, bool valid, T value, string problem)
    {
        if (!valid)
        {
            result.AddError($"{problem} ('{Single(result)}')");
        }

        return value;
    }
}
