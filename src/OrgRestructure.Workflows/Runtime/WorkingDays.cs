using OrgRestructure.Workflows.Calendar;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>Due dates in working days: Monday to Friday in Vietnam, less its public holidays (<see cref="HolidayCalendar"/>).</summary>
public static class WorkingDays
{
    public static DateTimeOffset Add(DateTimeOffset start, int days, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var result = start;
        var added = 0;
        while (added < days)
        {
            result = result.AddDays(1);
            if (calendar.IsWorkingDay(LocalDate(result)))
            {
                added++;
            }
        }

        return result;
    }

    /// <summary>The calendar day in Vietnam (UTC+7) a moment falls on: a holiday is a Vietnamese date.</summary>
    public static DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(VietnamOffset).DateTime);

    /// <summary>The end of a schedule's calendar day in Vietnam (UTC+7): a plan "due by 15 May" may be filed that whole day.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), VietnamOffset);

    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
}
