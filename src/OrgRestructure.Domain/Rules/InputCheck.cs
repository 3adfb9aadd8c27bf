using System.Globalization;
using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

/// <summary>A number given to a rule, with its name in both languages for messages.</summary>
internal readonly record struct Quantity(string Vi, string En, int Value)
{
    public string Text => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Collects every problem with a rule's input rather than stopping at the first.</summary>
internal sealed class InputCheck(string subject)
{
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems => _problems;

    public bool Failed => _problems.Count > 0;

    public InputCheck NonNegative(params Quantity[] quantities)
    {
        foreach (var q in quantities.Where(q => q.Value < 0))
        {
            Add("negative-count", $"{q.Vi} không được âm ({q.Text})", $"{q.En} must not be negative ({q.Text})");
        }

        return this;
    }

    public InputCheck Positive(Quantity q)
    {
        if (q.Value <= 0)
        {
            Add("not-positive", $"{q.Vi} phải lớn hơn 0 ({q.Text})", $"{q.En} must be greater than 0 ({q.Text})");
        }

        return this;
    }

    public InputCheck NotAbove(Quantity q, Quantity limit)
    {
        if (q.Value >= 0 && limit.Value >= 0 && q.Value > limit.Value)
        {
            Add("exceeds", $"{q.Vi} ({q.Text}) lớn hơn {limit.Vi} ({limit.Text})", $"{q.En} ({q.Text}) exceeds {limit.En} ({limit.Text})");
        }

        return this;
    }

    public void Add(string code, string vi, string en) => _problems.Add(new Problem(code, subject, vi, en));

    /// <summary>The explanation when the input was refused: every problem, prefixed by the subject.</summary>
    public BilingualText Refusal()
    {
        var prefix = string.IsNullOrEmpty(subject) ? "" : subject + ": ";
        return new BilingualText(
            prefix + "dữ liệu không hợp lệ — " + string.Join("; ", _problems.Select(p => p.Vi)),
            prefix + "invalid input — " + string.Join("; ", _problems.Select(p => p.En)));
    }
}
