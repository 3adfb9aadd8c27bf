using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Calendar;
using OrgRestructure.Workflows.Hosting;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Calendar;

public sealed class HolidayCalendarTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void a_due_date_spanning_tet_2025_skips_the_five_tet_days()
    {
        // Friday 24 January 2025; Tết Ất Tỵ is 27–31 January, then a weekend.
        var start = new DateTimeOffset(2025, 1, 24, 8, 0, 0, Vietnam);

        var due = WorkingDays.Add(start, 3, HolidayCalendar.Shipped);

        Assert.Equal(new DateTimeOffset(2025, 2, 5, 8, 0, 0, Vietnam), due);
        Assert.Equal(new DateTimeOffset(2025, 1, 29, 8, 0, 0, Vietnam), WorkingDays.Add(start, 3, HolidayCalendar.None));
    }

    [Fact]
    public void a_saturday_worked_in_exchange_counts_and_the_exchanged_friday_does_not()
    {
        // Friday 25 April 2025: Saturday 26/4 is worked for Friday 2/5; 30/4 and 1/5 are holidays.
        var start = new DateTimeOffset(2025, 4, 25, 8, 0, 0, Vietnam);

        var days = Enumerable.Range(1, 4).Select(n => WorkingDays.LocalDate(WorkingDays.Add(start, n, HolidayCalendar.Shipped))).ToList();

        Assert.Equal([new DateOnly(2025, 4, 26), new DateOnly(2025, 4, 28), new DateOnly(2025, 4, 29), new DateOnly(2025, 5, 5)], days);
    }

    [Fact]
    public void every_year_the_brief_names_has_its_calendar_with_tet_and_the_fixed_holidays()
    {
        var calendar = HolidayCalendar.LoadFromDirectory(Path.Combine(RepositoryPaths.WorkflowsDirectory, HolidayCalendar.DirectoryName));

        Assert.Equal([2014, 2024, 2025, 2026, 2027], calendar.Years);
        foreach (var year in calendar.Years)
        {
            foreach (var (month, day) in new[] { (1, 1), (4, 30), (5, 1), (9, 2) })
            {
                Assert.NotNull(calendar.DayOff(new DateOnly(year, month, day)));
            }

            Assert.True(calendar.DaysOff.Count(d => d.Date.Year == year && d.Vi.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)) >= 5, $"{year}: Tết");
            Assert.Single(calendar.DaysOff, d => d.Date.Year == year && d.Vi == "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        }

        Assert.NotNull(calendar.DayOff(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public async Task a_formation_case_started_before_tet_2026_is_due_after_the_holidays()
    {
        var harness = new EngineHarness();
        // Friday 13 February 2026; Tết Bính Ngọ closes 16–20 February.
        harness.Clock.Now = new DateTimeOffset(2026, 2, 13, 8, 0, 0, Vietnam);

        var c = await FormationCase.StartAsync(harness: harness);
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "slate");

        // 15 working days: 23 February to 13 March (Monday to Friday, no holiday).
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 8, 0, 0, Vietnam), task.DueAt);
    }

    [Theory]
    [InlineData("2025-02-30", "\"2025-02-30\" is not a date")]
    [InlineData("2024-09-02", "2024-09-02 is not in 2025")]
    [InlineData("2025-01-01", "2025-01-01 is listed twice")]
    public void a_bad_date_in_a_holiday_file_stops_start_up_naming_file_entry_and_date(string date, string message)
    {
        var directory = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.WorkflowsDirectory, "schema.json"), Path.Combine(directory, "schema.json"));
            Directory.CreateDirectory(Path.Combine(directory, HolidayCalendar.DirectoryName));
            File.WriteAllText(Path.Combine(directory, HolidayCalendar.DirectoryName, "2025.json"), $$"""
                { "year": 2025, "daysOff": [
                  { "date": "2025-01-01", "vi": "Tết Dương lịch", "en": "New Year's Day" },
                  { "date": "{{date}}", "vi": "Ngày nghỉ", "en": "Day off" } ] }
                """);

            var ex = Assert.Throws<InvalidHolidayCalendarException>(() => new ServiceCollection().AddWorkflowEngine(directory));

            var error = Assert.Single(ex.Errors);
            Assert.EndsWith("2025.json", error.File, StringComparison.Ordinal);
            Assert.Equal("$.daysOff[1].date", error.Path);
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
            Assert.Contains("Invalid holiday calendar", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void a_weekday_listed_as_worked_in_exchange_is_refused()
    {
        var directory = Directory.CreateTempSubdirectory("holidays-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "2025.json"), """
                { "year": 2025, "workingWeekendDays": [ { "date": "2025-04-25", "vi": "Làm bù", "en": "Worked" } ] }
                """);

            var ex = Assert.Throws<InvalidHolidayCalendarException>(() => HolidayCalendar.LoadFromDirectory(directory));

            Assert.Contains("is a Friday, not a weekend day", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
