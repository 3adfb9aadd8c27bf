namespace OrgRestructure.Workflows.Runtime;

/// <summary>Due dates in working days (Monday–Friday); public holidays are not modelled.</summary>
public static class WorkingDays
{
    public static DateTimeOffset Add(DateTimeOffset start, int days)
    {
        var result = start;
        var added = 0;
        while (added < days)
        {
            result = result.AddDays(1);
            if (result.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                added++;
            }
        }

        return result;
    }

    /// <summary>The end of a schedule's calendar day in Vietnam (UTC+7): a plan "due by 15 May" may be filed that whole day.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset);

    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
}
