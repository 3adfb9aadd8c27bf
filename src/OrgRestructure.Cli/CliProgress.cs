using System.Globalization;
using System.Text;
using Spectre.Console;

namespace OrgRestructure.Cli;

/// <summary>
/// Progress of a long command. On a terminal: a Spectre.Console bar (or spinner when the total is
/// unknown) with the command's lines printed above it. Redirected (CI logs, tests, a pipe): the
/// same lines, plain, and nothing else that moves.
/// </summary>
internal sealed class CliProgress
{
    private readonly ProgressTask? _task;
    private readonly string _title;
    private readonly double? _total;
    private readonly bool _plainShares;
    private int _sharesShown = -1;

    private CliProgress(TextWriter log, ProgressTask? task, string title, double? total, bool plainShares)
    {
        Log = log;
        _task = task;
        _title = title;
        _total = total;
        _plainShares = plainShares;
    }

    /// <summary>Where the command writes its progress lines: above the bar on a terminal, else the plain log.</summary>
    public TextWriter Log { get; }

    /// <summary>True when a live bar is drawn (stdout is a terminal).</summary>
    public bool Live => _task is not null;

    /// <summary>Moves the bar by <paramref name="steps"/>.</summary>
    public void Advance(double steps = 1) => _task?.Increment(steps);

    /// <summary>
    /// Sets how far the work has come. Plain output gets a line at each further tenth of the total
    /// when the command asked for it, so a CI log shows a long step moving.
    /// </summary>
    public void Set(double done)
    {
        if (_task is not null)
        {
            _task.Value = done;
            return;
        }

        if (!_plainShares || _total is null)
        {
            return;
        }

        var share = _total > 0 ? Math.Clamp(done / _total.Value, 0, 1) : 1;
        var tenth = (int)Math.Floor(share * 10);
        if (tenth > _sharesShown)
        {
            _sharesShown = tenth;
            Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_title}: {tenth * 10,3} % ({done:N0} / {_total:N0})"));
        }
    }

    /// <summary>Runs <paramref name="body"/> with a bar titled <paramref name="title"/> of <paramref name="total"/> steps (a spinner when null).</summary>
    public static async Task<T> RunAsync<T>(TextWriter log, string title, double? total, Func<CliProgress, Task<T>> body, bool plainShares = false)
    {
        if (!IsTerminal(log))
        {
            return await body(new CliProgress(log, null, title, total, plainShares));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: total ?? 100);
                task.IsIndeterminate = total is null;
                var result = await body(new CliProgress(new AboveTheBar(), task, title, total, plainShares));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>Only the process's own stdout, and only when it is a terminal, gets a live bar.</summary>
    private static bool IsTerminal(TextWriter log) =>
        ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Lines written while the bar is drawn go through Spectre.Console, which prints them above it.</summary>
    private sealed class AboveTheBar : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    AnsiConsole.Console.WriteLine(_line.ToString().TrimEnd('\r'), Style.Plain);
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value) => Write(value + "\n");
    }
}
