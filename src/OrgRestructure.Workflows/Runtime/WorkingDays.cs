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
}
