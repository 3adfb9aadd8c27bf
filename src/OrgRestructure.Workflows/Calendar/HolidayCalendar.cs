using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Calendar;

/// <summary>A public holiday, a compensating or exchanged day off, or a weekend day worked in exchange.</summary>
public sealed record CalendarDay(DateOnly Date, string Vi, string En);

/// <summary>
/// Vietnam's days off beyond the weekend, one file per year under workflows/holidays/ (Tết and its
/// compensating days change every year by government announcement, so they are data, not code).
/// A year without a file counts Monday to Friday.
/// </summary>
public sealed class HolidayCalendar
{
    public const string DirectoryName = "holidays";

    private static readonly Lazy<HolidayCalendar> ShippedCalendar = new(() =>
        Directory.Exists(LocateDefaultDirectory()) ? LoadFromDirectory(LocateDefaultDirectory()) : new HolidayCalendar([], [], []));

    private readonly Dictionary<DateOnly, CalendarDay> _daysOff;
    private readonly Dictionary<DateOnly, CalendarDay> _workedWeekendDays;

    public HolidayCalendar(IEnumerable<int> years, IEnumerable<CalendarDay> daysOff, IEnumerable<CalendarDay> workedWeekendDays)
    {
        Years = [.. years.Order()];
        _daysOff = daysOff.ToDictionary(d => d.Date);
        _workedWeekendDays = workedWeekendDays.ToDictionary(d => d.Date);
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static HolidayCalendar None { get; } = new([], [], []);

    /// <summary>The shipped calendar (see <see cref="LocateDefaultDirectory"/>), read once.</summary>
    public static HolidayCalendar Shipped => ShippedCalendar.Value;

    public IReadOnlyList<int> Years { get; }

    public IEnumerable<CalendarDay> DaysOff => _daysOff.Values.OrderBy(d => d.Date);

    public bool IsWorkingDay(DateOnly date) =>
        _workedWeekendDays.ContainsKey(date) || (date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !_daysOff.ContainsKey(date));

    public CalendarDay? DayOff(DateOnly date) => _daysOff.GetValueOrDefault(date);

    /// <summary>holidays/ beside the shipped definitions.</summary>
    public static string LocateDefaultDirectory() => Path.Combine(WorkflowDefinitionRegistry.LocateDefaultDirectory(), DirectoryName);

    /// <summary>The calendar of a definitions directory: its holidays/ folder, else the shipped one (a test's own definitions still get the real holidays).</summary>
    public static HolidayCalendar ForDefinitions(string definitionsDirectory)
    {
        var own = Path.Combine(definitionsDirectory, DirectoryName);
        return Directory.Exists(own) ? LoadFromDirectory(own) : Shipped;
    }

    /// <summary>Reads every YYYY.json of <paramref name="directory"/>; throws naming each bad entry.</summary>
    public static HolidayCalendar LoadFromDirectory(string directory)
    {
        var (calendar, errors) = ValidateDirectory(directory);
        return errors.Count > 0 ? throw new InvalidHolidayCalendarException(errors) : calendar;
    }

    /// <summary>The start-up rules without the throw: the calendar read and every problem, for a check that reports them all.</summary>
    public static (HolidayCalendar Calendar, IReadOnlyList<DefinitionError> Errors) ValidateDirectory(string directory) =>
        HolidayCalendarReader.ReadDirectory(directory);
}

/// <summary>Thrown at start-up when a holiday file is wrong: the server does not start on a calendar it cannot trust.</summary>
public sealed class InvalidHolidayCalendarException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid holiday calendar / Lịch ngày nghỉ không hợp lệ:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
